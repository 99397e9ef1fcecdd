/**
 * Hostile client, bind-code sign-in (issue 16, what was left of point 1). Before the fix the
 * misses of anonymous callers were counted per `device` (a name the caller sends, so one
 * attacker could send a new one with every guess) and for the whole server, whose 50th miss
 * locked bind-code sign-in for everyone for an hour: one attacker kept every new person out.
 * Now misses are counted per source (the caller's IP on our server, the OPENID in WeChat); the
 * server-wide count only slows every source down (one miss a window each), it never locks, so
 * a person with a valid code still gets in.
 */
import type { BindCodeOut, SessionOut, StaffListItem } from '../../../src/domain/contract'
import { GUESS_LIMITS, GUESS_SLOWED, GUESS_WINDOW_MS } from '../../../src/domain/guard/limits'
import type { Identity } from '../../../src/cloud/context'
import { sourceOf } from '../../../src/cloud/http/server'
import { makeHarness, code, ok, type Harness } from '../harness'

const PER_SOURCE = GUESS_LIMITS.bind.person
const SERVER = GUESS_LIMITS.bind.estate

async function newPerson(h: Harness, name: string, phone: string): Promise<string> {
  const created = ok<{ staff: StaffListItem; bindCode: BindCodeOut }>(
    await h.as('demo-supervisor', 'staff.create', { name, phone, roles: ['guard'] })
  )
  return created.bindCode.code
}

const web = (ip: string): Identity => ({ kind: 'none', source: `ip:${ip}` })
const codeLogin = (h: Harness, c: string, who: Identity, device = 'Chrome') =>
  h.raw('auth', { action: 'auth.codeLogin', input: { code: c, device } }, who)
const bind = (h: Harness, c: string, openid: string) =>
  h.raw('auth', { action: 'auth.bind', input: { code: c } }, { kind: 'openid', openid })

/** Wrong codes that the bind-code format accepts. */
const wrong = (i: number) => `WRNG${String(i).padStart(4, '0').replace(/[01]/g, 'X')}`

describe('bind-code sign-in: one attacker cannot lock everyone out', () => {
  it('a source that changes its device name with every guess is still one source', async () => {
    const h = await makeHarness()
    const tries: string[] = []
    for (let i = 0; i <= PER_SOURCE; i++)
      tries.push(code(await codeLogin(h, wrong(i), web('10.0.0.9'), `设备${i}`)))
    expect(tries).toEqual([...Array(PER_SOURCE).fill('BIND_CODE_INVALID'), 'GUESS_LOCKED'])
  })

  it('many sources guessing past the server-wide count: a person with a valid code still signs in (web)', async () => {
    const h = await makeHarness()
    const valid = await newPerson(h, '新保安', '13911112222')
    let guesses = 0
    for (let ip = 1; guesses <= SERVER + PER_SOURCE; ip++)
      for (let i = 0; i < PER_SOURCE; i++, guesses++) await codeLogin(h, wrong(guesses), web(`10.0.1.${ip}`))
    const session = ok<SessionOut>(await codeLogin(h, valid, web('192.168.5.20')))
    expect(session.staff.name).toBe('新保安')
    // nothing of the server is locked: the lockouts are the attacker's sources only
    const locks = await h.as('admin').call('gate.lockouts', {})
    expect(locks.length).toBeGreaterThan(0)
    expect(locks.every((l) => l.scope === 'person')).toBe(true)
  })

  it('many WeChats guessing past the server-wide count: a person with a valid code still binds', async () => {
    const h = await makeHarness()
    const valid = await newPerson(h, '新保洁', '13911113333')
    let guesses = 0
    for (let w = 1; guesses <= SERVER + PER_SOURCE; w++)
      for (let i = 0; i < PER_SOURCE; i++, guesses++) await bind(h, wrong(guesses), `oid-attacker-${w}`)
    const bound = ok<SessionOut>(await bind(h, valid, 'oid-real-person'))
    expect(bound.staff.name).toBe('新保洁')
  })

  it('past the server-wide count every source is slowed to one miss a window, told to wait, not locked', async () => {
    const h = await makeHarness()
    let guesses = 0
    for (let ip = 1; guesses < SERVER; ip++)
      for (let i = 0; i < PER_SOURCE && guesses < SERVER; i++, guesses++)
        await codeLogin(h, wrong(guesses), web(`10.0.2.${ip}`))
    const fresh = web('172.16.0.1')
    const tries: string[] = []
    for (let i = 0; i <= GUESS_SLOWED.bind!.person; i++)
      tries.push(code(await codeLogin(h, wrong(1000 + i), fresh)))
    expect(tries).toEqual([...Array(GUESS_SLOWED.bind!.person).fill('BIND_CODE_INVALID'), 'RATE_LIMITED'])
    // the next window lets it try again
    h.clock.now += GUESS_WINDOW_MS
    expect(code(await codeLogin(h, wrong(2000), fresh))).toBe('BIND_CODE_INVALID')
  })
})

describe('the source of an anonymous call on our server', () => {
  const req = (fwd?: string) => ({
    socket: { remoteAddress: '127.0.0.1' },
    headers: fwd ? { 'x-forwarded-for': fwd } : {}
  })
  it('is the socket address; a sent X-Forwarded-For counts only behind a trusted proxy, its last hop', () => {
    expect(sourceOf(req('6.6.6.6'))).toBe('ip:127.0.0.1')
    expect(sourceOf(req(), true)).toBe('ip:127.0.0.1')
    // what the caller wrote comes first; the address the proxy saw is appended last
    expect(sourceOf(req('6.6.6.6, 203.0.113.7'), true)).toBe('ip:203.0.113.7')
  })
})
