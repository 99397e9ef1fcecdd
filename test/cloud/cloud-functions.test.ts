/**
 * Issue 12 items 1, 9, 10 (dispatcher side), 11 and the one-time setup, on the engine of
 * this run (SQLite, or CloudBase through wx-server-sdk in the `cloudbase` project).
 */
import { makeHarness, ok, code, T0, type Harness } from './harness'
import { createRuntime } from '../../src/cloud/runtime'
import type { Identity, Nudge, ServerConfig } from '../../src/cloud/context'
import type { DataPort } from '../../src/cloud/data/port'
import type {
  IncidentOut,
  SessionOut,
  StaffListItem,
  BindCodeOut,
  SweepOut,
  RoundOut
} from '../../src/domain/contract'
import type { Shift } from '../../src/domain/entities'
import { OP_RETENTION_MS } from '../../src/cloud/cron'

const H = 3600_000
const SLOT = T0 - (T0 % (2 * H)) // 08:00 in the estate, a slot of the demo day plan
const timerEvent = { Type: 'Timer', TriggerName: 'hourly', Time: '2026-11-23T01:07:00Z', Message: '' }
const TIMER: Identity = { kind: 'timer' }
const oid = (openid: string): Identity => ({ kind: 'openid', openid })

/** A data port whose transactions run their body once, roll it back and run it again (a conflict retry). */
function retryingPort(inner: DataPort): DataPort & { attempts: number } {
  const port = Object.create(inner) as DataPort & { attempts: number }
  port.attempts = 0
  port.transaction = async <R>(fn: (tx: DataPort) => Promise<R>): Promise<R> => {
    const rollback = new Error('simulated write conflict')
    await inner
      .transaction(async (tx) => {
        port.attempts++
        await fn(tx)
        throw rollback
      })
      .catch((e) => {
        if (e !== rollback) throw e
      })
    port.attempts++
    return inner.transaction(fn)
  }
  return port
}

describe('timer trigger', () => {
  it('a timer event (no action, no OPENID) runs cron.sweep; from a person it is not an action', async () => {
    const h = await makeHarness()
    h.clock.now += OP_RETENTION_MS + 1
    expect(code(await h.raw('cron', timerEvent, oid('oid-demo-admin')))).toBe('UNKNOWN_ACTION')
    expect(code(await h.raw('staff', timerEvent, TIMER))).toBe('UNKNOWN_ACTION')
    const out = ok<SweepOut>(await h.raw('cron', timerEvent, TIMER))
    expect(out.missedRounds).toBe(12)
    expect(out.stoppedEarly).toBeUndefined()
  })

  it('the sweep stops cleanly at its budget, and the next run finishes the work', async () => {
    const full = await makeHarness()
    full.clock.now += OP_RETENTION_MS + 1
    const whole = ok<SweepOut>(await full.raw('cron', timerEvent, TIMER))

    // The wall clock moves 400 ms each time anything reads it, the budget is 1 s.
    let ticking = false
    let ticks = 0
    const hh: { h?: Harness } = {}
    const h = await makeHarness({
      sweepBudgetMs: 1000,
      now: () => (hh.h ? hh.h.clock.now : T0) + (ticking ? ++ticks * 400 : 0)
    })
    hh.h = h
    h.clock.now += OP_RETENTION_MS + 1
    ticking = true
    const first = ok<SweepOut>(await h.raw('cron', timerEvent, TIMER))
    ticking = false
    expect(first.stoppedEarly).toBe(true)
    expect((h.logs as [unknown, unknown][]).some(([m]) => String(m).includes('time budget'))).toBe(true)
    const second = ok<SweepOut>(await h.raw('cron', timerEvent, TIMER))
    expect(second.stoppedEarly).toBeUndefined()
    const keys = ['expiredBindCodes', 'prunedOps', 'missedRounds', 'escalated', 'recurring'] as const
    expect(keys.map((k) => first[k] + second[k])).toEqual(keys.map((k) => whole[k]))
  })
})

describe('subscribe messages after commit', () => {
  const setup = async (notify: ServerConfig['notify']) => {
    const h = await makeHarness()
    const port = retryingPort(h.db)
    const rt = createRuntime(port, { ...h.rt.config, notify })
    const call = (who: string, input: Record<string, unknown>, op: { id: string; deviceTime: number }) =>
      rt.call(
        'staff',
        { action: 'work.report', input, estateId: 'demo-estate', op, sentAt: h.clock.now },
        oid(`oid-${who}`)
      )
    return { h, port, call }
  }

  it('a retried transaction sends one set, a replay sends nothing, and the set goes out at once', async () => {
    const sent: Nudge[] = []
    let inFlight = 0
    let most = 0
    const { h, port, call } = await setup(async (n) => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise((r) => setImmediate(r))
      sent.push(n)
      inFlight--
    })
    const op = { id: 'op-fire-00000001', deviceTime: T0 }
    const fire = ok<IncidentOut>(
      await call('demo-patrol', { id: 'inc-n1', category: 'fire', place: '3栋' }, op)
    )
    expect(port.attempts).toBe(2)
    const told =
      (await h.count('inbox', { refId: fire.taskId })) + (await h.count('inbox', { refId: fire.id }))
    expect(told).toBeGreaterThan(1)
    expect(sent).toHaveLength(told)
    expect(new Set(sent.map((n) => `${n.openid}/${n.kind}`)).size).toBe(told)
    expect(most).toBe(told) // Promise.all: every send started before any finished
    expect(await call('demo-patrol', { id: 'inc-n1', category: 'fire', place: '3栋' }, op)).toMatchObject({
      ok: true,
      replayed: true
    })
    expect(sent).toHaveLength(told)
  })

  it('a refused send is logged with its errCode and the record stands; a refused action sends nothing', async () => {
    const { h, call } = await setup(async () => {
      throw Object.assign(new Error('user refuse to accept the msg'), { errCode: 43101 })
    })
    ok(
      await call('demo-guard', { id: 'inc-n2', category: 'leak' }, { id: 'op-leak-00000002', deviceTime: T0 })
    )
    expect(await h.stored('incidents', 'inc-n2')).toBeDefined()
    expect(
      (h.logs as [unknown, unknown][]).some(
        ([m, e]) =>
          String(m).includes('subscribe message not sent') && (e as { errCode?: number }).errCode === 43101
      )
    ).toBe(true)
    const sent: Nudge[] = []
    const again = await setup(async (n) => void sent.push(n))
    expect(
      code(
        await again.call(
          'demo-guard',
          { id: 'inc-n3', category: 'nope' },
          { id: 'op-bad-000000003', deviceTime: T0 }
        )
      )
    ).not.toBe('OK')
    expect(sent).toEqual([])
  })
})

describe('uniqueness under concurrent calls', () => {
  it('one open shift per person: of two concurrent starts exactly one wins', async () => {
    const h = await makeHarness()
    const [a, b] = await Promise.all([
      h.as('demo-guard', 'shift.start', { id: 'shift-c1', post: '东门岗' }),
      h.as('demo-guard', 'shift.start', { id: 'shift-c2', post: '南门岗' })
    ])
    expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
    expect(await h.count('shifts', { staffId: 'demo-guard', status: 'on' })).toBe(1)
    const won = ok<Shift>(a.ok ? a : b)
    ok(await h.as('demo-guard', 'shift.end', { shiftId: won._id }))
    ok(await h.as('demo-guard', 'shift.start', { id: 'shift-c3', post: '南门岗' }))
    expect(code(await h.as('demo-guard', 'shift.start', { id: 'shift-c4', post: '东门岗' }))).toBe('CONFLICT')
  })

  it('one round per plan slot: of two guards starting it at once exactly one wins', async () => {
    const h = await makeHarness()
    const [a, b] = await Promise.all([
      h.as('demo-patrol', 'patrol.start', { id: 'rc-1', planId: 'demo-plan-day', slotStart: SLOT }),
      h.as('demo-guard', 'patrol.start', { id: 'rc-2', planId: 'demo-plan-day', slotStart: SLOT })
    ])
    expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
    expect(await h.count('rounds', { planId: 'demo-plan-day', slotStart: SLOT })).toBe(1)
    expect(ok<RoundOut>(a.ok ? a : b).id).toBe(a.ok ? 'rc-1' : 'rc-2')
  })

  it('a bind code is used once, and one WeChat binds one person, even at the same moment', async () => {
    const h = await makeHarness()
    const c1 = ok<{ staff: StaffListItem; bindCode: BindCodeOut }>(
      await h.as('demo-supervisor', 'staff.create', { name: '甲', phone: '13600000011', roles: ['cleaner'] })
    )
    const c2 = ok<{ staff: StaffListItem; bindCode: BindCodeOut }>(
      await h.as('demo-supervisor', 'staff.create', { name: '乙', phone: '13600000012', roles: ['cleaner'] })
    )
    // the same code from two phones
    const [x, y] = await Promise.all([
      h.raw('auth', { action: 'auth.bind', input: { code: c1.bindCode.code } }, oid('oid-new-x')),
      h.raw('auth', { action: 'auth.bind', input: { code: c1.bindCode.code } }, oid('oid-new-y'))
    ])
    expect([code(x), code(y)].sort()).toEqual(['BIND_CODE_USED', 'OK'])
    // one phone with two codes
    const [p, q] = await Promise.all([
      h.raw('auth', { action: 'auth.bind', input: { code: c2.bindCode.code } }, oid('oid-new-z')),
      h.raw('auth', { action: 'auth.bind', input: { code: (await newCode(h)).code } }, oid('oid-new-z'))
    ])
    expect([code(p), code(q)].sort()).toEqual(['ALREADY_BOUND', 'OK'])
    expect(await h.count('staff', { openid: 'oid-new-z' })).toBe(1)
  })
})

async function newCode(h: Harness): Promise<BindCodeOut> {
  return ok<{ bindCode: BindCodeOut }>(
    await h.as('demo-supervisor', 'staff.create', { name: '丙', phone: '13600000013', roles: ['guard'] })
  ).bindCode
}

describe('one-time setup', () => {
  const input = {
    setupToken: 'the-setup-token-0123',
    company: '新物业',
    estateName: '新小区',
    adminName: '新管理员',
    adminPhone: '13911112222'
  }
  const setupCall = (h: Harness, who: string, extra: Record<string, unknown> = {}) =>
    h.raw('auth', { action: 'auth.setup', input: { ...input, ...extra } }, oid(who))

  it('is refused without SETUP_TOKEN and with a wrong one', async () => {
    const off = await makeHarness()
    expect(code(await setupCall(off, 'oid-first'))).toBe('SETUP_DISABLED')
    const h = await makeHarness({ setupToken: input.setupToken })
    expect(code(await setupCall(h, 'oid-first', { setupToken: 'wrong-token-000000000' }))).toBe(
      'SETUP_TOKEN_INVALID'
    )
    expect(await h.stored('meta', 'setup')).toBeUndefined()
  })

  it('makes the caller the first admin of the first estate, once; the admin then adds a guard who binds and starts work', async () => {
    const h = await makeHarness({ setupToken: input.setupToken })
    const [a, b] = await Promise.all([setupCall(h, 'oid-first'), setupCall(h, 'oid-second')])
    expect([code(a), code(b)].sort()).toEqual(['OK', 'SETUP_DONE'])
    const first = a.ok ? 'oid-first' : 'oid-second'
    const s = ok<SessionOut>(a.ok ? a : b)
    expect(s.staff).toMatchObject({
      name: '新管理员',
      roles: ['admin'],
      estates: [{ name: '新小区', company: '新物业' }]
    })
    expect(code(await setupCall(h, 'oid-third'))).toBe('SETUP_DONE')
    const estateId = s.staff.estates[0].id
    const made = await h.raw(
      'admin',
      {
        action: 'staff.create',
        input: { name: '门岗甲', phone: '13922223333', roles: ['guard'] },
        estateId,
        op: h.opSeq()
      },
      oid(first)
    )
    const { bindCode } = ok<{ bindCode: BindCodeOut }>(made)
    ok(await h.raw('auth', { action: 'auth.bind', input: { code: bindCode.code } }, oid('oid-guard-1')))
    const shift = await h.raw(
      'staff',
      { action: 'shift.start', input: { id: 'first-shift', post: '东门岗' }, estateId, op: h.opSeq() },
      oid('oid-guard-1')
    )
    expect(ok<Shift>(shift)).toMatchObject({ estateId, status: 'on' })
  })
})
