/** What work's actions answer, and the history line each change leaves. */
import type { IncidentOut, TaskOut } from '../../domain/contract'
import type { HistoryEntry, Incident, Task } from '../../domain/work/model'
import { isOverdue } from '../../domain/work/rules'
import { maskPhone } from '../../domain/privacy'
import { requireCaller, type Ctx } from '../context'

/** A history line by the caller, now. */
export function hist(ctx: Ctx, what: string, note?: string): HistoryEntry {
  const { staff } = requireCaller(ctx)
  return { at: ctx.now, by: staff._id, byName: staff.name, what, note: note || undefined }
}

/** A history line by the system (the cron). */
export function systemHist(now: number, what: string): HistoryEntry {
  return { at: now, by: 'cron', byName: '系统', what }
}

export function incidentOut(i: Incident, now: number, task?: Task | null): IncidentOut {
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
    ownerPhoneMasked: i.ownerPhone ? maskPhone(i.ownerPhone) : undefined,
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
    history: t.history,
    timeFlag: t.timeFlag
  }
}

/** Each id once (in first-seen order, the later copy kept). */
export function uniqueById<T extends { _id: string }>(xs: readonly T[]): T[] {
  return [...new Map(xs.map((x) => [x._id, x])).values()]
}
