/** The supervisor's side of work: work.taskCreate, work.taskReview, work.templateSave, work.board; follow-up calls; the inbox. */
import { makeHarness, T0, type Harness } from '../harness'
import { HOUR, incident, otherEstate, task, uid } from '../../kit/factories'
import { expectRefused, expectReplay } from '../../kit/expect'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})

const base = {
  type: 'cleaning' as const,
  checklist: [] as string[],
  priority: 'normal' as const,
  photoRequired: false
}

describe('work.taskCreate', () => {
  it('to a person (told) or to a department’s pool (everyone in it told)', async () => {
    const one = await task(h, { checklist: ['地面'] })
    expect(one).toMatchObject({
      status: 'assigned',
      assigneeName: '赵洁',
      createdByName: '周主管',
      checklist: [{ label: '地面', done: false }],
      dept: undefined
    })
    await h.addStaff('eng2', ['engineer'])
    const pool = await task(h, { assigneeId: undefined, dept: 'engineering', title: '换灯' })
    expect(pool).toMatchObject({ status: 'open', dept: 'engineering', assigneeId: undefined })
    expect((await h.as('engineer').call('work.inbox', {})).map((x) => x.title)).toEqual(['新任务：换灯'])
    expect((await h.as('eng2').call('work.inbox', {})).map((x) => x.title)).toEqual(['新任务：换灯'])
    expect((await h.as('cleaner').call('work.inbox', {})).map((x) => x.title)).toEqual(['新任务：大堂保洁'])
  })

  it('bad input: nobody to give it to, someone not in this estate, a bad type or due time', async () => {
    const e2 = await otherEstate(h)
    const t = { id: uid('t'), title: '清洗', dueAt: T0 + HOUR, ...base }
    await expectRefused(
      h,
      'supervisor',
      'work.taskCreate',
      t,
      'INVALID_INPUT',
      '填写的内容有误：派给：请选择一个人或一个部门'
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskCreate',
      { ...t, assigneeId: e2.person('cleaner') },
      'INVALID_INPUT',
      /这个人不在本小区/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskCreate',
      { ...t, assigneeId: 'nobody' },
      'INVALID_INPUT',
      /这个人不在本小区/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskCreate',
      { ...t, dept: 'cleaning', type: 'party' },
      'INVALID_INPUT'
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskCreate',
      { ...t, dept: 'cleaning', dueAt: -1 },
      'INVALID_INPUT'
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskCreate',
      { ...t, dept: 'cleaning', title: '' },
      'INVALID_INPUT',
      /不能为空/
    )
  })

  it('wrong role, another estate, a duplicate id; replayed once', async () => {
    const e2 = await otherEstate(h)
    const t = { id: uid('t'), title: '清洗', dueAt: T0 + HOUR, dept: 'cleaning', ...base } as const
    for (const r of ['guard', 'cleaner', 'service', 'housekeeper'] as const)
      await expectRefused(h, r, 'work.taskCreate', t, 'FORBIDDEN')
    await expectRefused(h, e2.person('supervisor'), 'work.taskCreate', t, 'FORBIDDEN_ESTATE')
    await expectReplay(h, 'supervisor', 'work.taskCreate', t)
    await expectRefused(h, 'admin', 'work.taskCreate', t, 'DUPLICATE', '这个任务已经建过了')
  })
})

describe('work.taskReview', () => {
  it('close a done task (its incident verified), reject with a reason (the assignee told), reassign', async () => {
    const i = await incident(h, { category: 'rubbish' })
    await h.as('cleaner').call('work.taskAct', { taskId: i.taskId, act: 'grab' })
    await h.as('cleaner').call('work.taskAct', { taskId: i.taskId, act: 'complete', photoIds: ['p'] })
    const back = await h
      .as('supervisor')
      .call('work.taskReview', { taskId: i.taskId, act: 'reject', reason: '没扫干净' })
    expect(back.status).toBe('inProgress')
    expect((await h.as('cleaner').call('work.inbox', {})).map((x) => x.title)).toContain(
      '验收不通过：垃圾/污渍 · 车库B区（没扫干净）'
    )
    expect((await h.as('guard').call('work.incident', { incidentId: i.id })).status).toBe('reopened')
    await h.as('cleaner').call('work.taskAct', { taskId: i.taskId, act: 'complete', photoIds: ['p2'] })
    expect(await h.as('admin').call('work.taskReview', { taskId: i.taskId, act: 'close' })).toMatchObject({
      status: 'closed'
    })
    expect((await h.as('guard').call('work.incident', { incidentId: i.id })).status).toBe('verified')
    const t = await task(h)
    const moved = await h
      .as('supervisor')
      .call('work.taskReview', { taskId: t.id, act: 'assign', assigneeId: 'demo-housekeeper' })
    expect(moved).toMatchObject({ status: 'assigned', assigneeName: '王管家' })
    expect((await h.as('housekeeper').call('work.inbox', {})).map((x) => x.title)).toEqual([
      '新任务：大堂保洁'
    ])
  })

  it('refused: reject without a reason, close before it is done, assign to nobody, unknown, wrong role, another estate', async () => {
    const e2 = await otherEstate(h)
    const t = await task(h)
    await expectRefused(
      h,
      'supervisor',
      'work.taskReview',
      { taskId: t.id, act: 'reject' },
      'INVALID_INPUT',
      /退回：请写明原因/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskReview',
      { taskId: t.id, act: 'close' },
      'CONFLICT',
      '这个任务待接单，不能验收通过'
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskReview',
      { taskId: t.id, act: 'assign' },
      'INVALID_INPUT',
      /这个人不在本小区/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskReview',
      { taskId: t.id, act: 'assign', assigneeId: e2.person('cleaner') },
      'INVALID_INPUT',
      /这个人不在本小区/
    )
    await expectRefused(h, 'supervisor', 'work.taskReview', { taskId: 'nope', act: 'close' }, 'NOT_FOUND')
    await expectRefused(h, 'cleaner', 'work.taskReview', { taskId: t.id, act: 'close' }, 'FORBIDDEN')
    await e2.notFound(e2.both('supervisor'), 'work.taskReview', { taskId: t.id, act: 'close' })
  })

  it('two supervisors reviewing at once: one wins', async () => {
    const t = await task(h)
    await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'accept' })
    await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'complete' })
    const [a, b] = await Promise.all([
      h.as('supervisor').try('work.taskReview', { taskId: t.id, act: 'close' }),
      h.as('admin').try('work.taskReview', { taskId: t.id, act: 'reject', reason: '不行' })
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    expect((await h.stored<{ status: string }>('tasks', t.id))!.status).toBe(a.ok ? 'closed' : 'inProgress')
  })
})

describe('work.templateSave', () => {
  const tpl = () => ({
    id: uid('tpl'),
    title: '每日大堂保洁',
    ...base,
    assigneeId: 'demo-cleaner',
    time: '08:00',
    days: [1, 1, 3],
    durationMinutes: 60
  })

  it('saves (days deduplicated), saves again in place, and cron makes today’s task from it', async () => {
    const t = tpl()
    expect(await h.as('supervisor').call('work.templateSave', t)).toEqual({ id: t.id, title: '每日大堂保洁' })
    expect(await h.stored('tasktemplates', t.id)).toMatchObject({
      days: [1, 3],
      assigneeName: '赵洁',
      active: true
    })
    await h
      .as('supervisor')
      .call('work.templateSave', { ...t, title: '大堂保洁（新）', days: [0, 1, 2, 3, 4, 5, 6] })
    expect(await h.count('tasktemplates')).toBe(1)
    await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' })
    expect((await h.as('cleaner').call('work.tasks', {})).map((x) => x.title)).toEqual(['大堂保洁（新）'])
  })

  it('refused: nobody to give it to, a bad time or days or duration, wrong role, another estate’s template id', async () => {
    const e2 = await otherEstate(h)
    await expectRefused(
      h,
      'supervisor',
      'work.templateSave',
      { ...tpl(), assigneeId: undefined },
      'INVALID_INPUT',
      /请选择一个人或一个部门/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.templateSave',
      { ...tpl(), time: '25:00' },
      'INVALID_INPUT',
      /时间格式应为 HH:mm/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.templateSave',
      { ...tpl(), days: [] },
      'INVALID_INPUT',
      /至少选一天/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.templateSave',
      { ...tpl(), durationMinutes: 5 },
      'INVALID_INPUT'
    )
    await expectRefused(h, 'cleaner', 'work.templateSave', tpl(), 'FORBIDDEN')
    const theirs = { ...tpl(), assigneeId: e2.person('cleaner') }
    await h.as(e2.person('supervisor')).call('work.templateSave', theirs, { estateId: e2.id })
    await expectRefused(
      h,
      'supervisor',
      'work.templateSave',
      { ...theirs, assigneeId: 'demo-cleaner' },
      'NOT_FOUND'
    )
  })

  // A recurring template goes only to an active person, by the rule taskCreate uses (assigneeIn):
  // a template for someone who has left would make their task every day.
  it('refused: a template for a person who is no longer active', async () => {
    const gone = await h.addStaff('gone', ['cleaner'])
    await h.db.update('staff', gone._id, gone._v, { active: false })
    await expectRefused(
      h,
      'supervisor',
      'work.templateSave',
      { ...tpl(), assigneeId: 'gone' },
      'INVALID_INPUT',
      /这个人不在本小区/
    )
    await expectRefused(
      h,
      'supervisor',
      'work.taskCreate',
      {
        id: 'tk-gone',
        title: '大堂保洁',
        type: 'cleaning',
        checklist: [],
        priority: 'normal',
        photoRequired: false,
        assigneeId: 'gone',
        dueAt: T0 + HOUR
      },
      'INVALID_INPUT',
      /这个人不在本小区/
    )
  })
})

describe('work.board', () => {
  it('open incidents by severity, overdue tasks, today’s completion per department, 14 days per category', async () => {
    const light = await incident(h, { category: 'light' })
    const fire = await incident(h, { category: 'fire' })
    const t = await task(h, { dueAt: T0 + HOUR })
    await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'accept' })
    await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'complete' })
    h.clock.now += 3 * HOUR
    const b = await h.as('supervisor').call('work.board', {})
    expect(b.openIncidents.map((i) => [i.id, i.overdue])).toEqual([
      [fire.id, true],
      [light.id, true]
    ])
    expect(b.overdueTasks.map((x) => x.id).sort()).toEqual([fire.taskId, light.taskId].sort())
    expect(b.completion.find((c) => c.dept === 'cleaning')).toEqual({
      dept: 'cleaning',
      label: '清洁部',
      done: 1,
      total: 1
    })
    expect(b.perCategory.days).toHaveLength(14)
    expect(b.perCategory.categories.map((c) => [c.key, c.counts[13]])).toEqual(
      expect.arrayContaining([
        ['light', 1],
        ['fire', 1]
      ])
    )
  })

  it('wrong role and another estate', async () => {
    const e2 = await otherEstate(h)
    await incident(h)
    await expectRefused(h, 'guard', 'work.board', {}, 'FORBIDDEN')
    await expectRefused(h, e2.person('supervisor'), 'work.board', {}, 'FORBIDDEN_ESTATE')
    expect(
      (await h.as(e2.person('supervisor')).call('work.board', {}, { estateId: e2.id })).openIncidents
    ).toEqual([])
  })
})

describe('work.followUp and work.followUps', () => {
  it('an owner’s repair, once resolved, waits for a call; satisfied ends it, not satisfied sends it back', async () => {
    const own = await h
      .as('service')
      .call('work.report', { id: uid('own'), category: 'ownerRequest', ownerRoom: '1-1-101' })
    await h.as('engineer').call('work.taskAct', { taskId: own.taskId, act: 'grab' })
    expect(await h.as('service').call('work.followUps', {})).toEqual([])
    await h.as('engineer').call('work.taskAct', { taskId: own.taskId, act: 'complete', photoIds: ['p'] })
    expect((await h.as('service').call('work.followUps', {})).map((x) => x.id)).toEqual([own.id])
    const no = await h
      .as('service')
      .call('work.followUp', { incidentId: own.id, satisfied: false, note: '没修好' })
    expect(no).toMatchObject({ status: 'reopened', followUp: { satisfied: false, byName: '孙客服' } })
    expect((await h.stored<{ status: string }>('tasks', own.taskId))!.status).toBe('assigned')
    await h.as('engineer').call('work.taskAct', { taskId: own.taskId, act: 'accept' })
    await h.as('engineer').call('work.taskAct', { taskId: own.taskId, act: 'complete', photoIds: ['p'] })
    await h.as('supervisor').call('work.followUp', { incidentId: own.id, satisfied: true })
    expect(await h.as('service').call('work.followUps', {})).toEqual([])
  })

  it('refused: not resolved yet, unknown, wrong role, another estate, bad input', async () => {
    const e2 = await otherEstate(h)
    const i = await incident(h, { category: 'ownerRequest' }, 'service')
    await expectRefused(
      h,
      'service',
      'work.followUp',
      { incidentId: i.id, satisfied: true },
      'CONFLICT',
      '还没处理完，不能回访'
    )
    await expectRefused(h, 'service', 'work.followUp', { incidentId: 'nope', satisfied: true }, 'NOT_FOUND')
    await expectRefused(
      h,
      'service',
      'work.followUp',
      { incidentId: i.id, satisfied: 'yes' },
      'INVALID_INPUT'
    )
    for (const r of ['guard', 'patrol', 'cleaner', 'engineer'] as const) {
      await expectRefused(h, r, 'work.followUp', { incidentId: i.id, satisfied: true }, 'FORBIDDEN')
      await expectRefused(h, r, 'work.followUps', {}, 'FORBIDDEN')
    }
    await e2.notFound(e2.both('service'), 'work.followUp', { incidentId: i.id, satisfied: true })
    await expectRefused(h, e2.person('service'), 'work.followUps', {}, 'FORBIDDEN_ESTATE')
  })

  it('replayed: one follow-up in the history', async () => {
    const i = await incident(h, { category: 'ownerRequest' }, 'service')
    await h.as('engineer').call('work.taskAct', { taskId: i.taskId, act: 'grab' })
    await h.as('engineer').call('work.taskAct', { taskId: i.taskId, act: 'complete', photoIds: ['p'] })
    await expectReplay(h, 'service', 'work.followUp', { incidentId: i.id, satisfied: true })
    expect(
      (await h.stored<{ history: { what: string }[] }>('incidents', i.id))!.history.filter((x) =>
        x.what.startsWith('回访')
      )
    ).toHaveLength(1)
  })
})

describe('work.inbox and work.inboxRead', () => {
  it('unread items of this estate, newest first; marking read counts only my own unread ones', async () => {
    const a = await incident(h, { category: 'leak' })
    h.clock.now += 60_000
    const b = await incident(h, { category: 'leak', place: '二' })
    const box = await h.as('engineer').call('work.inbox', {})
    expect(box.map((x) => x.refId)).toEqual([b.taskId, a.taskId])
    const sup = await h.as('supervisor').call('work.inbox', {})
    expect(
      await h
        .as('engineer')
        .call('work.inboxRead', { ids: [box[0].id, box[0].id, ...sup.map((x) => x.id), 'nope'] })
    ).toEqual({ read: 1 })
    expect((await h.as('engineer').call('work.inboxRead', { ids: box.map((x) => x.id) })).read).toBe(1)
    expect(await h.as('engineer').call('work.inbox', {})).toEqual([])
    h.clock.now += 8 * 24 * HOUR
    await incident(h, { category: 'leak' })
    expect(await h.as('engineer').call('work.inbox', {})).toHaveLength(1)
  })

  it('bad input and another estate', async () => {
    const e2 = await otherEstate(h)
    await expectRefused(
      h,
      'engineer',
      'work.inboxRead',
      { ids: Array.from({ length: 101 }, (_, k) => `i${k}`) },
      'INVALID_INPUT'
    )
    await expectRefused(h, e2.person('engineer'), 'work.inbox', {}, 'FORBIDDEN_ESTATE')
  })
})
