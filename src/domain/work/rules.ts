/**
 * The task state machine, and how a task's steps move its incident. Each action names who
 * may take it and from which states; anything else is a conflict with the reason in Chinese.
 */
import type { IncidentStatus, Task, TaskStatus } from './model'
import { TASK_STATUS_LABELS } from './model'
import { dayStart, weekday } from '../time'

/** A task still to be done: not yet done (waiting for review) or closed. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['open', 'assigned', 'accepted', 'inProgress']
export function isOpenTask(status: TaskStatus): boolean {
  return OPEN_TASK_STATUSES.includes(status)
}

export type TaskAct = 'grab' | 'accept' | 'start' | 'complete' | 'handBack' | 'assign' | 'reject' | 'close'
export const TASK_ACT_LABELS: Record<TaskAct, string> = {
  grab: '抢单',
  accept: '接单',
  start: '开始',
  complete: '完成',
  handBack: '退回',
  assign: '派给',
  reject: '验收不通过',
  close: '验收通过'
}

interface Move {
  from: readonly TaskStatus[]
  to: TaskStatus
  /** who: the assignee, anyone in the pool's department, or a supervisor */
  who: 'assignee' | 'pool' | 'supervisor'
}
export const TASK_MOVES: Record<TaskAct, Move> = {
  grab: { from: ['open'], to: 'accepted', who: 'pool' },
  accept: { from: ['assigned'], to: 'accepted', who: 'assignee' },
  start: { from: ['accepted'], to: 'inProgress', who: 'assignee' },
  complete: { from: ['accepted', 'inProgress'], to: 'done', who: 'assignee' },
  handBack: { from: ['assigned', 'accepted', 'inProgress'], to: 'open', who: 'assignee' },
  assign: { from: OPEN_TASK_STATUSES, to: 'assigned', who: 'supervisor' },
  reject: { from: ['done'], to: 'inProgress', who: 'supervisor' },
  close: { from: ['done'], to: 'closed', who: 'supervisor' }
}

/** Whether a task in this state can take the step (who may take it is the server's check). */
export function taskCan(act: TaskAct, status: TaskStatus): boolean {
  return TASK_MOVES[act].from.includes(status)
}

export function taskMove(
  act: TaskAct,
  status: TaskStatus
): { ok: true; to: TaskStatus } | { ok: false; reason: string } {
  const m = TASK_MOVES[act]
  if (m.from.includes(status)) return { ok: true, to: m.to }
  return { ok: false, reason: `这个任务${TASK_STATUS_LABELS[status]}，不能${TASK_ACT_LABELS[act]}` }
}

/** What the incident becomes when its task moves. */
export function incidentFor(task: TaskStatus): IncidentStatus {
  switch (task) {
    case 'open':
    case 'assigned':
      return 'assigned'
    case 'accepted':
      return 'accepted'
    case 'inProgress':
      return 'inProgress'
    case 'done':
      return 'resolved'
    case 'closed':
      return 'verified'
  }
}

/** Today's list: overdue first, then by due time; finished ones last. */
export function sortTasks<T extends Pick<Task, 'dueAt' | 'status' | 'priority'>>(
  tasks: readonly T[],
  now: number
): T[] {
  const rank = (t: T) => (!isOpenTask(t.status) ? 2 : t.dueAt < now ? 0 : 1)
  const prio = { high: 0, normal: 1, low: 2 }
  return [...tasks].sort(
    (a, b) => rank(a) - rank(b) || a.dueAt - b.dueAt || prio[a.priority] - prio[b.priority]
  )
}

export function isOverdue(t: Pick<Task, 'dueAt' | 'status'>, now: number): boolean {
  return isOpenTask(t.status) && t.dueAt < now
}

/** A list typed in one box: one item per line, or separated by ，、 or commas. */
export function splitList(text: string): string[] {
  return text
    .split(/[\n,，、]/)
    .map((x) => x.trim())
    .filter(Boolean)
}

export type DueChoice = '1h' | '2h' | 'today'
/** When a new task is due: within one or two hours, or by 18:00 today (estate time). */
export function dueFromChoice(choice: DueChoice, now: number): number {
  if (choice === '1h') return now + 3600_000
  if (choice === '2h') return now + 7200_000
  return dayStart(now) + 18 * 3600_000
}

export type Repeat = 'daily' | 'weekdays' | 'weekly'
/** The weekdays a recurring task runs on; weekly means today's weekday. */
export function repeatDays(repeat: Repeat, now: number): number[] {
  if (repeat === 'daily') return [0, 1, 2, 3, 4, 5, 6]
  if (repeat === 'weekdays') return [1, 2, 3, 4, 5]
  return [weekday(now)]
}
