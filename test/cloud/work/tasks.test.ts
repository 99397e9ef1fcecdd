/** Tasks (任务): work.tasks, work.taskAct, work.allTasks. */
import { makeHarness, T0, type Harness } from '../harness'
import { HOUR, incident, otherEstate, task } from '../../kit/factories'
import { expectRefused, expectReplay } from '../../kit/expect'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})

describe('work.tasks', () => {
  it('my tasks and my department’s pool, overdue first; finished ones since yesterday only', async () => {
    const late = await task(h, { title: '晚了', dueAt: T0 - HOUR })
    const soon = await task(h, { title: '快到了', dueAt: T0 + HOUR })
    const pool = await incident(h, { category: 'rubbish' })
    const done = await task(h, { title: '做完', dueAt: T0 + 2 * HOUR })
    await h.as('cleaner').call('work.taskAct', { taskId: done.id, act: 'accept' })
    await h.as('cleaner').call('work.taskAct', { taskId: done.id, act: 'complete' })
    await task(h, { title: '给工程', assigneeId: 'demo-engineer' })
    const list = await h.as('cleaner').call('work.tasks', {})
    expect(list.map((t) => [t.id, t.overdue])).toEqual([
      [late.id, true],
      [soon.id, false],
      [pool.taskId, false],
      [done.id, false]
    ])
    h.clock.now += 3 * 24 * HOUR
    expect((await h.as('cleaner').call('work.tasks', {})).map((t) => t.id)).not.toContain(done.id)
    expect(await h.as('guard').call('work.tasks', {})).toEqual([])
  })

  it('only this estate’s', async () => {
    const e2 = await otherEstate(h)
    await task(h, { assigneeId: e2.both('cleaner') })
    expect(await h.as(e2.both('cleaner')).call('work.tasks', {}, { estateId: e2.id })).toEqual([])
    expect(await h.as(e2.both('cleaner')).call('work.tasks', {})).toHaveLength(1)
    await expectRefused(h, e2.person('cleaner'), 'work.tasks', {}, 'FORBIDDEN_ESTATE')
  })
})

describe('work.taskAct', () => {
  it('accept, start with a checklist, complete with a note; the history names each step', async () => {
    const t = await task(h, { checklist: ['地面', '玻璃门'] })
    expect(await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'accept' })).toMatchObject({
      status: 'accepted'
    })
    const started = await h
      .as('cleaner')
      .call('work.taskAct', { taskId: t.id, act: 'start', checklist: [true, false] })
    expect(started.checklist).toEqual([
      { label: '地面', done: true },
      { label: '玻璃门', done: false }
    ])
    const done = await h
      .as('cleaner')
      .call('work.taskAct', { taskId: t.id, act: 'complete', checklist: [true, true], note: '干净了' })
    expect(done).toMatchObject({
      status: 'done',
      completedAt: T0,
      completionNote: '干净了',
      completionPhotoIds: []
    })
    expect(done.history.map((x) => x.what)).toEqual(['派给赵洁', '接单', '开始', '完成'])
  })

  it('grab from the pool moves the incident with it and names the one who has it', async () => {
    const i = await incident(h, { category: 'leak' })
    const t = await h.as('engineer').call('work.taskAct', { taskId: i.taskId, act: 'grab' })
    expect(t).toMatchObject({ status: 'accepted', assigneeId: 'demo-engineer', assigneeName: '钱工' })
    expect(await h.as('guard').call('work.incident', { incidentId: i.id })).toMatchObject({
      status: 'accepted',
      assigneeName: '钱工'
    })
  })

  it('hand back: needs a reason; back in the pool, the supervisors told', async () => {
    const t = await task(h)
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: t.id, act: 'handBack' },
      'INVALID_INPUT',
      '填写的内容有误：退回：请写明原因'
    )
    const back = await h
      .as('cleaner')
      .call('work.taskAct', { taskId: t.id, act: 'handBack', reason: '工具坏了' })
    expect(back).toMatchObject({ status: 'open', dept: 'cleaning', assigneeId: undefined })
    expect((await h.as('supervisor').call('work.inbox', {})).map((x) => x.title)).toEqual([
      '赵洁 退回了任务：大堂保洁'
    ])
    expect((await h.as('cleaner').call('work.tasks', {})).map((x) => [x.id, x.status])).toEqual([
      [t.id, 'open']
    ])
  })

  // A person of no department (a supervisor given a task by name) hands it back: it goes to the
  // pool of the work it is (a repair: engineering), or is refused when no department can be found,
  // never into the pool of no department, where nobody sees it.
  it('handed back by someone of no department: to the department of its work, else refused', async () => {
    const t = await task(h, { assigneeId: 'demo-supervisor', type: 'repair', title: '换灯' }, 'admin')
    const back = await h
      .as('supervisor')
      .call('work.taskAct', { taskId: t.id, act: 'handBack', reason: '不归我管' })
    expect(back).toMatchObject({ status: 'open', dept: 'engineering', assigneeId: undefined })
    expect((await h.as('engineer').call('work.tasks', {})).map((x) => x.id)).toContain(t.id)

    const other = await task(h, { assigneeId: 'demo-supervisor', type: 'other' }, 'admin')
    await expectRefused(
      h,
      'supervisor',
      'work.taskAct',
      { taskId: other.id, act: 'handBack', reason: '不归我管' },
      'CONFLICT',
      /不属于任何部门/
    )
    const still = (await h.as('supervisor').call('work.allTasks', {})).find((x) => x.id === other.id)
    expect(still).toMatchObject({ status: 'assigned', assigneeId: 'demo-supervisor' })
  })

  it('bad input: complete with boxes unticked, without the required photo, a checklist of the wrong length, an unknown act', async () => {
    const t = await task(h, { checklist: ['地面'], photoRequired: true })
    await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'accept' })
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: t.id, act: 'complete', photoIds: ['p'] },
      'INVALID_INPUT',
      /还有 1 项没勾（地面）/
    )
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: t.id, act: 'complete', checklist: [true] },
      'INVALID_INPUT',
      /这个任务要拍完成后的照片/
    )
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: t.id, act: 'start', checklist: [true, true] },
      'INVALID_INPUT',
      /检查项：数量不对/
    )
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: t.id, act: 'close' },
      'INVALID_INPUT',
      '填写的内容有误：操作：不在可选范围内'
    )
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: t.id, act: 'start', reason: '长'.repeat(101) },
      'INVALID_INPUT',
      /最多 100 个字/
    )
  })

  it('wrong person: another’s task, another department’s pool; a step out of order is a conflict', async () => {
    const t = await task(h)
    await expectRefused(
      h,
      'engineer',
      'work.taskAct',
      { taskId: t.id, act: 'accept' },
      'FORBIDDEN',
      '这个任务派给了赵洁'
    )
    const i = await incident(h, { category: 'leak' })
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: i.taskId, act: 'grab' },
      'FORBIDDEN',
      '这不是你部门的单'
    )
    await expectRefused(
      h,
      'engineer',
      'work.taskAct',
      { taskId: i.taskId, act: 'start' },
      'FORBIDDEN',
      '这个任务还没人接，请先抢单'
    )
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: t.id, act: 'start' },
      'CONFLICT',
      '这个任务待接单，不能开始'
    )
    await expectRefused(h, 'supervisor', 'work.taskAct', { taskId: t.id, act: 'accept' }, 'FORBIDDEN')
  })

  it('unknown and another estate’s task: not found', async () => {
    const e2 = await otherEstate(h)
    const t = await task(h, { assigneeId: e2.both('cleaner') })
    await expectRefused(
      h,
      'cleaner',
      'work.taskAct',
      { taskId: 'nope', act: 'accept' },
      'NOT_FOUND',
      '没有找到这个任务'
    )
    await e2.notFound(e2.both('cleaner'), 'work.taskAct', { taskId: t.id, act: 'accept' })
    await expectRefused(
      h,
      e2.person('cleaner'),
      'work.taskAct',
      { taskId: t.id, act: 'accept' },
      'FORBIDDEN_ESTATE'
    )
  })

  it('two people grab at once: one gets it, the other is told it was taken', async () => {
    await h.addStaff('clean2', ['cleaner'])
    const i = await incident(h, { category: 'rubbish' })
    const [a, b] = await Promise.all([
      h.as('cleaner').try('work.taskAct', { taskId: i.taskId, act: 'grab' }),
      h.as('clean2').try('work.taskAct', { taskId: i.taskId, act: 'grab' })
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    const lost = a.ok ? b : a
    expect(!lost.ok && [lost.code, lost.message]).toEqual([
      'CONFLICT',
      expect.stringMatching(/刚被别人抢走|已被.*抢走/)
    ])
    const stored = await h.stored<{ history: unknown[]; assigneeId: string }>('tasks', i.taskId)
    expect(stored!.history).toHaveLength(2)
    expect(stored!.assigneeId).toBe(a.ok ? 'demo-cleaner' : 'clean2')
  })

  it('the assignee completing while the supervisor reassigns: exactly one wins', async () => {
    const t = await task(h)
    await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'accept' })
    const [a, b] = await Promise.all([
      h.as('cleaner').try('work.taskAct', { taskId: t.id, act: 'complete' }),
      h
        .as('supervisor')
        .try('work.taskReview', { taskId: t.id, act: 'assign', assigneeId: 'demo-housekeeper' })
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    const s = await h.stored<{ status: string }>('tasks', t.id)
    expect(s!.status).toBe(a.ok ? 'done' : 'assigned')
  })

  it('replayed: the same answer, one step in the history', async () => {
    const t = await task(h)
    await expectReplay(h, 'cleaner', 'work.taskAct', { taskId: t.id, act: 'accept' })
    expect((await h.stored<{ history: unknown[] }>('tasks', t.id))!.history).toHaveLength(2)
  })
})

describe('work.allTasks', () => {
  it('the supervisor sees every open task and today’s, overdue first; not another estate’s', async () => {
    const e2 = await otherEstate(h)
    const a = await task(h, { dueAt: T0 + HOUR })
    const b = await task(h, { dueAt: T0 - HOUR, assigneeId: 'demo-engineer' })
    const i = await incident(h)
    await h.as(e2.person('supervisor')).call(
      'work.taskCreate',
      {
        id: 'far',
        title: '那边的',
        type: 'other',
        checklist: [],
        priority: 'low',
        photoRequired: false,
        dept: 'cleaning',
        dueAt: T0
      },
      { estateId: e2.id }
    )
    expect((await h.as('supervisor').call('work.allTasks', {})).map((t) => t.id)).toEqual([
      b.id,
      a.id,
      i.taskId
    ])
    expect(
      (await h.as(e2.person('supervisor')).call('work.allTasks', {}, { estateId: e2.id })).map((t) => t.id)
    ).toEqual(['far'])
  })

  it('wrong role and another estate', async () => {
    const e2 = await otherEstate(h)
    for (const r of ['guard', 'cleaner', 'engineer', 'service'] as const)
      await expectRefused(h, r, 'work.allTasks', {}, 'FORBIDDEN')
    await expectRefused(h, e2.person('supervisor'), 'work.allTasks', {}, 'FORBIDDEN_ESTATE')
    await expectRefused(h, 'supervisor', 'work.allTasks', { all: true }, 'INVALID_INPUT')
  })
})
