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
  type Page,
  type Scalar,
  type StoredDoc,
  type Where
} from './port'

/* The slice of wx-server-sdk's database API this adapter uses; the SDK itself is only
   installed in WeChat's cloud (named in each function's package.json). */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Cmd = any
interface CloudDb {
  command: Cmd
  collection(name: string): any
  createCollection(name: string): Promise<unknown>
  runTransaction<R>(fn: (tx: any) => Promise<R>, retries?: number): Promise<R>
}

const NOT_EXIST = /not exist|DATABASE_DOCUMENT_NOT_EXIST|-502004|document\.get:fail/i
const DUP = /duplicate key|-502001|E11000/i
const NO_COLL = /collection not exist|-502005|DATABASE_COLLECTION_NOT_EXIST/i

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
/** In a patch, an undefined field removes it (as it does in the SQLite adapter). */
function patchData(_: Cmd, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(data)) out[k] = v === undefined ? _.remove() : v
  return out
}

class CloudOps implements DataPort {
  readonly engine = 'cloudbase' as const
  private ready = new Set<string>()
  constructor(
    private db: CloudDb,
    private tx?: any
  ) {}

  private async coll(name: string): Promise<any> {
    if (!this.tx && !this.ready.has(name)) {
      try {
        await this.db.createCollection(name)
      } catch {
        // exists already
      }
      this.ready.add(name)
    }
    return (this.tx ?? this.db).collection(name)
  }

  async get<T extends StoredDoc>(coll: string, id: string): Promise<T | null> {
    try {
      const r = await (await this.coll(coll)).doc(id).get()
      return (r?.data ?? null) as T | null
    } catch (e) {
      if (NOT_EXIST.test(String((e as Error)?.message ?? e)) || NO_COLL.test(String(e))) return null
      throw e
    }
  }

  async insert<T extends StoredDoc>(coll: string, doc: Omit<T, '_v'> & { _v?: number }): Promise<T> {
    const full = defined({ ...doc, _v: 1 }) as unknown as T
    try {
      const c = await this.coll(coll)
      if (this.tx) {
        // In a transaction `add` cannot choose the id: check, then set.
        const existing = await this.get(coll, full._id)
        if (existing) throw new DuplicateKeyError(coll, full._id)
        const { _id, ...data } = full as StoredDoc
        await c.doc(_id).set({ data })
      } else {
        await c.add({ data: full })
      }
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw e
      if (DUP.test(String((e as Error)?.message ?? e))) throw new DuplicateKeyError(coll, full._id)
      throw e
    }
    return full
  }

  async update<T extends StoredDoc>(coll: string, id: string, expectedV: number, patch: Partial<T>): Promise<T | null> {
    const { _id: _ignored, _v: _ignoredV, ...data } = patch as StoredDoc
    void _ignored
    void _ignoredV
    const c = await this.coll(coll)
    const set = patchData(this.db.command, { ...data, _v: expectedV + 1 })
    if (this.tx) {
      const cur = await this.get<T>(coll, id)
      if (!cur || cur._v !== expectedV) return null
      await c.doc(id).update({ data: set })
      return defined({ ...cur, ...data, _v: expectedV + 1 }) as T
    }
    const r = await c.where({ _id: id, _v: expectedV }).update({ data: set })
    if (!r?.stats?.updated) return null
    return this.get<T>(coll, id)
  }

  async find<T extends StoredDoc>(coll: string, opts: FindOptions): Promise<Page<T>> {
    if (this.tx) throw new Error('CloudBase transactions support get/insert/update only')
    const _ = this.db.command
    const order: [string, 'asc' | 'desc'][] = [...(opts.orderBy ?? [])]
    if (!order.some(([f]) => f === '_id')) order.push(['_id', 'asc'])
    let cond: unknown = toWhere(_, opts.where)
    if (opts.after) {
      const vals = decodeCursor(opts.after)
      const ors = order.map((_o, k) => {
        const o: Record<string, unknown> = {}
        for (let i = 0; i < k; i++) o[order[i][0]] = _.eq(vals[i])
        o[order[k][0]] = order[k][1] === 'asc' ? _.gt(vals[k]) : _.lt(vals[k])
        return o
      })
      cond = _.and([cond, _.or(ors)])
    }
    const limit = Math.max(1, Math.min(opts.limit ?? DEFAULT_LIMIT, MAX_LIMIT - 1))
    let q = (await this.coll(coll)).where(cond)
    for (const [f, d] of order) q = q.orderBy(f, d)
    const r = await q.limit(limit + 1).get()
    const rows = (r?.data ?? []) as T[]
    const items = rows.slice(0, limit)
    const page: Page<T> = { items }
    if (rows.length > limit) {
      const last = items[items.length - 1] as unknown as Record<string, unknown>
      page.next = encodeCursor(order.map(([f]) => (getPath(last, f) ?? null) as Scalar))
    }
    return page
  }

  async count(coll: string, where?: Where): Promise<number> {
    const r = await (await this.coll(coll)).where(toWhere(this.db.command, where)).count()
    return r?.total ?? 0
  }

  async remove(coll: string, id: string): Promise<boolean> {
    const r = await (await this.coll(coll)).doc(id).remove()
    return (r?.stats?.removed ?? 0) > 0
  }

  transaction<R>(fn: (tx: DataPort) => Promise<R>): Promise<R> {
    if (this.tx) return fn(this)
    return this.db.runTransaction((tx) => fn(new CloudOps(this.db, tx)), 3)
  }
}

/** `db` is `cloud.database()` from wx-server-sdk, created by the function's entry. */
export function createCloudbaseAdapter(db: unknown): DataPort {
  return new CloudOps(db as CloudDb)
}
