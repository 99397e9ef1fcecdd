import { CATEGORIES, RESPONSE_MINUTES, categoryOf, deptsOf, dueAt } from '../../../../src/domain/work/model'
import {
  TASK_MOVES,
  dueFromChoice,
  incidentFor,
  isOverdue,
  repeatDays,
  sortTasks,
  splitList,
  taskMove
} from '../../../../src/domain/work/rules'

describe('routing and due times', () => {
  it('every category goes to a department; emergencies are urgent', () => {
    for (const c of CATEGORIES) expect(['engineering', 'cleaning', 'security', 'service']).toContain(c.dept)
    for (const c of CATEGORIES.filter((x) => x.emergency)) expect(c.severity).toBe('urgent')
    expect(categoryOf('leak')).toMatchObject({ dept: 'engineering', severity: 'high' })
    expect(categoryOf('nope')).toBeUndefined()
    expect(new Set(CATEGORIES.map((c) => c.key)).size).toBe(CATEGORIES.length)
  })
  it('engineering repairs are due on site within two hours; an estate may set its own', () => {
    expect(RESPONSE_MINUTES.high).toBe(120)
    expect(dueAt(0, 'normal')).toBe(2 * 3600_000)
    expect(dueAt(0, 'urgent')).toBe(30 * 60_000)
    expect(dueAt(0, 'low', { low: 60 })).toBe(3600_000)
  })
  it('roles map to department pools', () => {
    expect(deptsOf(['engineer'])).toEqual(['engineering'])
    expect(deptsOf(['guard', 'service'])).toEqual(['security', 'service'])
    expect(deptsOf(['supervisor'])).toEqual([])
  })
})

describe('the task state machine', () => {
  it('allows each step only from its states, with the reason otherwise', () => {
    expect(taskMove('grab', 'open')).toEqual({ ok: true, to: 'accepted' })
    expect(taskMove('grab', 'accepted')).toEqual({ ok: false, reason: '这个任务已接单，不能抢单' })
    expect(taskMove('complete', 'inProgress')).toEqual({ ok: true, to: 'done' })
    expect(taskMove('complete', 'assigned')).toMatchObject({ ok: false })
    expect(taskMove('close', 'done')).toEqual({ ok: true, to: 'closed' })
    expect(taskMove('reject', 'done')).toEqual({ ok: true, to: 'inProgress' })
    expect(taskMove('reject', 'closed')).toEqual({ ok: false, reason: '这个任务已完成，不能验收不通过' })
    expect(taskMove('handBack', 'done')).toMatchObject({ ok: false })
    for (const [act, m] of Object.entries(TASK_MOVES)) expect(taskMove(act as never, m.from[0]).ok).toBe(true)
  })
  it('the incident follows its task', () => {
    expect(
      ['open', 'assigned', 'accepted', 'inProgress', 'done', 'closed'].map((s) => incidentFor(s as never))
    ).toEqual(['assigned', 'assigned', 'accepted', 'inProgress', 'resolved', 'verified'])
  })
  it('overdue first, then by due time and priority; finished last', () => {
    const t = (id: string, dueAt: number, status = 'assigned', priority = 'normal') =>
      ({ id, dueAt, status, priority }) as never
    const sorted = sortTasks(
      [
        t('done', 0, 'done'),
        t('later', 50),
        t('late', 5),
        t('soonHigh', 20, 'open', 'high'),
        t('soonLow', 20, 'open', 'low')
      ],
      10
    ) as unknown as { id: string }[]
    expect(sorted.map((x) => x.id)).toEqual(['late', 'soonHigh', 'soonLow', 'later', 'done'])
    expect(isOverdue({ dueAt: 5, status: 'accepted' }, 10)).toBe(true)
    expect(isOverdue({ dueAt: 5, status: 'done' }, 10)).toBe(false)
  })
})

describe('the supervisor’s new-task choices', () => {
  // 2026-11-23 09:00 in the estate, a Monday
  const now = Date.UTC(2026, 10, 23, 1)
  it('due in one or two hours, or by 18:00 today', () => {
    expect(dueFromChoice('1h', now)).toBe(now + 3600_000)
    expect(dueFromChoice('2h', now)).toBe(now + 7200_000)
    expect(dueFromChoice('today', now)).toBe(Date.UTC(2026, 10, 23, 10))
  })
  it('repeats daily, on weekdays, or weekly on today’s weekday', () => {
    expect(repeatDays('daily', now)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(repeatDays('weekdays', now)).toEqual([1, 2, 3, 4, 5])
    expect(repeatDays('weekly', now)).toEqual([1])
    expect(repeatDays('weekly', Date.UTC(2026, 10, 22, 17))).toEqual([1]) // 01:00 Monday in the estate, still Sunday in UTC
  })
  it('a list typed in one box', () => {
    expect(splitList('地面，玻璃门、 扶手,\n垃圾桶,, ')).toEqual(['地面', '玻璃门', '扶手', '垃圾桶'])
    expect(splitList('  ')).toEqual([])
  })
})
