/**
 * gate.visitorRecall: a returning visitor recognised by the phone the guard types (issue 17,
 * fewer taps): the latest visit of that phone to this estate, name masked, last room; the
 * check-in naming that visit stores its own name; a phone nobody visited with is a counted
 * miss, and enough misses lock the look-up like pass codes.
 */
import { ok, type Harness } from '../harness'
import type { VisitorOut, VisitorRecallOut } from '../../../src/domain/contract'
import { GUESS_LIMITS } from '../../../src/domain/guard/limits'
import { DAY, OTHER, gateHarness, refused, stored, visitorInput } from './kit'

let h: Harness
beforeEach(async () => {
  h = await gateHarness()
})

const PHONE = '13912345678'
const recall = (who: string, phone: string, extra?: { estateId: string }) =>
  h.as(who, 'gate.visitorRecall', { phone }, extra)

describe('gate.visitorRecall', () => {
  it('the latest visit of the phone in this estate: name masked, room; no phone, no ID', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ name: '欧阳明远', phone: PHONE, room: '1-1-101' })
      )
    )
    h.clock.now += 3 * DAY
    const later = visitorInput({ name: '欧阳明远', phone: PHONE, room: '2-1-302' })
    ok(await h.as('demo-guard', 'gate.checkIn', later))
    h.clock.now += DAY
    const r = ok<VisitorRecallOut | null>(await recall('demo-guard', PHONE))
    expect(r).toEqual({
      id: later.id,
      name: '欧**远',
      case: 'ownerGuest',
      room: '2-1-302',
      lastAt: h.clock.now - DAY
    })
    expect(JSON.stringify(r)).not.toContain(PHONE)
  })

  it('a check-in naming the visit stores its own name when the masked one is kept; a typed name wins', async () => {
    const first = visitorInput({ name: '欧阳明远', phone: PHONE })
    ok(await h.as('demo-guard', 'gate.checkIn', first))
    const again = visitorInput({ name: '欧**远', phone: PHONE, recallId: first.id })
    ok<VisitorOut>(await h.as('demo-guard', 'gate.checkIn', again))
    expect((await stored(h, 'visitors', again.id as string))?.name).toBe('欧阳明远')
    const typed = visitorInput({ name: '欧阳明', phone: PHONE, recallId: first.id })
    ok(await h.as('demo-guard', 'gate.checkIn', typed))
    expect((await stored(h, 'visitors', typed.id as string))?.name).toBe('欧阳明')
    // another phone naming the visit takes nothing from it
    const other = visitorInput({ name: '欧**远', phone: '13700009999', recallId: first.id })
    ok(await h.as('demo-guard', 'gate.checkIn', other))
    expect((await stored(h, 'visitors', other.id as string))?.name).toBe('欧**远')
  })

  it('a phone not seen in this estate, or seen only long ago or in another estate: null', async () => {
    expect(ok(await recall('demo-guard', '13800000000'))).toBeNull()
    ok(await h.as('g-e2', 'gate.checkIn', visitorInput({ phone: PHONE, gate: '大门' }), { estateId: OTHER }))
    expect(ok(await recall('demo-guard', PHONE))).toBeNull()
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ phone: '13600001111' })))
    h.clock.now += 181 * DAY
    expect(ok(await recall('demo-guard', '13600001111'))).toBeNull()
  })

  it('misses are counted: the guard is locked out after the limit, hits are not counted', async () => {
    const known = visitorInput({ phone: PHONE })
    ok(await h.as('demo-guard', 'gate.checkIn', known))
    const limit = GUESS_LIMITS.visitor.person
    for (let i = 0; i < limit - 1; i++)
      expect(ok(await recall('demo-guard', `1380000${String(i).padStart(4, '0')}`))).toBeNull()
    // a hit does not count: one more miss is still allowed
    expect(ok<VisitorRecallOut | null>(await recall('demo-guard', PHONE))?.id).toBe(known.id)
    expect(ok(await recall('demo-guard', '13899999999'))).toBeNull()
    await refused(
      h,
      'demo-guard',
      'gate.visitorRecall',
      { phone: PHONE },
      'GUESS_LOCKED',
      /来访人手机号输错次数太多/
    )
    // another guard is not locked
    expect(ok<VisitorRecallOut | null>(await recall('g2', PHONE))?.id).toBe(known.id)
  })

  it('bad input, wrong role, another estate', async () => {
    await refused(h, 'demo-guard', 'gate.visitorRecall', {}, 'INVALID_INPUT')
    await refused(h, 'demo-guard', 'gate.visitorRecall', { phone: '123' }, 'INVALID_INPUT', /11位手机号/)
    await refused(h, 'demo-cleaner', 'gate.visitorRecall', { phone: PHONE }, 'FORBIDDEN')
    await refused(h, 'g-e2', 'gate.visitorRecall', { phone: PHONE }, 'FORBIDDEN_ESTATE')
  })
})
