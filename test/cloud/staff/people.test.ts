import { makeHarness, ok, code, T0 } from '../harness'
import type { BindCodeOut, StaffListItem, StaffSelf, SweepOut } from '../../../src/domain/contract'
import { BIND_CODE_TTL_MS } from '../../../src/domain/entities'
import { OP_RETENTION_MS } from '../../../src/cloud/cron'

describe('me.profile', () => {
  it('me.profile returns the caller’s own record from their identity', async () => {
    const h = await makeHarness()
    const me = ok<StaffSelf>(await h.as('demo-guard', 'me.profile', {}))
    expect(me).toMatchObject({ id: 'demo-guard', name: '张卫国', roles: ['guard'], phone: '13800000001' })
    expect(me.estates).toEqual([{ id: 'demo-estate', name: '翠湖花园', company: '利海物业' }])
  })
})

describe('staff management', () => {
  it('a supervisor creates a staff member and gets a bind code; the list masks phones', async () => {
    const h = await makeHarness()
    const out = ok<{ staff: StaffListItem; bindCode: BindCodeOut }>(
      await h.as('demo-supervisor', 'staff.create', {
        name: ' 陈保洁 ',
        phone: '13912345678',
        roles: ['cleaner', 'cleaner']
      })
    )
    expect(out.staff).toMatchObject({
      name: '陈保洁',
      phone: '139****5678',
      roles: ['cleaner'],
      bound: false
    })
    expect(out.bindCode.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(out.bindCode.expiresAt).toBe(T0 + BIND_CODE_TTL_MS)
    const list = ok<StaffListItem[]>(await h.as('demo-supervisor', 'staff.list', {}))
    expect(list).toHaveLength(9)
    expect(list.every((s) => /^\d{3}\*{4}\d{4}$/.test(s.phone))).toBe(true)
  })

  it('refuses a phone already registered in the estate, and leaves nothing behind', async () => {
    const h = await makeHarness()
    const before = await h.dump()
    const env = await h.as('demo-supervisor', 'staff.create', {
      name: '重复',
      phone: '13800000001',
      roles: ['guard']
    })
    expect(code(env)).toBe('DUPLICATE')
    expect(await h.dump()).toEqual(before)
  })

  it('only an admin may create an admin', async () => {
    const h = await makeHarness()
    expect(
      code(
        await h.as('demo-supervisor', 'staff.create', {
          name: '新经理',
          phone: '13700000000',
          roles: ['admin']
        })
      )
    ).toBe('FORBIDDEN')
    expect(
      code(
        await h.as('demo-admin', 'staff.create', { name: '新经理', phone: '13700000000', roles: ['admin'] })
      )
    ).toBe('OK')
  })

  it('a bind code can be reissued for a person of the same estate only; for a bound one it ends the binding', async () => {
    const h = await makeHarness()
    await h.addEstate('other', '别的小区')
    await h.addStaff('sup-other', ['supervisor'], ['other'])
    await h.addStaff('unbound', ['cleaner'])
    const u = await h.db.get<{ _id: string; _v: number }>('staff', 'unbound')
    await h.db.update('staff', 'unbound', u!._v, { openid: undefined })
    expect(
      ok<BindCodeOut>(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'unbound' })).staffId
    ).toBe('unbound')
    expect(
      code(await h.as('sup-other', 'staff.bindCode', { staffId: 'unbound' }, { estateId: 'other' }))
    ).toBe('NOT_FOUND')
    expect(code(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-guard' }))).toBe('OK')
    expect(code(await h.as('demo-guard', 'me.profile', {}))).toBe('NOT_BOUND')
  })
})

describe('cron', () => {
  it('sweeps expired bind codes and old idempotency records, only from the timer', async () => {
    const h = await makeHarness()
    ok(
      await h.as('demo-supervisor', 'staff.create', { name: '甲', phone: '13600000001', roles: ['cleaner'] })
    )
    ok(await h.as('demo-guard', 'shift.start', { id: 'shift100', post: '东门岗' }))
    expect(
      code(
        await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'openid', openid: 'oid-demo-admin' })
      )
    ).toBe('FORBIDDEN')
    h.clock.now += OP_RETENTION_MS + 1
    const out = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    expect(out).toEqual({
      expiredBindCodes: 1,
      prunedOps: 2,
      missedRounds: 12, // the demo plan's last day of rounds
      escalated: 0,
      recurring: 0,
      expiredUploads: 0,
      releasedTasks: 0,
      reports: 1 // yesterday's daily report of the demo estate (its report hour has passed)
    })
  })
})
