import { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { createCloudbaseAdapter, ensureCollections } from '../../src/cloud/data/cloudbase'
import { COLLECTIONS } from '../../src/cloud/data/schema'
import { cloudbaseStorage } from '../../src/cloud/data/storage'
import type { DataPort, StoredDoc, Where } from '../../src/cloud/data/port'
import { DEFAULT_ENV, pointSdkAt, startEngine, type Engine } from '../cloudbase/engine'
import { createRuntime, type Runtime } from '../../src/cloud/runtime'
import { seedDemo, DEMO_ESTATE_ID } from '../../src/cloud/seed'
import type { Identity, ServerConfig } from '../../src/cloud/context'
import type { ActionName, InputOf } from '../../src/domain/contract'
import { ACTIONS } from '../../src/domain/contract'
import type { Envelope } from '../../src/domain/errors'
import type { Estate, Staff } from '../../src/domain/entities'
import type { Role } from '../../src/domain/roles'
import { makeCaller, staffIdOf, type Caller, type CallOptions, type RawCall, type Who } from '../kit/caller'

export { Refused, type Caller, type CallOptions, type Who } from '../kit/caller'

export { DEMO_ESTATE_ID }
export const T0 = Date.UTC(2026, 10, 23, 1, 0, 0) // 09:00 in China

/** The engine every harness of this run stores in: `ENGINE=sqlite` (default) or `ENGINE=cloudbase`. */
export const ENGINE: 'sqlite' | 'cloudbase' = process.env.ENGINE === 'cloudbase' ? 'cloudbase' : 'sqlite'

let shared: Promise<Engine> | undefined
/** One CloudBase test engine per test file (jest worker), started on first use; it never keeps the process alive. */
export function sharedEngine(): Promise<Engine> {
  shared ??= startEngine({ unref: true }).then((engine) => {
    pointSdkAt(engine)
    require('wx-server-sdk').init({ env: DEFAULT_ENV })
    return engine
  })
  return shared
}

let envSeq = 0
/** The CloudBase port of one environment of the test engine: the unmodified wx-server-sdk. */
function cloudbasePort(env: string): DataPort {
  const cloud = require('wx-server-sdk')
  return createCloudbaseAdapter(cloud.database({ env, throwOnNotFound: false }))
}
const templates = new Map<string, Promise<string>>()
/**
 * A fresh environment that starts as a copy of a template built once per test file through
 * the SDK (`build`); copying skips repeating the same few hundred requests for every test.
 */
async function fromTemplate(
  name: string,
  build: (db: DataPort) => Promise<void>
): Promise<{ db: DataPort; env: string }> {
  const engine = await sharedEngine()
  let tpl = templates.get(name)
  if (!tpl) {
    const env = `tpl-${name}-${process.pid}`
    tpl = (async () => {
      const cloud = require('wx-server-sdk')
      await ensureCollections(cloud.database({ env, throwOnNotFound: false }))
      await build(cloudbasePort(env))
      return env
    })()
    templates.set(name, tpl)
  }
  const env = `h${process.pid}-${++envSeq}`
  engine.copyEnv(await tpl, env)
  return { db: cloudbasePort(env), env }
}

/**
 * A fresh, empty data port on the engine of this run. On CloudBase: the unmodified
 * wx-server-sdk pointed at the test engine, in an environment of its own, with the
 * collections created the way a function's cold start creates them (`ensureCollections`).
 */
export async function makePort(): Promise<DataPort> {
  if (ENGINE === 'sqlite') return new SqliteAdapter({ file: ':memory:' })
  return (await fromTemplate('empty', async () => undefined)).db
}

/** The demo estate, every demo person bound to a fake OPENID: "oid-<staffId>". */
async function seed(db: DataPort): Promise<void> {
  await seedDemo(db, T0 - 1000)
  for (const s of (await db.find<Staff & { [k: string]: unknown }>('staff', { limit: 100 })).items)
    await db.update('staff', s._id, s._v, { openid: `oid-${s._id}` })
}

/** Every document of a collection, through the port (paged). */
export async function allDocs<T extends StoredDoc = StoredDoc>(
  db: DataPort,
  coll: string,
  where?: Where
): Promise<T[]> {
  const out: T[] = []
  let after: string | undefined
  do {
    const page = await db.find<T>(coll, { where, orderBy: [['_id', 'asc']], limit: 500, after })
    out.push(...page.items)
    after = page.next
  } while (after)
  return out
}

export interface Harness {
  rt: Runtime
  db: DataPort
  clock: { now: number }
  logs: unknown[]
  /**
   * A typed caller for a person (a role names the demo person: `'guard'` → `demo-guard`):
   * `h.as('guard').call('gate.checkIn', input)` answers the output type, `.try(…)` the envelope.
   */
  as(who: Who): Caller
  /** Call an action as a staff member (identified by OPENID, as in WeChat); the envelope, untyped. */
  as<A extends ActionName>(
    staffId: string,
    action: A,
    input: InputOf<A> | Record<string, unknown>,
    extra?: CallOptions
  ): Promise<Envelope<unknown>>
  raw(fn: string, req: Record<string, unknown>, identity: Identity): Promise<Envelope<unknown>>
  addStaff(id: string, roles: Role[], estateIds?: string[]): Promise<Staff>
  addEstate(id: string, name: string): Promise<Estate>
  opSeq(): { id: string; deviceTime: number }
  /** How many documents each collection holds (`c_<collection>`). */
  dump(): Promise<Record<string, number>>
  /** How many documents of `coll` match `where`. */
  count(coll: string, where?: Where): Promise<number>
  /** One stored document as it is stored, or undefined. */
  stored<T = Record<string, unknown>>(coll: string, id: string): Promise<T | undefined>
  /** Every stored document of these collections (all when none given), as text: to look for what must never be there. */
  text(...colls: string[]): Promise<string>
}

export async function makeHarness(opts: Partial<ServerConfig> = {}): Promise<Harness> {
  // a cloud environment's photos live in the test engine's storage, reached through wx-server-sdk
  if (opts.cloudEnv && !opts.storage) {
    await sharedEngine()
    opts = { ...opts, storage: cloudbaseStorage(require('wx-server-sdk'), { env: opts.cloudEnv }) }
  }
  let db: DataPort
  let env = ''
  if (ENGINE === 'sqlite') {
    db = new SqliteAdapter({ file: ':memory:' })
    await seed(db)
  } else ({ db, env } = await fromTemplate('demo', seed))
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
    // On the CloudBase engine every database call is an HTTP round trip through the SDK in this
    // same process (a few ms of CPU each, more on a loaded machine): give a long batch room.
    timeoutMs: ENGINE === 'cloudbase' ? 10_000 : 2000,
    ...opts
  }
  const store = env ? (await sharedEngine()).env(env) : undefined
  const rt = createRuntime(db, config)
  const send: RawCall = (who, action, input, extra) => {
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
      { kind: 'openid', openid: `oid-${staffIdOf(who)}` }
    )
  }
  const h: Harness = {
    rt,
    db,
    clock,
    logs,
    as: ((who: Who, action?: ActionName, input?: unknown, extra?: CallOptions) =>
      action === undefined ? makeCaller(send, who) : send(who, action, input, extra ?? {})) as Harness['as'],
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
    // On CloudBase these look straight into the test engine's store (what is really stored,
    // without requests); on SQLite they go through the port.
    async dump() {
      const names = Object.keys(COLLECTIONS)
      const ns = store
        ? names.map((c) => store.docs(c).length)
        : await Promise.all(names.map((c) => db.count(c)))
      return Object.fromEntries(names.map((c, i) => [`c_${c}`, ns[i]]))
    },
    count(coll, where) {
      return db.count(coll, where)
    },
    async stored<T>(coll: string, id: string) {
      const doc = store ? store.current(coll, id) : await db.get(coll, id)
      return (doc ?? undefined) as T | undefined
    },
    async text(...colls) {
      const names = colls.length ? colls : Object.keys(COLLECTIONS)
      const all = store
        ? names.map((c) => store.docs(c))
        : await Promise.all(names.map((c) => allDocs(db, c)))
      return all.map((docs) => JSON.stringify(docs)).join('\n')
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
