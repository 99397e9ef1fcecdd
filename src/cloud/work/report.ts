/** Reporting (一键报事): a report becomes an incident and its department's task; the reporter adds to it and follows it. */
import { AppError } from '../../domain/errors'
import type { IncidentOut, ParsedInputOf } from '../../domain/contract'
import { DAY_MS } from '../../domain/time'
import { categoryOf, DEPT_LABELS, type Incident } from '../../domain/work/model'
import { anomalyLinesOf, anomalyRoute } from '../../domain/work/patrolAnomaly'
import { incidentAddition, incidentPlan, taskForIncident, taskIdOf } from '../../domain/work/incidents'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { badInput, eventTime } from '../kit'
import { poolOf, supervisorsIn, tell } from './inbox'
import { INCIDENTS, TASKS, WorkRepo } from './repo'
import { signedFilePath } from '../files/uploads'
import { hist, incidentOut } from './views'

export async function report(input: ParsedInputOf<'work.report'>, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  const asked = categoryOf(input.category)
  if (!asked) throw badInput('category', '类别：不认识这个类别')
  // a patrol anomaly sent as 其他 goes to the department its question's topic belongs to
  const routed =
    input.checkpointId && asked.key === 'other' ? anomalyRoute(anomalyLinesOf(input.note)) : undefined
  const cat = routed ? { ...routed.category, dept: routed.dept } : asked
  const taskId = taskIdOf(input.id)
  // one round trip: both ids looked at in the transaction (the inserts need not look again), and who is told
  const [had, , people] = await Promise.all([
    repo.get(INCIDENTS, input.id),
    repo.get(TASKS, taskId),
    repo.staffOf(estate._id)
  ])
  if (had) throw new AppError('DUPLICATE', '这条报事已经记录过了')
  const at = eventTime(ctx)
  const plan = incidentPlan(cat, at, {
    severity: input.severity,
    source: input.source,
    responseMinutes: estate.settings?.responseMinutes
  })
  const task = taskForIncident(cat, plan.severity, plan.dueAt, input.place)
  const reported = hist(ctx, '上报')
  // the incident, its task and the inbox items at once
  const [incident, t] = await Promise.all([
    repo.insert(INCIDENTS, {
      _id: input.id,
      estateId: estate._id,
      category: cat.key,
      categoryLabel: cat.label,
      severity: plan.severity,
      emergency: plan.emergency,
      dept: cat.dept,
      status: 'assigned',
      place: input.place || undefined,
      checkpointId: input.checkpointId,
      position: input.position,
      note: input.note || undefined,
      photoIds: input.photoIds ?? [],
      source: plan.source,
      ownerRoom: input.ownerRoom || undefined,
      reporterId: staff._id,
      reporterName: staff.name,
      reportedAt: at,
      deviceAt: ctx.op?.deviceTime ?? ctx.now,
      dueAt: plan.dueAt,
      taskId,
      history: [reported, { ...reported, what: `派给${DEPT_LABELS[cat.dept]}` }]
    }),
    repo.insert(TASKS, {
      _id: taskId,
      estateId: estate._id,
      ...task,
      incidentId: input.id,
      createdBy: staff._id,
      createdByName: staff.name,
      history: [hist(ctx, `由报事生成，进入${DEPT_LABELS[cat.dept]}抢单池`)]
    }),
    tell(ctx, estate._id, poolOf(people, cat.dept), {
      kind: 'assigned',
      title: `新报事：${task.title}`,
      refId: taskId
    }),
    plan.emergency
      ? tell(ctx, estate._id, supervisorsIn(people), {
          kind: 'emergency',
          title: `紧急：${cat.label}（${staff.name}上报）`,
          refId: input.id
        })
      : undefined
  ])
  await ctx.audit('incidents', incident._id)
  return incidentOut(incident, ctx.now, t)
}

export async function reportMore(input: ParsedInputOf<'work.reportMore'>, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  const i = await repo.getInEstate(INCIDENTS, input.incidentId, '没有找到这条报事')
  if (i.reporterId !== staff._id) throw new AppError('FORBIDDEN', '只有上报人可以补充')
  const { patch, parts } = incidentAddition(i, input, estate.settings?.responseMinutes)
  if (!parts.length) throw badInput('note', '没有要补充的内容')
  const updated = await repo.update(INCIDENTS, i, {
    ...patch,
    history: [...i.history, hist(ctx, `补充${parts.join('、')}`, input.note)]
  })
  if (patch.dueAt || patch.place) {
    const t = await repo.get(TASKS, i.taskId)
    if (t) await repo.tryUpdate(TASKS, t, { dueAt: patch.dueAt ?? t.dueAt, place: patch.place ?? t.place })
  }
  await ctx.audit('incidents', i._id)
  return incidentOut(updated, ctx.now)
}

/** The stored file of each after-photo that has arrived, so the app can show it (cloud or our server). */
async function withFiles(repo: WorkRepo, ctx: Ctx, estateId: string, out: IncidentOut): Promise<IncidentOut> {
  const ids = out.afterPhotoIds ?? []
  if (!ids.length) return out
  const files = await repo.filesIn(estateId, ids)
  // a photo on our server comes with a short-lived signed URL (no session in the URL)
  return {
    ...out,
    afterPhotoFiles: files.map((f) => ({
      id: f._id,
      fileId: f.fileId,
      url: signedFilePath(ctx.config.sessionSecret, f.fileId, ctx.now)
    }))
  }
}

export async function myIncidents(_: Record<string, never>, ctx: Ctx): Promise<IncidentOut[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  const mine = await repo.reportedBy(staff._id, ctx.now - 30 * DAY_MS)
  return Promise.all(
    mine
      .filter((i) => i.estateId === estate._id)
      .map((i) => withFiles(repo, ctx, estate._id, incidentOut(i, ctx.now)))
  )
}

export async function incident(input: ParsedInputOf<'work.incident'>, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const repo = new WorkRepo(ctx)
  const i: Incident = await repo.getInEstate(INCIDENTS, input.incidentId, '没有找到这条报事')
  const t = await repo.get(TASKS, i.taskId)
  return withFiles(repo, ctx, estate._id, incidentOut(i, ctx.now, t))
}
