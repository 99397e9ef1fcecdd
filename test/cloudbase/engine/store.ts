/**
 * The data side of the CloudBase test engine: one `EnvStore` per environment id, holding
 * collections of documents with a version history (MVCC) so transactions read a snapshot.
 * Queries and updates are evaluated by mingo (MongoDB semantics). See README.md for which
 * CloudBase document each behaviour follows.
 */
import { randomBytes } from 'node:crypto'
import { Query } from 'mingo'
import { update as applyUpdate } from 'mingo/updater'

export type Doc = Record<string, unknown> & { _id: string | number }

/** The `{ code, message }` body the service answers with; wx-server-sdk turns it into errCode/errMsg. */
export class EngineError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const SUFFIX = 'Please check your request, but if the problem persists, contact us.'
export const errors = {
  collectionMissing: (name: string) =>
    new EngineError(
      'DATABASE_COLLECTION_NOT_EXIST',
      `[ResourceNotFound.TableNotExist] Db or Table not exist: ${name}. ${SUFFIX}`
    ),
  collectionExists: (name: string) =>
    new EngineError(
      'DATABASE_COLLECTION_ALREADY_EXIST',
      `[ResourceInUse.TableExist] Table exist: ${name}. ${SUFFIX}`
    ),
  duplicate: (coll: string, id: unknown) =>
    new EngineError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`
    ),
  conflict: () =>
    new EngineError(
      'DATABASE_TRANSACTION_CONFLICT',
      `[ResourceUnavailable.TransactionConflict] Transaction is conflicted, maybe resource operated by another request. ${SUFFIX}`
    ),
  txMissing: () =>
    new EngineError(
      'DATABASE_TRANSACTION_FAIL',
      `[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. ${SUFFIX}`
    ),
  bad: (msg: string) => new EngineError('INVALID_PARAM', `[InvalidParameter] ${msg}`),
  failed: (msg: string) => new EngineError('DATABASE_REQUEST_FAILED', `[FailedOperation] ${msg}`)
}

interface Version {
  seq: number
  doc: Doc | null
}

interface Tx {
  id: string
  snapshot: number
  /** coll -> id -> the document written in this transaction (null: removed) */
  writes: Map<string, Map<string, Doc | null>>
  state: 'active' | 'committed' | 'aborted'
}

const key = (id: unknown) => (typeof id === 'number' ? `n:${id}` : `s:${String(id)}`)
const clone = <T>(v: T): T => structuredClone(v)

export function newId(): string {
  return randomBytes(16).toString('hex')
}

export interface QueryOpts {
  order?: Record<string, 1 | -1>
  offset?: number
  limit?: number
  projection?: Record<string, unknown>
}

export class EnvStore {
  private seq = 0
  private colls = new Map<string, Map<string, Version[]>>()
  private txs = new Map<string, Tx>()

  /* ---------- collections ---------- */

  addCollection(name: string): void {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(name)) throw errors.bad(`invalid collection name: ${name}`)
    if (this.colls.has(name)) throw errors.collectionExists(name)
    this.colls.set(name, new Map())
  }

  collectionNames(): string[] {
    return [...this.colls.keys()]
  }

  private coll(name: string): Map<string, Version[]> {
    const c = this.colls.get(name)
    if (!c) throw errors.collectionMissing(name)
    return c
  }

  /* ---------- reading ---------- */

  private visible(versions: Version[] | undefined, snapshot: number): Doc | null {
    if (!versions) return null
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= snapshot) return versions[i].doc
    return null
  }

  private lastSeq(versions: Version[] | undefined): number {
    return versions && versions.length ? versions[versions.length - 1].seq : 0
  }

  /** Every document of a collection as seen by `tx` (its snapshot plus its own writes), or now. */
  docs(name: string, tx?: Tx): Doc[] {
    const c = this.coll(name)
    const snapshot = tx ? tx.snapshot : Infinity
    const own = tx?.writes.get(name)
    const out: Doc[] = []
    for (const [k, versions] of c) {
      if (own?.has(k)) continue
      const d = this.visible(versions, snapshot)
      if (d) out.push(d)
    }
    if (own) for (const d of own.values()) if (d) out.push(d)
    return out
  }

  find(name: string, query: Record<string, unknown>, opts: QueryOpts, tx?: Tx): Doc[] {
    const all = this.docs(name, tx)
    let cursor = new Query(query, {}).find<Doc>(all, opts.projection as never)
    if (opts.order && Object.keys(opts.order).length) cursor = cursor.sort(opts.order)
    if (opts.offset) cursor = cursor.skip(opts.offset)
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit)
    return cursor.all().map(clone)
  }

  count(name: string, query: Record<string, unknown>): number {
    return new Query(query, {}).find(this.docs(name)).all().length
  }

  /* ---------- writing ---------- */

  /** Check that `tx` may write this document, else abort it with a conflict. */
  private claim(tx: Tx, name: string, id: string): void {
    const versions = this.colls.get(name)?.get(id)
    let clash = this.lastSeq(versions) > tx.snapshot
    if (!clash)
      for (const other of this.txs.values())
        if (other !== tx && other.state === 'active' && other.writes.get(name)?.has(id)) clash = true
    if (clash) {
      this.abort(tx.id)
      throw errors.conflict()
    }
  }

  private write(name: string, id: string, doc: Doc | null, tx?: Tx): void {
    if (tx) {
      this.claim(tx, name, id)
      let w = tx.writes.get(name)
      if (!w) tx.writes.set(name, (w = new Map()))
      w.set(id, doc)
      return
    }
    const c = this.coll(name)
    const seq = ++this.seq
    let versions = c.get(id)
    if (!versions) c.set(id, (versions = []))
    versions.push({ seq, doc })
    this.prune(versions)
  }

  /** One document by id as `tx` (or the present) sees it. */
  current(name: string, id: unknown, tx?: Tx): Doc | null {
    const k = key(id)
    const own = tx?.writes.get(name)
    if (own?.has(k)) return own.get(k) ?? null
    return this.visible(this.coll(name).get(k), tx ? tx.snapshot : Infinity)
  }

  insert(name: string, docs: Doc[], tx?: Tx): (string | number)[] {
    this.coll(name)
    const ids: (string | number)[] = []
    const seen = new Set<string>()
    for (const d of docs) {
      if (d._id === undefined) d._id = newId()
      const k = key(d._id)
      // Another transaction's uncommitted insert of the same id is a write conflict, as in MongoDB.
      if (tx && !this.current(name, d._id, tx)) this.claim(tx, name, k)
      if (seen.has(k) || this.current(name, d._id, tx)) {
        // As in MongoDB, an error inside a transaction aborts the transaction.
        if (tx) this.abort(tx.id)
        throw errors.duplicate(name, d._id)
      }
      seen.add(k)
      ids.push(d._id)
    }
    for (const d of docs) this.write(name, key(d._id), clone(d), tx)
    return ids
  }

  /**
   * `modifyDocument`: replace (merge false: doc().set, upsert) or apply update operators
   * (merge true: update). Returns how many documents changed and the upserted id.
   */
  modify(
    name: string,
    query: Record<string, unknown>,
    data: Record<string, unknown>,
    opt: { merge: boolean; upsert: boolean; multi: boolean; byId?: unknown },
    tx?: Tx
  ): { updated: number; upsertId?: string | number } {
    const targets =
      opt.byId !== undefined
        ? [this.current(name, opt.byId, tx)].filter((d): d is Doc => d !== null)
        : this.find(name, query, opt.multi ? {} : { limit: 1 }, tx)
    if (!targets.length) {
      if (!opt.upsert) return { updated: 0 }
      const id = (opt.byId ?? newId()) as string | number
      const doc = opt.merge ? this.applyOps({ _id: id } as Doc, data) : ({ ...clone(data), _id: id } as Doc)
      if (tx) this.claim(tx, name, key(id))
      this.write(name, key(id), doc, tx)
      return { updated: 0, upsertId: id }
    }
    let updated = 0
    for (const cur of targets) {
      const next = opt.merge ? this.applyOps(clone(cur), data) : ({ ...clone(data), _id: cur._id } as Doc)
      if (JSON.stringify(next) === JSON.stringify(cur)) {
        if (tx) this.claim(tx, name, key(cur._id))
        continue
      }
      this.write(name, key(cur._id), next, tx)
      updated++
    }
    return { updated }
  }

  private applyOps(doc: Doc, data: Record<string, unknown>): Doc {
    const ops: Record<string, Record<string, unknown>> = {}
    for (const [k, v] of Object.entries(data)) {
      if (k.startsWith('$')) ops[k] = { ...(ops[k] ?? {}), ...(v as Record<string, unknown>) }
      else ops.$set = { ...(ops.$set ?? {}), [k]: v }
    }
    if (Object.keys(ops).some((k) => k === '$set' && ops.$set && '_id' in ops.$set))
      throw errors.bad('不能更新_id的值')
    try {
      applyUpdate(doc, ops as never, undefined, undefined, { cloneMode: 'deep' })
    } catch (e) {
      throw errors.failed(String((e as Error).message))
    }
    return doc
  }

  remove(
    name: string,
    query: Record<string, unknown>,
    opt: { multi: boolean; byId?: unknown },
    tx?: Tx
  ): number {
    const targets =
      opt.byId !== undefined
        ? [this.current(name, opt.byId, tx)].filter((d): d is Doc => d !== null)
        : this.find(name, query, opt.multi ? {} : { limit: 1 }, tx)
    for (const d of targets) this.write(name, key(d._id), null, tx)
    return targets.length
  }

  /* ---------- transactions (snapshot isolation, first writer wins) ---------- */

  start(): string {
    const id = `tx-${newId()}`
    this.txs.set(id, { id, snapshot: this.seq, writes: new Map(), state: 'active' })
    return id
  }

  tx(id: string): Tx {
    const t = this.txs.get(id)
    if (!t || t.state !== 'active') throw errors.txMissing()
    return t
  }

  commit(id: string): void {
    const tx = this.tx(id)
    for (const [name, w] of tx.writes)
      for (const k of w.keys())
        if (this.lastSeq(this.colls.get(name)?.get(k)) > tx.snapshot) {
          this.abort(id)
          throw errors.conflict()
        }
    tx.state = 'committed'
    this.txs.delete(id)
    const seq = ++this.seq
    for (const [name, w] of tx.writes) {
      const c = this.coll(name)
      for (const [k, doc] of w) {
        let versions = c.get(k)
        if (!versions) c.set(k, (versions = []))
        versions.push({ seq, doc })
        this.prune(versions)
      }
    }
  }

  abort(id: string): void {
    const tx = this.txs.get(id)
    if (!tx) throw errors.txMissing()
    tx.state = 'aborted'
    this.txs.delete(id)
  }

  /** Drop versions no open transaction can see any more. */
  private prune(versions: Version[]): void {
    let oldest = this.seq
    for (const t of this.txs.values()) if (t.snapshot < oldest) oldest = t.snapshot
    let keepFrom = 0
    for (let i = 0; i < versions.length; i++) if (versions[i].seq <= oldest) keepFrom = i
    if (keepFrom > 0) versions.splice(0, keepFrom)
  }

  /** A copy of the present state (collections and documents, no transactions) into `to`. */
  copyTo(to: EnvStore): void {
    if (this.txs.size) throw new Error('cannot copy an environment with open transactions')
    to.seq = this.seq
    to.colls = new Map()
    to.txs = new Map()
    for (const [name, c] of this.colls) {
      const copy = new Map<string, Version[]>()
      for (const [k, versions] of c) {
        const last = versions[versions.length - 1]
        if (last?.doc) copy.set(k, [{ seq: last.seq, doc: clone(last.doc) }])
      }
      to.colls.set(name, copy)
    }
  }

  openTransactions(): number {
    return this.txs.size
  }
}
