/**
 * Editing routes and plans in use (issue 17): every save names the version it was read at, a
 * stale one is a CONFLICT naming who changed it and when (nothing stored); rounds already started
 * keep the route they started with; a plan is stopped (停用) and enabled again; a point on a
 * route cannot be removed. Runs on SQLite and on CloudBase (`--selectProjects cloud cloudbase`).
 */
import { makeHarness, T0, type Harness } from '../harness'
import {
  DEMO_PLAN,
  DEMO_POINTS,
  DEMO_ROUTE,
  HOUR,
  MINUTE,
  checkpoint,
  otherEstate,
  plan,
  round,
  route,
  scan,
  slotAt,
  uid
} from '../../kit/factories'
import { expectRefused, expectReplay } from '../../kit/expect'
import { localDate } from '../../../src/domain/time'
import type { PlanOut } from '../../../src/domain/contract'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
const TODAY = localDate(T0)
const [P1, P2, P3, P4] = DEMO_POINTS
const edited = (at: number) => {
  const d = new Date(at + 8 * HOUR)
  const hm = d.toISOString().slice(11, 16)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`
}
const planInput = (p: PlanOut) => ({
  id: p.id,
  v: p.v,
  name: p.name,
  routeId: p.routeId,
  days: p.days,
  start: p.start,
  end: p.end,
  everyMinutes: p.everyMinutes,
  minMinutes: p.minMinutes,
  maxMinutes: p.maxMinutes,
  roles: p.roles
})

describe('editing a route and a plan', () => {
  it('happy path: saved at its version, the new version and who saved it come back, refs show the change', async () => {
    const cp = await checkpoint(h, { name: '2栋天台' })
    const r = await route(h, [P1.id, P2.id], { ordered: true })
    expect(r).toMatchObject({ v: 1, byName: '周主管', updatedAt: T0 })
    h.clock.now += MINUTE
    const r2 = await h.as('admin').call('patrol.routeSave', {
      id: r.id,
      v: r.v,
      name: '天台路线（改）',
      checkpointIds: [cp.id, P2.id, P1.id],
      ordered: false
    })
    expect(r2).toMatchObject({
      id: r.id,
      v: 2,
      name: '天台路线（改）',
      checkpointIds: [cp.id, P2.id, P1.id],
      ordered: false,
      byName: '吴经理',
      updatedAt: T0 + MINUTE
    })
    const p = await plan(h, r.id, { days: [1, 2], start: '20:00', end: '06:00' })
    expect(p).toMatchObject({ v: 1, active: true })
    const p2 = await h
      .as('supervisor')
      .call('patrol.planSave', { ...planInput(p), name: '夜巡（改）', days: [6, 0, 6], maxMinutes: 45 })
    expect(p2).toMatchObject({ v: 2, name: '夜巡（改）', days: [0, 6], maxMinutes: 45, byName: '周主管' })
    const refs = await h.as('supervisor').call('patrol.refs', {})
    expect(refs.routes.find((x) => x.id === r.id)).toEqual(r2)
    expect(refs.plans.find((x) => x.id === p.id)).toEqual(p2)
    expect(await h.count('routes', { _id: r.id })).toBe(1)
    await expectReplay(h, 'supervisor', 'patrol.planSave', { ...planInput(p2), name: '夜巡（再改）' })
  })

  it('bad input: a version that is not a whole number from 1, a version for a record that is not there, an unknown route or point', async () => {
    const r = await route(h, [P1.id])
    for (const v of [0, 1.5, '1', -1])
      await expectRefused(
        h,
        'supervisor',
        'patrol.routeSave',
        { id: r.id, v, name: '线', checkpointIds: [P1.id], ordered: true },
        'INVALID_INPUT',
        /^填写的内容有误：版本：/
      )
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: uid('r'), v: 3, name: '线', checkpointIds: [P1.id], ordered: true },
      'NOT_FOUND',
      /没有找到这个路线/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: r.id, v: r.v, name: '线', checkpointIds: [P1.id, 'nope'], ordered: true },
      'INVALID_INPUT',
      /1 个不存在或已删除/
    )
    const p = await plan(h, r.id)
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...planInput(p), routeId: 'nope' },
      'INVALID_INPUT',
      /路线：不存在或已删除/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...planInput(p), minMinutes: 50, maxMinutes: 10 },
      'INVALID_INPUT',
      /最长应不少于最短/
    )
    await expectRefused(h, 'supervisor', 'patrol.planActive', { id: p.id, active: false }, 'INVALID_INPUT')
    expect((await h.as('supervisor').call('patrol.refs', {})).plans.find((x) => x.id === p.id)).toEqual(p)
  })

  it('wrong role and another estate: refused, nothing stored', async () => {
    const e2 = await otherEstate(h)
    const r = await route(h, [P1.id])
    const p = await plan(h, r.id)
    for (const who of ['patrol', 'guard', 'cleaner'] as const) {
      await expectRefused(
        h,
        who,
        'patrol.routeSave',
        { id: r.id, v: r.v, name: '改', checkpointIds: [P1.id], ordered: true },
        'FORBIDDEN'
      )
      await expectRefused(h, who, 'patrol.planSave', { ...planInput(p), name: '改' }, 'FORBIDDEN')
      await expectRefused(h, who, 'patrol.planActive', { id: p.id, v: p.v, active: false }, 'FORBIDDEN')
      await expectRefused(h, who, 'patrol.checkpointRemove', { id: P1.id }, 'FORBIDDEN')
    }
    await e2.notFound(e2.person('supervisor'), 'patrol.routeSave', {
      id: r.id,
      v: r.v,
      name: '抢过来',
      checkpointIds: [P1.id],
      ordered: true
    })
    await e2.notFound(e2.person('supervisor'), 'patrol.planActive', { id: p.id, v: p.v, active: false })
    await e2.notFound(e2.person('supervisor'), 'patrol.checkpointRemove', { id: P4.id })
    await e2.notFound(e2.person('supervisor'), 'patrol.planSave', { ...planInput(p), name: '抢过来' })
    await expectRefused(
      h,
      e2.person('supervisor'),
      'patrol.routeSave',
      { id: r.id, v: r.v, name: '抢过来', checkpointIds: [P1.id], ordered: true },
      'FORBIDDEN_ESTATE'
    )
  })

  it('conflict: two supervisors edit the same plan from the same version, one wins, the other is told who and when', async () => {
    const p = await plan(h, DEMO_ROUTE, { name: '夜巡' })
    h.clock.now += 5 * MINUTE
    const [a, b] = await Promise.all([
      h.as('supervisor').try('patrol.planSave', { ...planInput(p), name: '夜巡甲', maxMinutes: 40 }),
      h.as('admin').try('patrol.planSave', { ...planInput(p), name: '夜巡乙', maxMinutes: 50 })
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    const [won, lost] = a.ok ? [a, b] : [b, a]
    const winner = a.ok ? '周主管' : '吴经理'
    expect(lost).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(!lost.ok && lost.message).toBe(
      `计划「${won.ok ? won.data.name : ''}」已被${winner}在${edited(T0 + 5 * MINUTE)}修改，已载入最新内容，请在此基础上重新修改`
    )
    const stored = await h.stored<{ name: string; maxMinutes: number; _v: number; byName: string }>(
      'plans',
      p.id
    )
    expect(stored).toMatchObject({ _v: 2, byName: winner })
    expect([
      ['夜巡甲', 40],
      ['夜巡乙', 50]
    ]).toContainEqual([stored!.name, stored!.maxMinutes])
    // the loser's stale save again: refused, nothing stored; redone on the current version it goes through
    h.clock.now += MINUTE
    await expectRefused(
      h,
      a.ok ? 'admin' : 'supervisor',
      'patrol.planSave',
      { ...planInput(p), name: '再试' },
      'CONFLICT',
      /已被(周主管|吴经理)在11月23日 09:05修改/
    )
    const now = (await h.as('admin').call('patrol.refs', {})).plans.find((x) => x.id === p.id)!
    const redone = await h
      .as(a.ok ? 'admin' : 'supervisor')
      .call('patrol.planSave', { ...planInput(now), name: '夜巡丙' })
    expect(redone).toMatchObject({ v: 3, name: '夜巡丙' })
  })

  it('conflict: a route saved on an old version, or a second first save of one id, is refused; nothing stored', async () => {
    const r = await route(h, [P1.id, P2.id])
    h.clock.now += HOUR
    await h.as('admin').call('patrol.routeSave', {
      id: r.id,
      v: r.v,
      name: '改过',
      checkpointIds: [P2.id],
      ordered: true
    })
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: r.id, v: r.v, name: '我的改动', checkpointIds: [P1.id], ordered: true },
      'CONFLICT',
      `路线「改过」已被吴经理在${edited(T0 + HOUR)}修改，已载入最新内容，请在此基础上重新修改`
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: r.id, name: '当成新的', checkpointIds: [P1.id], ordered: true },
      'CONFLICT',
      /已被吴经理/
    )
    expect(await h.stored('routes', r.id)).toMatchObject({ name: '改过', checkpointIds: [P2.id], _v: 2 })
  })
})

describe('a round in progress keeps its route', () => {
  it('the supervisor reorders and cuts the route mid-round: the round is walked, ended and judged on the route it started with', async () => {
    const slot = slotAt(T0)
    const r = await round(h)
    expect(r.route).toEqual({
      name: '小区主路线',
      checkpointIds: DEMO_POINTS.map((p) => p.id),
      ordered: true
    })
    const cp = await checkpoint(h, { name: '新加的点' })
    const demo = (await h.as('supervisor').call('patrol.refs', {})).routes.find((x) => x.id === DEMO_ROUTE)!
    await h.as('supervisor').call('patrol.routeSave', {
      id: DEMO_ROUTE,
      v: demo.v,
      name: '新主路线',
      checkpointIds: [P4.id, cp.id, P1.id],
      ordered: true
    })
    await h.as('supervisor').call('patrol.planSave', {
      ...planInput((await h.as('supervisor').call('patrol.refs', {})).plans.find((x) => x.id === DEMO_PLAN)!),
      maxMinutes: 6
    })
    // the new point is not on this round's route; the old order still counts as in order
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      scanOf(r.id, cp.code),
      'WRONG_POINT',
      /不在本路线「小区主路线」上/
    )
    for (const p of [P1, P2, P3, P4]) {
      h.clock.now += 3 * MINUTE
      const s = await scan(h, r.id, p.code)
      expect(s.outOfOrder).toBe(false)
    }
    const ended = await h.as('patrol').call('patrol.end', { roundId: r.id })
    expect(ended).toMatchObject({ status: 'done', route: { name: '小区主路线' } })
    expect(ended.evaluation).toMatchObject({ coverage: 100, expected: 4, scanned: 4, overrun: false })
    const detail = await h.as('supervisor').call('patrol.round', { roundId: r.id })
    expect(detail.routeName).toBe('小区主路线')
    expect(detail.checkpoints.map((x) => x.checkpointId)).toEqual([P1.id, P2.id, P3.id, P4.id])
    const day = await h.as('supervisor').call('patrol.day', { date: TODAY })
    const row = day.plans.find((x) => x.planId === DEMO_PLAN)!.rounds.find((x) => x.slotStart === slot)!
    expect(row).toMatchObject({ state: 'done', roundId: r.id, coverage: 100 })
    expect(row.flags.join('；')).not.toMatch(/超时|漏点|顺序/)
    // the next round walks the route as it is now
    h.clock.now = slot + 2 * HOUR + MINUTE
    const next = await round(h)
    expect(next.route).toEqual({ name: '新主路线', checkpointIds: [P4.id, cp.id, P1.id], ordered: true })
    await expectRefused(h, 'patrol', 'patrol.scan', scanOf(next.id, P2.code), 'WRONG_POINT')
  })
})

describe('stopping and enabling a plan; a changed schedule', () => {
  it('a stopped plan has no slots and keeps the day’s round; enabled again, the hours it was stopped are not missed', async () => {
    const p = await plan(h, DEMO_ROUTE, { everyMinutes: 60, roles: ['patrol'] })
    const slot = slotAt(T0, 60)
    const r = await round(h, 'patrol', { planId: p.id, slotStart: slot })
    for (const x of DEMO_POINTS) await scan(h, r.id, x.code)
    await h.as('patrol').call('patrol.end', { roundId: r.id })
    h.clock.now += 10 * MINUTE
    const stopped = await h.as('supervisor').call('patrol.planActive', { id: p.id, v: p.v, active: false })
    expect(stopped).toMatchObject({ active: false, v: 2, byName: '周主管' })
    const refs = await h.as('supervisor').call('patrol.refs', {})
    expect(refs.plans.map((x) => x.id)).not.toContain(p.id)
    expect(refs.stoppedPlans!.map((x) => x.id)).toContain(p.id)
    expect((await h.as('patrol').call('patrol.refs', {})).stoppedPlans).toBeUndefined()
    expect((await h.as('patrol').call('patrol.today', {})).map((c) => c.planId)).not.toContain(p.id)
    h.clock.now = slot + HOUR + MINUTE
    await expectRefused(
      h,
      'patrol',
      'patrol.start',
      { id: uid('round'), planId: p.id, slotStart: slot + HOUR },
      'NOT_FOUND'
    )
    // 3 hours stopped: the day keeps the walked round, with nothing missed while it was stopped
    h.clock.now = slot + 3 * HOUR + MINUTE
    const day = await h.as('supervisor').call('patrol.day', { date: TODAY })
    const mine = day.plans.find((x) => x.planId === p.id)!
    expect(mine.planName).toBe('夜巡（已停用）')
    expect(mine.rounds.map((x) => [x.slotStart, x.state])).toEqual([[slot, 'done']])
    // a stale enable is refused; with the version it goes, its schedule counting from now
    await expectRefused(
      h,
      'admin',
      'patrol.planActive',
      { id: p.id, v: p.v, active: true },
      'CONFLICT',
      /周主管/
    )
    const again = await h.as('admin').call('patrol.planActive', { id: p.id, v: stopped.v, active: true })
    expect(again).toMatchObject({ active: true, v: 3, byName: '吴经理' })
    const after = await h.as('supervisor').call('patrol.day', { date: TODAY })
    const rows = after.plans.find((x) => x.planId === p.id)!.rounds
    expect(rows[0]).toMatchObject({ slotStart: slot, state: 'done' })
    expect(rows.filter((x) => x.state === 'missed')).toEqual([])
    expect(rows.find((x) => x.slotStart === slot + 3 * HOUR)).toMatchObject({ state: 'due' })
    const swept = await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' })
    expect(swept.ok).toBe(true)
    expect(await h.count('rounds', { planId: p.id, status: 'missed' })).toBe(0)
  })

  it('a plan whose times change keeps its walked rounds on the day; the new slots that closed before the change are not missed', async () => {
    const p = await plan(h, DEMO_ROUTE, { everyMinutes: 60, roles: ['patrol'] })
    const slot = slotAt(T0, 60) // 09:00
    const r = await round(h, 'patrol', { planId: p.id, slotStart: slot })
    for (const x of DEMO_POINTS) await scan(h, r.id, x.code)
    await h.as('patrol').call('patrol.end', { roundId: r.id })
    h.clock.now = slot + 2 * HOUR + 10 * MINUTE // 11:10, the 10:00 slot was missed
    const before = await h.as('supervisor').call('patrol.day', { date: TODAY })
    expect(
      before.plans.find((x) => x.planId === p.id)!.rounds.filter((x) => x.state === 'missed')
    ).toHaveLength(1)
    // every 90 minutes from 00:30: slots 09:30, 11:00 ... the 09:30 one closed before the change
    const changed = await h
      .as('supervisor')
      .call('patrol.planSave', { ...planInput(p), start: '00:30', everyMinutes: 90 })
    expect(changed.v).toBe(2)
    const day = await h.as('supervisor').call('patrol.day', { date: TODAY })
    const rows = day.plans.find((x) => x.planId === p.id)!.rounds
    expect(rows.map((x) => [x.slotStart, x.state]).slice(0, 2)).toEqual([
      [slot, 'done'],
      [slot + 2 * HOUR, 'due']
    ])
    expect(rows.filter((x) => x.state === 'missed')).toEqual([])
    // changing only the name keeps the schedule (and what it already judged)
    const renamed = await h.as('supervisor').call('patrol.planSave', { ...planInput(changed), name: '改名' })
    expect(await h.stored('plans', p.id)).toMatchObject({
      _v: 3,
      scheduleFrom: slot + 2 * HOUR + 10 * MINUTE
    })
    expect(renamed.name).toBe('改名')
  })
})

describe('patrol.checkpointRemove', () => {
  it('a point on a route is refused, naming the route; off every route it is removed', async () => {
    const cp = await checkpoint(h, { name: '2栋天台' })
    const r = await route(h, [P1.id, cp.id], { name: '天台路线' })
    await expectRefused(
      h,
      'supervisor',
      'patrol.checkpointRemove',
      { id: cp.id },
      'CONFLICT',
      '「2栋天台」在路线「天台路线」上，不能删除；请先在路线里去掉这个点'
    )
    await h.as('supervisor').call('patrol.routeSave', {
      id: r.id,
      v: r.v,
      name: r.name,
      checkpointIds: [P1.id],
      ordered: false
    })
    expect(await h.as('supervisor').call('patrol.checkpointRemove', { id: cp.id })).toEqual({ id: cp.id })
    const refs = await h.as('supervisor').call('patrol.refs', {})
    expect(refs.checkpoints.map((x) => x.id)).not.toContain(cp.id)
    await expectRefused(
      h,
      'supervisor',
      'patrol.checkpointRemove',
      { id: cp.id },
      'NOT_FOUND',
      /没有找到这个巡更点/
    )
  })
})

/** A typed-code scan (for refusals: expectRefused takes the input). */
function scanOf(roundId: string, code: string) {
  return { id: uid('scan'), roundId, method: 'typed' as const, value: code, answers: {} }
}
