import { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { createRuntime, type Runtime } from '../../src/cloud/runtime'
import { seedDemo, DEMO_ESTATE_ID } from '../../src/cloud/seed'
import type { Identity, ServerConfig } from '../../src/cloud/context'
import type { ActionName, InputOf } from '../../src/domain/contract'
import { ACTIONS } from '../../src/domain/contract'
import type { Envelope } from '../../src/domain/errors'
import type { Estate, Staff } from '../../src/domain/entities'
import type { Role } from '../../src/domain/roles'

export { DEMO_ESTATE_ID }
export const T0 = Date.UTC(2026, 10, 23, 1, 0, 0) // 09:00 in China

export interface Harness {
  rt: Runtime
  db: SqliteAdapter
  clock: { now: number }
  logs: unknown[]
  /** Call an action as a staff member (identified by OPENID, as in WeChat). */
  as<A extends ActionName>(
    staffId: string,
    action: A,
    input: InputOf<A> | Record<string, unknown>,
    extra?: { estateId?: string; op?: { id: string; deviceTime: number }; sentAt?: number }
  ): Promise<Envelope<unknown>>
  raw(fn: string, req: Record<string, unknown>, identity: Identity): Promise<Envelope<unknown>>
  addStaff(id: string, roles: Role[], estateIds?: string[]): Promise<Staff>
  addEstate(id: string, name: string): Promise<Estate>
  opSeq(): { id: string; deviceTime: number }
  dump(): Record<string, number>
}

export async function makeHarness(opts: Partial<ServerConfig> = {}): Promise<Harness> {
  const db = new SqliteAdapter({ file: ':memory:' })
  const clock = { now: T0 }
  const logs: unknown[] = []
  let seq = 0
  const config: ServerConfig = {
    demo: true,
    sessionSecret: 'test-secret',
    idSalt: 'test-salt',
    now: () => clock.now,
    random: Math.random,
    log: (m, e) => logs.push([m, e]),
    timeoutMs: 2000,
    ...opts
  }
  await seedDemo(db, T0 - 1000)
  // In tests every demo person is bound to a fake OPENID: "oid-<staffId>".
  for (const s of (await db.find<Staff & { [k: string]: unknown }>('staff', { limit: 100 })).items)
    await db.update('staff', s._id, s._v, { openid: `oid-${s._id}` })
  const rt = createRuntime(db, config)
  const h: Harness = {
    rt,
    db,
    clock,
    logs,
    as(staffId, action, input, extra = {}) {
      const def = ACTIONS[action]
      return rt.call(
        def.fn,
        {
          action,
          input,
          estateId: extra.estateId ?? (def.scope === 'estate' ? DEMO_ESTATE_ID : undefined),
          op: extra.op ?? (def.write ? h.opSeq() : undefined),
          sentAt: extra.sentAt ?? clock.now
        },
        { kind: 'openid', openid: `oid-${staffId}` }
      )
    },
    raw(fn, req, identity) {
      return rt.call(fn, req, identity)
    },
    async addStaff(id, roles, estateIds = [DEMO_ESTATE_ID]) {
      return db.insert<Staff & { [k: string]: unknown }>('staff', {
        _id: id,
        createdAt: clock.now,
        updatedAt: clock.now,
        name: `员工${id}`,
        phone: '13900000000',
        roles,
        estateIds,
        active: true,
        openid: `oid-${id}`
      })
    },
    async addEstate(id, name) {
      return db.insert<Estate & { [k: string]: unknown }>('estates', {
        _id: id,
        createdAt: clock.now,
        updatedAt: clock.now,
        name,
        company: '利海物业',
        address: '',
        settings: { overstayHours: 4 }
      })
    },
    opSeq() {
      seq++
      return { id: `op-test-${String(seq).padStart(6, '0')}`, deviceTime: clock.now }
    },
    dump() {
      const rows = db.db.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'c_%'`).all() as { name: string }[]
      const out: Record<string, number> = {}
      for (const r of rows) {
        const { n } = db.db.prepare(`SELECT COUNT(*) AS n FROM ${r.name}`).get() as { n: number }
        out[r.name] = n
      }
      return out
    }
  }
  return h
}

export function ok<T = unknown>(e: Envelope<unknown>): T {
  if (!e.ok) throw new Error(`expected ok, got ${e.code}: ${e.message}`)
  return e.data as T
}

export function code(e: Envelope<unknown>): string {
  return e.ok ? 'OK' : e.code
}
