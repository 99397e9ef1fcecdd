/** Which tasks are still open, and which steps a task's state allows (the buttons a person sees). */
import {
  isOpenTask,
  isOverdue,
  OPEN_TASK_STATUSES,
  sortTasks,
  taskCan,
  TASK_MOVES
} from '../../../../src/domain/work/rules'
import type { TaskStatus } from '../../../../src/domain/work/model'

const ALL: TaskStatus[] = ['open', 'assigned', 'accepted', 'inProgress', 'done', 'closed']

describe('open tasks', () => {
  it('open until done: done (waiting for review) and closed are not', () => {
    expect([...OPEN_TASK_STATUSES]).toEqual(['open', 'assigned', 'accepted', 'inProgress'])
    expect(ALL.filter(isOpenTask)).toEqual(OPEN_TASK_STATUSES)
  })
  it('only an open task can be overdue, and a supervisor can reassign any open task', () => {
    for (const s of ALL) expect(isOverdue({ status: s, dueAt: 1 }, 2)).toBe(isOpenTask(s))
    expect(isOverdue({ status: 'open', dueAt: 3 }, 2)).toBe(false)
    expect(ALL.filter((s) => taskCan('assign', s))).toEqual(OPEN_TASK_STATUSES)
  })
  it('sorts finished tasks last', () => {
    const t = (status: TaskStatus, dueAt: number) => ({ status, dueAt, priority: 'normal' as const })
    expect(
      sortTasks([t('done', 1), t('open', 5), t('closed', 2), t('inProgress', 9)], 3).map((x) => x.status)
    ).toEqual(['open', 'inProgress', 'done', 'closed'])
  })
})

describe('taskCan', () => {
  it('follows the state machine for every step', () => {
    for (const act of Object.keys(TASK_MOVES) as (keyof typeof TASK_MOVES)[])
      for (const s of ALL) expect(taskCan(act, s)).toBe(TASK_MOVES[act].from.includes(s))
    expect(ALL.filter((s) => taskCan('grab', s))).toEqual(['open'])
    expect(ALL.filter((s) => taskCan('complete', s))).toEqual(['accepted', 'inProgress'])
    expect(ALL.filter((s) => taskCan('handBack', s))).toEqual(['assigned', 'accepted', 'inProgress'])
  })
})
