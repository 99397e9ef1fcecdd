/** Setting up patrols and reading how they went: checkpoints, routes, plans, the QR sheet, refs, day, round, week. */
import { makeHarness, T0, type Harness } from '../harness'
import {
  DEMO_PLAN,
  DEMO_POINTS,
  DEMO_ROUTE,
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

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
const SLOT = slotAt(T0)
const TODAY = localDate(T0)

describe('patrol.checkpointSave', () => {
  it('a new point gets a short unique code; saving again keeps it and changes the rest', async () => {
    const cp = await checkpoint(h, {
      building: '2',
      floor: '9',
      area: '天台',
      position: { lat: 22.5, lng: 114, radiusM: 30 },
      questions: [{ key: 'door', label: '门是否锁好', kind: 'yesno' }]
    })
    expect(cp).toMatchObject({
      name: '2栋天台',
      place: '2栋 9层 天台',
      hasPosition: true,
      position: { lat: 22.5, lng: 114, radiusM: 30 }
    })
    expect(cp.code).toMatch(/^[A-HJ-NP-Z2-9]{4}$/)
    expect(DEMO_POINTS.map((p) => p.code)).not.toContain(cp.code)
    const again = await h
      .as('admin')
      .call('patrol.checkpointSave', { id: cp.id, name: '2栋天台门', questions: [] })
    expect(again).toMatchObject({
      id: cp.id,
      code: cp.code,
      name: '2栋天台门',
      hasPosition: false,
      questions: []
    })
  })

  it('bad input: repeated question keys, a choice without options, a radius out of range, a long name', async () => {
    const q = { key: 'a', label: '问', kind: 'yesno' as const }
    await expectRefused(
      h,
      'supervisor',
      'patrol.checkpointSave',
      { id: uid('cp'), name: '点', questions: [q, q] },
      'INVALID_INPUT',
      /问题：编号重复/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.checkpointSave',
      { id: uid('cp'), name: '点', questions: [{ ...q, kind: 'choice' }] },
      'INVALID_INPUT',
      /要给出选项/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.checkpointSave',
      { id: uid('cp'), name: '点', questions: [], position: { lat: 22, lng: 114, radiusM: 1 } },
      'INVALID_INPUT',
      /范围至少5米/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.checkpointSave',
      { id: uid('cp'), name: '长'.repeat(31), questions: [] },
      'INVALID_INPUT',
      /最多 30 个字/
    )
  })

  it('wrong role, another estate’s point, replayed', async () => {
    const e2 = await otherEstate(h)
    for (const r of ['guard', 'patrol', 'cleaner'] as const)
      await expectRefused(
        h,
        r,
        'patrol.checkpointSave',
        { id: uid('cp'), name: '点', questions: [] },
        'FORBIDDEN'
      )
    await e2.notFound(e2.person('supervisor'), 'patrol.checkpointSave', {
      id: 'demo-cp-1',
      name: '抢过来',
      questions: []
    })
    await expectRefused(
      h,
      e2.person('supervisor'),
      'patrol.checkpointSave',
      { id: uid('cp'), name: '点', questions: [] },
      'FORBIDDEN_ESTATE'
    )
    await expectReplay(h, 'supervisor', 'patrol.checkpointSave', {
      id: uid('cp'),
      name: '新点',
      questions: []
    })
  })
})

describe('patrol.routeSave and patrol.planSave', () => {
  it('a route of this estate’s points, and a plan on it, both in refs', async () => {
    const cp = await checkpoint(h)
    const r = await route(h, ['demo-cp-1', cp.id], { ordered: true })
    expect(r).toMatchObject({ checkpointIds: ['demo-cp-1', cp.id], ordered: true })
    const p = await plan(h, r.id, { days: [5, 1, 1], start: '20:00', end: '06:00' })
    expect(p).toMatchObject({ routeId: r.id, days: [1, 5], start: '20:00', end: '06:00' })
    const refs = await h.as('patrol').call('patrol.refs', {})
    expect(refs.routes.map((x) => x.id)).toEqual(expect.arrayContaining([DEMO_ROUTE, r.id]))
    expect(refs.plans.map((x) => x.id)).toEqual(expect.arrayContaining([DEMO_PLAN, p.id]))
    expect(refs.checkpoints.map((x) => x.id)).toContain(cp.id)
    expect(refs.at).toBe(T0)
  })

  it('refused: unknown or repeated or another estate’s points; a plan on an unknown route, max below min, start equal to end', async () => {
    const e2 = await otherEstate(h)
    const theirs = await h
      .as(e2.person('supervisor'))
      .call('patrol.checkpointSave', { id: uid('cp'), name: '那边', questions: [] }, { estateId: e2.id })
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: uid('r'), name: '线', checkpointIds: ['nope'], ordered: true },
      'INVALID_INPUT',
      /1 个不存在或已删除/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: uid('r'), name: '线', checkpointIds: [theirs.id], ordered: true },
      'INVALID_INPUT',
      /不存在或已删除/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: uid('r'), name: '线', checkpointIds: ['demo-cp-1', 'demo-cp-1'], ordered: true },
      'INVALID_INPUT',
      /有重复/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.routeSave',
      { id: uid('r'), name: '线', checkpointIds: [], ordered: true },
      'INVALID_INPUT',
      /至少一个巡更点/
    )
    const p = {
      id: uid('p'),
      name: '计划',
      routeId: DEMO_ROUTE,
      days: [1],
      start: '08:00',
      end: '20:00',
      everyMinutes: 60,
      minMinutes: 10,
      maxMinutes: 30,
      roles: ['patrol' as const]
    }
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...p, routeId: 'nope' },
      'INVALID_INPUT',
      /路线：不存在或已删除/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...p, maxMinutes: 5 },
      'INVALID_INPUT',
      /最长应不少于最短/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...p, end: '08:00' },
      'INVALID_INPUT',
      /开始和结束不能相同/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...p, everyMinutes: 5 },
      'INVALID_INPUT',
      /间隔至少10分钟/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...p, roles: [] },
      'INVALID_INPUT',
      /至少一个岗位/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.planSave',
      { ...p, start: '8:00' },
      'INVALID_INPUT',
      /时间格式应为 HH:mm/
    )
    await expectRefused(h, 'patrol', 'patrol.planSave', p, 'FORBIDDEN')
    await expectRefused(
      h,
      'patrol',
      'patrol.routeSave',
      { id: uid('r'), name: '线', checkpointIds: ['demo-cp-1'], ordered: true },
      'FORBIDDEN'
    )
    // another estate's plan is not there for them (before its route is looked at)
    await e2.notFound(e2.person('supervisor'), 'patrol.planSave', { ...p, id: DEMO_PLAN })
  })

  it('two supervisors saving the same route at once: both answers are a whole route, the stored one is one of them', async () => {
    const [a, b] = await Promise.all([
      h
        .as('supervisor')
        .try('patrol.routeSave', { id: 'same', name: '甲', checkpointIds: ['demo-cp-1'], ordered: true }),
      h
        .as('admin')
        .try('patrol.routeSave', { id: 'same', name: '乙', checkpointIds: ['demo-cp-2'], ordered: false })
    ])
    expect([a.ok, b.ok]).toContain(true)
    const stored = await h.stored<{ name: string; checkpointIds: string[] }>('routes', 'same')
    expect([
      ['甲', ['demo-cp-1']],
      ['乙', ['demo-cp-2']]
    ]).toContainEqual([stored!.name, stored!.checkpointIds])
    expect(await h.count('routes', { _id: 'same' })).toBe(1)
  })

  it('replayed', async () => {
    await expectReplay(h, 'supervisor', 'patrol.routeSave', {
      id: uid('r'),
      name: '线',
      checkpointIds: ['demo-cp-1'],
      ordered: true
    })
    await expectReplay(h, 'supervisor', 'patrol.planSave', {
      id: uid('p'),
      name: '计划',
      routeId: DEMO_ROUTE,
      days: [1],
      start: '08:00',
      end: '20:00',
      everyMinutes: 60,
      minMinutes: 10,
      maxMinutes: 30,
      roles: ['patrol']
    })
  })
})

describe('patrol.qrSheet and patrol.refs', () => {
  it('a signed QR per active point of this estate; refs for patrol roles only', async () => {
    const e2 = await otherEstate(h)
    const sheet = await h.as('supervisor').call('patrol.qrSheet', {})
    expect(sheet.map((s) => [s.checkpointId, s.code])).toEqual(DEMO_POINTS.map((p) => [p.id, p.code]))
    expect(sheet[0].qr).toMatch(/^GWT-C:demo-cp-1\.[A-Za-z0-9_-]{22}$/)
    expect(await h.as(e2.person('supervisor')).call('patrol.qrSheet', {}, { estateId: e2.id })).toEqual([])
    await expectRefused(h, 'patrol', 'patrol.qrSheet', {}, 'FORBIDDEN')
    await expectRefused(h, 'cleaner', 'patrol.refs', {}, 'FORBIDDEN')
    await expectRefused(h, e2.person('patrol'), 'patrol.refs', {}, 'FORBIDDEN_ESTATE')
    expect(
      (await h.as(e2.person('patrol')).call('patrol.refs', {}, { estateId: e2.id })).checkpoints
    ).toEqual([])
  })
})

describe('patrol.day, patrol.round, patrol.week', () => {
  it('the day’s slots with their state, one round’s timeline, the week’s coverage per route', async () => {
    const r = await round(h)
    for (const p of DEMO_POINTS.slice(0, 2)) {
      h.clock.now += 4 * MINUTE
      await scan(h, r.id, p.code, { answers: { normal: 'yes' } })
    }
    const day = await h.as('supervisor').call('patrol.day', { date: TODAY })
    const row = day.plans.find((p) => p.planId === DEMO_PLAN)!.rounds.find((x) => x.slotStart === SLOT)!
    expect(row).toMatchObject({ state: 'inProgress', roundId: r.id, staffName: '李巡', coverage: 50 })
    expect(day.counts).toMatchObject({ inProgress: 1, missed: 4 })
    const detail = await h.as('admin').call('patrol.round', { roundId: r.id })
    expect(detail.routeName).toBe('小区主路线')
    expect(detail.checkpoints.map((p) => [p.checkpointId, p.scan?.staffName])).toEqual([
      ['demo-cp-1', '李巡'],
      ['demo-cp-2', '李巡'],
      ['demo-cp-3', undefined],
      ['demo-cp-4', undefined]
    ])
    await h.as('patrol').call('patrol.end', { roundId: r.id, reason: '有事' })
    const week = await h.as('supervisor').call('patrol.week', { endDate: TODAY })
    expect(week.days).toHaveLength(7)
    expect(week.days[6]).toBe(TODAY)
    expect(week.routes.find((x) => x.routeId === DEMO_ROUTE)!.coverage).toHaveLength(7)
  })

  it('refused: a bad date, an unknown or another estate’s round, wrong role', async () => {
    const e2 = await otherEstate(h)
    const r = await round(h)
    await expectRefused(
      h,
      'supervisor',
      'patrol.day',
      { date: '2026/11/23' },
      'INVALID_INPUT',
      /日期格式应为 YYYY-MM-DD/
    )
    await expectRefused(
      h,
      'supervisor',
      'patrol.day',
      { date: '2026-13-45' },
      'INVALID_INPUT',
      /不是有效的日期/
    )
    await expectRefused(h, 'supervisor', 'patrol.week', { endDate: 'today' }, 'INVALID_INPUT')
    await expectRefused(h, 'supervisor', 'patrol.round', { roundId: 'nope' }, 'NOT_FOUND')
    await e2.notFound(e2.person('supervisor'), 'patrol.round', { roundId: r.id })
    await expectRefused(h, 'patrol', 'patrol.day', { date: TODAY }, 'FORBIDDEN')
    await expectRefused(h, 'guard', 'patrol.round', { roundId: r.id }, 'FORBIDDEN')
    await expectRefused(h, 'patrol', 'patrol.week', { endDate: TODAY }, 'FORBIDDEN')
  })
})
