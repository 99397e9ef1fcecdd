import {
  assignable,
  repeatOptions,
  reviewProblem,
  taskFormProblem,
  taskRequest,
  TEMPLATE_MINUTES,
  type TaskForm
} from '../../../../src/domain/work/taskForm'

// Monday 2026-11-23 10:00 in China
const MON_10 = Date.parse('2026-11-23T10:00:00+08:00')
const form = (over: Partial<TaskForm> = {}): TaskForm => ({
  title: ' 1栋大堂保洁 ',
  type: 'cleaning',
  place: '  ',
  checklist: '地面，玻璃、垃圾桶',
  due: '2h',
  priority: 'normal',
  photo: true,
  to: 'staff-1',
  repeat: 'none',
  time: '08:00',
  ...over
})

describe('taskFormProblem', () => {
  it('asks for the task first, then who it goes to', () => {
    expect(taskFormProblem({ title: '  ', to: '' })).toBe('请填写任务')
    expect(taskFormProblem({ title: '保洁', to: '' })).toBe('请选择派给谁')
    expect(taskFormProblem({ title: '保洁', to: 'cleaning' })).toBeUndefined()
  })
})

describe('taskRequest', () => {
  it('a one-off task to a person: trimmed, checklist split, due in two hours', () => {
    expect(taskRequest(form(), MON_10)).toEqual({
      action: 'work.taskCreate',
      input: {
        title: '1栋大堂保洁',
        type: 'cleaning',
        place: undefined,
        checklist: ['地面', '玻璃', '垃圾桶'],
        priority: 'normal',
        photoRequired: true,
        assigneeId: 'staff-1',
        dept: undefined,
        dueAt: MON_10 + 2 * 3600_000
      }
    })
  })
  it('a task to a department goes to its grab pool, with no assignee', () => {
    const r = taskRequest(form({ to: 'cleaning', due: 'today' }), MON_10)
    expect(r.input).toMatchObject({ dept: 'cleaning', assigneeId: undefined })
    expect(r.action === 'work.taskCreate' && r.input.dueAt).toBe(Date.parse('2026-11-23T18:00:00+08:00'))
  })
  it('a repeating task is a template with its start time and days', () => {
    const weekly = taskRequest(form({ repeat: 'weekly', time: '07:30' }), MON_10)
    expect(weekly).toMatchObject({
      action: 'work.templateSave',
      input: { time: '07:30', days: [1], durationMinutes: TEMPLATE_MINUTES, assigneeId: 'staff-1' }
    })
    expect(weekly.input).not.toHaveProperty('dueAt')
    expect(taskRequest(form({ repeat: 'weekdays' }), MON_10).input).toMatchObject({ days: [1, 2, 3, 4, 5] })
  })
})

describe('repeatOptions', () => {
  it('weekly names today', () => {
    expect(repeatOptions(MON_10).map((o) => o.label)).toEqual(['不重复', '每天', '工作日', '每周一'])
    expect(repeatOptions(MON_10 + 6 * 86_400_000).at(-1)?.label).toBe('每周日')
  })
})

describe('assignable', () => {
  const staff = [
    { id: 'a', roles: ['admin' as const] },
    { id: 'b', roles: ['cleaner' as const] },
    { id: 'c', roles: ['guard' as const, 'admin' as const] },
    { id: 'd', roles: ['engineer' as const] }
  ]
  it('never an admin, and not the one who has it', () => {
    expect(assignable(staff).map((s) => s.id)).toEqual(['b', 'd'])
    expect(assignable(staff, 'b').map((s) => s.id)).toEqual(['d'])
  })
})

describe('reviewProblem', () => {
  it('sending back needs a reason, passing does not', () => {
    expect(reviewProblem('reject', '  ')).toBe('请写明原因')
    expect(reviewProblem('reject', '没扫干净')).toBeUndefined()
    expect(reviewProblem('close', '')).toBeUndefined()
  })
})
