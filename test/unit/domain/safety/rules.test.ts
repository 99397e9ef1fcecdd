import {
  afterCheckIn,
  alertLines,
  alertTitle,
  checkInTime,
  endWatch,
  FRESH_CHECK_IN_MS,
  isMissed,
  mapLink,
  missedAlertId,
  safetyOf,
  safetyOn,
  safetyProblem,
  startWatch,
  type SafetySettings
} from '../../../../src/domain/safety/rules'

const T = Date.UTC(2026, 10, 23, 14, 0, 0) // 22:00 China
const M = 60_000
const S: SafetySettings = { checkInMinutes: 20, graceMinutes: 5 }

describe('settings', () => {
  it('defaults to every 20 minutes with 5 minutes grace; 0 turns it off', () => {
    expect(safetyOf(undefined)).toEqual({ checkInMinutes: 20, graceMinutes: 5 })
    expect(safetyOf({ safety: { checkInMinutes: 30 } })).toEqual({ checkInMinutes: 30, graceMinutes: 5 })
    expect(safetyOn(safetyOf({ safety: { checkInMinutes: 0, graceMinutes: 5 } }))).toBe(false)
    expect(safetyOn(S)).toBe(true)
  })
  it('explains a wrong interval or grace in Chinese', () => {
    expect(safetyProblem(S)).toBeUndefined()
    expect(safetyProblem({ checkInMinutes: 0, graceMinutes: 0 })).toBeUndefined()
    expect(safetyProblem({ checkInMinutes: 3, graceMinutes: 5 })?.message).toContain('至少5分钟')
    expect(safetyProblem({ checkInMinutes: 500, graceMinutes: 5 })?.field).toBe(
      'settings.safety.checkInMinutes'
    )
    expect(safetyProblem({ checkInMinutes: 20, graceMinutes: 61 })?.field).toBe(
      'settings.safety.graceMinutes'
    )
    expect(safetyProblem({ checkInMinutes: 20.5, graceMinutes: 5 })).toBeDefined()
  })
})

describe('interval and grace', () => {
  it('the first check-in is due an interval after the start, missed after the grace', () => {
    const w = startWatch(T, S)
    expect(w).toEqual({ status: 'watching', lastAt: T, dueAt: T + 20 * M, alertAt: T + 25 * M })
    expect(isMissed(w, T + 20 * M)).toBe(false)
    expect(isMissed(w, T + 25 * M - 1)).toBe(false)
    expect(isMissed(w, T + 25 * M)).toBe(true)
  })
  it('a check-in moves the next due time; an older one changes nothing', () => {
    const w = startWatch(T, S)
    const after = afterCheckIn(w, T + 18 * M, T + 18 * M, S)
    expect(after).toEqual({ status: 'watching', lastAt: T + 18 * M, dueAt: T + 38 * M, alertAt: T + 43 * M })
    expect(isMissed(after, T + 30 * M)).toBe(false)
    expect(afterCheckIn(after, T + 10 * M, T + 19 * M, S)).toBe(after)
    expect(afterCheckIn(after, undefined, T + 19 * M, S)).toBe(after)
  })
  it('an alerted watch is not missed again; a check-in now resumes it', () => {
    const alerted = { ...startWatch(T, S), status: 'alerted' as const }
    expect(isMissed(alerted, T + 60 * M)).toBe(false)
    const back = afterCheckIn(alerted, T + 30 * M, T + 30 * M, S)
    expect(back.status).toBe('watching')
    expect(back.alertAt).toBe(T + 55 * M)
  })
})

describe('round end', () => {
  it('an ended round is never missed and check-ins do not reopen it', () => {
    const w = endWatch(startWatch(T, S))
    expect(isMissed(w, T + 120 * M)).toBe(false)
    expect(afterCheckIn(w, T + 30 * M, T + 30 * M, S).status).toBe('ended')
  })
})

describe('offline check-ins arriving late', () => {
  it('one sent as made counts at the server time, whatever the phone clock says', () => {
    // the phone's clock is an hour behind (flagged clockOff), but it sent the check-in at once
    const now = T + 30 * M
    expect(
      checkInTime({
        deviceTime: now - 3600_000,
        sentAt: now - 3600_000 + 2000,
        now,
        at: now,
        flag: 'clockOff'
      })
    ).toBe(now)
  })
  it('one queued offline counts at the phone time when the rule kept it', () => {
    const now = T + 40 * M
    expect(checkInTime({ deviceTime: T + 15 * M, sentAt: now, now, at: T + 15 * M })).toBe(T + 15 * M)
    expect(FRESH_CHECK_IN_MS).toBeLessThan(25 * M)
  })
  it('one queued offline with a flagged phone time is not counted (flag, do not trust)', () => {
    const now = T + 40 * M
    expect(
      checkInTime({ deviceTime: T + 39 * M, sentAt: now - 10 * M, now, at: now, flag: 'clockOff' })
    ).toBe(undefined)
    expect(checkInTime({ deviceTime: T - 80 * 3600_000, sentAt: now, now, at: now, flag: 'tooOld' })).toBe(
      undefined
    )
  })
  it('a late check-in older than the alert leaves the open alert alone; one that covers now clears the watch', () => {
    const alerted = { ...startWatch(T, S), status: 'alerted' as const }
    const now = T + 70 * M
    // made at 22:18 offline, arrives 23:10: still missing since 22:43
    const late = afterCheckIn(alerted, T + 18 * M, now, S)
    expect(late.status).toBe('alerted')
    expect(late.lastAt).toBe(T + 18 * M)
    // made at 23:00, arrives 23:10: covered until 23:25
    const recent = afterCheckIn(alerted, T + 60 * M, now, S)
    expect(recent.status).toBe('watching')
    expect(isMissed(recent, now)).toBe(false)
  })
  it('a late check-in on a watch not yet alerted that is itself past the grace is missed at once', () => {
    const w = startWatch(T, S)
    const now = T + 60 * M
    const late = afterCheckIn(w, T + 10 * M, now, S)
    expect(isMissed(late, now)).toBe(true)
  })
})

describe('alerts as shown', () => {
  const base = {
    kind: 'missed' as const,
    staffId: 's1',
    staffName: '李巡',
    roundId: 'r1',
    at: T + 25 * M,
    lastCheckInAt: T,
    status: 'open' as const
  }
  it('says who, when, the last position with a map link, and the last checkpoint', () => {
    expect(alertTitle(base)).toBe('李巡 未按时报平安')
    expect(alertTitle({ ...base, kind: 'panic' })).toBe('李巡 长按求助')
    const lines = alertLines({
      ...base,
      position: { lat: 22.5431, lng: 114.0579, accuracyM: 12.4 },
      positionAt: T + 3 * M,
      checkpointName: '地下车库入口',
      checkpointAt: T + 3 * M
    })
    expect(lines).toEqual([
      '应报平安 22:25 前，未报',
      '上次报平安 22:00',
      '最后位置 22.54310, 114.05790（±12米） · 22:03',
      '最后巡更点 地下车库入口 · 22:03'
    ])
    expect(mapLink({ lat: 22.5431, lng: 114.0579, accuracyM: 5 })).toBe(
      'https://uri.amap.com/marker?position=114.057900,22.543100'
    )
  })
  it('without a position or a checkpoint it says so; an acknowledgement shows who, when and the note', () => {
    const lines = alertLines({
      ...base,
      status: 'acked',
      ackByName: '周主管',
      ackAt: T + 27 * M,
      ackNote: '已电话联系，手机没电'
    })
    expect(lines).toContain('最后位置：未知')
    expect(lines).toContain('最后巡更点：本轮还没有打点')
    expect(lines[lines.length - 1]).toBe('已由周主管于 22:27 确认：已电话联系，手机没电')
  })
  it('a panic outside any round says so instead of a round without points', () => {
    const { roundId: _r, ...noRound } = base
    expect(alertLines({ ...noRound, kind: 'panic' })).toContain('最后巡更点：不在巡更中')
    expect(alertLines({ ...base, kind: 'panic' })).toContain('最后巡更点：本轮还没有打点')
  })
  it('the missed alert id names the round and the missed time, within the id limit', () => {
    expect(missedAlertId('r1', 123)).toBe('m-r1-123')
    expect(missedAlertId('x'.repeat(64), 1).length).toBe(64)
  })
})
