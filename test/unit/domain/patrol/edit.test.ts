/**
 * Editing routes and plans in use (domain/patrol/edit.ts and what the day makes of an edit): the
 * conflict message, when a plan's schedule changed, moving a point in a route's order, slots of a
 * stopped or re-scheduled plan, and a round judged by the route it kept.
 */
import { editConflictMessage, editedAt, moved, scheduleChanged } from '../../../../src/domain/patrol/edit'
import { dayReport, missedSlots, planDay } from '../../../../src/domain/patrol/day'
import { slotsOn } from '../../../../src/domain/patrol/slots'
import { evaluateRound, routeOfRound } from '../../../../src/domain/patrol/rules'
import type { Plan, Round } from '../../../../src/domain/patrol/model'

const M = 60_000
const H = 60 * M
const D0 = Date.UTC(2026, 10, 22, 16) // Monday 23 Nov 00:00 in China
const plan = {
  _id: 'p1',
  name: '白班',
  routeId: 'r1',
  days: [0, 1, 2, 3, 4, 5, 6],
  start: '08:00',
  end: '12:00',
  everyMinutes: 60,
  minMinutes: 0,
  maxMinutes: 30
} satisfies Partial<Plan>
const round = (over: Partial<Round>): Round =>
  ({
    _id: 'r',
    _v: 1,
    createdAt: 0,
    updatedAt: 0,
    estateId: 'e',
    planId: 'p1',
    routeId: 'r1',
    slotStart: D0 + 8 * H,
    slotEnd: D0 + 9 * H,
    status: 'done',
    startedAt: D0 + 8 * H,
    endedAt: D0 + 8 * H + 20 * M,
    ...over
  }) as Round

describe('the conflict message', () => {
  it('names the record, who saved it and when, in estate time', () => {
    expect(editedAt(D0 + 9 * H + 5 * M)).toBe('11月23日 09:05')
    expect(editConflictMessage('plan', '夜巡', { byName: '吴经理', updatedAt: D0 + 21 * H })).toBe(
      '计划「夜巡」已被吴经理在11月23日 21:00修改，已载入最新内容，请在此基础上重新修改'
    )
    expect(editConflictMessage('route', '主路线', { updatedAt: D0 })).toMatch(
      /^路线「主路线」已被别人在11月23日 00:00修改/
    )
    expect(editConflictMessage('route', '主路线', undefined)).toBe(
      '路线「主路线」刚被别人修改过，请刷新后重新修改'
    )
  })
})

describe('scheduleChanged and moved', () => {
  it('days (in any order), window or interval change the schedule; the rest does not', () => {
    expect(scheduleChanged(plan, { ...plan, days: [6, 5, 4, 3, 2, 1, 0] })).toBe(false)
    expect(scheduleChanged(plan, { ...plan, days: [1, 2] })).toBe(true)
    expect(scheduleChanged(plan, { ...plan, start: '08:30' })).toBe(true)
    expect(scheduleChanged(plan, { ...plan, end: '13:00' })).toBe(true)
    expect(scheduleChanged(plan, { ...plan, everyMinutes: 120 })).toBe(true)
  })
  it('a point moves one place up or down; at either end it stays', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b'])
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c'])
  })
})

describe('slots of a stopped or re-scheduled plan', () => {
  it('a stopped plan has none; one re-scheduled at 10:30 has none that closed before then', () => {
    expect(slotsOn({ ...plan, active: false }, D0)).toEqual([])
    expect(slotsOn({ ...plan, scheduleFrom: D0 + 10 * H + 30 * M }, D0).map((s) => s.start)).toEqual([
      D0 + 10 * H,
      D0 + 11 * H
    ])
    expect(missedSlots([{ ...plan, scheduleFrom: D0 + 10 * H + 30 * M }], [], D0 + 12 * H)).toHaveLength(2)
    expect(missedSlots([plan], [], D0 + 12 * H)).toHaveLength(4)
  })

  it('a round on no slot of the plan now keeps its own row on its day; a stopped plan shows only its rounds', () => {
    const walked = round({ slotStart: D0 + 8 * H + 15 * M, slotEnd: D0 + 9 * H + 15 * M })
    const rs = new Map([['p1@x', walked]])
    expect(planDay(plan, D0, rs).map((x) => [x.slot.start, x.round?._id])).toEqual([
      [D0 + 8 * H, undefined],
      [D0 + 8 * H + 15 * M, 'r'],
      [D0 + 9 * H, undefined],
      [D0 + 10 * H, undefined],
      [D0 + 11 * H, undefined]
    ])
    const routes = new Map([['r1', { name: '线', checkpointIds: ['a'] }]])
    const day = dayReport(
      [{ ...plan, active: false }],
      routes,
      [walked],
      new Map(),
      (id) => id,
      D0,
      D0 + 13 * H
    )
    expect(day.plans).toHaveLength(1)
    expect(day.plans[0].planName).toBe('白班（已停用）')
    expect(day.plans[0].rounds.map((x) => x.state)).toEqual(['done'])
    expect(day.counts.missed).toBe(0)
    expect(dayReport([{ ...plan, active: false }], routes, [], new Map(), (id) => id, D0, D0).plans).toEqual(
      []
    )
  })
})

describe('a round judged by the route and limits it kept', () => {
  it('points and time limits come from the round’s copy when it has one', () => {
    const kept = round({
      route: { name: '旧线', checkpointIds: ['a', 'b'], ordered: true },
      limits: { minMinutes: 0, maxMinutes: 30 }
    })
    const scans = ['a', 'b'].map((id, i) => ({
      checkpointId: id,
      deviceTime: D0 + 8 * H + i * 10 * M,
      outOfOrder: false,
      anomalies: [],
      evidence: { level: 'ok' as const, score: 1, reasons: [] }
    }))
    const now = { ...plan, maxMinutes: 5 }
    const current = { name: '新线', checkpointIds: ['c', 'a'], ordered: true }
    const ev = evaluateRound(now, current, kept, scans, (id) => id, D0 + 10 * H)
    expect(ev).toMatchObject({ expected: 2, scanned: 2, coverage: 100, overrun: false, incomplete: false })
    const old = evaluateRound(now, current, round({}), scans, (id) => id, D0 + 10 * H)
    expect(old).toMatchObject({ expected: 2, scanned: 1, overrun: true, missed: ['c'] })
    expect(routeOfRound(kept, current)?.name).toBe('旧线')
    expect(routeOfRound(round({}), current)?.name).toBe('新线')
  })
})
