import { makeHarness, ok, code, T0 } from '../harness'
import type { HomeToday } from '../../../src/domain/contract'
import type { Shift } from '../../../src/domain/entities'

describe('shifts', () => {
  it('start, refuse a second start, end, refuse a second end', async () => {
    const h = await makeHarness()
    const s = ok<Shift>(await h.as('demo-guard', 'shift.start', { id: 'shift31', post: '东门岗' }))
    expect(s.status).toBe('on')
    expect(ok<HomeToday>(await h.as('demo-guard', 'home.today', {})).shift?.post).toBe('东门岗')
    expect(code(await h.as('demo-guard', 'shift.start', { id: 'shift34', post: '南门岗' }))).toBe('CONFLICT')
    h.clock.now += 8 * 3600_000
    const e = ok<Shift>(await h.as('demo-guard', 'shift.end', { shiftId: s._id }))
    expect(e).toMatchObject({ status: 'off', endedAt: T0 + 8 * 3600_000 })
    expect(code(await h.as('demo-guard', 'shift.end', { shiftId: s._id }))).toBe('CONFLICT')
    // off shift at 17:00: home says when, not 今天还没有上岗; the next day it does not
    const home = ok<HomeToday>(await h.as('demo-guard', 'home.today', {}))
    expect(home.shift).toBeNull()
    expect(home.lastOff).toEqual({ post: '东门岗', endedAt: T0 + 8 * 3600_000 })
    h.clock.now += 16 * 3600_000
    expect(ok<HomeToday>(await h.as('demo-guard', 'home.today', {})).lastOff).toBeUndefined()
  })

  it('nobody ends another person’s shift', async () => {
    const h = await makeHarness()
    const s = ok<Shift>(await h.as('demo-guard', 'shift.start', { id: 'shift43', post: '东门岗' }))
    expect(code(await h.as('demo-patrol', 'shift.end', { shiftId: s._id }))).toBe('NOT_FOUND')
  })

  it('bad input is refused with field messages in Chinese', async () => {
    const h = await makeHarness()
    const env = await h.as('demo-guard', 'shift.start', { id: 'shift49', post: '' })
    expect(code(env)).toBe('INVALID_INPUT')
    if (!env.ok) expect(env.details?.[0]).toMatchObject({ field: 'post', message: '岗位点：不能为空' })
  })
})
