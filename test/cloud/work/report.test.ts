/** Reporting (报事): work.report, work.reportMore, work.myIncidents, work.incident. */
import { makeHarness, DEMO_ESTATE_ID, T0, type Harness } from '../harness'
import { HOUR, incident, otherEstate, uid } from '../../kit/factories'
import { expectRefused, expectReplay } from '../../kit/expect'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})

describe('work.report', () => {
  it('routes the category to its department as an open task, tells the pool, and keeps who and when', async () => {
    const i = await h
      .as('guard')
      .call('work.report', { id: 'r1', category: 'leak', place: '2栋地下室', note: '在滴水' })
    expect(i).toMatchObject({
      id: 'r1',
      status: 'assigned',
      dept: 'engineering',
      severity: 'high',
      emergency: false,
      source: 'staff',
      reporterName: '张卫国',
      reportedAt: T0,
      dueAt: T0 + 2 * HOUR,
      taskId: 't-r1',
      overdue: false,
      photoIds: []
    })
    expect(i.history.map((x) => x.what)).toEqual(['上报', '派给工程部'])
    const t = await h.stored<{ status: string; dept: string; photoRequired: boolean; incidentId: string }>(
      'tasks',
      't-r1'
    )
    expect(t).toMatchObject({ status: 'open', dept: 'engineering', photoRequired: true, incidentId: 'r1' })
    expect((await h.as('engineer').call('work.inbox', {})).map((x) => [x.kind, x.refId])).toEqual([
      ['assigned', 't-r1']
    ])
    expect(await h.as('cleaner').call('work.inbox', {})).toEqual([])
  })

  it('an urgent severity makes any category an emergency the supervisors hear of', async () => {
    const i = await incident(h, { category: 'rubbish', severity: 'urgent' })
    expect(i).toMatchObject({
      emergency: true,
      severity: 'urgent',
      dept: 'cleaning',
      dueAt: T0 + 30 * 60_000
    })
    expect((await h.as('supervisor').call('work.inbox', {})).map((x) => x.kind)).toEqual(['emergency'])
    expect((await h.as('admin').call('work.inbox', {})).map((x) => x.kind)).toEqual(['emergency'])
  })

  it('recorded offline: the report time is the phone’s when its clock is right', async () => {
    const i = await h
      .as('guard')
      .call(
        'work.report',
        { id: uid('off'), category: 'light' },
        { op: { id: 'op-offline-0001', deviceTime: T0 - 10 * 60_000 } }
      )
    expect(i.reportedAt).toBe(T0 - 10 * 60_000)
  })

  it('bad input: unknown category, too many photos, a long note, unknown fields', async () => {
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('b'), category: 'aliens' },
      'INVALID_INPUT',
      '填写的内容有误：类别：不在可选范围内'
    )
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('b'), category: 'light', photoIds: Array.from({ length: 10 }, (_, k) => `p${k}`) },
      'INVALID_INPUT',
      /最多9张照片/
    )
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('b'), category: 'light', note: '长'.repeat(301) },
      'INVALID_INPUT',
      /最多 300 个字/
    )
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('b'), category: 'light', reporterId: 'demo-admin' },
      'INVALID_INPUT'
    )
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: 'bad id!', category: 'light' },
      'INVALID_INPUT',
      /编号格式不正确/
    )
  })

  it('bad input: a position off the globe (the same position rule as a patrol scan)', async () => {
    const at = { lat: 22.5, lng: 114, accuracyM: 10 }
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('b'), category: 'light', position: { ...at, lat: 91 } },
      'INVALID_INPUT',
      /定位/
    )
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('b'), category: 'light', position: { ...at, lng: -181 } },
      'INVALID_INPUT',
      /定位/
    )
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('b'), category: 'light', position: { ...at, accuracyM: -1 } },
      'INVALID_INPUT',
      /定位/
    )
    expect((await incident(h, { position: at })).id).toBeTruthy()
  })

  it('anyone on duty may report; not in another estate they do not work in', async () => {
    const e2 = await otherEstate(h)
    for (const who of [
      'guard',
      'patrol',
      'cleaner',
      'engineer',
      'service',
      'housekeeper',
      'supervisor',
      'admin'
    ])
      await incident(h, {}, who)
    await expectRefused(
      h,
      'guard',
      'work.report',
      { id: uid('x'), category: 'light' },
      'FORBIDDEN_ESTATE',
      undefined,
      { estateId: e2.id }
    )
    // a person working in both files the report in the estate named, and only that estate's pool hears
    const there = await incident(h, { category: 'leak' }, e2.both('guard'))
    expect(await h.as(e2.person('engineer')).call('work.inbox', {}, { estateId: e2.id })).toEqual([])
    const here = await h.as('engineer').call('work.inbox', {})
    expect(here.map((x) => x.refId)).toContain(there.taskId)
    const far = await h
      .as(e2.both('guard'))
      .call('work.report', { id: uid('far'), category: 'leak' }, { estateId: e2.id })
    expect(
      (await h.as(e2.person('engineer')).call('work.inbox', {}, { estateId: e2.id })).map((x) => x.refId)
    ).toEqual([far.taskId])
    expect(await h.stored<{ estateId: string }>('incidents', far.id)).toMatchObject({ estateId: e2.id })
    expect(await h.stored<{ estateId: string }>('incidents', there.id)).toMatchObject({
      estateId: DEMO_ESTATE_ID
    })
  })

  it('the same record id from a second operation is a duplicate; the same operation replayed is the same incident', async () => {
    const input = { id: uid('dup'), category: 'leak' as const }
    await expectReplay(h, 'guard', 'work.report', input)
    await expectRefused(h, 'guard', 'work.report', input, 'DUPLICATE', '这条报事已经记录过了')
    expect(await h.count('incidents')).toBe(1)
    expect(await h.count('tasks')).toBe(1)
  })

  it('two phones sending the same new id at once: one incident', async () => {
    const input = { id: uid('race'), category: 'light' as const }
    const [a, b] = await Promise.all([
      h.as('guard').try('work.report', input),
      h.as('patrol').try('work.report', input)
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    expect(await h.count('incidents')).toBe(1)
  })
})

describe('work.reportMore', () => {
  it('the reporter adds a note, photos, place, position and severity; the task’s due time and place follow', async () => {
    const i = await incident(h, { category: 'light', photoIds: ['p1'] })
    const more = await h.as('guard').call('work.reportMore', {
      incidentId: i.id,
      note: '整排都不亮',
      photoIds: ['p1', 'p2'],
      place: '车库C区',
      severity: 'urgent',
      position: { lat: 22.5, lng: 114, accuracyM: 10 }
    })
    expect(more).toMatchObject({
      note: '整排都不亮',
      photoIds: ['p1', 'p2'],
      place: '车库C区',
      severity: 'urgent',
      emergency: true,
      dueAt: T0 + 30 * 60_000
    })
    expect(more.history.at(-1)).toMatchObject({
      what: '补充说明、照片2张、地点、定位、紧急程度',
      note: '整排都不亮'
    })
    expect(await h.stored('tasks', i.taskId)).toMatchObject({ dueAt: T0 + 30 * 60_000, place: '车库C区' })
    // a position is kept once: the first one stands
    await h.as('guard').call('work.reportMore', {
      incidentId: i.id,
      position: { lat: 1, lng: 1, accuracyM: 1 },
      note: '再补充'
    })
    expect(await h.stored('incidents', i.id)).toMatchObject({
      position: { lat: 22.5, lng: 114, accuracyM: 10 }
    })
  })

  it('nothing to add, bad input, someone else, unknown, another estate', async () => {
    const i = await incident(h)
    await expectRefused(
      h,
      'guard',
      'work.reportMore',
      { incidentId: i.id },
      'INVALID_INPUT',
      /没有要补充的内容/
    )
    await expectRefused(
      h,
      'guard',
      'work.reportMore',
      { incidentId: i.id, severity: 'extreme' },
      'INVALID_INPUT',
      '填写的内容有误：紧急程度：不在可选范围内'
    )
    await expectRefused(
      h,
      'cleaner',
      'work.reportMore',
      { incidentId: i.id, note: 'x' },
      'FORBIDDEN',
      '只有上报人可以补充'
    )
    await expectRefused(
      h,
      'guard',
      'work.reportMore',
      { incidentId: 'nope', note: 'x' },
      'NOT_FOUND',
      '没有找到这条报事'
    )
    const e2 = await otherEstate(h)
    const mine = await incident(h, {}, e2.both('guard'))
    await e2.notFound(e2.both('guard'), 'work.reportMore', { incidentId: mine.id, note: 'x' })
  })

  it('replayed: one note in the history', async () => {
    const i = await incident(h)
    await expectReplay(h, 'guard', 'work.reportMore', { incidentId: i.id, note: '补充一次' })
    expect((await h.stored<{ history: unknown[] }>('incidents', i.id))!.history).toHaveLength(3)
  })
})

describe('work.myIncidents and work.incident', () => {
  it('my reports of the last 30 days in this estate, newest first; one report with its task’s assignee', async () => {
    const old = await incident(h, { place: '旧的' })
    h.clock.now += 31 * 24 * HOUR
    const a = await incident(h, { place: 'A' })
    h.clock.now += 60_000
    const b = await incident(h, { place: 'B', category: 'leak' })
    await incident(h, {}, 'patrol')
    expect((await h.as('guard').call('work.myIncidents', {})).map((x) => x.id)).toEqual([b.id, a.id])
    await h.as('engineer').call('work.taskAct', { taskId: b.taskId, act: 'grab' })
    expect(await h.as('cleaner').call('work.incident', { incidentId: b.id })).toMatchObject({
      id: b.id,
      status: 'accepted',
      assigneeName: '钱工'
    })
    expect((await h.as('guard').call('work.incident', { incidentId: old.id })).overdue).toBe(true)
  })

  it('unknown, bad input, another estate', async () => {
    const e2 = await otherEstate(h)
    const i = await incident(h)
    await expectRefused(h, 'guard', 'work.incident', { incidentId: 'nope' }, 'NOT_FOUND')
    await expectRefused(h, 'guard', 'work.incident', {}, 'INVALID_INPUT')
    await e2.notFound(e2.person('guard'), 'work.incident', { incidentId: i.id })
    await expectRefused(h, e2.person('guard'), 'work.incident', { incidentId: i.id }, 'FORBIDDEN_ESTATE')
    await incident(h, {}, e2.both('guard'))
    expect(await h.as(e2.both('guard')).call('work.myIncidents', {}, { estateId: e2.id })).toEqual([])
  })
})
