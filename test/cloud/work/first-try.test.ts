/**
 * Issue 17, incidents and tasks on a first try: the worker sees what the reporter said and
 * photographed; the loser of a grab is told who holds it; the supervisor reviews with the
 * ticked checklist and the after-photos; an owner's repair keeps the room and phone the owner
 * gave, masked in lists, whole only through work.ownerPhone (audited).
 */
import { makeHarness, ok, code, T0, type Harness } from '../harness'
import type { ImportCommitOut, IncidentOut, TaskOut } from '../../../src/domain/contract'
import type { Envelope } from '../../../src/domain/errors'
import { cloudFileId, cloudPhoto } from '../files/photos'

const msg = (e: Envelope<unknown>) => (e.ok ? '' : e.message)
const act = (h: Harness, who: string, taskId: string, a: string, extra: Record<string, unknown> = {}) =>
  h.as(who, 'work.taskAct', { taskId, act: a, ...extra })
// reserved, uploaded to the engine's storage and registered, as the mini program does
const photo = (h: Harness, who: string, id: string) => cloudPhoto(h, who, id)

describe('the task carries its report; the review its evidence', () => {
  it('the engineer sees the guard’s note and photo on the pool task, and after grabbing it', async () => {
    const h = await makeHarness({ cloudEnv: 'env-1' })
    const i = ok<IncidentOut>(await h.as('demo-guard', 'work.report', { id: 'ft-leak', category: 'leak' }))
    ok(await photo(h, 'demo-guard', 'ph-rep-1'))
    ok(
      await h.as('demo-guard', 'work.reportMore', {
        incidentId: i.id,
        note: '2栋地下室水管在滴水',
        photoIds: ['ph-rep-1', 'ph-rep-missing']
      })
    )
    const pool = ok<TaskOut[]>(await h.as('demo-engineer', 'work.tasks', {}))
    expect(pool).toHaveLength(1)
    expect(pool[0]!.report).toEqual({
      reporterName: '张卫国',
      note: '2栋地下室水管在滴水',
      // only the photo that has arrived; the one still on the guard's phone is left out
      photoFiles: [{ id: 'ph-rep-1', fileId: cloudFileId(h, 'demo-guard', 'ph-rep-1') }]
    })
    ok(await act(h, 'demo-engineer', i.taskId, 'grab'))
    const mine = ok<TaskOut[]>(await h.as('demo-engineer', 'work.tasks', {}))
    expect(mine[0]!.report?.note).toBe('2栋地下室水管在滴水')
    // a task a supervisor gave (no report) carries none
    ok(
      await h.as('demo-supervisor', 'work.taskCreate', {
        id: 'ft-task',
        title: '1栋大堂保洁',
        type: 'cleaning',
        checklist: ['地面', '玻璃门'],
        priority: 'normal',
        photoRequired: true,
        assigneeId: 'demo-cleaner',
        dueAt: T0 + 3600_000
      })
    )
    const cl = ok<TaskOut[]>(await h.as('demo-cleaner', 'work.tasks', {}))
    expect(cl.find((t) => t.id === 'ft-task')?.report).toBeUndefined()
  })

  it('the loser of a grab is told who holds it', async () => {
    const h = await makeHarness()
    await h.addStaff('eng2', ['engineer'])
    const i = ok<IncidentOut>(await h.as('demo-guard', 'work.report', { id: 'ft-light', category: 'light' }))
    ok(await act(h, 'demo-engineer', i.taskId, 'grab'))
    const lost = await act(h, 'eng2', i.taskId, 'grab')
    expect(code(lost)).toBe('CONFLICT')
    expect(msg(lost)).toContain('已被钱工抢走')
  })

  it('the supervisor’s list has the ticked checklist and the after-photos that arrived', async () => {
    const h = await makeHarness({ cloudEnv: 'env-1' })
    ok(
      await h.as('demo-supervisor', 'work.taskCreate', {
        id: 'ft-clean',
        title: '2栋大堂保洁',
        type: 'cleaning',
        checklist: ['地面', '玻璃门'],
        priority: 'normal',
        photoRequired: true,
        assigneeId: 'demo-cleaner',
        dueAt: T0 + 3600_000
      })
    )
    ok(await act(h, 'demo-cleaner', 'ft-clean', 'accept'))
    ok(await act(h, 'demo-cleaner', 'ft-clean', 'start'))
    ok(
      await act(h, 'demo-cleaner', 'ft-clean', 'complete', {
        checklist: [true, true],
        note: '都擦好了',
        photoIds: ['ph-done-1']
      })
    )
    const before = ok<TaskOut[]>(await h.as('demo-supervisor', 'work.allTasks', {}))
    expect(before.find((t) => t.id === 'ft-clean')?.completionPhotoFiles).toBeUndefined()
    ok(await photo(h, 'demo-cleaner', 'ph-done-1'))
    const t = ok<TaskOut[]>(await h.as('demo-supervisor', 'work.allTasks', {})).find(
      (x) => x.id === 'ft-clean'
    )!
    expect(t.checklist).toEqual([
      { label: '地面', done: true },
      { label: '玻璃门', done: true }
    ])
    expect(t.completionPhotoFiles).toEqual([
      { id: 'ph-done-1', fileId: cloudFileId(h, 'demo-cleaner', 'ph-done-1') }
    ])
    // sent back with a reason: the reason is in the task's history the card shows
    ok(
      await h.as('demo-supervisor', 'work.taskReview', {
        taskId: 'ft-clean',
        act: 'reject',
        reason: '玻璃门没擦'
      })
    )
    const back = ok<TaskOut[]>(await h.as('demo-cleaner', 'work.tasks', {})).find((x) => x.id === 'ft-clean')!
    expect(back.status).toBe('inProgress')
    expect(back.history.at(-1)).toMatchObject({ what: '验收不通过', note: '玻璃门没擦', byName: '周主管' })
  })
})

describe('an owner’s repair: the room and phone, and the follow-up call', () => {
  const SHEET = '楼栋,单元,房号,业主姓名,手机\n2,1,601,陈先生,13800002601\n2,1,602,林女士,\n'
  const file = { name: 'rooms.csv', data: Buffer.from(SHEET, 'utf8').toString('base64') }
  async function resolvedOwnerRequest(h: Harness, id: string, extra: Record<string, unknown>) {
    const i = ok<IncidentOut>(await h.as('demo-service', 'work.report', { id, category: 'ownerRequest' }))
    ok(await h.as('demo-service', 'work.reportMore', { incidentId: i.id, note: '厨房水龙头坏了', ...extra }))
    ok(await act(h, 'demo-engineer', i.taskId, 'grab'))
    ok(await act(h, 'demo-engineer', i.taskId, 'complete', { note: '换了龙头', photoIds: ['ph-x-' + id] }))
    return i
  }

  it('the phone the owner gave: masked in the follow-up list, whole for the call, each read audited', async () => {
    const h = await makeHarness()
    const i = await resolvedOwnerRequest(h, 'ft-own-1', { ownerRoom: '2-1-601', ownerPhone: '13912345678' })
    const list = ok<IncidentOut[]>(await h.as('demo-service', 'work.followUps', {}))
    expect(list.map((x) => [x.ownerRoom, x.ownerPhoneMasked])).toEqual([['2-1-601', '139****5678']])
    expect(JSON.stringify(list)).not.toContain('13912345678')
    const audits = await h.count('audit', { action: 'work.ownerPhone' })
    expect(ok(await h.as('demo-service', 'work.ownerPhone', { incidentId: i.id }))).toEqual({
      room: '2-1-601',
      phone: '13912345678'
    })
    expect(await h.count('audit', { action: 'work.ownerPhone', actorId: 'demo-service' })).toBe(audits + 1)
    // only the roles that call owners back; a bad number is refused in Chinese
    expect(code(await h.as('demo-guard', 'work.ownerPhone', { incidentId: i.id }))).toBe('FORBIDDEN')
    const bad = await h.as('demo-service', 'work.reportMore', { incidentId: i.id, ownerPhone: '12345' })
    expect([code(bad), msg(bad)]).toEqual([
      'INVALID_INPUT',
      '填写的内容有误：业主电话：请填写11位手机号或带区号的座机'
    ])
  })

  it('no phone given: the room’s registered owner phone; none there either: why, in Chinese', async () => {
    const h = await makeHarness()
    for (;;) {
      const r = ok<ImportCommitOut>(
        await h.as('demo-supervisor', 'rooms.importCommit', { file }, { op: h.opSeq() })
      )
      if (!r.remaining) break
    }
    const a = await resolvedOwnerRequest(h, 'ft-own-2', { ownerRoom: '2-1-601' })
    expect(ok(await h.as('demo-service', 'work.ownerPhone', { incidentId: a.id }))).toEqual({
      room: '2-1-601',
      ownerName: '陈先生',
      phone: '13800002601'
    })
    const b = await resolvedOwnerRequest(h, 'ft-own-3', { ownerRoom: '2-1-602' })
    const none = await h.as('demo-service', 'work.ownerPhone', { incidentId: b.id })
    expect([code(none), msg(none)]).toEqual([
      'NOT_FOUND',
      '2-1-602没有留业主电话，房间也没登记电话，请联系客服中心'
    ])
    // a staff report is no owner's: no phone to give
    const staffReport = ok<IncidentOut>(
      await h.as('demo-guard', 'work.report', { id: 'ft-st', category: 'light' })
    )
    expect(code(await h.as('demo-service', 'work.ownerPhone', { incidentId: staffReport.id }))).toBe(
      'NOT_FOUND'
    )
  })
})
