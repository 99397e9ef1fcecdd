/**
 * Hostile client, guessing (issue 16, point 1). Before the fix any guard could call
 * gate.passCheck as fast as the server answered (about 5,000 a second): the whole 6-digit
 * space in under two minutes, and a hit showed the visitor's name, phone, room and plate.
 * Now misses are counted per person and per estate in the data store, the Nth miss locks the
 * look-up, a supervisor sees the lockout and lifts it (audited), and a hit shows what the
 * guard needs, masked.
 */
import type {
  LockoutOut,
  PassCheckOut,
  PassOut,
  SessionOut,
  StaffListItem,
  BindCodeOut,
  SweepOut
} from '../../../src/domain/contract'
import { GUESS_LIMITS, GUESS_LOCK_MS, GUESS_WINDOW_MS } from '../../../src/domain/guard/limits'
import { makeHarness, code, ok, T0, DEMO_ESTATE_ID, type Harness } from '../harness'

const WRONG = ['000001', '000002', '000003', '000004', '000005', '000006', '000007', '000008']
const PERSON = GUESS_LIMITS.pass.person
const ESTATE = GUESS_LIMITS.pass.estate

async function aPass(h: Harness, id = 'pass-lim-1'): Promise<PassOut> {
  return h.as('service').call('gate.passCreate', {
    id,
    visitorName: '赵小六',
    visitorPhone: '13912345678',
    room: '2-1-302',
    people: 2,
    plate: '粤B12345',
    validFrom: T0,
    validTo: T0 + 8 * 3600_000,
    note: '送家具'
  })
}

describe('pass codes cannot be guessed', () => {
  it(`a guard is locked out after ${PERSON} wrong codes; even the right one is refused then`, async () => {
    const h = await makeHarness()
    const pass = await aPass(h)
    const answers: string[] = []
    for (const c of WRONG.slice(0, PERSON + 2))
      answers.push(code(await h.as('guard').try('gate.passCheck', { code: c })))
    expect(answers).toEqual([...Array(PERSON).fill('NOT_FOUND'), 'GUESS_LOCKED', 'GUESS_LOCKED'])
    const locked = await h.as('guard').try('gate.passCheck', { code: pass.code })
    expect(code(locked)).toBe('GUESS_LOCKED')
    expect(locked.ok ? '' : locked.message).toContain('主管')
    // another guard of the estate is not locked by it
    await h.addStaff('guard-2', ['guard'])
    expect(code(await h.as('guard-2').try('gate.passCheck', { code: pass.code }))).toBe('OK')
  })

  it('hits do not count: a guard looking up real passes all day is never locked', async () => {
    const h = await makeHarness()
    const pass = await aPass(h)
    for (let i = 0; i < 30; i++) {
      expect(code(await h.as('guard').try('gate.passCheck', { code: pass.code }))).toBe('OK')
      if (i % 10 === 0)
        expect(code(await h.as('guard').try('gate.passCheck', { code: WRONG[i / 10] }))).toBe('NOT_FOUND')
    }
  })

  it('a burst of parallel guesses gets no more than the allowance', async () => {
    const h = await makeHarness()
    const codes = Array.from({ length: 30 }, (_, i) => String(100000 + i))
    const answers = await Promise.all(codes.map((c) => h.as('guard').try('gate.passCheck', { code: c })))
    const looked = answers.filter((a) => code(a) === 'NOT_FOUND').length
    expect(looked).toBeLessThanOrEqual(PERSON)
    expect(looked).toBeGreaterThan(0)
    expect(
      answers.map(code).filter((c) => !['NOT_FOUND', 'GUESS_LOCKED', 'RATE_LIMITED'].includes(c))
    ).toEqual([])
  })

  it(`rotating accounts: the estate is locked after ${ESTATE} misses of any of its guards`, async () => {
    const h = await makeHarness()
    const pass = await aPass(h)
    const guards = Array.from({ length: Math.ceil(ESTATE / (PERSON - 1)) + 1 }, (_, i) => `rot-${i}`)
    for (const g of guards) await h.addStaff(g, ['guard'])
    let misses = 0
    let locked = 0
    for (const g of guards)
      for (const c of WRONG.slice(0, PERSON - 1)) {
        const a = code(await h.as(g).try('gate.passCheck', { code: c }))
        if (a === 'NOT_FOUND') misses++
        if (a === 'GUESS_LOCKED') locked++
      }
    expect(misses).toBe(ESTATE)
    expect(locked).toBeGreaterThan(0)
    // a fresh guard of the same estate is refused too
    await h.addStaff('fresh', ['guard'])
    expect(code(await h.as('fresh').try('gate.passCheck', { code: pass.code }))).toBe('GUESS_LOCKED')
    // the supervisor sees one estate-wide lockout
    const list = await h.as('supervisor').call('gate.lockouts', {})
    expect(list.filter((l) => l.scope === 'estate')).toHaveLength(1)
  })

  it('the supervisor sees who is locked and lifts it (audited); the guard can look up again', async () => {
    const h = await makeHarness()
    const pass = await aPass(h)
    for (const c of WRONG.slice(0, PERSON)) await h.as('guard').try('gate.passCheck', { code: c })
    const list: LockoutOut[] = await h.as('supervisor').call('gate.lockouts', {})
    expect(list).toEqual([
      expect.objectContaining({ kind: 'pass', scope: 'person', staffName: '张卫国', misses: PERSON })
    ])
    // a guard can neither see nor lift it
    expect(code(await h.as('guard').try('gate.lockouts', {}))).toBe('FORBIDDEN')
    expect(code(await h.as('guard').try('gate.lockoutLift', { lockoutId: list[0].id }))).toBe('FORBIDDEN')
    // another estate's supervisor does not find it
    await h.addEstate('e2', '别的小区')
    await h.addStaff('sup-e2', ['supervisor'], ['e2'])
    expect(
      code(await h.as('sup-e2').try('gate.lockoutLift', { lockoutId: list[0].id }, { estateId: 'e2' }))
    ).toBe('NOT_FOUND')
    await h.as('supervisor').call('gate.lockoutLift', { lockoutId: list[0].id })
    expect(await h.count('audit', { action: 'gate.lockoutLift', docId: list[0].id })).toBe(1)
    expect(await h.as('supervisor').call('gate.lockouts', {})).toEqual([])
    expect(code(await h.as('guard').try('gate.passCheck', { code: pass.code }))).toBe('OK')
    // the misses start over: one more wrong code is just a miss
    expect(code(await h.as('guard').try('gate.passCheck', { code: WRONG[0] }))).toBe('NOT_FOUND')
  })

  it('a lockout nobody lifts ends by itself', async () => {
    const h = await makeHarness()
    const pass = await aPass(h)
    for (const c of WRONG.slice(0, PERSON)) await h.as('guard').try('gate.passCheck', { code: c })
    h.clock.now += GUESS_LOCK_MS - 1000
    expect(code(await h.as('guard').try('gate.passCheck', { code: pass.code }))).toBe('GUESS_LOCKED')
    h.clock.now += 2000
    expect(code(await h.as('guard').try('gate.passCheck', { code: pass.code }))).toBe('OK')
  })

  it('a hit answers what the guard needs: masked name and plate, no phone, no note; the check-in keeps the whole', async () => {
    const h = await makeHarness()
    const pass = await aPass(h)
    const found: PassCheckOut = await h.as('guard').call('gate.passCheck', { code: pass.code })
    expect(found.pass).toMatchObject({ visitorName: '赵*六', room: '2-1-302', people: 2, plate: '粤B***45' })
    expect(found.pass.visitorPhone).toBeUndefined()
    expect(found.pass.note).toBeUndefined()
    expect(JSON.stringify(found)).not.toContain('13912345678')
    const v = await h.as('guard').call('gate.checkIn', {
      id: 'vis-from-pass',
      gate: '东门',
      source: 'pass',
      passId: found.pass.id,
      case: 'ownerGuest',
      name: found.pass.visitorName,
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: found.pass.people,
      room: found.pass.room,
      appointment: 'yes',
      result: 'admitted'
    })
    expect(v.id).toBe('vis-from-pass')
    const stored = await h.stored<{ name: string; plate?: string }>('visitors', 'vis-from-pass')
    expect(stored).toMatchObject({ name: '赵小六', plate: '粤B12345' })
  })
})

describe('goods slip numbers cannot be guessed', () => {
  it(`locked after ${GUESS_LIMITS.goods.person} wrong numbers`, async () => {
    const h = await makeHarness()
    const answers: string[] = []
    for (const c of WRONG.slice(0, GUESS_LIMITS.goods.person + 1))
      answers.push(code(await h.as('guard').try('gate.goodsSlipCheck', { code: c })))
    expect(answers).toEqual([...Array(GUESS_LIMITS.goods.person).fill('NOT_FOUND'), 'GUESS_LOCKED'])
    // the pass look-up is counted apart
    expect(code(await h.as('guard').try('gate.passCheck', { code: WRONG[0] }))).toBe('NOT_FOUND')
  })
})

describe('bind codes cannot be guessed', () => {
  it('a WeChat trying bind codes is locked out, even for the right code; a supervisor (admin) sees it', async () => {
    const h = await makeHarness()
    const created = ok<{ staff: StaffListItem; bindCode: BindCodeOut }>(
      await h.as('demo-supervisor', 'staff.create', {
        name: '新保安',
        phone: '13911112222',
        roles: ['guard']
      })
    )
    const wx = { kind: 'openid' as const, openid: 'oid-guesser' }
    const tries: string[] = []
    for (let i = 0; i < GUESS_LIMITS.bind.person + 1; i++)
      tries.push(code(await h.raw('auth', { action: 'auth.bind', input: { code: `ZZZZZZZ${i}` } }, wx)))
    expect(tries).toEqual([...Array(GUESS_LIMITS.bind.person).fill('BIND_CODE_INVALID'), 'GUESS_LOCKED'])
    expect(
      code(await h.raw('auth', { action: 'auth.bind', input: { code: created.bindCode.code } }, wx))
    ).toBe('GUESS_LOCKED')
    const seen = await h.as('admin').call('gate.lockouts', {})
    expect(seen).toEqual([expect.objectContaining({ kind: 'bind', scope: 'person' })])
    await h.as('admin').call('gate.lockoutLift', { lockoutId: seen[0].id })
    const bound = ok<SessionOut>(
      await h.raw('auth', { action: 'auth.bind', input: { code: created.bindCode.code } }, wx)
    )
    expect(bound.staff.name).toBe('新保安')
  })

  it('the web sign-in with a bind code is limited too', async () => {
    const h = await makeHarness()
    const none = { kind: 'none' as const }
    const tries: string[] = []
    for (let i = 0; i < GUESS_LIMITS.bind.person + 1; i++)
      tries.push(
        code(
          await h.raw(
            'auth',
            { action: 'auth.codeLogin', input: { code: `YYYYYYY${i}`, device: 'Chrome' } },
            none
          )
        )
      )
    expect(tries).toEqual([...Array(GUESS_LIMITS.bind.person).fill('BIND_CODE_INVALID'), 'GUESS_LOCKED'])
  })
})

void DEMO_ESTATE_ID

describe('old guessing counters do not pile up', () => {
  it('the hourly sweep removes counters of windows long past, and keeps the current ones', async () => {
    const h = await makeHarness()
    for (const c of WRONG.slice(0, 2)) await h.as('guard').try('gate.passCheck', { code: c })
    const before = await h.db.find('guesses', { where: {}, limit: 50 })
    expect(before.items.length).toBeGreaterThanOrEqual(2) // the guard's and the estate's counter
    // within the window: kept
    const kept = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    expect(kept.prunedGuesses ?? 0).toBe(0)
    h.clock.now += 2 * GUESS_WINDOW_MS + 1
    const swept = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    expect(swept.prunedGuesses).toBe(before.items.length)
    expect((await h.db.find('guesses', { where: {}, limit: 50 })).items).toHaveLength(0)
  })
})
