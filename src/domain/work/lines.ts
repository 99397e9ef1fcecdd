/**
 * Incidents and tasks in words, as the work screens and the supervisor's board show them: a task's
 * card, an incident's state, the board's rows. Pure (the time is passed in); tested in
 * test/unit/domain/work/lines.test.ts.
 */
import { FOLLOW_UP_ROLES, type IncidentOut, type TaskOut, type TemplateOut } from '../contract/work'
import { estateTime, formatAgo, formatWhen } from '../dates'
import { hasAnyRole, ROLE_LABELS, type Role } from '../roles'
import {
  DEPT_LABELS,
  INCIDENT_STATUS_LABELS,
  PRIORITY_LABELS,
  SEVERITY_LABELS,
  TASK_STATUS_LABELS,
  TASK_TYPE_LABELS,
  type IncidentStatus
} from './model'
import { TASK_ACT_LABELS } from './rules'

/** Whether the person sees 业主回访: the roles `work.followUps` lets in. */
export function canFollowUp(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, FOLLOW_UP_ROLES)
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/**
 * A due time always with its day, in China time: 今天 14:00, 明天 01:46, 周三 09:00 (within the
 * coming week), 昨天 09:30, else 12月9日 09:00. A bare "01:46" read late at night meant tomorrow.
 */
export function dueWhen(t: number, now: number): string {
  const d = estateTime(t)
  const days = d.startOf('day').diff(estateTime(now).startOf('day'), 'day')
  const hm = d.format('HH:mm')
  if (days === 0) return `今天 ${hm}`
  if (days === 1) return `明天 ${hm}`
  if (days === -1) return `昨天 ${hm}`
  if (days > 1 && days < 7) return `${WEEKDAYS[d.day()]} ${hm}`
  return d.format('M月D日 HH:mm')
}

/** 维修 · 1栋大堂 · 今天 14:00 前 · 优先级高 · 已超时 (no empty place between two dots) */
export function taskLine(
  t: Pick<TaskOut, 'type' | 'place' | 'dueAt' | 'priority' | 'overdue'>,
  now: number
): string {
  return [
    TASK_TYPE_LABELS[t.type],
    t.place,
    `${dueWhen(t.dueAt, now)} 前`,
    `优先级${PRIORITY_LABELS[t.priority]}`,
    t.overdue ? '已超时' : undefined
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * Why the supervisor sent the work back, while it is back with the worker: 主管退回（周主管）：… .
 * Only the latest review counts; a completion after it ends it.
 */
export function rejectionLine(t: Pick<TaskOut, 'status' | 'history'>): string | undefined {
  if (t.status !== 'inProgress' && t.status !== 'accepted' && t.status !== 'assigned') return undefined
  for (let k = t.history.length - 1; k >= 0; k--) {
    const h = t.history[k]!
    if (h.what === TASK_ACT_LABELS.complete) return undefined
    if (h.what === TASK_ACT_LABELS.reject)
      return `验收不通过（${h.byName}）：${h.note?.trim() || '没有写原因，请问主管'}`
  }
  return undefined
}

/** A grab that lost the race, on the card it was tapped on: who holds it now, in the server's words. */
export function grabLostLine(message: string): string {
  const who = /已被(.+?)抢走/.exec(message)?.[1]
  return who ? `已被${who}抢走，这单不用去了` : `没抢到：${message}`
}

/** The checklist as ticked on completion, for review: ☑ 地面 · ☐ 玻璃门 (nothing when there is none). */
export function checklistLine(t: Pick<TaskOut, 'checklist'>): string | undefined {
  if (!t.checklist.length) return undefined
  const done = t.checklist.filter((c) => c.done).length
  return `检查项 ${done}/${t.checklist.length}：${t.checklist.map((c) => `${c.done ? '☑' : '☐'} ${c.label}`).join(' · ')}`
}

/** A task's state tag: an open task in a pool names its department (工程部·待抢单). */
export function taskTag(t: Pick<TaskOut, 'status' | 'dept'>): string {
  return t.status === 'open' && t.dept
    ? `${DEPT_LABELS[t.dept]}·${TASK_STATUS_LABELS.open}`
    : TASK_STATUS_LABELS[t.status]
}

/** The photo button on completing a task. */
export function photoButton(taken: number, required: boolean): string {
  return taken ? `再拍一张（已拍 ${taken} 张）` : required ? '拍完成后的照片（必须）' : '拍照（可不拍）'
}

/** Whether an incident's work is over (its tag shows as settled). */
export function incidentSettled(status: IncidentStatus): boolean {
  return status === 'resolved' || status === 'verified'
}

/** An incident's state for the person who reported it: 处理中 · 钱工. */
export function incidentTag(i: Pick<IncidentOut, 'status' | 'assigneeName'>): string {
  return `${INCIDENT_STATUS_LABELS[i.status]}${i.assigneeName ? ` · ${i.assigneeName}` : ''}`
}

/** An open incident on the supervisor's board: what and where and when; who reported it and who has it. */
export function boardIncidentLines(
  i: Pick<
    IncidentOut,
    | 'severity'
    | 'categoryLabel'
    | 'place'
    | 'reportedAt'
    | 'overdue'
    | 'reporterName'
    | 'status'
    | 'assigneeName'
    | 'dept'
  >,
  now: number
): { title: string; detail: string } {
  return {
    title: `[${SEVERITY_LABELS[i.severity]}] ${i.categoryLabel}${i.place ? ' · ' + i.place : ''} · ${formatAgo(i.reportedAt, now)}${i.overdue ? ' · 已超时' : ''}`,
    detail: `${i.reporterName}上报 · ${INCIDENT_STATUS_LABELS[i.status]}${i.assigneeName ? ' · ' + i.assigneeName : ` · ${DEPT_LABELS[i.dept]}`}`
  }
}

/** Who has a task: its assignee, else its department's pool (工程部抢单池). */
export function taskHolder(t: Pick<TaskOut, 'assigneeName' | 'dept'>): string {
  return t.assigneeName ?? (t.dept ? DEPT_LABELS[t.dept] + '抢单池' : '')
}

/** What the person wrote and photographed on completing, for review: 说明：… · 照片2张. */
export function completionLine(
  t: Pick<TaskOut, 'completionNote' | 'completionPhotoIds'>
): string | undefined {
  if (!t.completionNote) return undefined
  const photos = t.completionPhotoIds?.length
  return `说明：${t.completionNote}${photos ? ` · 照片${photos}张` : ''}`
}

/** A share in whole percent, 0 of nothing. */
export function percentOf(done: number, total: number): number {
  return total ? Math.round((done / total) * 100) : 0
}

/** A person to assign to: 钱工·工程. */
export function staffChip(s: { name: string; roles: readonly Role[] }): string {
  return `${s.name}·${s.roles.map((r) => ROLE_LABELS[r]).join('')}`
}

/** An owner's repair waiting for a follow-up call: the room and what was wrong; when it was done and how. */
export function followUpLines(
  i: Pick<IncidentOut, 'ownerRoom' | 'categoryLabel' | 'note' | 'resolvedAt' | 'resolutionNote'>,
  now: number
): { title: string; detail: string } {
  return {
    title: `${i.ownerRoom ?? ''} · ${i.categoryLabel}${i.note ? '：' + i.note : ''}`,
    detail: `处理于 ${i.resolvedAt ? formatWhen(i.resolvedAt, now) : ''}${i.resolutionNote ? ' · ' + i.resolutionNote : ''}`
  }
}

const DAY_CHARS = ['日', '一', '二', '三', '四', '五', '六']

/** A recurring task in one line: 「每天 08:00 · 60分钟内完成 · 赵洁」 or 「周一三五 09:30 · … · 工程部」. */
export function templateLine(
  t: Pick<TemplateOut, 'days' | 'time' | 'durationMinutes' | 'assigneeName' | 'dept'>
): string {
  const days = [...new Set(t.days)].sort()
  const when =
    days.length === 7
      ? '每天'
      : days.join() === '1,2,3,4,5'
        ? '工作日'
        : `周${days.map((d) => DAY_CHARS[d]).join('')}`
  const who = t.assigneeName ?? (t.dept ? DEPT_LABELS[t.dept] : '')
  return [`${when} ${t.time}`, `${t.durationMinutes}分钟内完成`, who].filter(Boolean).join(' · ')
}
