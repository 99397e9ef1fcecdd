/** Day stepping for the supervisor's day views, in China time. */
import { stepDay } from '../../../src/domain/time'

describe('stepDay', () => {
  // 2026-11-30 00:30 in China is still 2026-11-29 in UTC
  const now = Date.parse('2026-11-30T00:30:00+08:00')
  it('moves by whole local days, across months', () => {
    expect(stepDay('2026-11-30', -1, now)).toBe('2026-11-29')
    expect(stepDay('2026-12-01', -1, now)).toBe('2026-11-30')
    expect(stepDay('2026-11-01', -1, now)).toBe('2026-10-31')
    expect(stepDay('2026-11-28', 2, now)).toBe('2026-11-30')
  })
  it('never past today in China time, at any hour of it', () => {
    expect(stepDay('2026-11-29', 1, now)).toBe('2026-11-30')
    expect(stepDay('2026-11-30', 1, now)).toBeUndefined()
    expect(stepDay('2026-11-30', 1, Date.parse('2026-11-30T23:59:00+08:00'))).toBeUndefined()
  })
})
