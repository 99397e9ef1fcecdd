/**
 * The supervisor's new-task form: what it must hold, who a task can go to, the repeat choices,
 * and the request it becomes (a task due soon, or a recurring task's template). Pure: the page
 * passes what it holds and the time. Tested in test/unit/domain/work/taskForm.test.ts.
 */
import type { InputOf } from '../contract'
import type { Role } from '../roles'
import { DEPTS, type Dept, type TaskType } from './model'
import { dueFromChoice, repeatDays, splitList, type DueChoice, type Repeat } from './rules'
import { weekday } from '../time'

export interface TaskForm {
  title: string
  type: TaskType
  place: string
  /** the checklist as typed in one box */
  checklist: string
  due: DueChoice
  priority: 'low' | 'normal' | 'high'
  photo: boolean
  /** a department's id (its grab pool) or a person's id; '' when not chosen */
  to: string
  repeat: Repeat | 'none'
  /** a recurring task's start, HH:mm */
  time: string
}

/** How long a recurring task's each run may take. */
export const TEMPLATE_MINUTES = 120

/** What the form still lacks, in Chinese, or nothing. */
export function taskFormProblem(f: Pick<TaskForm, 'title' | 'to'>): string | undefined {
  if (!f.title.trim()) return '请填写任务'
  if (!f.to) return '请选择派给谁'
  return undefined
}

export type TaskRequest =
  | { action: 'work.taskCreate'; input: Omit<InputOf<'work.taskCreate'>, 'id'> }
  | { action: 'work.templateSave'; input: Omit<InputOf<'work.templateSave'>, 'id'> }

/** The request the form sends: a task due by the chosen time, or a template when it repeats. */
export function taskRequest(f: TaskForm, now: number): TaskRequest {
  const isDept = (DEPTS as readonly string[]).includes(f.to)
  const common = {
    title: f.title.trim(),
    type: f.type,
    place: f.place.trim() || undefined,
    checklist: splitList(f.checklist),
    priority: f.priority,
    photoRequired: f.photo,
    assigneeId: isDept ? undefined : f.to,
    dept: isDept ? (f.to as Dept) : undefined
  }
  if (f.repeat === 'none')
    return { action: 'work.taskCreate', input: { ...common, dueAt: dueFromChoice(f.due, now) } }
  return {
    action: 'work.templateSave',
    input: { ...common, time: f.time, days: repeatDays(f.repeat, now), durationMinutes: TEMPLATE_MINUTES }
  }
}

/** The repeat choices; weekly names today's weekday (「每周三」). */
export function repeatOptions(now: number): { v: Repeat | 'none'; label: string }[] {
  return [
    { v: 'none', label: '不重复' },
    { v: 'daily', label: '每天' },
    { v: 'weekdays', label: '工作日' },
    { v: 'weekly', label: `每周${'日一二三四五六'[weekday(now)]}` }
  ]
}

/** Who a task can be given to: anyone but admins, and not the person who has it now. */
export function assignable<S extends { id: string; roles: readonly Role[] }>(
  staff: readonly S[],
  except?: string
): S[] {
  return staff.filter((s) => s.id !== except && !s.roles.includes('admin'))
}

/** A review that sends the task back needs a reason. */
export function reviewProblem(act: 'close' | 'reject', reason: string): string | undefined {
  return act === 'reject' && !reason.trim() ? '请写明原因' : undefined
}
