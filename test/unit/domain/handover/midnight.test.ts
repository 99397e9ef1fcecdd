import { buildItems, handoverClock, type HandoverItem } from '../../../../src/domain/handover/rules'

// 06:00 China time on 2 December: the night guard hands over to the morning guard
const MORNING = Date.UTC(2026, 11, 1, 22, 0, 0)
const M = 60_000
const byKey = (items: HandoverItem[], k: HandoverItem['key']) => items.find((i) => i.key === k)!

describe('handover lines across midnight (issue 17, the night post)', () => {
  it('a time of the handover day stays bare; another day says which', () => {
    expect(handoverClock(MORNING - 4 * 60 * M, MORNING)).toBe('02:00')
    expect(handoverClock(MORNING - 8 * 60 * M - 20 * M, MORNING)).toBe('昨天 21:40')
    expect(handoverClock(MORNING + 20 * 60 * M, MORNING)).toBe('明天 02:00')
    expect(handoverClock(MORNING - 3 * 24 * 60 * M, MORNING)).toBe('11月29日 06:00')
  })

  it('the morning guard reads last night’s visitor as last night’s', () => {
    const items = buildItems(
      {
        visitors: [
          { name: '李四', room: '2-1-302', gate: '东门', inAt: MORNING - 8 * 60 * M - 20 * M },
          { name: '赵云', room: '1-2-502', gate: '东门', inAt: MORNING - 4 * 60 * M }
        ],
        vehicles: [{ plate: '粤B77777', gate: '东门', inAt: MORNING - 7 * 60 * M }]
      },
      { gate: '东门', since: MORNING - 8 * 60 * M, now: MORNING, today: '2026-12-02' }
    )
    expect(byKey(items, 'visitors').lines).toEqual([
      '李四（2-1-302）昨天 21:40进入',
      '赵云（1-2-502）02:00进入'
    ])
    expect(byKey(items, 'vehicles').lines).toEqual(['粤B77777 昨天 23:00入场'])
  })
})
