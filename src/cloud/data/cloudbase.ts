import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  DuplicateKeyError,
  decodeCursor,
  encodeCursor,
  getPath,
  isRange,
  type DataPort,
  type FindOptions,
  type InsertOptions,
  type Page,
  type Scalar,
  type StoredDoc,
  type UpdateOptions,
  type Where
} from './port'
import { COLLECTIONS } from './schema'

/* The slice of wx-server-sdk's database API this adapter uses; the SDK itself is only
   installed in WeChat's cloud (named in each function's package.json). Create the database
   with `cloud.database({ throwOnNotFound: false })` so a missing document is `data: null`. */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Cmd = any
interface CloudDb {
  command: Cmd
  collection(name: string): any
  createCollection(name: string): Promise<unknown>
  runTransaction<R>(fn: (tx: any) => Promise<R>, retries?: number): Promise<R>
}

/** Most documents one `get` may return in a cloud function ("默认且最多取 100 条"). */
export const GET_CHUNK = 100
/** How often a transaction that lost a write conflict is run again. */
export const TX_ATTEMPTS = 8

/* wx-server-sdk rewraps every database error as `<api>:fail <errCode> <text>. <server message>`
   and drops the server's `code`; only the message tells what happened. */
const CONFLICT = /TransactionConflict|DATABASE_TRANSACTION_CONFLICT|transaction (is )?conflict|WriteConflict/i
const DUP = /E11000|duplicate key/i
const ALREADY = /already exist|TableExist|Table exist|collection exists/i
/** The message wx-server-sdk throws for a missing document when throwOnNotFound is left on. */
const NOT_FOUND_THROWN = /document with _id .* does not exist/

function errText(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { message?: unknown; errMsg?: unknown; code?: unknown }
    return [o.code, o.errMsg, o.message].filter((x) => typeof x === 'string').join(' ') || String(e)
  }
  return String(e)
}
export function isConflict(e: unknown): boolean {
  return CONFLICT.test(errText(e))
}

/**
 * Create every collection the app uses, outside any transaction (CloudBase cannot create a
 * collection inside one, and writes to a missing collection fail with -502005). Call it once
 * at a function's cold start; collections that exist already are fine.
 */
export async function ensureCollections(
  db: unknown,
  names: readonly string[] = Object.keys(COLLECTIONS)
): Promise<void> {
  const cdb = db as CloudDb
  await Promise.all(
    names.map(async (name) => {
      try {
        await cdb.createCollection(name)
      } catch (e) {
        if (!ALREADY.test(errText(e))) throw e
      }
    })
  )
}

function toWhere(_: Cmd, where: Where | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [field, cond] of Object.entries(where ?? {})) {
    if (!isRange(cond)) {
      out[field] = cond
      continue
    }
    const cs: unknown[] = []
    if (cond.gt !== undefined) cs.push(_.gt(cond.gt))
    if (cond.gte !== undefined) cs.push(_.gte(cond.gte))
    if (cond.lt !== undefined) cs.push(_.lt(cond.lt))
    if (cond.lte !== undefined) cs.push(_.lte(cond.lte))
    if (cond.ne !== undefined) cs.push(_.neq(cond.ne))
    if (cond.in !== undefined) cs.push(_.in(cond.in))
    // An equality on an array field matches when the array holds the value.
    if (cond.has !== undefined) cs.push(_.eq(cond.has))
    out[field] = cs.length === 1 ? cs[0] : _.and(cs)
  }
  return out
}

/** What SQLite's JSON storage does implicitly: an undefined field is not stored. */
function defined<T>(doc: T): T {
  return JSON.parse(JSON.stringify(doc)) as T
}
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype
  )
}
/**
 * A patch as SQLite applies it: each field is replaced whole (`_.set`; the SDK would
 * otherwise flatten a nested object into dotted paths and merge it), and an undefined field
 * is removed.
 */
function patchData(_: Cmd, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(data)) {
    if (v === undefined) out[k] = _.remove()
    else if (isPlainObject(v)) out[k] = _.set(defined(v))
    else out[k] = defined(v)
  }
  return out
}
/** The document after `patch`, computed here the way the server applies `patchData`. */
function patched<T extends StoredDoc>(cur: StoredDoc, data: Record<string, unknown>, v: number): T {
  return defined({ ...cur, ...data, _v: v }) as T
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

class CloudOps implements DataPort {
  readonly engine = 'cloudbase' as const
  /** Inside a transaction: what this transaction has read or written, by `coll/id` (null: missing). */
  private seen = new Map<string, StoredDoc | null>()
  constructor(
    private db: CloudDb,
    private tx?: any
  ) {}

  private coll(name: string): any {
    return (this.tx ?? this.db).collection(name)
  }

  async get<T extends StoredDoc>(coll: string, id: string): Promise<T | null> {
    let doc: T | null
    try {
      const r = await this.coll(coll).doc(id).get()
      doc = (r?.data ?? null) as T | null
    } catch (e) {
      // Only a missing document is "not found"; with throwOnNotFound:false the SDK never throws for it.
      if (NOT_FOUND_THROWN.test(errText(e))) doc = null
      else throw e
    }
    if (this.tx) this.seen.set(`${coll}/${id}`, doc)
    return doc
  }

  async insert<T extends StoredDoc>(
    coll: string,
    doc: Omit<T, '_v'> & { _v?: number },
    opts?: InsertOptions
  ): Promise<T> {
    const full = defined({ ...doc, _v: 1 }) as unknown as T
    const k = `${coll}/${full._id}`
    if (this.tx && !opts?.fresh) {
      // A duplicate inside a transaction would abort it on the server, and the caller may want
      // to carry on after a DuplicateKeyError: look first (once). A fresh id cannot exist.
      const known = this.seen.has(k) ? this.seen.get(k) : await this.get(coll, full._id)
      if (known) throw new DuplicateKeyError(coll, full._id)
    }
    try {
      // `add` with the caller's _id: an insert that can never overwrite an existing document.
      await this.coll(coll).add({ data: full })
    } catch (e) {
      if (DUP.test(errText(e))) throw new DuplicateKeyError(coll, full._id)
      throw e
    }
    if (this.tx) this.seen.set(k, full)
    return full
  }

  async update<T extends StoredDoc>(
    coll: string,
    id: string,
    expectedV: number,
    patch: Partial<T>,
    opts?: UpdateOptions<T>
  ): Promise<T | null> {
    const { _id: _ignored, _v: _ignoredV, ...data } = patch as StoredDoc
    void _ignored
    void _ignoredV
    const set = patchData(this.db.command, { ...data, _v: expectedV + 1 })
    if (this.tx) {
      // Snapshot isolation: a document this transaction has read cannot change under it
      // without our write failing with a conflict, so the read it already made is enough.
      const k = `${coll}/${id}`
      // (`opts.current`, read outside this transaction, proves nothing about its snapshot.)
      const cur = this.seen.has(k) ? this.seen.get(k)! : await this.get<T>(coll, id)
      if (!cur || cur._v !== expectedV) return null
      await this.coll(coll).doc(id).update({ data: set })
      const next = patched<T>(cur, data, expectedV + 1)
      this.seen.set(k, next)
      return next
    }
    const r = await this.coll(coll).where({ _id: id, _v: expectedV }).update({ data: set })
    if (!r?.stats?.updated) return null
    // The conditional update matched version expectedV: the caller's copy of it is what was patched.
    const cur = opts?.current
    if (cur && cur._id === id && cur._v === expectedV) return patched<T>(cur, data, expectedV + 1)
    return this.get<T>(coll, id)
  }

  async find<T extends StoredDoc>(coll: string, opts: FindOptions): Promise<Page<T>> {
    if (this.tx) throw new Error('CloudBase transactions support get/insert/update/remove only')
    const _ = this.db.command
    const order: [string, 'asc' | 'desc'][] = [...(opts.orderBy ?? [])]
    if (!order.some(([f]) => f === '_id')) order.push(['_id', 'asc'])
    let cond: unknown = toWhere(_, opts.where)
    if (opts.after) {
      const vals = decodeCursor(opts.after)
      if (vals.length !== order.length) throw new Error('bad cursor')
      const ors = order.map((_o, k) => {
        const o: Record<string, unknown> = {}
        for (let i = 0; i < k; i++) o[order[i][0]] = _.eq(vals[i])
        o[order[k][0]] = order[k][1] === 'asc' ? _.gt(vals[k]) : _.lt(vals[k])
        return o
      })
      cond = _.and([cond, _.or(ors)])
    }
    const limit = Math.max(1, Math.min(opts.limit ?? DEFAULT_LIMIT, MAX_LIMIT))
    let q = this.coll(coll).where(cond)
    for (const [f, d] of order) q = q.orderBy(f, d)
    // One more row than the page tells whether there is a next page. A `get` returns at most
    // GET_CHUNK documents, so a longer page is read in chunks (skip in the same order): the
    // first alone, and when it comes back full, all the others at once (one more round trip).
    const chunk = async (from: number): Promise<T[]> => {
      const want = Math.min(GET_CHUNK, limit + 1 - from)
      const r = await (from ? q.skip(from) : q).limit(want).get()
      return (r?.data ?? []) as T[]
    }
    const rows: T[] = await chunk(0)
    if (rows.length === GET_CHUNK && rows.length < limit + 1) {
      const starts: number[] = []
      for (let from = GET_CHUNK; from < limit + 1; from += GET_CHUNK) starts.push(from)
      const rest = await Promise.all(starts.map(chunk))
      for (const got of rest) {
        rows.push(...got)
        // a short chunk is the end (a later one, read at the same time, can only be empty)
        if (got.length < GET_CHUNK) break
      }
    }
    const items = rows.slice(0, limit)
    const page: Page<T> = { items }
    if (rows.length > limit) {
      const last = items[items.length - 1] as unknown as Record<string, unknown>
      page.next = encodeCursor(order.map(([f]) => (getPath(last, f) ?? null) as Scalar))
    }
    return page
  }

  async count(coll: string, where?: Where): Promise<number> {
    if (this.tx) throw new Error('CloudBase transactions support get/insert/update/remove only')
    const r = await this.coll(coll).where(toWhere(this.db.command, where)).count()
    return r?.total ?? 0
  }

  async remove(coll: string, id: string): Promise<boolean> {
    const r = await this.coll(coll).doc(id).remove()
    if (this.tx) this.seen.set(`${coll}/${id}`, null)
    return (r?.stats?.removed ?? 0) > 0
  }

  async transaction<R>(fn: (tx: DataPort) => Promise<R>): Promise<R> {
    if (this.tx) return fn(this)
    for (let attempt = 1; ; attempt++) {
      try {
        // Retries are ours (0 to the SDK): its own retry looks for a `code` the SDK has dropped.
        return await this.db.runTransaction((tx) => fn(new CloudOps(this.db, tx)), 0)
      } catch (e) {
        // A failed commit comes back from the inner SDK as a plain `{ code, message }` object.
        if (!isConflict(e) || attempt >= TX_ATTEMPTS) throw e instanceof Error ? e : new Error(errText(e))
        // exponential backoff with jitter: 5, 10, 20, ... ms
        await sleep(Math.round(5 * 2 ** (attempt - 1) * (0.5 + Math.random())))
      }
    }
  }
}

/** `db` is `cloud.database({ throwOnNotFound: false })` from wx-server-sdk, created by the function's entry. */
export function createCloudbaseAdapter(db: unknown): DataPort {
  return new CloudOps(db as CloudDb)
}
