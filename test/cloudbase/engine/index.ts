/**
 * The CloudBase test engine: a local HTTP server on 127.0.0.1 speaking the protocol that the
 * unmodified wx-server-sdk 3.x (through @cloudbase/node-sdk and @cloudbase/database) sends for
 * its database calls. Point the SDK at it with `useEngineForSdk(engine)`. Behaviours and the
 * CloudBase documents they follow are listed in README.md.
 *
 *   const engine = await startEngine()
 *   const restore = useEngineForSdk(engine, 'env-a')
 *   const cloud = require('wx-server-sdk'); cloud.init({ env: 'env-a' })
 *   ... engine.counters.total, engine.counters.depth(), engine.env('env-a').docs('staff') ...
 *   restore(); await engine.close()
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EJSON } from 'bson'
import { EngineError, EnvStore, errors, newId, type Doc } from './store'

export { EnvStore, EngineError, errors, type Doc } from './store'

export interface EngineOptions {
  /** Most documents one `get` returns (CloudBase: 100 in a cloud function). */
  getCap?: number
  /** Delay every answer by this many ms, so concurrent requests overlap and depth can be measured. */
  latencyMs?: number
  /** Do not keep the process alive for the server (tests that cannot close it). */
  unref?: boolean
}

export interface RequestRecord {
  env: string
  action: string
  collection?: string
  transaction: boolean
  /** performance.now() when the request arrived and when its answer was sent */
  start: number
  end: number
  ok: boolean
}

export interface DepthFilter {
  env?: string
  action?: string
}

export interface Counters {
  readonly total: number
  readonly byAction: Record<string, number>
  readonly records: readonly RequestRecord[]
  /**
   * The longest chain of requests where each starts after the previous one ended: the
   * number of round trips a caller waited for one after another.
   */
  depth(filter?: DepthFilter): number
  /** Requests of one env (or all). */
  count(filter?: DepthFilter): number
  reset(): void
}

export interface Engine {
  /** The URL to put in TCB_CONTEXT_CNFG. */
  readonly url: string
  /** The store of one environment id (created empty on first use). */
  env(name?: string): EnvStore
  readonly counters: Counters
  /** Per-`get` cap; settable at any time. */
  getCap: number
  latencyMs: number
  /**
   * Answer the next `times` requests of `action` (e.g. 'database.getDocument') with `error`
   * instead of running them (default: a generic -502001 database failure).
   */
  failNext(action: string, error?: EngineError, times?: number): void
  /** Drop the failures `failNext` has not used yet. */
  clearFaults(): void
  /** Forget all data, counters and pending failures. */
  reset(): void
  /** Make environment `to` a copy of environment `from` (a seeded template for many tests). */
  copyEnv(from: string, to: string): EnvStore
  /** Forget one environment's data. */
  drop(name: string): void
  close(): Promise<void>
}

export const DEFAULT_ENV = 'test-env'

function makeCounters(): Counters & { add(r: RequestRecord): void } {
  let records: RequestRecord[] = []
  const match = (r: RequestRecord, f?: DepthFilter) =>
    (!f?.env || r.env === f.env) && (!f?.action || r.action === f.action)
  return {
    get total() {
      return records.length
    },
    get byAction() {
      const out: Record<string, number> = {}
      for (const r of records) out[r.action] = (out[r.action] ?? 0) + 1
      return out
    },
    get records() {
      return records
    },
    count(f) {
      return records.filter((r) => match(r, f)).length
    },
    depth(f) {
      // Greedy by earliest end: the maximum number of non-overlapping intervals.
      const rs = records.filter((r) => match(r, f)).sort((a, b) => a.end - b.end)
      let n = 0
      let last = -Infinity
      for (const r of rs)
        if (r.start >= last) {
          n++
          last = r.end
        }
      return n
    },
    reset() {
      records = []
    },
    add(r) {
      records.push(r)
    }
  }
}

type Body = Record<string, unknown>

function parseEjson(v: unknown): Record<string, unknown> {
  if (v === undefined || v === null || v === '') return {}
  if (typeof v === 'string') return EJSON.parse(v, { relaxed: true }) as Record<string, unknown>
  return v as Record<string, unknown>
}
const out = (d: Doc) => EJSON.stringify(d, { relaxed: false })

export async function startEngine(opts: EngineOptions = {}): Promise<Engine> {
  const envs = new Map<string, EnvStore>()
  const counters = makeCounters()
  const faults: { action: string; error: EngineError; times: number }[] = []
  const env = (name = DEFAULT_ENV) => {
    let s = envs.get(name)
    if (!s) envs.set(name, (s = new EnvStore()))
    return s
  }
  const engine = {
    url: '',
    getCap: opts.getCap ?? 100,
    latencyMs: opts.latencyMs ?? 0,
    env,
    counters,
    reset() {
      envs.clear()
      counters.reset()
      faults.length = 0
    },
    clearFaults() {
      faults.length = 0
    },
    drop(name: string) {
      envs.delete(name)
    },
    copyEnv(from: string, to: string) {
      const target = env(to)
      env(from).copyTo(target)
      return target
    },
    failNext(action: string, error = errors.failed('Internal server error, please retry'), times = 1) {
      faults.push({ action, error, times })
    },
    close: async () => undefined
  } as Engine

  function handle(body: Body): Record<string, unknown> {
    const action = String(body.action ?? '')
    const fault = faults.find((f) => f.action === action && f.times > 0)
    if (fault) {
      fault.times--
      throw fault.error
    }
    const store = env(typeof body.envName === 'string' && body.envName ? body.envName : DEFAULT_ENV)
    const coll = String(body.collectionName ?? '')
    const tx =
      typeof body.transactionId === 'string' && body.transactionId ? store.tx(body.transactionId) : undefined
    const query = parseEjson(body.query)
    const byId = body.queryType === 'DOC' ? query._id : undefined
    switch (action) {
      case 'database.addCollection':
        store.addCollection(coll)
        return {}
      case 'database.getDocument': {
        if (byId !== undefined) {
          const d = store.current(coll, byId, tx)
          const list = d ? [structuredClone(d)] : []
          return { data: { list: list.map(out), offset: 0, limit: 1 } }
        }
        if (tx) throw errors.failed('transaction only supports single-document operations (doc)')
        const requested = typeof body.limit === 'number' ? body.limit : 100
        const limit = Math.min(requested, engine.getCap)
        const offset = typeof body.offset === 'number' ? body.offset : 0
        const order = parseEjson(body.order) as Record<string, 1 | -1>
        const projection = body.projection ? parseEjson(body.projection) : undefined
        const list = store.find(coll, query, { order, offset, limit, projection }, undefined)
        return { data: { list: list.map(out), offset, limit } }
      }
      case 'database.calculateDocument':
        return { data: { total: store.count(coll, query) } }
      case 'database.insertDocument': {
        const raw = Array.isArray(body.data) ? body.data : [body.data]
        const docs = raw.map((d) => parseEjson(d) as Doc)
        return { data: { insertedIds: store.insert(coll, docs, tx) } }
      }
      case 'database.modifyDocument': {
        const data = parseEjson(body.data)
        if (body.queryType !== 'DOC' && tx)
          throw errors.failed('transaction only supports single-document operations (doc)')
        const r = store.modify(
          coll,
          query,
          data,
          { merge: body.merge !== false, upsert: body.upsert === true, multi: body.multi !== false, byId },
          tx
        )
        return { data: { updated: r.updated, upsert_id: r.upsertId } }
      }
      case 'database.removeDocument': {
        if (body.queryType !== 'DOC' && tx)
          throw errors.failed('transaction only supports single-document operations (doc)')
        return { data: { deleted: store.remove(coll, query, { multi: body.multi !== false, byId }, tx) } }
      }
      case 'database.startTransaction':
        return { transactionId: store.start() }
      case 'database.commitTransaction':
        store.commit(String(body.transactionId))
        return {}
      case 'database.abortTransaction':
        store.abort(String(body.transactionId))
        return {}
      default:
        throw errors.bad(`the test engine does not implement ${action}`)
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const start = performance.now()
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      let body: Body = {}
      let answer: Record<string, unknown>
      const requestId = newId()
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Body
        answer = { requestId, ...handle(body) }
      } catch (e) {
        answer =
          e instanceof EngineError
            ? { requestId, code: e.code, message: e.message }
            : {
                requestId,
                code: 'DATABASE_REQUEST_FAILED',
                message: `[InternalError] ${String((e as Error)?.message ?? e)}`
              }
      }
      const send = () => {
        const text = JSON.stringify(answer)
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
        res.end(text)
        counters.add({
          env: typeof body.envName === 'string' && body.envName ? body.envName : DEFAULT_ENV,
          action: String(body.action ?? ''),
          collection: typeof body.collectionName === 'string' ? body.collectionName : undefined,
          transaction: typeof body.transactionId === 'string' && body.transactionId !== '',
          start,
          end: performance.now(),
          ok: !answer.code
        })
      }
      if (engine.latencyMs > 0) setTimeout(send, engine.latencyMs)
      else send()
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  if (opts.unref) server.unref()
  const { port } = server.address() as AddressInfo
  ;(engine as { url: string }).url = `http://127.0.0.1:${port}/admin`
  engine.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return engine
}

const SDK_VARS = [
  'TCB_CONTEXT_CNFG',
  'TENCENTCLOUD_SECRETID',
  'TENCENTCLOUD_SECRETKEY',
  'TENCENTCLOUD_SESSIONTOKEN',
  'SCF_NAMESPACE'
] as const

/**
 * Set the environment variables wx-server-sdk reads so that it talks to `engine`, with dummy
 * keys, and `envId` as the current env (what `cloud.DYNAMIC_CURRENT_ENV` resolves to).
 * Returns a function that puts the previous values back.
 */
export function useEngineForSdk(engine: Pick<Engine, 'url'>, envId: string = DEFAULT_ENV): () => void {
  return pointSdkAt(engine, envId)
}

/** The same as `useEngineForSdk`, under a name the React-hooks lint rule leaves alone in tests. */
export function pointSdkAt(engine: Pick<Engine, 'url'>, envId: string = DEFAULT_ENV): () => void {
  const before = Object.fromEntries(SDK_VARS.map((k) => [k, process.env[k]]))
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: engine.url })
  process.env.TENCENTCLOUD_SECRETID = 'AKIDtestengine'
  process.env.TENCENTCLOUD_SECRETKEY = 'testengine-secret-key'
  process.env.TENCENTCLOUD_SESSIONTOKEN = 'testengine-session-token'
  process.env.SCF_NAMESPACE = envId
  return () => {
    for (const k of SDK_VARS) {
      if (before[k] === undefined) delete process.env[k]
      else process.env[k] = before[k]
    }
  }
}
