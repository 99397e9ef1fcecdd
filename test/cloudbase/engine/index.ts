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
import { randomBytes } from 'node:crypto'
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
  /**
   * Store `bytes` at `cloudPath` in environment `env`'s storage, as the phone's
   * `wx.cloud.uploadFile` does (overwriting what is there), and answer its file id
   * `cloud://<env>.<bucket>/<cloudPath>`.
   */
  putFile(env: string, cloudPath: string, bytes: Uint8Array | string): string
  /** What environment `env`'s storage holds, by path. */
  files(env?: string): StoredFile[]
  close(): Promise<void>
}

/** One file in an environment's storage. */
export interface StoredFile {
  fileID: string
  cloudPath: string
  size: number
}

/** Most files one `getTempFileURL` or `deleteFile` call may name (the CloudBase docs: 一次最多 50 个). */
export const STORAGE_BATCH_MAX = 50

/**
 * The storage bucket of an environment, named as CloudBase names them: the hex of the env id's
 * first two characters, the env id, an app number (`7465-test-env-1300000000`).
 */
export function bucketOf(env: string): string {
  return `${Buffer.from(env.slice(0, 2)).toString('hex')}-${env}-1300000000`
}

/** The file id CloudBase gives a file stored at `cloudPath` in `env`. */
export function fileIdOf(env: string, cloudPath: string): string {
  return `cloud://${env}.${bucketOf(env)}/${cloudPath}`
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

/** The storage path a file id names in `env`, or undefined when it is not a file id of `env`. */
function pathIn(env: string, fileId: unknown): string | undefined {
  if (typeof fileId !== 'string') return undefined
  const prefix = `cloud://${env}.${bucketOf(env)}/`
  return fileId.startsWith(prefix) && fileId.length > prefix.length ? fileId.slice(prefix.length) : undefined
}

export async function startEngine(opts: EngineOptions = {}): Promise<Engine> {
  const envs = new Map<string, EnvStore>()
  /** env → cloudPath → bytes */
  const buckets = new Map<string, Map<string, Buffer>>()
  const bucket = (name: string) => {
    let b = buckets.get(name)
    if (!b) buckets.set(name, (b = new Map()))
    return b
  }
  /** temporary download links handed out: sign → what it opens and until when (ms) */
  const links = new Map<string, { env: string; cloudPath: string; until: number }>()
  let origin = ''
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
      buckets.clear()
      links.clear()
      counters.reset()
      faults.length = 0
    },
    clearFaults() {
      faults.length = 0
    },
    drop(name: string) {
      envs.delete(name)
      buckets.delete(name)
    },
    copyEnv(from: string, to: string) {
      const target = env(to)
      env(from).copyTo(target)
      const files = bucket(to)
      for (const [p, b] of bucket(from)) files.set(p, Buffer.from(b))
      return target
    },
    putFile(name: string, cloudPath: string, bytes: Uint8Array | string) {
      if (!cloudPath || cloudPath.startsWith('/')) throw new Error(`bad cloudPath ${cloudPath}`)
      bucket(name).set(cloudPath, Buffer.from(bytes))
      return fileIdOf(name, cloudPath)
    },
    files(name = DEFAULT_ENV) {
      return [...bucket(name)]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([cloudPath, b]) => ({ fileID: fileIdOf(name, cloudPath), cloudPath, size: b.length }))
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
    const envName = typeof body.envName === 'string' && body.envName ? body.envName : DEFAULT_ENV
    if (action.startsWith('storage.')) return storage(envName, action, body)
    const store = env(envName)
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

  /**
   * Storage actions as @cloudbase/node-sdk 2.10 sends them (lib/storage/index.js) and
   * wx-server-sdk reads their answers (src/api/cloud/provider/tcb/api/*.ts): per file a `code`
   * ('SUCCESS' or an error code the SDK turns into `status`/`errMsg`), never a whole-call error
   * for a missing file.
   */
  function storage(envName: string, action: string, body: Body): Record<string, unknown> {
    const files = bucket(envName)
    const list = (v: unknown) => {
      if (!Array.isArray(v)) throw new EngineError('INVALID_PARAM', 'file list must be an array')
      if (v.length > STORAGE_BATCH_MAX)
        throw new EngineError(
          'INVALID_PARAM',
          `[InvalidParameter] at most ${STORAGE_BATCH_MAX} files per request`
        )
      return v as unknown[]
    }
    const missing = { code: 'STORAGE_FILE_NONEXIST', message: 'file not exist' }
    switch (action) {
      case 'storage.batchGetDownloadUrl': {
        const download_list = list(body.file_list).map((f) => {
          const { fileid, max_age } = (f ?? {}) as { fileid?: unknown; max_age?: unknown }
          const cloudPath = pathIn(envName, fileid)
          // the docs: a link lives a day at most, the default
          const maxAge = typeof max_age === 'number' && max_age > 0 ? Math.min(max_age, 86400) : 86400
          if (cloudPath === undefined || !files.has(cloudPath))
            return { fileID: fileid, tempFileURL: '', maxAge, ...missing }
          const sign = randomBytes(12).toString('hex')
          const until = Date.now() + maxAge * 1000
          links.set(sign, { env: envName, cloudPath, until })
          const url = `${origin}/${bucketOf(envName)}/${cloudPath}?sign=${sign}&t=${Math.floor(until / 1000)}`
          return { fileID: fileid, tempFileURL: url, maxAge, code: 'SUCCESS' }
        })
        return { data: { download_list } }
      }
      case 'storage.batchDeleteFile': {
        const delete_list = list(body.fileid_list).map((fileid) => {
          const cloudPath = pathIn(envName, fileid)
          if (cloudPath === undefined || !files.delete(cloudPath)) return { fileID: fileid, ...missing }
          return { fileID: fileid, code: 'SUCCESS' }
        })
        return { data: { delete_list } }
      }
      default:
        throw errors.bad(`the test engine does not implement ${action}`)
    }
  }

  /**
   * GET (or HEAD) of a temporary link: the bytes with their length, 404 with COS's NoSuchKey
   * XML for a file deleted since, 403 for an unknown or expired signature.
   */
  function download(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin)
    const link = links.get(url.searchParams.get('sign') ?? '')
    const xml = (status: number, code: string, message: string) => {
      const text = `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`
      res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(text) })
      res.end(req.method === 'HEAD' ? undefined : text)
    }
    const path = decodeURIComponent(url.pathname)
    if (!link || link.until < Date.now() || path !== `/${bucketOf(link.env)}/${link.cloudPath}`)
      return xml(403, 'AccessDenied', 'Request has expired or the signature does not match')
    const bytes = bucket(link.env).get(link.cloudPath)
    if (!bytes) return xml(404, 'NoSuchKey', 'The specified key does not exist.')
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length })
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' || req.method === 'HEAD') return download(req, res)
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
  origin = `http://127.0.0.1:${port}`
  ;(engine as { url: string }).url = `${origin}/admin`
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
