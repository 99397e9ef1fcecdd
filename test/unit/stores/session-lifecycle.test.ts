/**
 * The session store in the staff lifecycle: signing in with a bind code in a browser, the
 * devices listed in 我的, switching estate (every call follows), and a production server
 * without demo sign-in.
 */
import { makeBackend, MemoryStorage, type Backend } from './backend'
import { sessionStore } from '../../kit/session'
import { SessionStore } from '../../../src/stores/session'
import type { BindCodeOut, HomeToday, StaffListItem } from '../../../src/domain/contract'
import { createApi } from '../../../src/stores/api'
import { createIdFactory } from '../../../src/domain/ids'
import { makeHarness } from '../../cloud/harness'

/** What the H5 login page does with a bind code. */
const codeSignIn = (s: SessionStore, code: string, device?: string) =>
  s.signInWith((api) => api('auth.codeLogin', { code: code.trim(), device }))

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function newCode(name = '陈保安', phone = '13600000031'): Promise<{ staffId: string; code: string }> {
  const env = await b.h.as('demo-supervisor', 'staff.create', { name, phone, roles: ['guard'] })
  if (!env.ok) throw new Error(env.code)
  const out = env.data as { staff: StaffListItem; bindCode: BindCodeOut }
  return { staffId: out.staff.id, code: out.bindCode.code }
}

describe('SessionStore: sign-in without WeChat', () => {
  it('a bind code signs this device in, is remembered over a restart, and the device is listed in 我的', async () => {
    const { s, storage, api } = sessionStore(b)
    const { code } = await newCode()
    expect(
      await codeSignIn(
        s,
        ` ${code.toLowerCase()} `,
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile Safari/604.1'
      )
    ).toBe(true)
    expect(s).toMatchObject({ via: 'code', staff: { name: '陈保安' }, error: '' })
    expect(s.isDemo).toBe(false)
    // what 我的 lists (the page asks me.sessions with this session)
    expect(await api()('me.sessions', {})).toMatchObject([
      { via: 'code', device: 'iPhone · Safari', current: true }
    ])

    const again = new SessionStore({
      storage,
      api: () => b.api({}),
      now: () => b.h.clock.now,
      wxCode: async () => undefined
    })
    again.restore()
    expect(again.via).toBe('code')
    expect(again.token).toBe(s.token)
  })

  it('a used code says so in Chinese and leaves the device signed out', async () => {
    const { code } = await newCode()
    const first = sessionStore(b)
    expect(await codeSignIn(first.s, code)).toBe(true)
    const { s } = sessionStore(b)
    expect(await codeSignIn(s, code)).toBe(false)
    expect(s.signedIn).toBe(false)
    expect(s.error).toBe('绑定码已被使用，请向主管重新索取')
  })
})

describe('SessionStore: several estates', () => {
  it('switching estate in 我的 makes every call go to that estate', async () => {
    await b.h.addEstate('second', '第二小区')
    const sup = await b.h.db.get<{ _id: string; _v: number }>('staff', 'demo-guard')
    await b.h.db.update('staff', 'demo-guard', sup!._v, { estateIds: ['demo-estate', 'second'] })
    const { s, api } = sessionStore(b)
    await s.signInDemo('demo-guard')
    expect(s.staff?.estates.map((e) => e.name)).toEqual(['翠湖花园', '第二小区'])
    expect((await api()('home.today', {})).estate.name).toBe('翠湖花园')
    s.setEstate('second')
    expect(s.estate?.name).toBe('第二小区')
    const today: HomeToday = await api()('home.today', {})
    expect(today.estate.name).toBe('第二小区')
    // an estate the person does not hold is ignored
    s.setEstate('nowhere')
    expect(s.estate?.id).toBe('second')
  })

  it('when the person is taken off the current estate, the profile refresh moves them to one they hold', async () => {
    await b.h.addEstate('second', '第二小区')
    const g = await b.h.db.get<{ _id: string; _v: number }>('staff', 'demo-guard')
    await b.h.db.update('staff', 'demo-guard', g!._v, { estateIds: ['demo-estate', 'second'] })
    const { s } = sessionStore(b)
    await s.signInDemo('demo-guard')
    s.setEstate('second')
    const g2 = await b.h.db.get<{ _id: string; _v: number }>('staff', 'demo-guard')
    await b.h.db.update('staff', 'demo-guard', g2!._v, { estateIds: ['demo-estate'] })
    await s.refreshProfile()
    expect(s.estate?.id).toBe('demo-estate')
  })
})

describe('SessionStore: a production server', () => {
  it('no demo people is no error on the login page', async () => {
    const h = await makeHarness({ demo: false })
    const api = createApi({
      transport: async (fn, payload, token) =>
        JSON.parse(
          JSON.stringify(
            await h.rt.call(
              fn,
              JSON.parse(JSON.stringify(payload)),
              token ? { kind: 'token', token } : { kind: 'none' }
            )
          )
        ),
      token: () => undefined,
      estateId: () => undefined,
      now: () => h.clock.now,
      newId: createIdFactory({ now: () => h.clock.now, random: Math.random })
    })
    const s = new SessionStore({
      storage: new MemoryStorage(),
      api: () => api,
      now: () => h.clock.now,
      wxCode: async () => undefined
    })
    await s.loadDemoAccounts()
    expect(s.demoAccounts).toEqual([])
    expect(s.error).toBe('')
    // and a demo person cannot sign in
    expect(await s.signInDemo('demo-guard')).toBe(false)
    expect(s.error).toBe('演示登录未开启')
  })
})
