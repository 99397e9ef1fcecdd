import {
  DEFAULT_ESTATE_SETTINGS,
  settingsForm,
  settingsFromForm
} from '../../../../src/domain/estates/settings'
import { NEW_PLAN_FORM, newPlanForm } from '../../../../src/domain/patrol/setupForm'
import { filterRooms, type ListedRoom } from '../../../../src/domain/estates/roomPick'

describe('the settings screen', () => {
  const form = settingsForm({ overstayHours: 4, responseMinutes: { urgent: 20 } })

  it('is filled from the settings (patrol from the defaults, unset response times empty)', () => {
    expect(form).toEqual({
      overstayHours: '4',
      responseMinutes: { urgent: '20', high: '', normal: '', low: '' },
      everyMinutes: '120',
      minMinutes: '20',
      maxMinutes: '60',
      checkInMinutes: '20',
      graceMinutes: '5',
      reportHour: '8'
    })
    // an hour set before is shown, so saving the screen keeps it (it used to fall back to 8)
    expect(settingsForm({ overstayHours: 4, reportHour: 6 }).reportHour).toBe('6')
  })

  it('gives the settings to send: empty response times keep the company default', () => {
    expect(settingsFromForm({ ...form, overstayHours: ' 6 ' })).toEqual({
      overstayHours: 6,
      responseMinutes: { urgent: 20 },
      patrol: DEFAULT_ESTATE_SETTINGS.patrol,
      safety: { checkInMinutes: 20, graceMinutes: 5 },
      reportHour: 8
    })
    expect(settingsFromForm({ ...form, reportHour: '0' })).toMatchObject({ reportHour: 0 })
    // 报平安 0 turns the check-ins off
    expect(settingsFromForm({ ...form, checkInMinutes: '0' })).toMatchObject({
      safety: { checkInMinutes: 0, graceMinutes: 5 }
    })
  })

  it('names the field that is wrong, in Chinese, with the domain’s messages for fields that must fit together', () => {
    expect(settingsFromForm({ ...form, overstayHours: '0' })).toMatchObject({
      field: 'settings.overstayHours'
    })
    expect(settingsFromForm({ ...form, overstayHours: '4.5' })).toMatchObject({ message: /1到72/ })
    expect(
      settingsFromForm({ ...form, responseMinutes: { ...form.responseMinutes, high: 'abc' } })
    ).toMatchObject({ field: 'settings.responseMinutes.high', message: /紧急/ })
    expect(settingsFromForm({ ...form, everyMinutes: '10' })).toMatchObject({
      field: 'settings.patrol.everyMinutes',
      message: /15到1440/
    })
    expect(settingsFromForm({ ...form, minMinutes: '50', maxMinutes: '30' })).toMatchObject({
      field: 'settings.patrol.maxMinutes',
      message: '巡更用时：最长应不少于最短'
    })
    expect(
      settingsFromForm({ ...form, responseMinutes: { ...form.responseMinutes, high: '10' } })
    ).toMatchObject({ field: 'settings.responseMinutes.high', message: /紧急不应比特急更短/ })
    expect(settingsFromForm({ ...form, checkInMinutes: 'x' })).toMatchObject({
      field: 'settings.safety.checkInMinutes',
      message: /报平安间隔/
    })
    expect(settingsFromForm({ ...form, reportHour: '24' })).toMatchObject({
      field: 'settings.reportHour',
      message: /0到23/
    })
    expect(settingsFromForm({ ...form, graceMinutes: '90' })).toMatchObject({
      field: 'settings.safety.graceMinutes'
    })
  })

  it('a new patrol plan starts from the estate’s patrol settings', () => {
    expect(newPlanForm({ everyMinutes: 90, minMinutes: 15, maxMinutes: 50 })).toEqual({
      ...NEW_PLAN_FORM,
      everyMinutes: 90,
      minMinutes: 15,
      maxMinutes: 50
    })
    expect(newPlanForm(undefined)).toEqual(NEW_PLAN_FORM)
  })
})

describe('the managers’ room list', () => {
  const r = (label: string, ownerName?: string, ownerPhone?: string): ListedRoom => {
    const p = label.split('-')
    return p.length === 3
      ? { building: p[0], unit: p[1], no: p[2], label, ownerName, ownerPhone }
      : { building: p[0], unit: '', no: p[1], label, ownerName, ownerPhone }
  }
  const rooms = [
    r('2-1-101', '张三', '138****5678'),
    r('10-1-101'),
    r('1-2-302', '李四'),
    r('1-1-1001'),
    r('1-1-201')
  ]

  it('by building and unit, in house-number order', () => {
    expect(filterRooms(rooms, {}).map((x) => x.label)).toEqual([
      '1-1-201',
      '1-1-1001',
      '1-2-302',
      '2-1-101',
      '10-1-101'
    ])
    expect(filterRooms(rooms, { building: '1', unit: '2' }).map((x) => x.label)).toEqual(['1-2-302'])
  })
  it('searches the room, the owner and the phone’s last digits', () => {
    expect(filterRooms(rooms, { q: '101' }).map((x) => x.label)).toEqual(['2-1-101', '10-1-101'])
    expect(filterRooms(rooms, { q: '李' }).map((x) => x.label)).toEqual(['1-2-302'])
    expect(filterRooms(rooms, { q: '5678' }).map((x) => x.label)).toEqual(['2-1-101'])
  })
})
