/** How the supervisor's list of recurring tasks reads each one (issue 17). */
import { templateLine } from '../../../../src/domain/work/lines'

describe('templateLine', () => {
  it('every day, weekdays, or the days by name; then the time, how long, and whose', () => {
    const t = { time: '08:00', durationMinutes: 60, assigneeName: '赵洁' }
    expect(templateLine({ ...t, days: [0, 1, 2, 3, 4, 5, 6] })).toBe('每天 08:00 · 60分钟内完成 · 赵洁')
    expect(templateLine({ ...t, days: [5, 1, 2, 3, 4] })).toBe('工作日 08:00 · 60分钟内完成 · 赵洁')
    expect(
      templateLine({ time: '09:30', durationMinutes: 30, dept: 'engineering', days: [5, 1, 3, 1] })
    ).toBe('周一三五 09:30 · 30分钟内完成 · 工程部')
  })
})
