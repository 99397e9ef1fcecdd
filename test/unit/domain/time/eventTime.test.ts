import {
  judgeEventTime,
  MAX_CLOCK_SKEW_MS,
  MAX_OFFLINE_MS,
  timeDoubt
} from '../../../../src/domain/time/eventTime'

const NOW = Date.UTC(2026, 10, 23, 1)

describe('the event-time rule', () => {
  it('keeps a plausible phone time: online, offline for hours, a little ahead (clamped to now)', () => {
    expect(judgeEventTime({ deviceTime: NOW - 1000, sentAt: NOW, now: NOW })).toEqual({ at: NOW - 1000 })
    expect(judgeEventTime({ deviceTime: NOW - 10 * 3600_000, sentAt: NOW, now: NOW })).toEqual({
      at: NOW - 10 * 3600_000
    })
    expect(judgeEventTime({ deviceTime: NOW + 60_000, now: NOW })).toEqual({ at: NOW })
  })

  it.each([
    ['future', { deviceTime: NOW + MAX_CLOCK_SKEW_MS + 1 }],
    ['tooOld', { deviceTime: NOW - MAX_OFFLINE_MS - 1 }],
    ['tooOld', { deviceTime: 0 }],
    ['clockOff', { deviceTime: NOW, sentAt: NOW - MAX_CLOCK_SKEW_MS - 1 }],
    ['beforeSession', { deviceTime: NOW - 3600_000, since: NOW - 60_000 }],
    ['beforePrevious', { deviceTime: NOW - 3 * 3600_000, after: NOW - 3600_000 }]
  ] as const)('%s: the server time, flagged', (flag, x) => {
    expect(judgeEventTime({ now: NOW, ...x })).toEqual({ at: NOW, flag })
  })

  it('the session and previous-step bounds allow the clock skew', () => {
    expect(judgeEventTime({ deviceTime: NOW - 60_000, since: NOW, now: NOW + 120_000 }).flag).toBeUndefined()
    expect(judgeEventTime({ deviceTime: NOW - 60_000, after: NOW, now: NOW + 120_000 }).flag).toBeUndefined()
  })

  it('the supervisor’s marker', () => {
    expect(timeDoubt(undefined)).toBe('')
    expect(timeDoubt('beforePrevious')).toBe('时间存疑（早于上一步）')
  })
})
