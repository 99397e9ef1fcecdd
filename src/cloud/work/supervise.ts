/** A supervisor's work: new tasks (to a person or a pool), review and reassignment, recurring templates, the lists and the board. */
import { AppError } from '../../domain/errors'
import type { ParsedInputOf, TaskOut, TemplateOut, WorkBoard } from '../../domain/contract'
import { DAY_MS, dayStart, localDate } from '../../domain/time'
import { SEVERITY_RANK } from '../../domain/work/incidents'
import { CATEGORIES, DEPT_LABELS, DEPTS, deptsOf, type Dept, type Task } from '../../domain/work/model'
import { sortTasks } from '../../domain/work/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { badInput, type Patch } from '../kit'
import { poolOf, tell } from './inbox'
import { TASKS, TEMPLATES, WorkRepo } from './repo'
import { moveTask } from './tasks'
import { hist, incidentOut, taskOut, uniqueById } from './views'
import { withReportsAndPhotos } from './photos'

const notHere = () => badInput('assigneeId', '派给：这个人不在本小区')
/** The one rule for whom work is given to (a task, a recurring template): an active person of the estate. */
const assigneeIn = (repo: WorkRepo, estateId: string, id: string | undefined) =>
  repo.personIn(estateId, id, { active: true })
const nobody = () => badInput('assigneeId', '派给：请选择一个人或一个部门')

export async function taskCreate(input: ParsedInputOf<'work.taskCreate'>, ctx: Ctx): Promise<TaskOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  if (!input.assigneeId && !input.dept) throw nobody()
  const [seen, assignee] = await Promise.all([
    repo.get(TASKS, input.id),
    input.assigneeId ? assigneeIn(repo, estate._id, input.assigneeId) : null
  ])
  if (seen) throw new AppError('DUPLICATE', '这个任务已经建过了')
  if (input.assigneeId && !assignee) throw notHere()
  const dept = assignee ? undefined : (input.dept as Dept)
  const t = await repo.insert(TASKS, {
    _id: input.id,
    estateId: estate._id,
    title: input.title,
    type: input.type,
    place: input.place || undefined,
    checklist: input.checklist.map((label) => ({ label, done: false })),
    dueAt: input.dueAt,
    priority: input.priority,
    photoRequired: input.photoRequired,
    dept,
    assigneeId: assignee?._id,
    assigneeName: assignee?.name,
    status: assignee ? 'assigned' : 'open',
    createdBy: staff._id,
    createdByName: staff.name,
    history: [hist(ctx, assignee ? `派给${assignee.name}` : `放入${DEPT_LABELS[dept as Dept]}抢单池`)]
  })
  const people = assignee ? [assignee] : poolOf(await repo.staffOf(estate._id), dept as Dept)
  await tell(ctx, estate._id, people, { kind: 'assigned', title: `新任务：${t.title}`, refId: t._id })
  await ctx.audit('tasks', t._id)
  return taskOut(t, ctx.now)
}

export async function taskReview(input: ParsedInputOf<'work.taskReview'>, ctx: Ctx): Promise<TaskOut> {
  const estate = requireEstate(ctx)
  const repo = new WorkRepo(ctx)
  const t = await repo.getInEstate(TASKS, input.taskId, '没有找到这个任务')
  if (input.act === 'reject' && !input.reason) throw badInput('reason', '退回：请写明原因')
  const patch: Patch<Task> = {}
  if (input.act === 'assign') {
    const a = await assigneeIn(repo, estate._id, input.assigneeId)
    if (!a) throw notHere()
    patch.assigneeId = a._id
    patch.assigneeName = a.name
  }
  const updated = await moveTask(ctx, t, input.act, patch, input.reason)
  if (input.act === 'assign' && updated.assigneeId)
    await tell(ctx, estate._id, [updated.assigneeId], {
      kind: 'assigned',
      title: `新任务：${t.title}`,
      refId: t._id
    })
  if (input.act === 'reject' && t.assigneeId)
    await tell(ctx, estate._id, [t.assigneeId], {
      kind: 'rejected',
      title: `验收不通过：${t.title}（${input.reason}）`,
      refId: t._id
    })
  return taskOut(updated, ctx.now)
}

export async function templateSave(
  input: ParsedInputOf<'work.templateSave'>,
  ctx: Ctx
): Promise<{ id: string; title: string }> {
  const estate = requireEstate(ctx)
  const repo = new WorkRepo(ctx)
  if (!input.assigneeId && !input.dept) throw nobody()
  let assigneeName: string | undefined
  if (input.assigneeId) {
    const a = await assigneeIn(repo, estate._id, input.assigneeId)
    if (!a) throw notHere()
    assigneeName = a.name
  }
  const { id, ...fields } = input
  await repo.saveInEstate(TEMPLATES, id, {
    ...fields,
    assigneeName,
    days: [...new Set(input.days)].sort(),
    active: true
  })
  await ctx.audit('tasktemplates', id)
  return { id, title: input.title }
}

export async function templates(_: Record<string, never>, ctx: Ctx): Promise<TemplateOut[]> {
  const estate = requireEstate(ctx)
  const list = await new WorkRepo(ctx).templatesOf(estate._id)
  return list.map((t) => ({
    id: t._id,
    title: t.title,
    type: t.type,
    place: t.place,
    checklist: t.checklist,
    priority: t.priority,
    photoRequired: t.photoRequired,
    dept: t.dept,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    time: t.time,
    days: t.days,
    durationMinutes: t.durationMinutes,
    active: t.active
  }))
}

/** Stops a recurring task: no more are made from it; the tasks already made stay as they are. */
export async function templateStop(
  input: ParsedInputOf<'work.templateStop'>,
  ctx: Ctx
): Promise<{ id: string; title: string }> {
  requireEstate(ctx)
  const t = await new WorkRepo(ctx).deactivateInEstate(TEMPLATES, input.id, '这个周期任务不存在或已停用')
  await ctx.audit('tasktemplates', input.id)
  return { id: input.id, title: t.title }
}

export async function allTasks(_: Record<string, never>, ctx: Ctx): Promise<TaskOut[]> {
  const estate = requireEstate(ctx)
  const repo = new WorkRepo(ctx)
  const since = dayStart(ctx.now)
  const [open, today] = await Promise.all([
    repo.listedOpen(estate._id),
    repo.dueBetween(estate._id, since, since + DAY_MS, 500)
  ])
  const sorted = sortTasks(uniqueById([...open, ...today]), ctx.now)
  return withReportsAndPhotos(
    repo,
    ctx,
    estate._id,
    sorted,
    sorted.map((t) => taskOut(t, ctx.now))
  )
}

export async function board(_: Record<string, never>, ctx: Ctx): Promise<WorkBoard> {
  const estate = requireEstate(ctx)
  const repo = new WorkRepo(ctx)
  const d0 = dayStart(ctx.now)
  const since14 = d0 - 13 * DAY_MS
  const [open, recent, tasksToday, overdue, people] = await Promise.all([
    repo.openIncidents(estate._id),
    repo.reportedSince(estate._id, since14),
    repo.dueBetween(estate._id, d0, d0 + DAY_MS),
    repo.lateOpen(estate._id, ctx.now, 200),
    repo.staffOf(estate._id)
  ])
  const openIncidents = open
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.reportedAt - b.reportedAt)
    .map((i) => incidentOut(i, ctx.now))
  const deptOfTask = (t: Task): Dept | undefined =>
    t.dept ?? deptsOf(people.find((p) => p._id === t.assigneeId)?.roles ?? [])[0]
  const completion = DEPTS.map((d) => {
    const list = tasksToday.filter((t) => deptOfTask(t) === d)
    return {
      dept: d,
      label: DEPT_LABELS[d],
      done: list.filter((t) => t.status === 'done' || t.status === 'closed').length,
      total: list.length
    }
  })
  const days = Array.from({ length: 14 }, (_, k) => localDate(since14 + k * DAY_MS))
  const categories = CATEGORIES.map((c) => ({
    key: c.key,
    label: c.label,
    counts: days.map(
      (d) => recent.filter((i) => i.category === c.key && localDate(i.reportedAt) === d).length
    )
  })).filter((c) => c.counts.some((n) => n > 0))
  return {
    openIncidents,
    overdueTasks: overdue.items.map((t) => taskOut(t, ctx.now)),
    completion,
    perCategory: { days, categories }
  }
}
