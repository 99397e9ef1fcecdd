import { makeHarness, ok, code, T0 } from '../harness'
import type { BindCodeOut, DemoAccount, SessionOut, StaffListItem } from '../../../src/domain/contract'
import { BIND_CODE_TTL_MS, SESSION_TTL_MS } from '../../../src/domain/entities'
import { verifyToken } from '../../../src/cloud/session'

const tokenId = (token: string) => ({ kind: 'token' as const, token })

describe('sign-in', () => {
  it('demo: lists the seeded people and signs in with a signed, expiring session', async () => {
    const h = await makeHarness()
    const list = ok<DemoAccount[]>(
      await h.raw('auth', { action: 'auth.demoAccounts', input: {} }, { kind: 'none' })
    )
    expect(list.map((a) => a.roles[0])).toEqual(
      expect.arrayContaining([
        'guard',
        'patrol',
        'housekeeper',
        'cleaner',
        'engineer',
        'service',
        'supervisor',
        'admin'
      ])
    )
    const s = ok<SessionOut>(
      await h.raw('auth', { action: 'auth.demoLogin', input: { staffId: 'demo-guard' } }, { kind: 'none' })
    )
    expect(s.token).toBeTruthy()
    expect(s.expiresAt).toBe(T0 + SESSION_TTL_MS)
    expect(s.staff.estates[0].name).toBe('翠湖花园')
    const me = await h.raw('staff', { action: 'me.profile', input: {} }, tokenId(s.token!))
    expect(ok<{ name: string }>(me).name).toBe('张卫国')

    // a tampered token is refused, an expired one says so
    const forged = s.token!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    expect(code(await h.raw('staff', { action: 'me.profile', input: {} }, tokenId(forged)))).toBe(
      'UNAUTHENTICATED'
    )
    // every other spelling of the signature's last character is refused too (base64 padding bits)
    for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123456789-_') {
      const other = s.token!.slice(0, -1) + c
      if (other !== s.token) expect(verifyToken(other, 'test-secret')).toBeNull()
    }
    h.clock.now += SESSION_TTL_MS + 1
    expect(code(await h.raw('staff', { action: 'me.profile', input: {} }, tokenId(s.token!)))).toBe(
      'SESSION_EXPIRED'
    )
  })

  it('demo sign-in is off unless the server runs in demo mode, and only for seeded people', async () => {
    const off = await makeHarness({ demo: false })
    // the login page asks on every server: production has nobody to offer (no error to show)
    expect(ok(await off.raw('auth', { action: 'auth.demoAccounts', input: {} }, { kind: 'none' }))).toEqual(
      []
    )
    expect(
      code(
        await off.raw(
          'auth',
          { action: 'auth.demoLogin', input: { staffId: 'demo-guard' } },
          { kind: 'none' }
        )
      )
    ).toBe('DEMO_DISABLED')
    const on = await makeHarness()
    await on.addStaff('real1', ['guard'])
    expect(
      code(await on.raw('auth', { action: 'auth.demoLogin', input: { staffId: 'real1' } }, { kind: 'none' }))
    ).toBe('NOT_FOUND')
  })

  it('sign-out revokes the session on the server', async () => {
    const h = await makeHarness()
    const s = ok<SessionOut>(
      await h.raw('auth', { action: 'auth.demoLogin', input: { staffId: 'demo-guard' } }, { kind: 'none' })
    )
    ok(await h.raw('auth', { action: 'auth.logout', input: {} }, tokenId(s.token!)))
    expect(code(await h.raw('staff', { action: 'me.profile', input: {} }, tokenId(s.token!)))).toBe(
      'SESSION_EXPIRED'
    )
  })

  it('a disabled person is refused even with a valid session', async () => {
    const h = await makeHarness()
    const s = ok<SessionOut>(
      await h.raw('auth', { action: 'auth.demoLogin', input: { staffId: 'demo-guard' } }, { kind: 'none' })
    )
    const g = await h.db.get<{ _id: string; _v: number }>('staff', 'demo-guard')
    await h.db.update('staff', 'demo-guard', g!._v, { active: false })
    expect(code(await h.raw('staff', { action: 'me.profile', input: {} }, tokenId(s.token!)))).toBe(
      'STAFF_DISABLED'
    )
  })

  it('WeChat: an unbound OPENID is told to bind; a bind code works once and binds that OPENID', async () => {
    const h = await makeHarness()
    const created = ok<{ staff: StaffListItem; bindCode: BindCodeOut }>(
      await h.as('demo-supervisor', 'staff.create', {
        name: '新保安',
        phone: '13911112222',
        roles: ['guard']
      })
    )
    const newcomer = { kind: 'openid' as const, openid: 'oid-newcomer' }
    expect(code(await h.raw('auth', { action: 'auth.wxLogin', input: {} }, newcomer))).toBe('NOT_BOUND')
    expect(code(await h.raw('staff', { action: 'me.profile', input: {} }, newcomer))).toBe('NOT_BOUND')
    expect(code(await h.raw('auth', { action: 'auth.bind', input: { code: 'ZZZZZZZZ' } }, newcomer))).toBe(
      'BIND_CODE_INVALID'
    )
    const bound = ok<SessionOut>(
      await h.raw(
        'auth',
        { action: 'auth.bind', input: { code: created.bindCode.code.toLowerCase() } },
        newcomer
      )
    )
    expect(bound.staff.name).toBe('新保安')
    expect(bound.token).toBeUndefined()
    expect(
      ok<{ name: string }>(await h.raw('auth', { action: 'auth.wxLogin', input: {} }, newcomer)).name
    ).toBeUndefined()
    expect(
      ok<SessionOut>(await h.raw('auth', { action: 'auth.wxLogin', input: {} }, newcomer)).staff.name
    ).toBe('新保安')
    // single use
    const other = { kind: 'openid' as const, openid: 'oid-other' }
    expect(
      code(await h.raw('auth', { action: 'auth.bind', input: { code: created.bindCode.code } }, other))
    ).toBe('BIND_CODE_USED')
    // an already bound WeChat cannot bind again
    expect(
      code(await h.raw('auth', { action: 'auth.bind', input: { code: created.bindCode.code } }, newcomer))
    ).toBe('ALREADY_BOUND')
  })

  it('a bind code expires after 72 hours', async () => {
    const h = await makeHarness()
    const created = ok<{ bindCode: BindCodeOut }>(
      await h.as('demo-supervisor', 'staff.create', {
        name: '晚到',
        phone: '13911113333',
        roles: ['cleaner']
      })
    )
    h.clock.now += BIND_CODE_TTL_MS
    const env = await h.raw(
      'auth',
      { action: 'auth.bind', input: { code: created.bindCode.code } },
      { kind: 'openid', openid: 'oid-late' }
    )
    expect(code(env)).toBe('BIND_CODE_EXPIRED')
    const staff = await h.db.find<{ _id: string; _v: number; openid?: string }>('staff', {
      where: { phone: '13911113333' }
    })
    expect(staff.items[0].openid).toBeUndefined()
  })

  it('over HTTP a WeChat code is exchanged for the OPENID when the server is configured', async () => {
    const h = await makeHarness({
      exchangeWxCode: async (c) => (c === 'good' ? 'oid-demo-guard' : Promise.reject(new Error('40029')))
    })
    const s = ok<SessionOut>(
      await h.raw('auth', { action: 'auth.wxLogin', input: { wxCode: 'good' } }, { kind: 'none' })
    )
    expect(s.staff.name).toBe('张卫国')
    expect(s.token).toBeTruthy()
    expect(
      code(await h.raw('auth', { action: 'auth.wxLogin', input: { wxCode: 'bad' } }, { kind: 'none' }))
    ).toBe('WX_LOGIN_FAILED')
    const plain = await makeHarness()
    expect(
      code(await plain.raw('auth', { action: 'auth.wxLogin', input: { wxCode: 'x' } }, { kind: 'none' }))
    ).toBe('WX_LOGIN_FAILED')
  })
})
