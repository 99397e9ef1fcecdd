import { AsyncLocalStorage } from 'node:async_hooks'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
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
import { COLLECTIONS } from './schema'

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/
const COLL = /^[a-z][a-z0-9_]*$/

function expr(field: string): string {
  if (field === '_id') return 'id'
  if (!FIELD.test(field)) throw new Error(`bad field ${field}`)
  return `json_extract(doc, '$.${field}')`
}
function bind(v: Scalar | undefined): string | number | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'boolean') return v ? 1 : 0
  return v
}

/**
 * better-sqlite3 is synchronous and one connection serves every request, so a transaction
 * that awaits in the middle would let other requests' statements run inside it. A small
 * lock makes every statement outside a transaction wait until the transaction is done.
 */
class Lock {
  private held = false
  private waiters: (() => void)[] = []
  get busy(): boolean {
    return this.held
  }
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true
      return Promise.resolve()
    }
    return new Promise((resolve) => this.waiters.push(resolve))
  }
  release(): void {
    const next = this.waiters.shift()
    if (next) next()
    else this.held = false
  }
}

class Ops {
  private stmts = new Map<string, Database.Statement>()
  private known = new Set<string>()
  constructor(readonly db: Database.Database) {}

  prep(sql: string): Database.Statement {
    let s = this.stmts.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.stmts.set(sql, s)
    }
    return s
  }

  /** Tables are made up front: DDL inside a rolled-back transaction would vanish with it. */
  createAll(): void {
    for (const coll of Object.keys(COLLECTIONS)) this.table(coll)
  }

  table(coll: string): string {
    const t = `c_${coll}`
    if (this.known.has(coll)) return t
    if (!COLL.test(coll) || !(coll in COLLECTIONS)) throw new Error(`unknown collection ${coll}`)
    {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, v INTEGER NOT NULL, doc TEXT NOT NULL)`
      )
      const spec = (COLLECTIONS as Record<string, { indexes: readonly (readonly string[])[] }>)[coll]
      for (const fields of spec?.indexes ?? []) {
        const name = `ix_${coll}_${fields.join('_').replace(/\./g, '_')}`
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${t} (${fields.map(expr).join(', ')})`)
      }
      this.known.add(coll)
    }
    return t
  }

  get<T>(coll: string, id: string): T | null {
    const row = this.prep(`SELECT doc FROM ${this.table(coll)} WHERE id = ?`).get(id) as
      { doc: string } | undefined
    return row ? (JSON.parse(row.doc) as T) : null
  }

  insert<T extends StoredDoc>(coll: string, doc: Omit<T, '_v'> & { _v?: number }): T {
    const full = { ...doc, _v: 1 } as unknown as T
    try {
      this.prep(`INSERT INTO ${this.table(coll)} (id, v, doc) VALUES (?, 1, ?)`).run(
        full._id,
        JSON.stringify(full)
      )
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
        throw new DuplicateKeyError(coll, full._id)
      throw e
    }
    return full
  }

  update<T extends StoredDoc>(coll: string, id: string, expectedV: number, patch: Partial<T>): T | null {
    const cur = this.get<T>(coll, id)
    if (!cur || cur._v !== expectedV) return null
    const next = { ...cur, ...patch, _id: id, _v: expectedV + 1 } as T
    const r = this.prep(`UPDATE ${this.table(coll)} SET v = ?, doc = ? WHERE id = ? AND v = ?`).run(
      next._v,
      JSON.stringify(next),
      id,
      expectedV
    )
    return r.changes === 1 ? next : null
  }

  private whereSql(where: Where | undefined, params: (string | number | null)[]): string[] {
    const parts: string[] = []
    for (const [field, cond] of Object.entries(where ?? {})) {
      const e = expr(field)
      if (isRange(cond)) {
        if (cond.gt !== undefined) {
          parts.push(`${e} > ?`)
          params.push(bind(cond.gt))
        }
        if (cond.gte !== undefined) {
          parts.push(`${e} >= ?`)
          params.push(bind(cond.gte))
        }
        if (cond.lt !== undefined) {
          parts.push(`${e} < ?`)
          params.push(bind(cond.lt))
        }
        if (cond.lte !== undefined) {
          parts.push(`${e} <= ?`)
          params.push(bind(cond.lte))
        }
        if (cond.ne !== undefined) {
          if (cond.ne === null) parts.push(`${e} IS NOT NULL`)
          else {
            parts.push(`(${e} IS NULL OR ${e} != ?)`)
            params.push(bind(cond.ne))
          }
        }
        if (cond.in !== undefined) {
          if (cond.in.length === 0) parts.push('0')
          else {
            parts.push(`${e} IN (${cond.in.map(() => '?').join(',')})`)
            params.push(...cond.in.map(bind))
          }
        }
        if (cond.has !== undefined) {
          parts.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') WHERE value = ?)`)
          params.push(bind(cond.has))
        }
      } else if (cond === null) {
        parts.push(`${e} IS NULL`)
      } else {
        parts.push(`${e} = ?`)
        params.push(bind(cond))
      }
    }
    return parts
  }

  find<T extends StoredDoc>(coll: string, opts: FindOptions): Page<T> {
    const params: (string | number | null)[] = []
    const parts = this.whereSql(opts.where, params)
    const order: [string, 'asc' | 'desc'][] = [...(opts.orderBy ?? [])]
    if (!order.some(([f]) => f === '_id')) order.push(['_id', 'asc'])
    if (opts.after) {
      const vals = decodeCursor(opts.after)
      if (vals.length !== order.length) throw new Error('bad cursor')
      const ors: string[] = []
      for (let k = 0; k < order.length; k++) {
        const ands: string[] = []
        for (let i = 0; i < k; i++) {
          ands.push(`${expr(order[i][0])} = ?`)
          params.push(bind(vals[i] as Scalar))
        }
        ands.push(`${expr(order[k][0])} ${order[k][1] === 'asc' ? '>' : '<'} ?`)
        params.push(bind(vals[k] as Scalar))
        ors.push(`(${ands.join(' AND ')})`)
      }
      parts.push(`(${ors.join(' OR ')})`)
    }
    const limit = Math.max(1, Math.min(opts.limit ?? DEFAULT_LIMIT, MAX_LIMIT))
    const sql =
      `SELECT doc FROM ${this.table(coll)}` +
      (parts.length ? ` WHERE ${parts.join(' AND ')}` : '') +
      ` ORDER BY ${order.map(([f, d]) => `${expr(f)} ${d === 'asc' ? 'ASC' : 'DESC'}`).join(', ')}` +
      ` LIMIT ${limit + 1}`
    const rows = this.prep(sql).all(...params) as { doc: string }[]
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as T)
    const page: Page<T> = { items }
    if (rows.length > limit) {
      const last = items[items.length - 1] as unknown as Record<string, unknown>
      page.next = encodeCursor(order.map(([f]) => getPath(last, f) ?? null))
    }
    return page
  }

  remove(coll: string, id: string): boolean {
    return this.prep(`DELETE FROM ${this.table(coll)} WHERE id = ?`).run(id).changes === 1
  }

  count(coll: string, where?: Where): number {
    const params: (string | number | null)[] = []
    const parts = this.whereSql(where, params)
    const sql =
      `SELECT COUNT(*) AS n FROM ${this.table(coll)}` + (parts.length ? ` WHERE ${parts.join(' AND ')}` : '')
    return (this.prep(sql).get(...params) as { n: number }).n
  }
}

/** Inside a transaction: the same operations, without taking the lock again. */
class TxView implements DataPort {
  readonly engine = 'sqlite' as const
  constructor(private ops: Ops) {}
  async get<T extends StoredDoc>(coll: string, id: string) {
    return this.ops.get<T>(coll, id)
  }
  async insert<T extends StoredDoc>(coll: string, doc: Omit<T, '_v'> & { _v?: number }) {
    return this.ops.insert<T>(coll, doc)
  }
  async update<T extends StoredDoc>(coll: string, id: string, expectedV: number, patch: Partial<T>) {
    return this.ops.update<T>(coll, id, expectedV, patch)
  }
  async find<T extends StoredDoc>(coll: string, opts: FindOptions) {
    return this.ops.find<T>(coll, opts)
  }
  async count(coll: string, where?: Where) {
    return this.ops.count(coll, where)
  }
  async remove(coll: string, id: string) {
    return this.ops.remove(coll, id)
  }
  transaction<R>(fn: (tx: DataPort) => Promise<R>): Promise<R> {
    return fn(this)
  }
}

/**
 * The database file is the server user's alone (issue 16: it was 644, readable by every local
 * user): 600, also when it was made before with wider rights; a folder made for it is 700 (the
 * local server makes its data folder 700 itself).
 */
function privateFiles(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  closeSync(openSync(file, 'a', 0o600))
  chmodSync(file, 0o600)
}

export interface SqliteOptions {
  /** A file path, or ':memory:' (tests). */
  file: string
}

export class SqliteAdapter implements DataPort {
  readonly engine = 'sqlite' as const
  private ops: Ops
  private lock = new Lock()
  /** Marks the async context of a running transaction, so calls made inside it join it. */
  private inTx = new AsyncLocalStorage<boolean>()
  readonly db: Database.Database

  constructor(opts: SqliteOptions) {
    const onDisk = opts.file !== ':memory:'
    if (onDisk) privateFiles(opts.file)
    this.db = new Database(opts.file)
    if (onDisk) {
      this.db.pragma('journal_mode = WAL')
      // SQLite makes the -wal and -shm files with the database file's mode; said once more here
      for (const f of [`${opts.file}-wal`, `${opts.file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600)
    }
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.ops = new Ops(this.db)
    this.ops.createAll()
  }

  /** Run a synchronous statement now when no transaction holds the connection, else queue it. */
  private run<R>(f: () => R): Promise<R> {
    if (!this.lock.busy || this.inTx.getStore()) {
      try {
        return Promise.resolve(f())
      } catch (e) {
        return Promise.reject(e)
      }
    }
    return this.lock.acquire().then(() => {
      try {
        return f()
      } finally {
        this.lock.release()
      }
    })
  }

  get<T extends StoredDoc>(coll: string, id: string) {
    return this.run(() => this.ops.get<T>(coll, id))
  }
  insert<T extends StoredDoc>(coll: string, doc: Omit<T, '_v'> & { _v?: number }) {
    return this.run(() => this.ops.insert<T>(coll, doc))
  }
  update<T extends StoredDoc>(coll: string, id: string, expectedV: number, patch: Partial<T>) {
    return this.run(() => this.ops.update<T>(coll, id, expectedV, patch))
  }
  find<T extends StoredDoc>(coll: string, opts: FindOptions) {
    return this.run(() => this.ops.find<T>(coll, opts))
  }
  count(coll: string, where?: Where) {
    return this.run(() => this.ops.count(coll, where))
  }
  remove(coll: string, id: string) {
    return this.run(() => this.ops.remove(coll, id))
  }

  async transaction<R>(fn: (tx: DataPort) => Promise<R>): Promise<R> {
    if (this.inTx.getStore()) return fn(new TxView(this.ops))
    await this.lock.acquire()
    try {
      this.ops.db.exec('BEGIN IMMEDIATE')
      try {
        const r = await this.inTx.run(true, () => fn(new TxView(this.ops)))
        this.ops.db.exec('COMMIT')
        return r
      } catch (e) {
        this.ops.db.exec('ROLLBACK')
        throw e
      }
    } finally {
      this.lock.release()
    }
  }

  close(): void {
    this.db.close()
  }
}
