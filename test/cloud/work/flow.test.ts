import { makeHarness, ok, code, T0, type Harness } from '../harness'
import type { InboxOut, IncidentOut, SweepOut, TaskOut, WorkBoard } from '../../../src/domain/contract'
import type { Envelope } from '../../../src/domain/errors'
import { cloudFileId, cloudPhoto } from '../files/photos'

const H = 3600_000
const msg = (e: Envelope<unknown>) => (e.ok ? '' : e.message)
const inbox = async (h: Harness, who: string) => ok<InboxOut[]>(await h.as(who, 'work.inbox', {}))
const act = (h: Harness, who: string, taskId: string, a: string, extra: Record<string, unknown> = {}) =>
  h.as(who, 'work.taskAct', { taskId, act: a, ...extra })

describe('incidents: one tap to a department’s task, and back to the reporter', () => {
  it('a leak: routed to engineering, grabbed once, completed with a photo, seen resolved by the guard', async () => {
    const h = await makeHarness()
    await h.addStaff('eng2', ['engineer'])
    const op = { id: 'op-leak-000001', deviceTime: T0 }
    const input = { id: 'inc-leak', category: 'leak', place: '2栋地下室' }
    const i = ok<IncidentOut>(await h.as('demo-guard', 'work.report', input, { op }))
    expect(i).toMatchObject({
      status: 'assigned',
      dept: 'engineering',
      severity: 'high',
      categoryLabel: '漏水',
      dueAt: T0 + 2 * H,
      reporterName: '张卫国',
      emergency: false
    })
    // a double tap (the same operation twice) is one incident
    expect(await h.as('demo-guard', 'work.report', input, { op })).toMatchObject({ ok: true, replayed: true })
    expect(code(await h.as('demo-guard', 'work.report', input))).toBe('DUPLICATE')
    expect(await h.count('incidents')).toBe(1)
    expect((await inbox(h, 'demo-engineer')).map((x) => x.title)).toEqual(['新报事：漏水 · 2栋地下室'])
    expect(await inbox(h, 'demo-cleaner')).toEqual([])

    // the reporter adds a note; nobody else can
    ok(await h.as('demo-guard', 'work.reportMore', { incidentId: i.id, note: '水从天花板往下滴' }))
    expect(code(await h.as('demo-cleaner', 'work.reportMore', { incidentId: i.id, note: 'x' }))).toBe(
      'FORBIDDEN'
    )

    const pool = ok<TaskOut[]>(await h.as('demo-engineer', 'work.tasks', {}))
    expect(pool.map((t) => [t.title, t.status, t.dept])).toEqual([
      ['漏水 · 2栋地下室', 'open', 'engineering']
    ])
    expect(ok<TaskOut[]>(await h.as('demo-cleaner', 'work.tasks', {}))).toEqual([])
    expect(code(await act(h, 'demo-cleaner', i.taskId, 'grab'))).toBe('FORBIDDEN')

    // two engineers grab at once: exactly one gets it
    const [a, b] = await Promise.all([
      act(h, 'demo-engineer', i.taskId, 'grab'),
      act(h, 'eng2', i.taskId, 'grab')
    ])
    expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
    const winner = a.ok ? 'demo-engineer' : 'eng2'
    expect(msg(a.ok ? b : a)).toMatch(/已被.*抢走|刚被别人抢走/)
    expect(code(await act(h, a.ok ? 'eng2' : 'demo-engineer', i.taskId, 'start'))).toBe('FORBIDDEN')

    ok(await act(h, winner, i.taskId, 'start'))
    const noPhoto = await act(h, winner, i.taskId, 'complete', { note: '换了水管接头' })
    expect([code(noPhoto), msg(noPhoto)]).toEqual([
      'INVALID_INPUT',
      '填写的内容有误：照片：这个任务要拍完成后的照片'
    ])
    h.clock.now += H
    ok(await act(h, winner, i.taskId, 'complete', { note: '换了水管接头', photoIds: ['ph-after-1'] }))
    const seen = ok<IncidentOut[]>(await h.as('demo-guard', 'work.myIncidents', {}))
    expect(seen[0]).toMatchObject({
      status: 'resolved',
      resolutionNote: '换了水管接头',
      afterPhotoIds: ['ph-after-1'],
      overdue: false
    })
    expect(seen[0].history.map((x) => x.what)).toEqual([
      '上报',
      '派给工程部',
      '补充说明',
      expect.stringMatching(/^抢单/),
      expect.stringMatching(/^开始/),
      expect.stringMatching(/^完成/)
    ])
    expect((await inbox(h, 'demo-guard')).map((x) => x.title)).toEqual(['你报的「漏水」已处理'])

    // the supervisor sends it back once, then accepts it
    expect(code(await h.as('demo-supervisor', 'work.taskReview', { taskId: i.taskId, act: 'reject' }))).toBe(
      'INVALID_INPUT'
    )
    ok(
      await h.as('demo-supervisor', 'work.taskReview', {
        taskId: i.taskId,
        act: 'reject',
        reason: '地面还有积水'
      })
    )
    expect(ok<IncidentOut>(await h.as('demo-guard', 'work.incident', { incidentId: i.id })).status).toBe(
      'reopened'
    )
    ok(await act(h, winner, i.taskId, 'complete', { photoIds: ['ph-after-2'] }))
    ok(await h.as('demo-supervisor', 'work.taskReview', { taskId: i.taskId, act: 'close' }))
    expect(ok<IncidentOut>(await h.as('demo-guard', 'work.incident', { incidentId: i.id })).status).toBe(
      'verified'
    )
    const stale = await act(h, winner, i.taskId, 'start')
    expect([code(stale), msg(stale)]).toEqual(['CONFLICT', '这个任务已完成，不能开始'])
  })

  it('an emergency tells the supervisors at once; an owner’s repair gets a follow-up call', async () => {
    const h = await makeHarness()
    const fire = ok<IncidentOut>(
      await h.as('demo-patrol', 'work.report', { id: 'inc-fire', category: 'fire', place: '3栋配电房' })
    )
    expect(fire).toMatchObject({ emergency: true, severity: 'urgent', dueAt: T0 + 30 * 60_000 })
    expect((await inbox(h, 'demo-supervisor')).map((x) => x.kind)).toEqual(['emergency'])

    const own = ok<IncidentOut>(
      await h.as('demo-service', 'work.report', {
        id: 'inc-own',
        category: 'ownerRequest',
        ownerRoom: '1-1-101',
        note: '厨房水龙头坏了'
      })
    )
    expect(own.source).toBe('owner')
    expect(code(await h.as('demo-service', 'work.followUp', { incidentId: own.id, satisfied: true }))).toBe(
      'CONFLICT'
    )
    ok(await act(h, 'demo-engineer', own.taskId, 'grab'))
    ok(await act(h, 'demo-engineer', own.taskId, 'complete', { photoIds: ['p1'] }))
    const back = ok<IncidentOut>(
      await h.as('demo-service', 'work.followUp', { incidentId: own.id, satisfied: false, note: '还在滴水' })
    )
    expect(back).toMatchObject({
      status: 'reopened',
      followUp: { satisfied: false, note: '还在滴水', byName: '孙客服' }
    })
    const t = ok<TaskOut[]>(await h.as('demo-engineer', 'work.tasks', {})).find((x) => x.id === own.taskId)!
    expect(t.status).toBe('assigned')
    expect((await inbox(h, 'demo-engineer')).map((x) => x.title)).toContain('业主不满意，请重做：业主报修')
    ok(await act(h, 'demo-engineer', own.taskId, 'accept'))
    ok(await act(h, 'demo-engineer', own.taskId, 'complete', { photoIds: ['p2'] }))
    expect(
      ok<IncidentOut>(await h.as('demo-service', 'work.followUp', { incidentId: own.id, satisfied: true }))
        .followUp?.satisfied
    ).toBe(true)
  })
})

describe('tasks: assigned by a supervisor, worked through, reviewed', () => {
  it('a cleaner’s task with a checklist; hand back needs a reason; the list puts overdue first', async () => {
    const h = await makeHarness()
    const base = {
      type: 'cleaning',
      place: '1栋大堂',
      checklist: ['地面', '玻璃门'],
      priority: 'normal',
      photoRequired: false
    }
    expect(
      code(
        await h.as('demo-supervisor', 'work.taskCreate', {
          id: 'tx',
          title: '大堂保洁',
          dueAt: T0 + H,
          ...base
        })
      )
    ).toBe('INVALID_INPUT')
    const t1 = ok<TaskOut>(
      await h.as('demo-supervisor', 'work.taskCreate', {
        id: 't1',
        title: '大堂保洁',
        dueAt: T0 + H,
        assigneeId: 'demo-cleaner',
        ...base
      })
    )
    ok(
      await h.as('demo-supervisor', 'work.taskCreate', {
        id: 't0',
        title: '垃圾房清洗',
        dueAt: T0 - H,
        assigneeId: 'demo-cleaner',
        ...base
      })
    )
    expect(t1).toMatchObject({
      status: 'assigned',
      assigneeName: '赵洁',
      checklist: [
        { label: '地面', done: false },
        { label: '玻璃门', done: false }
      ]
    })
    const list = ok<TaskOut[]>(await h.as('demo-cleaner', 'work.tasks', {}))
    expect(list.map((t) => [t.id, t.overdue])).toEqual([
      ['t0', true],
      ['t1', false]
    ])
    expect(code(await act(h, 'demo-engineer', 't1', 'accept'))).toBe('FORBIDDEN')
    ok(await act(h, 'demo-cleaner', 't1', 'accept'))
    ok(await act(h, 'demo-cleaner', 't1', 'start', { checklist: [true, false] }))
    const left = await act(h, 'demo-cleaner', 't1', 'complete')
    expect(msg(left)).toMatch(/还有 1 项没勾（玻璃门）/)
    ok(await act(h, 'demo-cleaner', 't1', 'complete', { checklist: [true, true], note: '已清洁' }))
    expect(code(await act(h, 'demo-cleaner', 't0', 'handBack'))).toBe('INVALID_INPUT')
    const handed = ok<TaskOut>(await act(h, 'demo-cleaner', 't0', 'handBack', { reason: '清洗剂用完了' }))
    expect(handed).toMatchObject({ status: 'open', dept: 'cleaning', assigneeName: undefined })
    expect((await inbox(h, 'demo-supervisor')).map((x) => x.title)).toContain('赵洁 退回了任务：垃圾房清洗')
    const re = ok<TaskOut>(
      await h.as('demo-supervisor', 'work.taskReview', {
        taskId: 't0',
        act: 'assign',
        assigneeId: 'demo-cleaner'
      })
    )
    expect(re.status).toBe('assigned')
    expect(
      code(
        await h.as('demo-supervisor', 'work.taskReview', {
          taskId: 't0',
          act: 'assign',
          assigneeId: 'nobody'
        })
      )
    ).toBe('INVALID_INPUT')
  })

  it('cron escalates overdue work once and makes recurring tasks once a day; the board adds it up', async () => {
    const h = await makeHarness()
    ok(await h.as('demo-guard', 'work.report', { id: 'i1', category: 'light', place: '车库B区' }))
    ok(await h.as('demo-guard', 'work.report', { id: 'i2', category: 'rubbish' }))
    ok(
      await h.as('demo-supervisor', 'work.templateSave', {
        id: 'tpl1',
        title: '每日大堂保洁',
        type: 'cleaning',
        checklist: ['地面'],
        priority: 'normal',
        photoRequired: true,
        assigneeId: 'demo-cleaner',
        time: '08:00',
        days: [0, 1, 2, 3, 4, 5, 6],
        durationMinutes: 120
      })
    )
    h.clock.now = T0 + 3 * H // 12:00: the light (2 h) is late, the rubbish (24 h) is not
    const s1 = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    // the light and today's 08:00–10:00 template task are overdue... the template task is made in the same run
    expect(s1.recurring).toBe(1)
    expect(s1.escalated).toBe(1)
    const s2 = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    expect([s2.escalated, s2.recurring]).toEqual([1, 0]) // the template task became overdue at 10:00; the light was already told
    const s3 = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    expect([s3.escalated, s3.recurring]).toEqual([0, 0])
    expect(
      (await inbox(h, 'demo-supervisor'))
        .filter((x) => x.kind === 'escalated')
        .map((x) => x.title)
        .sort()
    ).toEqual(['超时未完成：每日大堂保洁', '超时未完成：灯坏了 · 车库B区'])
    const mine = ok<TaskOut[]>(await h.as('demo-cleaner', 'work.tasks', {}))
    expect(mine.map((t) => [t.title, t.status, t.overdue])).toEqual([
      ['每日大堂保洁', 'assigned', true],
      ['垃圾/污渍', 'open', false]
    ])
    const board = ok<WorkBoard>(await h.as('demo-supervisor', 'work.board', {}))
    expect(board.openIncidents.map((i) => [i.categoryLabel, i.overdue])).toEqual([
      ['灯坏了', true],
      ['垃圾/污渍', false]
    ])
    expect(board.overdueTasks.map((t) => t.title).sort()).toEqual(['每日大堂保洁', '灯坏了 · 车库B区'])
    expect(board.completion.find((c) => c.dept === 'cleaning')).toEqual({
      dept: 'cleaning',
      label: '清洁部',
      done: 0,
      total: 1
    })
    expect(board.perCategory.days).toHaveLength(14)
    expect(board.perCategory.categories.map((c) => [c.label, c.counts[13]])).toEqual([
      ['灯坏了', 1],
      ['垃圾/污渍', 1]
    ])
    const read = ok<{ read: number }>(
      await h.as('demo-supervisor', 'work.inboxRead', {
        ids: (await inbox(h, 'demo-supervisor')).map((x) => x.id)
      })
    )
    expect(read.read).toBe(2)
    expect(await inbox(h, 'demo-supervisor')).toEqual([])
  })
})

describe('notifications, position and the estate’s response times', () => {
  it('WeChat is nudged for the pool, the reporter and the supervisor; a failing nudge never stops the record', async () => {
    const sent: { openid: string; kind: string; page: string }[] = []
    let fail = false
    const h = await makeHarness({
      notify: async (n) => {
        if (fail) throw new Error('wx down')
        sent.push({ openid: n.openid, kind: n.kind, page: n.page })
      }
    })
    const e = await h.db.get<{ _id: string; _v: number }>('estates', 'demo-estate')
    await h.db.update('estates', 'demo-estate', e!._v, {
      settings: { overstayHours: 4, responseMinutes: { high: 60 } }
    })
    const i = ok<IncidentOut>(await h.as('demo-guard', 'work.report', { id: 'n1', category: 'leak' }))
    expect(i.dueAt).toBe(T0 + H) // this estate wants leaks fixed within an hour
    expect(sent).toEqual([{ openid: 'oid-demo-engineer', kind: 'assigned', page: '/pages/work/tasks/index' }])
    ok(
      await h.as('demo-guard', 'work.reportMore', {
        incidentId: 'n1',
        position: { lat: 22.5, lng: 114, accuracyM: 12 }
      })
    )
    expect((await h.stored<{ position: unknown }>('incidents', 'n1'))!.position).toEqual({
      lat: 22.5,
      lng: 114,
      accuracyM: 12
    })
    ok(await act(h, 'demo-engineer', i.taskId, 'grab'))
    ok(await act(h, 'demo-engineer', i.taskId, 'complete', { photoIds: ['p'] }))
    expect(sent.at(-1)).toEqual({
      openid: 'oid-demo-guard',
      kind: 'resolved',
      page: '/pages/work/report/index'
    })
    fail = true
    const fire = await h.as('demo-patrol', 'work.report', { id: 'n2', category: 'fire' })
    expect(fire.ok).toBe(true)
    expect((await inbox(h, 'demo-supervisor')).map((x) => x.kind)).toEqual(['emergency'])
  })
})

describe('after-photos reach the reporter', () => {
  it('the reporter’s list names where each uploaded after-photo is stored', async () => {
    const h = await makeHarness({ cloudEnv: 'env-1' })
    const i = ok<IncidentOut>(await h.as('demo-guard', 'work.report', { id: 'ph-inc', category: 'light' }))
    ok(await act(h, 'demo-engineer', i.taskId, 'grab'))
    ok(await act(h, 'demo-engineer', i.taskId, 'complete', { photoIds: ['ph-after-1', 'ph-after-2'] }))
    // one photo has been uploaded and registered, the other is still on the engineer's phone
    ok(await cloudPhoto(h, 'demo-engineer', 'ph-after-1'))
    const mine = ok<IncidentOut[]>(await h.as('demo-guard', 'work.myIncidents', {}))
    expect(mine[0].afterPhotoIds).toEqual(['ph-after-1', 'ph-after-2'])
    expect(mine[0].afterPhotoFiles).toEqual([
      { id: 'ph-after-1', fileId: cloudFileId(h, 'demo-engineer', 'ph-after-1') }
    ])
    expect(
      ok<IncidentOut>(await h.as('demo-guard', 'work.incident', { incidentId: i.id })).afterPhotoFiles
    ).toHaveLength(1)
  })
})
