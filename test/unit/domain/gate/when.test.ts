import { dayClock, validityText } from '../../../../src/domain/gate/when'

const H = 3600_000
// 2026-11-30 23:24 in the estate (UTC+8)
const NOW = Date.UTC(2026, 10, 30, 15, 24)

describe('times at the gate carry their day', () => {
  it('today, tomorrow, yesterday, then the date', () => {
    expect(dayClock(NOW, NOW)).toBe('今天 23:24')
    expect(dayClock(NOW + 1 * H, NOW)).toBe('明天 00:24')
    expect(dayClock(NOW - 24 * H, NOW)).toBe('昨天 23:24')
    expect(dayClock(NOW + 48 * H + 35 * 60_000, NOW)).toBe('12月2日 23:59')
    expect(dayClock(NOW - 72 * H, NOW)).toBe('11月27日 23:24')
  })
  it('a pass running to the day after tomorrow does not read as one evening', () => {
    expect(validityText(NOW, NOW + 48 * H + 35 * 60_000, NOW)).toBe('今天 23:24 至 12月2日 23:59')
  })
})
