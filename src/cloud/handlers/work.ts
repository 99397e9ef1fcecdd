/**
 * Incidents and tasks in one loop: a report is routed by its category to a department's pool
 * as a task; the task's steps move the incident; completing it resolves the incident and tells
 * the reporter. Every change is kept in the record's history.
 */
import { AppError } from '../../domain/errors'
import type { InboxOut, IncidentOut, ParsedInputOf, TaskOut, WorkBoard } from '../../domain/contract'
import { hasAnyRole, MANAGER_ROLES } from '../../domain/roles'
import type { Staff } from '../../domain/entities'
import {
  CATEGORIES,
  DEPT_LABELS,
  DEPT_ROLES,
  DEPTS,
  categoryOf,
  deptsOf,
  dueAt as dueFor,
  type Dept,
  type HistoryEntry,
  type InboxItem,
  type Incident,
  type Task,
  type TaskTemplate
} from '../../domain/work/model'
import { incidentFor, isOverdue, sortTasks, taskMove, TASK_ACT_LABELS, type TaskAct } from '../../domain/work/rules'
import { dayStart, localDate } from '../../domain/time'
import { minutesOf, weekday } from '../../domain/patrol/slots'
import { requireCaller, requireEstate, type Ctx } from '../context'
import type { D } from './common'
import { badInput, eventTime } from '../kit'

const DAY = 86_400_000

function uniqueById<T extends { _id: string }>(xs: T[]): T[] {
  return [...new Map(xs.map((x) => [x._id, x])).values()]
}

function hist(ctx: Ctx, what: string, note?: string): HistoryEntry {
  const { staff } = requireCaller(ctx)
  return { at: ctx.now, by: staff._id, byName: staff.name, what, note: note || undefined }
}

function incidentOut(i: Incident, now: number, task?: Task): IncidentOut {
  return {
    id: i._id,
    category: i.category,
    categoryLabel: i.categoryLabel,
    severity: i.severity,
    emergency: i.emergency,
    dept: i.dept,
    status: i.status,
    place: i.place,
    note: i.note,
    photoIds: i.photoIds,
    source: i.source,
    ownerRoom: i.ownerRoom,
    reporterName: i.reporterName,
    reportedAt: i.reportedAt,
    dueAt: i.dueAt,
    overdue: !['resolved', 'verified'].includes(i.status) && i.dueAt < now,
    taskId: i.taskId,
    assigneeName: task ? task.assigneeName : i.assigneeName,
    resolvedAt: i.resolvedAt,
    resolutionNote: i.resolutionNote,
    afterPhotoIds: i.afterPhotoIds,
    followUp: i.followUp,
    history: i.history
  }
}

export function taskOut(t: Task, now: number): TaskOut {
  return {
    id: t._id,
    title: t.title,
    type: t.type,
    place: t.place,
    checklist: t.checklist,
    dueAt: t.dueAt,
    overdue: isOverdue(t, now),
    priority: t.priority,
    photoRequired: t.photoRequired,
    dept: t.dept,
    assigneeId: t.assigneeId,
    assigneeName: t.assigneeName,
    status: t.status,
    incidentId: t.incidentId,
    createdByName: t.createdByName,
    completedAt: t.completedAt,
    completionNote: t.completionNote,
    completionPhotoIds: t.completionPhotoIds,
    history: t.history
  }
}

/**
 * Something new for people (the home page badge); WeChat also gets a subscribe message, queued
 * and sent by the dispatcher after commit. Pass the staff records when they are at hand: only
 * people given by id are looked up (for their openid, outside the transaction). Every inbox
 * item is written at once: one round trip however many people are told.
 */
async function tell(ctx: Ctx, estateId: string, people: (string | Staff)[], item: Pick<InboxItem, 'kind' | 'title' | 'refId'>): Promise<void> {
  const byId = new Map<string, Staff | undefined>()
  for (const p of people) {
    if (typeof p !== 'string') byId.set(p._id, p)
    else if (!byId.has(p)) byId.set(p, undefined)
  }
  const page = item.kind === 'resolved' ? '/pages/work/report/index' : item.kind === 'assigned' || item.kind === 'rejected' ? '/pages/work/tasks/index' : '/pages/supervisor/work/index'
  await Promise.all(
    [...byId].map(async ([staffId, known]) => {
      const [person] = await Promise.all([
        ctx.config.notify ? (known ?? ctx.store.get<D<Staff>>('staff', staffId)) : undefined,
        ctx.db.insert<D<InboxItem>>('inbox', { _id: ctx.newId(), createdAt: ctx.now, updatedAt: ctx.now, estateId, staffId, at: ctx.now, ...item }, { fresh: true })
      ])
      // queued: the dispatcher sends the set once, after the record is committed
      if (person?.openid) ctx.nudge({ openid: person.openid, kind: item.kind, title: item.title, page, at: ctx.now })
    })
  )
}

async function staffOf(ctx: Ctx, estateId: string): Promise<D<Staff>[]> {
  const page = await ctx.store.find<D<Staff>>('staff', { where: { estateIds: { has: estateId }, active: true }, orderBy: [['createdAt', 'asc']], limit: 1000 })
  return page.items
}
const supervisorsIn = (people: Staff[]) => people.filter((p) => hasAnyRole(p.roles, MANAGER_ROLES))
const poolOf = (people: Staff[], dept: Dept) => people.filter((p) => hasAnyRole(p.roles, DEPT_ROLES[dept]))

// ---------------- incidents ----------------

export async function report(input: ParsedInputOf<'work.report'>, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const cat = categoryOf(input.category)!
  const taskId = `t-${input.id}`
  // one round trip: both ids looked at in the transaction (the inserts need not look again), and who is told
  const [had, , people] = await Promise.all([ctx.db.get('incidents', input.id), ctx.db.get('tasks', taskId), staffOf(ctx, estate._id)])
  if (had) throw new AppError('DUPLICATE', '这条报事已经记录过了')
  const at = eventTime(ctx)
  const severity = input.severity ?? cat.severity
  const due = dueFor(at, severity, estate.settings?.responseMinutes)
  const history = [hist(ctx, '上报')]
  const emergency = !!cat.emergency || severity === 'urgent'
  const title = `${cat.label}${input.place ? ` · ${input.place}` : ''}`
  // the incident, its task and the inbox items at once
  const [incident, task] = await Promise.all([
   ctx.db.insert<D<Incident>>('incidents', {
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    category: cat.key,
    categoryLabel: cat.label,
    severity,
    emergency,
    dept: cat.dept,
    status: 'assigned',
    place: input.place || undefined,
    checkpointId: input.checkpointId,
    position: input.position,
    note: input.note || undefined,
    photoIds: input.photoIds ?? [],
    source: input.source ?? (cat.key === 'ownerRequest' ? 'owner' : 'staff'),
    ownerRoom: input.ownerRoom || undefined,
    reporterId: staff._id,
    reporterName: staff.name,
    reportedAt: at,
    deviceAt: ctx.op?.deviceTime ?? ctx.now,
    dueAt: due,
    taskId,
    history: [...history, { ...history[0], what: `派给${DEPT_LABELS[cat.dept]}` }]
   }),
   ctx.db.insert<D<Task>>('tasks', {
    _id: taskId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    title,
    type: cat.dept === 'engineering' ? 'repair' : cat.dept === 'cleaning' ? 'cleaning' : 'other',
    place: input.place || undefined,
    checklist: [],
    dueAt: due,
    priority: severity === 'urgent' || severity === 'high' ? 'high' : 'normal',
    photoRequired: cat.dept === 'engineering' || cat.dept === 'cleaning',
    dept: cat.dept,
    status: 'open',
    incidentId: input.id,
    createdBy: staff._id,
    createdByName: staff.name,
    history: [hist(ctx, `由报事生成，进入${DEPT_LABELS[cat.dept]}抢单池`)]
   }),
   tell(ctx, estate._id, poolOf(people, cat.dept), { kind: 'assigned', title: `新报事：${title}`, refId: taskId }),
   emergency ? tell(ctx, estate._id, supervisorsIn(people), { kind: 'emergency', title: `紧急：${cat.label}（${staff.name}上报）`, refId: input.id }) : undefined
  ])
  await ctx.audit('incidents', incident._id)
  return incidentOut(incident, ctx.now, task)
}

export async function reportMore(input: ParsedInputOf<'work.reportMore'>, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const i = await ctx.db.get<D<Incident>>('incidents', input.incidentId)
  if (!i || i.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这条报事')
  if (i.reporterId !== staff._id) throw new AppError('FORBIDDEN', '只有上报人可以补充')
  const patch: Partial<Incident> = { updatedAt: ctx.now }
  const parts: string[] = []
  if (input.note) {
    patch.note = input.note
    parts.push('说明')
  }
  if (input.photoIds?.length) {
    patch.photoIds = [...new Set([...i.photoIds, ...input.photoIds])].slice(0, 9)
    parts.push(`照片${input.photoIds.length}张`)
  }
  if (input.place) {
    patch.place = input.place
    parts.push('地点')
  }
  if (input.position && !i.position) {
    patch.position = input.position
    parts.push('定位')
  }
  if (input.severity && input.severity !== i.severity) {
    patch.severity = input.severity
    patch.emergency = i.emergency || input.severity === 'urgent'
    patch.dueAt = dueFor(i.reportedAt, input.severity, estate.settings?.responseMinutes)
    parts.push('紧急程度')
  }
  if (!parts.length) throw badInput('note', '没有要补充的内容')
  patch.history = [...i.history, hist(ctx, `补充${parts.join('、')}`, input.note)]
  const updated = await ctx.db.update<D<Incident>>('incidents', i._id, i._v, patch)
  if (!updated) throw new AppError('CONFLICT')
  if (patch.dueAt || patch.place) {
    const t = await ctx.db.get<D<Task>>('tasks', i.taskId)
    if (t) await ctx.db.update<D<Task>>('tasks', t._id, t._v, { dueAt: patch.dueAt ?? t.dueAt, place: patch.place ?? t.place, updatedAt: ctx.now })
  }
  await ctx.audit('incidents', i._id)
  return incidentOut(updated, ctx.now)
}

/** The stored file of each after-photo that has arrived, so the app can show it (cloud or our server). */
async function withFiles(ctx: Ctx, out: IncidentOut): Promise<IncidentOut> {
  const ids = out.afterPhotoIds ?? []
  if (!ids.length) return out
  const files: { id: string; fileId: string }[] = []
  for (const id of ids) {
    const f = await ctx.store.get<D<{ _id: string; _v: number; fileId: string; estateId: string }>>('files', id)
    if (f && f.estateId === requireEstate(ctx)._id) files.push({ id, fileId: f.fileId })
  }
  return { ...out, afterPhotoFiles: files }
}

export async function myIncidents(_: Record<string, never>, ctx: Ctx): Promise<IncidentOut[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const page = await ctx.store.find<D<Incident>>('incidents', { where: { reporterId: staff._id, reportedAt: { gte: ctx.now - 30 * DAY } }, orderBy: [['reportedAt', 'desc']], limit: 50 })
  return Promise.all(page.items.filter((i) => i.estateId === estate._id).map((i) => withFiles(ctx, incidentOut(i, ctx.now))))
}

export async function incident(input: { incidentId: string }, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const i = await ctx.store.get<D<Incident>>('incidents', input.incidentId)
  if (!i || i.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这条报事')
  const t = await ctx.store.get<D<Task>>('tasks', i.taskId)
  return withFiles(ctx, incidentOut(i, ctx.now, t ?? undefined))
}

export async function followUps(_: Record<string, never>, ctx: Ctx): Promise<IncidentOut[]> {
  const estate = requireEstate(ctx)
  const page = await ctx.store.find<D<Incident>>('incidents', { where: { estateId: estate._id, status: { in: ['resolved', 'verified'] }, reportedAt: { gte: ctx.now - 30 * DAY } }, orderBy: [['reportedAt', 'desc']], limit: 200 })
  return page.items.filter((i) => i.source === 'owner' && !i.followUp?.satisfied).map((i) => incidentOut(i, ctx.now))
}

export async function followUp(input: ParsedInputOf<'work.followUp'>, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const i = await ctx.db.get<D<Incident>>('incidents', input.incidentId)
  if (!i || i.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这条报事')
  if (i.status !== 'resolved' && i.status !== 'verified') throw new AppError('CONFLICT', '还没处理完，不能回访')
  const fu = { satisfied: input.satisfied, note: input.note || undefined, at: ctx.now, byName: staff.name }
  if (input.satisfied) {
    const u = await ctx.db.update<D<Incident>>('incidents', i._id, i._v, { followUp: fu, history: [...i.history, hist(ctx, '回访：业主满意', input.note)], updatedAt: ctx.now })
    if (!u) throw new AppError('CONFLICT')
    await ctx.audit('incidents', i._id)
    return incidentOut(u, ctx.now)
  }
  // not satisfied: back to the department, again
  const t = await ctx.db.get<D<Task>>('tasks', i.taskId)
  if (!t) throw new AppError('NOT_FOUND', '这条报事的任务不见了')
  const tu = await ctx.db.update<D<Task>>('tasks', t._id, t._v, { status: t.assigneeId ? 'assigned' : 'open', history: [...t.history, hist(ctx, '回访业主不满意，退回重做', input.note)], updatedAt: ctx.now })
  const u = await ctx.db.update<D<Incident>>('incidents', i._id, i._v, { status: 'reopened', followUp: fu, history: [...i.history, hist(ctx, '回访：业主不满意，退回重做', input.note)], updatedAt: ctx.now })
  if (!u || !tu) throw new AppError('CONFLICT')
  if (t.assigneeId) await tell(ctx, estate._id, [t.assigneeId], { kind: 'rejected', title: `业主不满意，请重做：${t.title}`, refId: t._id })
  await ctx.audit('incidents', i._id)
  return incidentOut(u, ctx.now, tu)
}

// ---------------- tasks ----------------

export async function tasks(_: Record<string, never>, ctx: Ctx): Promise<TaskOut[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const since = dayStart(ctx.now) - DAY
  const mine = await ctx.store.find<D<Task>>('tasks', {
    where: { estateId: estate._id, assigneeId: staff._id, dueAt: { gte: since - 30 * DAY } },
    orderBy: [['dueAt', 'desc']],
    limit: 200
  })
  const pools = await Promise.all(
    deptsOf(staff.roles).map((d) => ctx.store.find<D<Task>>('tasks', { where: { estateId: estate._id, dept: d, status: 'open' }, orderBy: [['dueAt', 'asc']], limit: 100 }))
  )
  // open work of any age, and what was finished since yesterday
  const list = [...mine.items.filter((t) => !['done', 'closed'].includes(t.status) || (t.completedAt ?? 0) >= since), ...pools.flatMap((p) => p.items)]
  return sortTasks(uniqueById(list), ctx.now).map((t) => taskOut(t, ctx.now))
}

/**
 * A task and its incident read together: a task made from a report has the id `t-<incident id>`,
 * so the incident is asked for at the same time (one round trip); any other task reads it after.
 */
async function taskWithIncident(ctx: Ctx, taskId: string): Promise<[D<Task> | null, D<Incident> | null | undefined]> {
  const [t, i] = await Promise.all([ctx.db.get<D<Task>>('tasks', taskId), taskId.startsWith('t-') ? ctx.db.get<D<Incident>>('incidents', taskId.slice(2)) : undefined])
  return [t, t?.incidentId && i?._id === t.incidentId ? i : undefined]
}

/** Moves a task (and its incident) one step, with the history and who is told. `incident`: already read (null: none). */
async function moveTask(ctx: Ctx, t: D<Task>, act: TaskAct, patch: Partial<Task>, note?: string, incident?: D<Incident> | null): Promise<D<Task>> {
  const estate = requireEstate(ctx)
  const m = taskMove(act, t.status)
  if (!m.ok) throw new AppError('CONFLICT', t.assigneeName && act === 'grab' ? `${m.reason}（已被${t.assigneeName}抢走）` : m.reason)
  const next: Partial<Task> = { ...patch, status: m.to, history: [...t.history, hist(ctx, TASK_ACT_LABELS[act], note)], updatedAt: ctx.now }
  const i = incident !== undefined ? incident : t.incidentId ? await ctx.db.get<D<Incident>>('incidents', t.incidentId) : null
  // the task, its incident and the reporter's inbox at once (a lost race on the task aborts them all)
  const [updated] = await Promise.all([
    ctx.db.update<D<Task>>('tasks', t._id, t._v, next),
    (async () => {
      if (!i) return
      const assigneeName = 'assigneeName' in next ? next.assigneeName : t.assigneeName
      const status = act === 'reject' ? 'reopened' : incidentFor(m.to)
      const ip: Partial<Incident> = { status, assigneeName, history: [...i.history, hist(ctx, `${TASK_ACT_LABELS[act]}${assigneeName ? `（${assigneeName}）` : ''}`, note)], updatedAt: ctx.now }
      if (m.to === 'done') {
        ip.resolvedAt = ctx.now
        ip.resolutionNote = 'completionNote' in next ? next.completionNote : t.completionNote
        ip.afterPhotoIds = 'completionPhotoIds' in next ? next.completionPhotoIds : t.completionPhotoIds
      }
      if (m.to === 'closed') ip.verifiedAt = ctx.now
      await Promise.all([
        ctx.db.update<D<Incident>>('incidents', i._id, i._v, ip),
        m.to === 'done' ? tell(ctx, estate._id, [i.reporterId], { kind: 'resolved', title: `你报的「${i.categoryLabel}」已处理`, refId: i._id }) : undefined
      ])
    })()
  ])
  if (!updated) throw new AppError('CONFLICT', act === 'grab' ? '这个单刚被别人抢走了' : '这个任务刚被别人修改，请刷新')
  await ctx.audit('tasks', t._id)
  return updated
}

export async function taskAct(input: ParsedInputOf<'work.taskAct'>, ctx: Ctx): Promise<TaskOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const [t, incident] = await taskWithIncident(ctx, input.taskId)
  if (!t || t.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这个任务')
  const patch: Partial<Task> = {}
  if (input.act === 'grab') {
    if (!t.dept || !deptsOf(staff.roles).includes(t.dept)) throw new AppError('FORBIDDEN', '这不是你部门的单')
    patch.assigneeId = staff._id
    patch.assigneeName = staff.name
  } else if (t.assigneeId !== staff._id) throw new AppError('FORBIDDEN', t.assigneeId ? `这个任务派给了${t.assigneeName}` : '这个任务还没人接，请先抢单')
  if (input.checklist) {
    if (input.checklist.length !== t.checklist.length) throw badInput('checklist', '检查项：数量不对')
    patch.checklist = t.checklist.map((c, k) => ({ ...c, done: input.checklist![k] }))
  }
  if (input.act === 'complete') {
    const list = patch.checklist ?? t.checklist
    const left = list.filter((c) => !c.done)
    if (left.length) throw badInput('checklist', `检查项：还有 ${left.length} 项没勾（${left.map((c) => c.label).join('、')}）`)
    if (t.photoRequired && !input.photoIds?.length) throw badInput('photoIds', '照片：这个任务要拍完成后的照片')
    patch.completedAt = eventTime(ctx)
    patch.completionNote = input.note || undefined
    patch.completionPhotoIds = input.photoIds ?? []
  }
  if (input.act === 'handBack') {
    if (!input.reason) throw badInput('reason', '退回：请写明原因')
    patch.assigneeId = undefined
    patch.assigneeName = undefined
    if (!t.dept) patch.dept = deptsOf(staff.roles)[0]
  }
  const updated = await moveTask(ctx, t, input.act, patch, input.act === 'handBack' ? input.reason : input.note, incident)
  if (input.act === 'handBack') {
    const people = await staffOf(ctx, estate._id)
    await tell(ctx, estate._id, supervisorsIn(people), { kind: 'rejected', title: `${staff.name} 退回了任务：${t.title}`, refId: t._id })
  }
  return taskOut(updated, ctx.now)
}

export async function taskCreate(input: ParsedInputOf<'work.taskCreate'>, ctx: Ctx): Promise<TaskOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  if (!input.assigneeId && !input.dept) throw badInput('assigneeId', '派给：请选择一个人或一个部门')
  if (await ctx.db.get('tasks', input.id)) throw new AppError('DUPLICATE', '这个任务已经建过了')
  let assignee: D<Staff> | null = null
  if (input.assigneeId) {
    assignee = await ctx.db.get<D<Staff>>('staff', input.assigneeId)
    if (!assignee || !assignee.estateIds.includes(estate._id) || !assignee.active) throw badInput('assigneeId', '派给：这个人不在本小区')
  }
  const t = await ctx.db.insert<D<Task>>('tasks', {
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    title: input.title,
    type: input.type,
    place: input.place || undefined,
    checklist: input.checklist.map((label) => ({ label, done: false })),
    dueAt: input.dueAt,
    priority: input.priority,
    photoRequired: input.photoRequired,
    dept: assignee ? undefined : input.dept,
    assigneeId: assignee?._id,
    assigneeName: assignee?.name,
    status: assignee ? 'assigned' : 'open',
    createdBy: staff._id,
    createdByName: staff.name,
    history: [hist(ctx, assignee ? `派给${assignee.name}` : `放入${DEPT_LABELS[input.dept!]}抢单池`)]
  })
  const people = assignee ? [assignee] : poolOf(await staffOf(ctx, estate._id), input.dept!)
  await tell(ctx, estate._id, people, { kind: 'assigned', title: `新任务：${t.title}`, refId: t._id })
  await ctx.audit('tasks', t._id)
  return taskOut(t, ctx.now)
}

export async function taskReview(input: ParsedInputOf<'work.taskReview'>, ctx: Ctx): Promise<TaskOut> {
  const estate = requireEstate(ctx)
  const t = await ctx.db.get<D<Task>>('tasks', input.taskId)
  if (!t || t.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这个任务')
  if (input.act === 'reject' && !input.reason) throw badInput('reason', '退回：请写明原因')
  const patch: Partial<Task> = {}
  if (input.act === 'assign') {
    const a = input.assigneeId ? await ctx.db.get<D<Staff>>('staff', input.assigneeId) : null
    if (!a || !a.estateIds.includes(estate._id) || !a.active) throw badInput('assigneeId', '派给：这个人不在本小区')
    patch.assigneeId = a._id
    patch.assigneeName = a.name
  }
  const updated = await moveTask(ctx, t, input.act, patch, input.reason)
  if (input.act === 'assign') await tell(ctx, estate._id, [updated.assigneeId!], { kind: 'assigned', title: `新任务：${t.title}`, refId: t._id })
  if (input.act === 'reject' && t.assigneeId) await tell(ctx, estate._id, [t.assigneeId], { kind: 'rejected', title: `验收不通过：${t.title}（${input.reason}）`, refId: t._id })
  return taskOut(updated, ctx.now)
}

export async function templateSave(input: ParsedInputOf<'work.templateSave'>, ctx: Ctx): Promise<{ id: string; title: string }> {
  const estate = requireEstate(ctx)
  if (!input.assigneeId && !input.dept) throw badInput('assigneeId', '派给：请选择一个人或一个部门')
  let assigneeName: string | undefined
  if (input.assigneeId) {
    const a = await ctx.db.get<D<Staff>>('staff', input.assigneeId)
    if (!a || !a.estateIds.includes(estate._id)) throw badInput('assigneeId', '派给：这个人不在本小区')
    assigneeName = a.name
  }
  const fields = { ...input, assigneeName, days: [...new Set(input.days)].sort(), active: true, updatedAt: ctx.now }
  const have = await ctx.db.get<D<TaskTemplate>>('tasktemplates', input.id)
  if (have) {
    if (have.estateId !== estate._id) throw new AppError('NOT_FOUND')
    if (!(await ctx.db.update<D<TaskTemplate>>('tasktemplates', have._id, have._v, fields))) throw new AppError('CONFLICT')
  } else await ctx.db.insert<D<TaskTemplate>>('tasktemplates', { ...fields, _id: input.id, estateId: estate._id, createdAt: ctx.now })
  await ctx.audit('tasktemplates', input.id)
  return { id: input.id, title: input.title }
}

export async function inbox(_: Record<string, never>, ctx: Ctx): Promise<InboxOut[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const page = await ctx.store.find<D<InboxItem>>('inbox', { where: { staffId: staff._id, at: { gte: ctx.now - 7 * DAY } }, orderBy: [['at', 'desc']], limit: 100 })
  return page.items.filter((x) => x.estateId === estate._id && !x.readAt).map((x) => ({ id: x._id, kind: x.kind, title: x.title, refId: x.refId, at: x.at }))
}

export async function inboxRead(input: { ids: string[] }, ctx: Ctx): Promise<{ read: number }> {
  const { staff } = requireCaller(ctx)
  let read = 0
  for (const id of input.ids) {
    const x = await ctx.db.get<D<InboxItem>>('inbox', id)
    if (!x || x.staffId !== staff._id || x.readAt) continue
    if (await ctx.db.update('inbox', id, x._v, { readAt: ctx.now, updatedAt: ctx.now })) read++
  }
  return { read }
}

export async function allTasks(_: Record<string, never>, ctx: Ctx): Promise<TaskOut[]> {
  const estate = requireEstate(ctx)
  const since = dayStart(ctx.now)
  const [open, today] = await Promise.all([
    ctx.store.find<D<Task>>('tasks', { where: { estateId: estate._id, status: { in: ['open', 'assigned', 'accepted', 'inProgress', 'done'] } }, orderBy: [['dueAt', 'asc']], limit: 500 }),
    ctx.store.find<D<Task>>('tasks', { where: { estateId: estate._id, dueAt: { gte: since, lt: since + DAY } }, orderBy: [['dueAt', 'asc']], limit: 500 })
  ])
  return sortTasks(uniqueById([...open.items, ...today.items]), ctx.now).map((t) => taskOut(t, ctx.now))
}

export async function board(_: Record<string, never>, ctx: Ctx): Promise<WorkBoard> {
  const estate = requireEstate(ctx)
  const since14 = dayStart(ctx.now) - 13 * DAY
  const [open, recent, tasksToday, overdue] = await Promise.all([
    ctx.store.find<D<Incident>>('incidents', { where: { estateId: estate._id, status: { in: ['assigned', 'accepted', 'inProgress', 'reopened', 'reported'] } }, orderBy: [['reportedAt', 'asc']], limit: 200 }),
    ctx.store.find<D<Incident>>('incidents', { where: { estateId: estate._id, reportedAt: { gte: since14 } }, orderBy: [['reportedAt', 'asc']], limit: 1000 }),
    ctx.store.find<D<Task>>('tasks', { where: { estateId: estate._id, dueAt: { gte: dayStart(ctx.now), lt: dayStart(ctx.now) + DAY } }, orderBy: [['dueAt', 'asc']], limit: 1000 }),
    ctx.store.find<D<Task>>('tasks', { where: { estateId: estate._id, status: { in: ['open', 'assigned', 'accepted', 'inProgress'] }, dueAt: { lt: ctx.now } }, orderBy: [['dueAt', 'asc']], limit: 200 })
  ])
  const rank = { urgent: 0, high: 1, normal: 2, low: 3 }
  const openIncidents = open.items.sort((a, b) => rank[a.severity] - rank[b.severity] || a.reportedAt - b.reportedAt).map((i) => incidentOut(i, ctx.now))
  const people = await staffOf(ctx, estate._id)
  const deptOfTask = (t: Task): Dept | undefined => t.dept ?? deptsOf(people.find((p) => p._id === t.assigneeId)?.roles ?? [])[0]
  const completion = DEPTS.map((d) => {
    const list = tasksToday.items.filter((t) => deptOfTask(t) === d)
    return { dept: d, label: DEPT_LABELS[d], done: list.filter((t) => t.status === 'done' || t.status === 'closed').length, total: list.length }
  })
  const days = Array.from({ length: 14 }, (_, k) => localDate(since14 + k * DAY))
  const categories = CATEGORIES.map((c) => ({ key: c.key, label: c.label, counts: days.map((d) => recent.items.filter((i) => i.category === c.key && localDate(i.reportedAt) === d).length) })).filter((c) =>
    c.counts.some((n) => n > 0)
  )
  return { openIncidents, overdueTasks: overdue.items.map((t) => taskOut(t, ctx.now)), completion, perCategory: { days, categories } }
}

// ---------------- cron ----------------

/** How many records the cron writes at the same time. */
export const SWEEP_SET = 25

/** Runs `f` over `xs` in sets of SWEEP_SET at a time (each set one round trip deep). */
export async function inSets<T>(xs: readonly T[], f: (x: T) => Promise<unknown>): Promise<void> {
  for (let k = 0; k < xs.length; k += SWEEP_SET) await Promise.all(xs.slice(k, k + SWEEP_SET).map(f))
}

/**
 * Past due and not done: the supervisors are told once, and the record is marked. Every
 * overdue task is looked at, page by page, whatever the backlog; each page's incidents are
 * read with one query and the marks and inbox items are written in sets.
 */
export async function escalate(ctx: Ctx): Promise<number> {
  let n = 0
  const outOfTime = () => ctx.deadline !== undefined && ctx.config.now() >= ctx.deadline
  const estates = await ctx.store.find<D<{ _id: string; _v: number }>>('estates', { orderBy: [['_id', 'asc']], limit: 1000 })
  for (const e of estates.items) {
    let sups: Staff[] | undefined
    let after: string | undefined
    do {
      if (outOfTime()) return n
      const late = await ctx.store.find<D<Task>>('tasks', { where: { estateId: e._id, status: { in: ['open', 'assigned', 'accepted', 'inProgress'] }, dueAt: { lt: ctx.now } }, orderBy: [['dueAt', 'asc']], limit: 200, after })
      after = late.next
      const todo = late.items.filter((t) => !t.escalatedAt)
      if (!todo.length) continue
      const incidentIds = [...new Set(todo.flatMap((t) => (t.incidentId ? [t.incidentId] : [])))]
      const [people, incidents] = await Promise.all([
        sups ?? staffOf(ctx, e._id),
        incidentIds.length ? ctx.store.find<D<Incident>>('incidents', { where: { _id: { in: incidentIds } }, orderBy: [['_id', 'asc']], limit: incidentIds.length }) : undefined
      ])
      sups ??= supervisorsIn(people)
      const byId = new Map((incidents?.items ?? []).map((i) => [i._id, i]))
      const told = sups
      await inSets(todo, async (t) => {
        if (!(await ctx.store.update<D<Task>>('tasks', t._id, t._v, { escalatedAt: ctx.now, history: [...t.history, { at: ctx.now, by: 'cron', byName: '系统', what: '超时，已通知主管' }] }, { current: t }))) return
        const i = t.incidentId ? byId.get(t.incidentId) : undefined
        await Promise.all([
          i && !i.escalatedAt ? ctx.store.update<D<Incident>>('incidents', i._id, i._v, { escalatedAt: ctx.now }, { current: i }) : undefined,
          ...told.map((s) => ctx.store.insert<D<InboxItem>>('inbox', { _id: ctx.newId(), createdAt: ctx.now, updatedAt: ctx.now, estateId: e._id, staffId: s._id, kind: 'escalated', title: `超时未完成：${t.title}`, refId: t._id, at: ctx.now }))
        ])
        n++
      })
    } while (after)
  }
  return n
}

/** Today's tasks from recurring templates, once each (the id says which day). */
export async function recurring(ctx: Ctx): Promise<number> {
  let n = 0
  const d0 = dayStart(ctx.now)
  const templates = await ctx.store.find<D<TaskTemplate>>('tasktemplates', { where: { active: true }, orderBy: [['createdAt', 'asc']], limit: 1000 })
  const due = templates.items.filter((tpl) => tpl.days.includes(weekday(d0)))
  const idOf = (tpl: TaskTemplate) => `tpl-${tpl._id}-${localDate(d0)}`
  // which of today's tasks exist already: one query per set of templates, then the rest made at once
  const made = new Set<string>()
  for (let k = 0; k < due.length; k += 100) {
    const ids = due.slice(k, k + 100).map(idOf)
    const have = await ctx.store.find<D<Task>>('tasks', { where: { _id: { in: ids } }, orderBy: [['_id', 'asc']], limit: ids.length })
    for (const t of have.items) made.add(t._id)
  }
  await inSets(due, async (tpl) => {
    const id = idOf(tpl)
    if (made.has(id)) return
    const start = d0 + minutesOf(tpl.time) * 60_000
    try {
      await ctx.store.insert<D<Task>>('tasks', {
        _id: id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        estateId: tpl.estateId,
        title: tpl.title,
        type: tpl.type,
        place: tpl.place,
        checklist: tpl.checklist.map((label) => ({ label, done: false })),
        dueAt: start + tpl.durationMinutes * 60_000,
        priority: tpl.priority,
        photoRequired: tpl.photoRequired,
        dept: tpl.assigneeId ? undefined : tpl.dept,
        assigneeId: tpl.assigneeId,
        assigneeName: tpl.assigneeName,
        status: tpl.assigneeId ? 'assigned' : 'open',
        templateId: tpl._id,
        createdBy: 'cron',
        createdByName: '周期任务',
        history: [{ at: ctx.now, by: 'cron', byName: '系统', what: '按周期任务模板生成' }]
      })
      n++
    } catch {
      // made by a parallel run: fine
    }
  })
  return n
}
