import { makeHarness, ok, code, DEMO_ESTATE_ID, T0 } from './harness'
import { HANDLERS } from '../../src/cloud/handlers'
import type { Shift } from '../../src/domain/entities'

describe('dispatcher', () => {
  it('answers an unknown action, or an action of another function, with UNKNOWN_ACTION', async () => {
    const h = await makeHarness()
    const id = { kind: 'openid' as const, openid: 'oid-demo-guard' }
    expect(code(await h.raw('staff', { action: 'nope', input: {} }, id))).toBe('UNKNOWN_ACTION')
    expect(code(await h.raw('staff', { action: 'staff.create', input: {} }, id))).toBe('UNKNOWN_ACTION')
    expect(code(await h.raw('nofn', { action: 'me.profile', input: {} }, id))).toBe('UNKNOWN_ACTION')
    expect(code(await h.raw('staff', null as never, id))).toBe('UNKNOWN_ACTION')
    const env = await h.raw('staff', { action: 'nope' }, id)
    expect(env.ok).toBe(false)
    if (!env.ok) expect(env.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('turns an unexpected throw into INTERNAL, logs it, and keeps serving', async () => {
    const h = await makeHarness()
    const orig = HANDLERS['me.profile']
    ;(HANDLERS as Record<string, unknown>)['me.profile'] = async () => {
      throw new TypeError('boom')
    }
    try {
      const env = await h.as('demo-guard', 'me.profile', {})
      expect(code(env)).toBe('INTERNAL')
      expect(h.logs.length).toBe(1)
    } finally {
      ;(HANDLERS as Record<string, unknown>)['me.profile'] = orig
    }
    expect(code(await h.as('demo-guard', 'me.profile', {}))).toBe('OK')
  })

  it('answers a handler that hangs with INTERNAL after the timeout instead of hanging', async () => {
    const h = await makeHarness({ timeoutMs: 50 })
    const orig = HANDLERS['me.profile']
    ;(HANDLERS as Record<string, unknown>)['me.profile'] = () => new Promise(() => undefined)
    try {
      expect(code(await h.as('demo-guard', 'me.profile', {}))).toBe('INTERNAL')
    } finally {
      ;(HANDLERS as Record<string, unknown>)['me.profile'] = orig
    }
  })

  it('requires an operation id on writes', async () => {
    const h = await makeHarness()
    const env = await h.raw(
      'staff',
      { action: 'shift.start', input: { id: 'shift49', post: '东门岗' }, estateId: DEMO_ESTATE_ID },
      { kind: 'openid', openid: 'oid-demo-guard' }
    )
    expect(code(env)).toBe('INVALID_INPUT')
    expect((await h.dump()).c_shifts ?? 0).toBe(0)
  })

  it('applies a write once: a replay returns the first result, a different body with the same id is refused', async () => {
    const h = await makeHarness()
    const op = { id: 'op-abcdefgh-1', deviceTime: T0 - 60_000 }
    const first = ok<Shift>(
      await h.as('demo-guard', 'shift.start', { id: 'shift59', post: '东门岗' }, { op })
    )
    h.clock.now += 5000
    const again = await h.as('demo-guard', 'shift.start', { id: 'shift59', post: '东门岗' }, { op })
    expect(again.ok && again.replayed).toBe(true)
    expect(ok<Shift>(again)._id).toBe(first._id)
    expect((await h.dump()).c_shifts).toBe(1)
    expect(code(await h.as('demo-guard', 'shift.start', { id: 'shift65', post: '南门岗' }, { op }))).toBe(
      'IDEMPOTENCY_MISMATCH'
    )
    // another person cannot replay someone else's operation id either
    expect(code(await h.as('demo-patrol', 'shift.start', { id: 'shift67', post: '东门岗' }, { op }))).toBe(
      'IDEMPOTENCY_MISMATCH'
    )
    expect(first.deviceStartedAt).toBe(T0 - 60_000)
    expect(first.startedAt).toBe(T0)
  })

  it('keeps the device time and flags a device clock more than five minutes off', async () => {
    const h = await makeHarness()
    const op = h.opSeq()
    ok(
      await h.as(
        'demo-guard',
        'shift.start',
        { id: 'shift75', post: '东门岗' },
        { op, sentAt: T0 + 6 * 60_000 }
      )
    )
    const rec = await h.db.get<{
      _id: string
      _v: number
      skewFlag: boolean
      skewMs: number
      deviceTime: number
    }>('ops', op.id)
    expect(rec?.skewFlag).toBe(true)
    expect(rec?.skewMs).toBe(6 * 60_000)
    const op2 = h.opSeq()
    ok(
      await h.as(
        'demo-patrol',
        'shift.start',
        { id: 'shift80', post: '巡逻' },
        { op: op2, sentAt: T0 + 60_000 }
      )
    )
    expect((await h.db.get<{ _id: string; _v: number; skewFlag: boolean }>('ops', op2.id))?.skewFlag).toBe(
      false
    )
  })

  it('stores nothing when a write fails half-way', async () => {
    const h = await makeHarness()
    const before = await h.dump()
    const orig = HANDLERS['shift.start']
    ;(HANDLERS as Record<string, unknown>)['shift.start'] = async (
      input: unknown,
      ctx: Parameters<typeof orig>[1]
    ) => {
      await orig(input as never, ctx)
      throw new Error('after the insert')
    }
    try {
      expect(code(await h.as('demo-guard', 'shift.start', { id: 'shift93', post: '东门岗' }))).toBe(
        'INTERNAL'
      )
    } finally {
      ;(HANDLERS as Record<string, unknown>)['shift.start'] = orig
    }
    expect(await h.dump()).toEqual(before)
  })

  it('appends an audit record for every write: who, what, which document, when', async () => {
    const h = await makeHarness()
    const s = ok<Shift>(await h.as('demo-guard', 'shift.start', { id: 'shift102', post: '东门岗' }))
    const audit = await h.db.find<{
      _id: string
      _v: number
      actorId: string
      action: string
      docId: string
      at: number
    }>('audit', {
      where: { docId: s._id }
    })
    expect(audit.items).toHaveLength(1)
    expect(audit.items[0]).toMatchObject({
      actorId: 'demo-guard',
      action: 'shift.start',
      docId: s._id,
      at: T0
    })
  })
})
