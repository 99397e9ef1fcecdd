/**
 * Chaos: many operations recorded on several phones across app restarts, through a network
 * that drops 30% of requests, delivers 10% twice and times out 10% after the server has
 * committed. At the end the server holds each operation exactly once and every outbox is
 * empty. `npm test` runs it small; `npm run chaos` runs it at full size (CHAOS_N).
 */
import { makeBackend, MemoryStorage, type Backend } from '../unit/stores/backend'
import { OutboxStore } from '../../src/stores/outbox'
import { loadActions } from '../../src/stores/api'
import { STAFF_ACTIONS } from '../../src/domain/contract/staff'
import { createIdFactory } from '../../src/domain/ids'
import type { Envelope } from '../../src/domain/errors'
import type { Transport } from '../../src/services/transport'

// The supervisor's phone adds staff: the staff actions, as the supervisor subpackage loads them.
loadActions(STAFF_ACTIONS)

const N = Number(process.env.CHAOS_N ?? 300)

function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Phone {
  staffId: string
  token: string
  storage: MemoryStorage
  outbox: OutboxStore
  shiftOpen?: string
  made: number
  /** Bumped at each restart: a dead app's code never touches storage again. */
  gen: number
}

describe('chaos: flaky network, duplicate deliveries, restarts', () => {
  jest.setTimeout(600_000)

  it(`${N} operations reach the server exactly once`, async () => {
    const b: Backend = await makeBackend()
    const rnd = prng(20261123)
    const counts = { created: 0, requests: 0, dropped: 0, doubled: 0, timedOut: 0, replays: 0, restarts: 0 }

    const chaotic: Transport = async (fn, payload, token) => {
      counts.requests++
      const r = rnd()
      if (r < 0.3) {
        counts.dropped++
        throw new Error('request:fail dropped')
      }
      const count = (env: Envelope<unknown>) => {
        if (env.ok && Array.isArray(env.data))
          for (const x of env.data as Envelope<unknown>[]) if (x.ok && x.replayed) counts.replays++
      }
      const first = await b.transport(fn, payload, token)
      count(first)
      if (r < 0.4) {
        counts.doubled++
        const second = await b.transport(fn, payload, token)
        count(second)
        return second
      }
      if (r < 0.5) {
        counts.timedOut++
        throw new Error('request:fail timeout')
      }
      return first
    }

    const newPhone = async (staffId: string): Promise<Phone> => {
      const env = await b.h.rt.call(
        'auth',
        { action: 'auth.demoLogin', input: { staffId } },
        { kind: 'none' }
      )
      if (!env.ok) throw new Error(env.message)
      const token = (env.data as { token: string }).token
      const storage = new MemoryStorage()
      const p: Phone = {
        staffId,
        token,
        storage,
        outbox: undefined as unknown as OutboxStore,
        made: 0,
        gen: 0
      }
      p.outbox = boot(p)
      return p
    }
    // A fresh app on the same phone storage: what a restart (or a killed app) looks like.
    const boot = (p: Phone) => {
      const gen = ++p.gen
      const o = new OutboxStore({
        storage: {
          get: (k) => p.storage.get(k),
          set: (k, v) => void (gen === p.gen && p.storage.set(k, v)),
          remove: (k) => void (gen === p.gen && p.storage.remove(k))
        },
        transport: chaotic,
        session: () => ({ staffId: p.staffId, token: p.token, estateId: 'demo-estate' }),
        now: () => b.h.clock.now,
        random: rnd,
        newId: createIdFactory({ now: () => b.h.clock.now, random: rnd })
      })
      o.load()
      return o
    }

    const guards = await Promise.all(['demo-guard', 'demo-patrol', 'demo-cleaner'].map(newPhone))
    const sup = await newPhone('demo-supervisor')
    const phones = [...guards, sup]
    const starts: string[] = []
    const people: string[] = []

    for (let i = 0; i < N; i++) {
      b.h.clock.now += Math.floor(rnd() * 3000)
      const pick = rnd()
      if (pick < 0.4) {
        // The supervisor adds people: independent records, batched.
        const phone = `137${String(i).padStart(8, '0')}`
        sup.outbox.enqueue(
          'staff.create',
          { name: `员工${i}`, phone, roles: ['cleaner'] },
          { record: `staff:${phone}`, summary: `新增员工${i}` }
        )
        people.push(phone)
        sup.made++
      } else {
        // A guard clocks in or out: one chain per person, strictly in order.
        const g = guards[Math.floor(rnd() * guards.length)]
        if (g.shiftOpen) {
          g.outbox.enqueue(
            'shift.end',
            { shiftId: g.shiftOpen },
            { record: `shift:${g.staffId}`, summary: '下岗' }
          )
          g.shiftOpen = undefined
        } else {
          const id = `sh${i}`
          g.outbox.enqueue(
            'shift.start',
            { id, post: '东门岗' },
            { record: `shift:${g.staffId}`, summary: '上岗' }
          )
          g.shiftOpen = id
          starts.push(id)
        }
        g.made++
      }
      counts.created++
      if (rnd() < 0.15) {
        const p = phones[Math.floor(rnd() * phones.length)]
        // Sometimes the app dies in the middle of sending.
        if (rnd() < 0.5) void p.outbox.sync()
        p.outbox = boot(p)
        counts.restarts++
      }
      if (rnd() < 0.3) await phones[Math.floor(rnd() * phones.length)].outbox.sync()
    }

    // The network settles down eventually; keep syncing (timer and forced) until empty.
    for (let round = 0; round < 500 && phones.some((p) => p.outbox.entries.length > 0); round++) {
      b.h.clock.now += 60_000
      for (const p of phones) await p.outbox.sync({ force: round % 5 === 4 })
    }

    const ops = await b.h.db.count('ops')
    const shifts = (
      await b.h.db.find<{ _id: string; _v: number; status: string }>('shifts', { limit: 10_000 })
    ).items
    const staffCount = await b.h.db.count('staff', { phone: { in: people } })
    const left = phones.reduce((n, p) => n + p.outbox.entries.length, 0)
    const refused = phones.reduce((n, p) => n + p.outbox.refused.length, 0)
    const lost = counts.created - ops
    console.log(
      [
        `chaos N=${N}: created ${counts.created}, delivered ${ops}, duplicates suppressed ${counts.replays}, lost ${lost}`,
        `requests ${counts.requests} (dropped ${counts.dropped}, delivered twice ${counts.doubled}, timed out after commit ${counts.timedOut}), app restarts ${counts.restarts}, left in outboxes ${left}, refused ${refused}`
      ].join('\n')
    )
    for (const p of phones)
      for (const e of p.outbox.refused) console.log('refused', p.staffId, e.action, e.lastError)
    expect(left).toBe(0)
    expect(refused).toBe(0)
    expect(lost).toBe(0)
    expect(ops).toBe(counts.created)
    expect(shifts.map((s) => s._id).sort()).toEqual([...starts].sort())
    expect(staffCount).toBe(people.length)
    // Each guard's last shift is open exactly when the phone thinks it is.
    for (const g of guards) {
      const open = shifts.filter((s) => s.status === 'on' && s._id.startsWith('sh')).map((s) => s._id)
      if (g.shiftOpen) expect(open).toContain(g.shiftOpen)
    }
    expect(counts.dropped).toBeGreaterThan(0)
    expect(counts.replays).toBeGreaterThan(0)
  })
})
