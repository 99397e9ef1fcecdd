import {
  DAY_MS,
  DEFAULT_OVERSTAY_MS,
  GOODS_SLIP,
  PASS,
  TEMP_CONSTRUCTION_MAX_DAYS,
  VEHICLE,
  VISITOR,
  isOverstay,
  passCode,
  passProblem,
  permitProblem,
  step,
  tempPassExpiry,
  type GoodsSlipStatus,
  type PassStatus,
  type Transition,
  type VehicleStatus,
  type VisitorStatus
} from '../../../../src/domain/gate/machines'

/** Every state of a machine against one transition: the expected next state or the reason. */
function table<S extends string>(t: Transition<S>, expected: Record<S, S | string>) {
  for (const [from, want] of Object.entries(expected) as [S, string][]) {
    const r = step(t, from)
    if (r.ok) expect([from, r.to]).toEqual([from, want])
    else {
      expect([from, r.reason]).toEqual([from, want])
      expect(r.reason).toMatch(/^[\u4e00-\u9fa5]/)
    }
  }
}

describe('state machines: every transition from every state', () => {
  it('visitor check-out only from inside', () => {
    table<VisitorStatus>(VISITOR.checkOut, {
      inside: 'left',
      left: '这位访客已离开，不能再登记离开',
      refused: '这位访客已被拒绝进入，不能再登记离开'
    })
  })

  it('vehicle exit only from inside', () => {
    table<VehicleStatus>(VEHICLE.exit, {
      inside: 'left',
      left: '这辆车已出场，不能再登记出场',
      refused: '这辆车已被拒绝进入，不能再登记出场'
    })
  })

  it('visitor pass: used once, revoked only while active', () => {
    table<PassStatus>(PASS.use, { active: 'used', used: '这张通行证已使用', revoked: '这张通行证已作废' })
    table<PassStatus>(PASS.revoke, {
      active: 'revoked',
      used: '这张通行证已使用，不能作废',
      revoked: '这张通行证已作废，不能作废'
    })
  })

  it('goods slip: released, refused or revoked only while issued', () => {
    table<GoodsSlipStatus>(GOODS_SLIP.release, {
      issued: 'released',
      released: '这张放行条已放行',
      refused: '这张放行条已被拒绝',
      revoked: '这张放行条已作废'
    })
    table<GoodsSlipStatus>(GOODS_SLIP.refuse, {
      issued: 'refused',
      released: '这张放行条已放行',
      refused: '这张放行条已被拒绝',
      revoked: '这张放行条已作废'
    })
    table<GoodsSlipStatus>(GOODS_SLIP.revoke, {
      issued: 'revoked',
      released: '这张放行条已放行，不能作废',
      refused: '这张放行条已被拒绝，不能作废',
      revoked: '这张放行条已作废，不能作废'
    })
  })

  it('every transition ends in a state that is itself final for it (no double use)', () => {
    for (const t of [
      VISITOR.checkOut,
      VEHICLE.exit,
      PASS.use,
      PASS.revoke,
      GOODS_SLIP.release,
      GOODS_SLIP.refuse,
      GOODS_SLIP.revoke
    ] as Transition<string>[])
      expect(step(t, t.to).ok).toBe(false)
  })
})

describe('passProblem', () => {
  const p = { status: 'active' as const, estateId: 'e1', validFrom: 1000, validTo: 2000 }
  it('usable inside its window, both ends included', () => {
    expect(passProblem(p, 'e1', 1000)).toBeUndefined()
    expect(passProblem(p, 'e1', 1500)).toBeUndefined()
    expect(passProblem(p, 'e1', 2000)).toBeUndefined()
  })
  it('outside the window', () => {
    expect(passProblem(p, 'e1', 999)).toBe('还没到通行证的有效时间')
    expect(passProblem(p, 'e1', 2001)).toBe('通行证已过期')
  })
  it('used or revoked, before the window is even looked at', () => {
    expect(passProblem({ ...p, status: 'used' }, 'e1', 1500)).toBe('这张通行证已使用')
    expect(passProblem({ ...p, status: 'revoked' }, 'e1', 1500)).toBe('这张通行证已作废')
    expect(passProblem({ ...p, status: 'used' }, 'e1', 5000)).toBe('这张通行证已使用')
  })
  it('another estate’s pass is refused first, whatever its state', () => {
    expect(passProblem(p, 'e2', 1500)).toBe('这张通行证不是本小区的')
    expect(passProblem({ ...p, status: 'used' }, 'e2', 5000)).toBe('这张通行证不是本小区的')
  })
})

describe('construction', () => {
  it('a permit is valid from its first to its last moment', () => {
    const permit = { validFrom: 100, validTo: 200 }
    expect(permitProblem(permit, 100)).toBeUndefined()
    expect(permitProblem(permit, 200)).toBeUndefined()
    expect(permitProblem(permit, 99)).toBe('施工许可证还没有生效')
    expect(permitProblem(permit, 201)).toBe('施工许可证已过期，不能进场施工')
    expect(permitProblem({ validFrom: 200, validTo: 100 }, 150)).toBe('施工许可证的有效期不正确')
  })

  it('a temporary pass lasts one to three whole days', () => {
    expect(TEMP_CONSTRUCTION_MAX_DAYS).toBe(3)
    const now = Date.UTC(2026, 10, 23, 1)
    for (const d of [1, 2, 3]) expect(tempPassExpiry(now, d)).toBe(now + d * DAY_MS)
    for (const d of [1, 2, 3])
      expect((tempPassExpiry(now, d) as number) - now).toBeLessThanOrEqual(3 * DAY_MS)
    expect(tempPassExpiry(now, 4)).toEqual({ problem: '临时施工证最长3天，超过3天请办理长期施工许可' })
    expect(tempPassExpiry(now, 30)).toEqual({ problem: '临时施工证最长3天，超过3天请办理长期施工许可' })
    for (const d of [0, -1, 1.5, Number.NaN])
      expect([d, tempPassExpiry(now, d)]).toEqual([d, { problem: '临时施工证至少1天' }])
  })
})

describe('overstay', () => {
  it('four hours by default: at the limit is not an overstay, one millisecond later is', () => {
    expect(DEFAULT_OVERSTAY_MS).toBe(4 * 3600_000)
    const inAt = Date.UTC(2026, 10, 23, 1)
    expect(isOverstay(inAt, inAt)).toBe(false)
    expect(isOverstay(inAt, inAt + 4 * 3600_000 - 1)).toBe(false)
    expect(isOverstay(inAt, inAt + 4 * 3600_000)).toBe(false)
    expect(isOverstay(inAt, inAt + 4 * 3600_000 + 1)).toBe(true)
  })
  it('the estate’s own limit', () => {
    expect(isOverstay(0, 2 * 3600_000, 2 * 3600_000)).toBe(false)
    expect(isOverstay(0, 2 * 3600_000 + 1, 2 * 3600_000)).toBe(true)
    expect(isOverstay(0, 5 * 3600_000, 8 * 3600_000)).toBe(false)
  })
  it('a clock behind the check-in is never an overstay', () => {
    expect(isOverstay(10_000, 0)).toBe(false)
  })
})

describe('passCode', () => {
  it('six digits, never starting with 0, across the whole range of the random source', () => {
    expect(passCode(() => 0)).toBe('100000')
    expect(passCode(() => 0.5)).toBe('550000')
    expect(passCode(() => 0.9999999999)).toBe('999999')
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const c = passCode(Math.random)
      expect(c).toMatch(/^[1-9]\d{5}$/)
      seen.add(c)
    }
    // random enough that a desk making passes all day does not keep hitting the same code
    expect(seen.size).toBeGreaterThan(1950)
  })
})
