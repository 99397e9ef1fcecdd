/** A person's tasks: the list (own and the department's pool), and the steps grab, accept, start, complete, hand back. */
import { AppError } from '../../domain/errors'
import type { ParsedInputOf, TaskOut } from '../../domain/contract'
import { DAY_MS, dayStart } from '../../domain/time'
import { incidentIdOfTask } from '../../domain/work/incidents'
import { deptsOf, type Incident, type Task } from '../../domain/work/model'
import { incidentFor, sortTasks, taskMove, TASK_ACT_LABELS, type TaskAct } from '../../domain/work/rules'
import { taskStep } from '../../domain/work/steps'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { badInput, timed, type Patch } from '../kit'
import { supervisorsIn, tell } from './inbox'
import { INCIDENTS, TASKS, WorkRepo } from './repo'
import { hist, taskOut, uniqueById } from './views'
import { withReportsAndPhotos } from './photos'

export async function tasks(_: Record<string, never>, ctx: Ctx): Promise<TaskOut[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  const since = dayStart(ctx.now) - DAY_MS
  const [mine, pools] = await Promise.all([
    repo.assignedTo(estate._id, staff._id, since - 30 * DAY_MS),
    Promise.all(deptsOf(staff.roles).map((d) => repo.pool(estate._id, d)))
  ])
  // open work of any age, and what was finished since yesterday
  const list = [
    ...mine.filter((t) => !['done', 'closed'].includes(t.status) || (t.completedAt ?? 0) >= since),
    ...pools.flat()
  ]
  const sorted = sortTasks(uniqueById(list), ctx.now)
  return withReportsAndPhotos(
    repo,
    ctx,
    estate._id,
    sorted,
    sorted.map((t) => taskOut(t, ctx.now))
  )
}

/**
 * A task and its incident read together: a task made from a report has the id `t-<incident id>`,
 * so the incident is asked for at the same time (one round trip); any other task reads it after.
 */
export async function taskWithIncident(
  repo: WorkRepo,
  taskId: string
): Promise<[Task | null, Incident | undefined]> {
  const incidentId = incidentIdOfTask(taskId)
  const [t, i] = await Promise.all([
    repo.get(TASKS, taskId),
    incidentId ? repo.get(INCIDENTS, incidentId) : null
  ])
  return [t, t?.incidentId && i?._id === t.incidentId ? i : undefined]
}

/**
 * Moves a task (and its incident) one step, with the history and who is told. `incident`:
 * already read (null: none; undefined: read it here).
 */
export async function moveTask(
  ctx: Ctx,
  t: Task,
  act: TaskAct,
  patch: Patch<Task>,
  note?: string,
  incident?: Incident | null
): Promise<Task> {
  const estate = requireEstate(ctx)
  const repo = new WorkRepo(ctx)
  const m = taskMove(act, t.status)
  if (!m.ok)
    throw new AppError(
      'CONFLICT',
      t.assigneeName && act === 'grab' ? `${m.reason}（已被${t.assigneeName}抢走）` : m.reason
    )
  const next: Patch<Task> = {
    ...patch,
    status: m.to,
    history: [...t.history, hist(ctx, TASK_ACT_LABELS[act], note)]
  }
  const i = incident !== undefined ? incident : t.incidentId ? await repo.get(INCIDENTS, t.incidentId) : null
  const moveIncident = async (i: Incident) => {
    const assigneeName = 'assigneeName' in next ? next.assigneeName : t.assigneeName
    const ip: Patch<Incident> = {
      status: act === 'reject' ? 'reopened' : incidentFor(m.to),
      assigneeName,
      history: [
        ...i.history,
        hist(ctx, `${TASK_ACT_LABELS[act]}${assigneeName ? `（${assigneeName}）` : ''}`, note)
      ]
    }
    if (m.to === 'done') {
      ip.resolvedAt = ctx.now
      ip.resolutionNote = 'completionNote' in next ? next.completionNote : t.completionNote
      ip.afterPhotoIds = 'completionPhotoIds' in next ? next.completionPhotoIds : t.completionPhotoIds
    }
    if (m.to === 'closed') ip.verifiedAt = ctx.now
    await Promise.all([
      repo.tryUpdate(INCIDENTS, i, ip),
      m.to === 'done'
        ? tell(ctx, estate._id, [i.reporterId], {
            kind: 'resolved',
            title: `你报的「${i.categoryLabel}」已处理`,
            refId: i._id
          })
        : undefined
    ])
  }
  // the task, its incident and the reporter's inbox at once (a lost race on the task aborts them all)
  const [updated] = await Promise.all([repo.tryUpdate(TASKS, t, next), i ? moveIncident(i) : undefined])
  if (!updated)
    throw new AppError('CONFLICT', act === 'grab' ? '这个单刚被别人抢走了' : '这个任务刚被别人修改，请刷新')
  await ctx.audit('tasks', t._id)
  return updated
}

export async function taskAct(input: ParsedInputOf<'work.taskAct'>, ctx: Ctx): Promise<TaskOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  const [t, incident] = await taskWithIncident(repo, input.taskId)
  if (!t || t.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这个任务')
  // no step precedes the task itself, as the server made it (a completion "3 hours ago")
  const when = timed(ctx, t.createdAt)
  const step = taskStep(t, staff, input, when.at, incident)
  if (!step.ok)
    throw step.code === 'INVALID_INPUT'
      ? badInput(step.field, step.message)
      : new AppError(step.code, step.message)
  const note = input.act === 'handBack' ? input.reason : input.note
  const patch = when.timeFlag ? { ...step.patch, timeFlag: when.timeFlag } : step.patch
  const updated = await moveTask(ctx, t, input.act, patch, note, incident)
  if (input.act === 'handBack') {
    const people = await repo.staffOf(estate._id)
    await tell(ctx, estate._id, supervisorsIn(people), {
      kind: 'rejected',
      title: `${staff.name} 退回了任务：${t.title}`,
      refId: t._id
    })
  }
  return taskOut(updated, ctx.now)
}
