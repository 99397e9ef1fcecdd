/**
 * The supervisor's work store against the real dispatcher on SQLite: the board, tasks and the
 * active staff; a new task and a recurring one from the form; review (pass, send back) and a
 * change of hands; a refusal, on the phone or by the server, is the store's error.
 */
import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import type { Who } from '../../../../kit/caller'
import { HOUR, incident, task } from '../../../../kit/factories'
import { WorkAdminStore } from '../../../../../src/pages/supervisor/model/work'
import { taskRequest, type TaskForm } from '../../../../../src/domain/work/taskForm'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function admin(who: Who = 'supervisor') {
  const p = await signedIn(b, who)
  return { store: new WorkAdminStore(p.deps), ...p }
}

const form = (over: Partial<TaskForm> = {}): TaskForm => ({
  title: '2栋电梯厅保洁',
  type: 'cleaning',
  place: '2栋',
  checklist: '地面，按钮',
  due: '1h',
  priority: 'high',
  photo: false,
  to: 'demo-cleaner',
  repeat: 'none',
  time: '08:00',
  ...over
})

/** The cleaner takes the task through to done: it waits for review. */
async function finished(taskId: string) {
  const cleaner = b.h.as('cleaner')
  await cleaner.call('work.taskAct', { taskId, act: 'accept' })
  await cleaner.call('work.taskAct', { taskId, act: 'complete', note: '已完成' })
}

describe('WorkAdminStore', () => {
  it('loads the board, the tasks and the active staff', async () => {
    await incident(b.h)
    const t = await task(b.h)
    const { store } = await admin()
    await store.load()
    expect(store.error).toBe('')
    expect(store.board?.openIncidents.map((i) => i.categoryLabel)).toHaveLength(1)
    expect(store.tasks.map((x) => x.id)).toContain(t.id)
    expect(store.staff.map((s) => s.id)).toContain('demo-cleaner')
    expect(store.staff.every((s) => s.active)).toBe(true)
    expect(store.toReview).toEqual([])
  })

  it("sends a new task from the form; it is on the list and the cleaner's", async () => {
    const { store } = await admin()
    const req = taskRequest(form(), b.h.clock.now)
    if (req.action !== 'work.taskCreate') throw new Error('a one-off task')
    expect(await store.createTask(req.input)).toBe(true)
    const t = store.tasks.find((x) => x.title === '2栋电梯厅保洁')
    expect(t).toMatchObject({
      assigneeId: 'demo-cleaner',
      checklist: [{ label: '地面' }, { label: '按钮' }],
      priority: 'high'
    })
    expect(t?.dueAt).toBe(b.h.clock.now + HOUR)
    const mine = await b.h.as('cleaner').call('work.tasks', {})
    expect(mine.map((x) => x.id)).toContain(t!.id)
  })

  it('saves a recurring task for a department as a template, not a task', async () => {
    const { store } = await admin()
    const req = taskRequest(form({ to: 'cleaning', repeat: 'weekdays', time: '07:30' }), b.h.clock.now)
    if (req.action !== 'work.templateSave') throw new Error('a recurring task')
    expect(await store.saveTemplate(req.input)).toBe(true)
    expect(store.error).toBe('')
    const stored = await b.h.text('tasktemplates')
    expect(stored).toContain('2栋电梯厅保洁')
    expect(stored).toContain('07:30')
    expect(store.tasks.some((x) => x.title === '2栋电梯厅保洁')).toBe(false)
  })

  it('a done task waits for review; passing it closes it', async () => {
    const t = await task(b.h)
    await finished(t.id)
    const { store } = await admin()
    await store.load()
    expect(store.toReview.map((x) => x.id)).toEqual([t.id])
    expect(await store.review(store.toReview[0], 'close')).toBe(true)
    expect(store.toReview).toEqual([])
    expect((await b.h.stored<{ status: string }>('tasks', t.id))?.status).toBe('closed')
  })

  it('sending it back takes the reason and puts it back in progress', async () => {
    const t = await task(b.h)
    await finished(t.id)
    const { store } = await admin()
    await store.load()
    expect(await store.review(store.toReview[0], 'reject', ' 角落没扫 ')).toBe(true)
    expect(store.tasks.find((x) => x.id === t.id)?.status).toBe('inProgress')
  })

  it('gives a task to someone else', async () => {
    const t = await task(b.h)
    const { store } = await admin()
    await store.load()
    expect(
      await store.reassign(
        store.tasks.find((x) => x.id === t.id)!,
        'demo-housekeeper'
      )
    ).toBe(true)
    expect(store.tasks.find((x) => x.id === t.id)).toMatchObject({
      assigneeId: 'demo-housekeeper',
      status: 'assigned'
    })
  })

  it('reviewing a task that is not done is refused by the server: the error says why', async () => {
    const t = await task(b.h)
    const { store } = await admin()
    await store.load()
    expect(
      await store.review(
        store.tasks.find((x) => x.id === t.id)!,
        'close'
      )
    ).toBe(false)
    expect(store.error).toContain('不能验收通过')
    expect((await b.h.stored<{ status: string }>('tasks', t.id))?.status).toBe('assigned')
  })

  it('a task the contract refuses (no title) never leaves the phone', async () => {
    const { store } = await admin()
    const req = taskRequest(form({ title: ' ' }), b.h.clock.now)
    if (req.action !== 'work.taskCreate') throw new Error('a one-off task')
    const sent = b.calls.length
    expect(await store.createTask(req.input)).toBe(false)
    expect(store.error).not.toBe('')
    expect(b.calls.length).toBe(sent)
  })

  it('someone without the supervisor role gets the refusal as the error', async () => {
    const { store } = await admin('cleaner')
    await store.load()
    expect(store.board).toBeUndefined()
    expect(store.error).not.toBe('')
  })
})
