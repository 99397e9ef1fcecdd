import { makeBackend, type Backend } from './backend'
import { sessionStore } from '../../kit/session'
import { SessionStore } from '../../../src/stores/session'
import { HomeStore } from '../../../src/stores/home'
import { createApi } from '../../../src/stores/api'
import { OutboxStore } from '../../../src/stores/outbox'
import { createIdFactory } from '../../../src/domain/ids'
import { AppError } from '../../../src/domain/errors'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

describe('SessionStore', () => {
  it('lists demo people, signs in as one, and survives a restart from storage', async () => {
    const { s, storage } = sessionStore(b)
    await s.loadDemoAccounts()
    expect(s.demoAccounts.map((a) => a.name)).toContain('张卫国')
    expect(await s.signInDemo('demo-guard')).toBe(true)
    expect(s.staff?.name).toBe('张卫国')
    expect(s.estate?.name).toBe('翠湖花园')
    expect(s.areas.map((a) => a.key)).toEqual(['gate', 'patrol', 'tasks', 'scripts'])
    expect(s.isDemo).toBe(true)

    const again = new SessionStore({
      storage,
      api: () => b.api({}),
      now: () => b.h.clock.now,
      wxCode: async () => undefined
    })
    again.restore()
    expect(again.staff?.name).toBe('张卫国')
    expect(again.token).toBe(s.token)
  })

  it('does not restore an expired session', async () => {
    const { s, storage } = sessionStore(b)
    await s.signInDemo('demo-guard')
    const later = new SessionStore({
      storage,
      api: () => b.api({}),
      now: () => (s.expiresAt ?? 0) + 1,
      wxCode: async () => undefined
    })
    later.restore()
    expect(later.signedIn).toBe(false)
    expect(storage.data.size).toBe(0)
  })

  it('shows the server’s Chinese message when sign-in fails, and stays signed out', async () => {
    const { s } = sessionStore(b)
    expect(await s.signInDemo('nobody')).toBe(false)
    expect(s.signedIn).toBe(false)
    expect(s.error).toMatch(/[\u4e00-\u9fa5]/)
    expect(s.busy).toBe(false)
  })

  it('without WeChat (no OPENID) a WeChat sign-in fails with a message', async () => {
    const { s } = sessionStore(b)
    expect(await s.signInWechat()).toBe('failed')
    expect(s.error).not.toBe('')
  })

  it('sign-out revokes the token on the server and clears the device', async () => {
    const { s, storage } = sessionStore(b)
    await s.signInDemo('demo-guard')
    const token = s.token!
    await s.signOut()
    expect(s.signedIn).toBe(false)
    expect(storage.data.size).toBe(0)
    const env = await b.transport('staff', { action: 'me.profile', input: {}, sentAt: b.h.clock.now }, token)
    expect(env.ok).toBe(false)
    if (!env.ok) expect(env.code).toBe('SESSION_EXPIRED')
  })

  it('refreshes the profile from the server', async () => {
    const { s } = sessionStore(b)
    await s.signInDemo('demo-supervisor')
    await s.refreshProfile()
    expect(s.staff?.roles).toContain('supervisor')
    expect(s.error).toBe('')
  })
})

describe('HomeStore', () => {
  async function signedIn(staffId: string) {
    const { s, api, storage } = sessionStore(b)
    await s.signInDemo(staffId)
    const outbox = new OutboxStore({
      storage,
      transport: b.transport,
      session: () => ({ staffId: s.staff?.id, token: s.token, estateId: s.estate?.id }),
      now: () => b.h.clock.now,
      random: () => 0.5,
      newId: createIdFactory({ now: () => b.h.clock.now, random: Math.random })
    })
    const home = new HomeStore({
      api,
      outbox,
      storage,
      staffId: () => s.staff?.id,
      newId: createIdFactory({ now: () => b.h.clock.now, random: Math.random })
    })
    return { home, outbox, storage }
  }

  it('loads today, clocks in at a post and out again; the server gets both', async () => {
    const { home, outbox } = await signedIn('demo-guard')
    await home.load()
    expect(home.shift).toBeUndefined()
    expect(home.today?.posts).toContain('东门岗')
    expect(home.startShift('东门岗')).toBe(true)
    // Confirmed at once, before the server has it.
    expect(home.shift).toMatchObject({ post: '东门岗', pending: true })
    await outbox.sync()
    await home.load()
    expect(home.shift).toMatchObject({ post: '东门岗', pending: false })
    expect(home.endShift()).toBe(true)
    expect(home.shift).toBeUndefined()
    expect(home.endPending).toBe(true)
    await outbox.sync()
    await home.load()
    expect(home.shift).toBeUndefined()
    expect(home.endPending).toBe(false)
    const shifts = await b.h.db.find('shifts', { where: { staffId: 'demo-guard' } })
    expect(shifts.items).toHaveLength(1)
    expect(shifts.items[0]).toMatchObject({ post: '东门岗', status: 'off' })
  })

  it('offline: clocking in and out still works on the phone, and the page keeps the last known day', async () => {
    const { home, outbox, storage } = await signedIn('demo-guard')
    await home.load()
    b.online = false
    await home.load()
    expect(home.error).toBe('网络不通，请检查网络后重试')
    expect(home.today?.posts).toContain('东门岗')
    home.startShift('东门岗')
    await outbox.sync()
    expect(home.shift).toMatchObject({ post: '东门岗', pending: true })
    home.endShift()
    expect(home.shift).toBeUndefined()
    // A restart while offline: the cached day and the waiting operations come back.
    const again = new OutboxStore({
      storage,
      transport: b.transport,
      session: () => ({ staffId: 'demo-guard' }),
      now: () => b.h.clock.now,
      random: () => 0.5,
      newId: () => 'x'
    })
    again.load()
    expect(again.waiting.map((e) => e.summary)).toEqual(['上岗：东门岗', '下岗：东门岗'])
    expect((await b.h.db.find('shifts', {})).items).toHaveLength(0)
  })

  it('a second clock-in while on shift is refused by the server and kept for the person to handle', async () => {
    const { home, outbox } = await signedIn('demo-guard')
    await b.h.as('demo-guard', 'shift.start', { id: 'elsewhere', post: '南门岗' })
    await home.load()
    // The phone had not heard of that shift yet: the person clocks in again.
    home.today = undefined
    home.startShift('东门岗')
    await outbox.sync()
    expect(outbox.refused).toHaveLength(1)
    expect(outbox.refused[0].lastError?.message).toContain('南门岗')
  })
})

describe('api client', () => {
  it('adds an operation id and device time to writes, not to reads', async () => {
    const seen: unknown[] = []
    const api = createApi({
      transport: async (_fn, payload) => {
        seen.push(payload)
        return { ok: true as const, data: null, serverTime: 1 }
      },
      token: () => 't',
      estateId: () => 'e1',
      now: () => 42,
      newId: () => 'id-1'
    })
    await api('home.today', {})
    await api('shift.start', { id: 'shift181', post: '东门岗' })
    expect(seen[0]).toMatchObject({ action: 'home.today', estateId: 'e1', op: undefined })
    expect(seen[1]).toMatchObject({ action: 'shift.start', op: { id: 'id-1', deviceTime: 42 }, sentAt: 42 })
  })

  it('tells the session when the server says it has ended', async () => {
    const lost: string[] = []
    const api = createApi({
      transport: async () => ({
        ok: false as const,
        code: 'SESSION_EXPIRED' as const,
        message: '登录已过期，请重新登录'
      }),
      token: () => 't',
      estateId: () => 'e1',
      now: () => 1,
      newId: () => 'x',
      onAuthLost: (c) => lost.push(c)
    })
    await expect(api('home.today', {})).rejects.toBeInstanceOf(AppError)
    expect(lost).toEqual(['SESSION_EXPIRED'])
  })
})
