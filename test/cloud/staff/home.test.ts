import { makeHarness, ok } from '../harness'
import type { HomeToday } from '../../../src/domain/contract'

describe('home.today', () => {
  it('home.today shows a guard the gate posts and a supervisor the estate counts', async () => {
    const h = await makeHarness()
    const g = ok<HomeToday>(await h.as('demo-guard', 'home.today', {}))
    expect(g.posts).toEqual(['东门岗', '南门岗'])
    expect(g.date).toBe('2026-11-23')
    expect(g.cards.map((c) => c.key)).toEqual([
      'insideNow',
      'visitorsIn',
      'visitorsOut',
      'vehiclesInside',
      'passesChecked'
    ])
    expect(g.cards.every((c) => c.value === 0 && c.tone === 'normal')).toBe(true)
    expect(ok<HomeToday>(await h.as('demo-cleaner', 'home.today', {})).cards).toEqual([])
    ok(await h.as('demo-guard', 'shift.start', { id: 'shift21', post: '东门岗' }))
    const s = ok<HomeToday>(await h.as('demo-supervisor', 'home.today', {}))
    expect(s.cards.find((c) => c.key === 'onDuty')?.value).toBe(1)
    expect(s.cards.find((c) => c.key === 'staff')?.value).toBe(8)
  })
})
