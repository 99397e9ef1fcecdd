/**
 * The data port: documents in collections, with only the queries the app needs. Two
 * adapters implement it (SQLite, CloudBase) and one contract suite tests both.
 */

export type Scalar = string | number | boolean | null
export interface Range {
  gt?: Scalar
  gte?: Scalar
  lt?: Scalar
  lte?: Scalar
  in?: Scalar[]
  ne?: Scalar
  /** the field is an array that contains this value */
  has?: Scalar
}
/** Field equality or a range; fields may be dotted (`settings.overstayHours`). */
export type Where = Record<string, Scalar | Range>

export interface FindOptions {
  where?: Where
  /** Always give an order: paging without one is undefined in both engines. */
  orderBy?: [field: string, dir: 'asc' | 'desc'][]
  limit?: number
  /** The opaque cursor returned by the previous page. */
  after?: string
}

export interface Page<T> {
  items: T[]
  /** Present when there may be more. */
  next?: string
}

export interface StoredDoc {
  _id: string
  _v: number
  [k: string]: unknown
}

export class DuplicateKeyError extends Error {
  constructor(
    readonly coll: string,
    readonly id: string
  ) {
    super(`duplicate ${coll}/${id}`)
    this.name = 'DuplicateKeyError'
  }
}

export interface InsertOptions {
  /**
   * The id was made by the server just now (`ctx.newId()`), so it cannot exist: the CloudBase
   * adapter skips its look-before-insert inside a transaction (one round trip). A duplicate
   * still fails with DuplicateKeyError; only a caller that catches it and carries on in the
   * same transaction must not pass this.
   */
  fresh?: boolean
}
export interface UpdateOptions<T> {
  /** The document as the caller read it (at `expectedV`): the adapter need not read it back. */
  current?: T
}

export interface DataPort {
  readonly engine: 'sqlite' | 'cloudbase'
  get<T extends StoredDoc>(coll: string, id: string): Promise<T | null>
  /** Insert with the caller's id; throws DuplicateKeyError if the id exists. `_v` is set to 1. */
  insert<T extends StoredDoc>(
    coll: string,
    doc: Omit<T, '_v'> & { _v?: number },
    opts?: InsertOptions
  ): Promise<T>
  /**
   * Patch a document only if its version is still `expectedV`; bumps `_v`.
   * Returns the new document, or null when the version moved on (a conflict) or it is gone.
   */
  update<T extends StoredDoc>(
    coll: string,
    id: string,
    expectedV: number,
    patch: Partial<T>,
    opts?: UpdateOptions<T>
  ): Promise<T | null>
  find<T extends StoredDoc>(coll: string, opts: FindOptions): Promise<Page<T>>
  count(coll: string, where?: Where): Promise<number>
  /** Delete by id; true when something was deleted. */
  remove(coll: string, id: string): Promise<boolean>
  /** Run `fn` atomically over a few documents. `fn` may be retried: keep it free of side effects. */
  transaction<R>(fn: (tx: DataPort) => Promise<R>): Promise<R>
  close?(): void
}

export const MAX_LIMIT = 1000
export const DEFAULT_LIMIT = 50

export function isRange(x: unknown): x is Range {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** Cursor = the sort values and id of the last item, base64 JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')
}
export function decodeCursor(c: string): unknown[] {
  try {
    const v: unknown = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'))
    // sort values and ids only: a nested object or array is no cursor of ours
    if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x)))
      return v
  } catch {
    /* fall through */
  }
  throw new Error('bad cursor')
}

export function getPath(doc: Record<string, unknown>, path: string): unknown {
  let cur: unknown = doc
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[k]
  }
  return cur
}
