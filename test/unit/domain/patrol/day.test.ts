/** A patrol day and week from plans, routes and rounds: states, lateness, counts, coverage, missed slots. */
import {
  countsLate,
  dayAlerts,
  dayReport,
  missedRoundId,
  missedSlots,
  slotState,
  weekCoverage
} from '../../../../src/domain/patrol/day'
import type { Plan, Round } from '../../../../src/domain/patrol/model'

const M = 60_000
const H = 60 * M
const D0 = Date.UTC(2026, 10, 22, 16) // Monday 00:00 in China
const plan = {
  _id: 'p1',
  name: '白班',
  routeId: 'r1',
  days: [0, 1, 2, 3, 4, 5, 6],
  start: '08:00',
  end: '12:00',
  everyMinutes: 120,
  minMinutes: 0,
  maxMinutes: 120
} satisfies Partial<Plan>
const S1 = D0 + 8 * H
const S2 = D0 + 10 * H
const round = (over: Partial<Round>) =>
  ({
    _id: 'x',
    planId: 'p1',
    slotStart: S1,
    slotEnd: S2,
    status: 'done',
    startedAt: S1,
    endedAt: S1 + 30 * M,
    ...over
  }) as Round

describe('slotState and countsLate', () => {
  const s = { start: S1, end: S2 }
  it('upcoming, due, late after 15 minutes, missed once closed; a round’s status wins', () => {
    expect(slotState(undefined, s, S1 - 1)).toBe('upcoming')
    expect(slotState(undefined, s, S1 + 15 * M)).toBe('due')
    expect(slotState(undefined, s, S1 + 15 * M + 1)).toBe('late')
    expect(slotState(undefined, s, S2)).toBe('missed')
    expect(slotState({ status: 'inProgress' }, s, S2 + H)).toBe('inProgress')
  })
  it('late: nobody started past the grace, or started after it; missed is not also late', () => {
    expect(countsLate(undefined, s, 'late')).toBe(true)
    expect(countsLate(undefined, s, 'missed')).toBe(false)
    expect(countsLate({ startedAt: S1 + 16 * M }, s, 'done')).toBe(true)
    expect(countsLate({ startedAt: S1 + 15 * M }, s, 'done')).toBe(false)
  })
})

describe('a day', () => {
  it('alerts count missed and late slots from plans and rounds alone', () => {
    // 11:00: the 08:00 slot closed unwalked, the 10:00 slot is 60 min in with nobody
    expect(dayAlerts([plan], [], D0, D0 + 11 * H)).toEqual({ missed: 1, late: 1 })
    expect(dayAlerts([plan], [round({ startedAt: S1 + 20 * M })], D0, D0 + 11 * H)).toEqual({
      missed: 0,
      late: 2
    })
  })
  it('every slot with its state, flags, coverage and the day’s counts', () => {
    const routes = new Map([['r1', { name: '主路线', checkpointIds: ['c1', 'c2'] }]])
    const ev = {
      outOfOrder: false,
      anomalies: [],
      evidence: { level: 'ok' as const, score: 60, reasons: [] }
    }
    const scans = new Map([['x', [{ checkpointId: 'c1', deviceTime: S1 + 5 * M, ...ev }]]])
    const r = dayReport([plan], routes, [round({ status: 'abandoned' })], scans, (id) => id, D0, D0 + 11 * H)
    expect(r.plans).toHaveLength(1)
    expect(r.plans[0]).toMatchObject({ planId: 'p1', planName: '白班', routeName: '主路线' })
    expect(r.plans[0].rounds.map((x) => [x.state, x.roundId, x.coverage])).toEqual([
      ['abandoned', 'x', 50],
      ['late', undefined, 0]
    ])
    expect(r.plans[0].rounds[1].flags).toEqual(['已过开始时间，还没人开始'])
    expect(r.counts).toMatchObject({ done: 0, late: 1, missed: 0, incomplete: 1, coverage: 25 })
  })
})

describe('the week and the sweep', () => {
  it('coverage per day: scanned share over slots begun, null for a day without slots', () => {
    const rounds = new Map([[`p1@${S1}`, { _id: 'x' }]])
    const cov = weekCoverage(
      { _id: 'r1', checkpointIds: ['c1', 'c2'] },
      [plan],
      rounds,
      new Map([['x', 1]]),
      D0,
      D0 + 11 * H
    )
    expect(cov).toHaveLength(7)
    // today: two slots begun, one half walked
    expect(cov[6]).toBe(25)
    expect(cov[5]).toBe(0)
    expect(
      weekCoverage(
        { _id: 'r1', checkpointIds: ['c1'] },
        [{ ...plan, days: [1] }],
        rounds,
        new Map(),
        D0,
        D0 + 11 * H
      )[5]
    ).toBeNull()
  })
  it('missed slots: closed in the last day, without a round', () => {
    const now = D0 + 13 * H
    const slots = missedSlots([plan], [round({})], now)
    // yesterday's slots closed more than a day ago, today's 08:00 was walked: only 10:00 is missed
    expect(slots.map((s) => s.start)).toEqual([S2])
    expect(missedRoundId('p1', S2)).toBe(`missed-p1-${S2}`)
  })
})
