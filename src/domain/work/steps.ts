/**
 * What a person's step on a task changes, and when it is refused: the checks of `work.taskAct`
 * (the pool's department, the assignee, the checklist, the after-photo, a reason to hand back),
 * pure and tested (test/unit/domain/work/steps.test.ts). The state machine is in rules.ts.
 */
import type { Role } from '../roles'
import type { Incident, Task, TaskType } from './model'
import { deptsOf } from './model'
import { handBackDept } from './incidents'

export type StaffAct = 'grab' | 'accept' | 'start' | 'complete' | 'handBack'

export interface StepInput {
  act: StaffAct
  checklist?: boolean[]
  note?: string
  photoIds?: string[]
  reason?: string
}

export type StepRefusal =
  | { code: 'FORBIDDEN' | 'CONFLICT'; message: string }
  | { code: 'INVALID_INPUT'; field: string; message: string }

export type StepPatch = Partial<
  Pick<
    Task,
    | 'assigneeId'
    | 'assigneeName'
    | 'checklist'
    | 'completedAt'
    | 'completionNote'
    | 'completionPhotoIds'
    | 'dept'
  >
>

/**
 * The patch of a step by `who` on `t` at `at` (the event's time), or why it is refused. Only
 * someone of the pool's department grabs; every other step is the assignee's. A task handed back
 * goes to `handBackDept`'s pool (`incident`: the one it came from, if any), or is refused. Whether the task's
 * state allows the step is `taskMove`'s answer, asked after this.
 */
export function taskStep(
  t: Pick<Task, 'dept' | 'assigneeId' | 'assigneeName' | 'checklist' | 'photoRequired'> & { type?: TaskType },
  who: { _id: string; name: string; roles: readonly Role[] },
  input: StepInput,
  at: number,
  incident?: Pick<Incident, 'dept' | 'category'>
): { ok: true; patch: StepPatch } | ({ ok: false } & StepRefusal) {
  const patch: StepPatch = {}
  if (input.act === 'grab') {
    if (!t.dept || !deptsOf(who.roles).includes(t.dept))
      return { ok: false, code: 'FORBIDDEN', message: '这不是你部门的单' }
    patch.assigneeId = who._id
    patch.assigneeName = who.name
  } else if (t.assigneeId !== who._id)
    return {
      ok: false,
      code: 'FORBIDDEN',
      message: t.assigneeId ? `这个任务派给了${t.assigneeName}` : '这个任务还没人接，请先抢单'
    }
  const refused = stepInputRefusal(t, input)
  if (refused) return { ok: false, ...refused }
  if (input.checklist) patch.checklist = ticked(t.checklist, input.checklist)
  if (input.act === 'complete') {
    patch.completedAt = at
    patch.completionNote = input.note || undefined
    patch.completionPhotoIds = input.photoIds ?? []
  }
  if (input.act === 'handBack') {
    const dept = handBackDept(t, incident, deptsOf(who.roles))
    if (!dept)
      return {
        ok: false,
        code: 'CONFLICT',
        message: '这个任务不属于任何部门，退回后没人能抢单；请联系主管改派给具体的人'
      }
    patch.assigneeId = undefined
    patch.assigneeName = undefined
    if (!t.dept) patch.dept = dept
  }
  return { ok: true, patch }
}

function ticked(list: Task['checklist'], ticks: readonly boolean[]): Task['checklist'] {
  return list.map((c, k) => ({ ...c, done: ticks[k] }))
}

/**
 * What the person must give with a step, whoever they are: the ticks one per checklist item, on
 * `complete` every item ticked (the ticks given, else the task's own) and the after-photo when the
 * task asks for one, on `handBack` a reason. `taskStep` asks it on the server; the task screen's
 * store asks it before queueing the step, so the phone says at once what the server would.
 */
export function stepInputRefusal(
  t: Pick<Task, 'checklist' | 'photoRequired'>,
  input: StepInput
): { code: 'INVALID_INPUT'; field: string; message: string } | undefined {
  const ticks = input.checklist
  if (ticks && ticks.length !== t.checklist.length)
    return { code: 'INVALID_INPUT', field: 'checklist', message: '检查项：数量不对' }
  if (input.act === 'complete') {
    const left = (ticks ? ticked(t.checklist, ticks) : t.checklist).filter((c) => !c.done)
    if (left.length)
      return {
        code: 'INVALID_INPUT',
        field: 'checklist',
        message: `检查项：还有 ${left.length} 项没勾（${left.map((c) => c.label).join('、')}）`
      }
    if (t.photoRequired && !input.photoIds?.length)
      return { code: 'INVALID_INPUT', field: 'photoIds', message: '照片：这个任务要拍完成后的照片' }
  }
  if (input.act === 'handBack' && !input.reason?.trim())
    return { code: 'INVALID_INPUT', field: 'reason', message: '退回：请写明原因' }
  return undefined
}
