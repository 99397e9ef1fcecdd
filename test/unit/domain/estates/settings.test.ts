import {
  DEFAULT_ESTATE_SETTINGS,
  isTimeZone,
  placeName,
  settingsProblem,
  settingsWithDefaults
} from '../../../../src/domain/estates/settings'

describe('estate settings', () => {
  it('a new estate starts from the defaults, with what was set over them', () => {
    expect(settingsWithDefaults(undefined)).toEqual(DEFAULT_ESTATE_SETTINGS)
    expect(settingsWithDefaults({ overstayHours: 8 })).toEqual({
      ...DEFAULT_ESTATE_SETTINGS,
      overstayHours: 8
    })
  })
  it('patrol times must fit together', () => {
    const p = { everyMinutes: 60, minMinutes: 30, maxMinutes: 20 }
    expect(settingsProblem({ overstayHours: 4, patrol: p })?.field).toBe('settings.patrol.maxMinutes')
    expect(
      settingsProblem({ overstayHours: 4, patrol: { everyMinutes: 30, minMinutes: 40, maxMinutes: 50 } })
        ?.message
    ).toMatch(/最短不能超过/)
    expect(settingsProblem(DEFAULT_ESTATE_SETTINGS)).toBeUndefined()
  })
  it('a more severe incident never gets longer to be handled', () => {
    expect(settingsProblem({ overstayHours: 4, responseMinutes: { urgent: 60, high: 30 } })).toEqual({
      field: 'settings.responseMinutes.high',
      message: '处理时限：紧急不应比特急更短'
    })
    expect(settingsProblem({ overstayHours: 4, responseMinutes: { urgent: 30, low: 600 } })).toBeUndefined()
  })
  it('time zones the runtime knows; names without spaces', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(placeName(' 东 门 ')).toBe('东门')
  })
})
