import { AppError } from '../../domain/errors'
import type { Doc } from '../../domain/entities'
import { requireEstate, type Ctx } from '../context'
import type { DataPort, FindOptions, InsertOptions, Page, StoredDoc, Where } from '../data/port'

/**
 * A stored document as the data port sees it: any entity plus the port's open index. Only the
 * kit and handlers not yet moved to an area use it; area code speaks entity types (`Staff`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type D<T> = T & { [k: string]: any }

/** A collection and the entity stored in it: `coll<Staff>('staff')`. */
export interface Coll<T extends Doc> {
  readonly name: string
  /** type only: never set */
  readonly __doc?: T
}
export function coll<T extends Doc>(name: string): Coll<T> {
  return { name }
}

/** What an insert takes: the repo sets `createdAt`/`updatedAt`, the port sets `_v`. */
export type New<T extends Doc> = Omit<T, '_v' | 'createdAt' | 'updatedAt'>
/** What an update takes: the repo sets `updatedAt` and bumps `_v` (through the port). */
export type Patch<T extends Doc> = Partial<Omit<T, '_id' | '_v' | 'createdAt' | 'updatedAt'>>
type Order = NonNullable<FindOptions['orderBy']>

export interface AllOptions {
  where?: Where
  /** Always give an order: paging without one is undefined in both engines. */
  orderBy: Order
  /** Documents per round trip (the port's own limit is 1000). */
  pageSize?: number
}

/** Values per `in` query when reading by a list of ids. */
export const IN_CHUNK = 100

/** A document of the caller's estate; anything else is "not there" (no probing across estates). */
export function inEstate<T extends { estateId: string }>(
  doc: T | null | undefined,
  estateId: string
): doc is T {
  return !!doc && doc.estateId === estateId
}

/**
 * The generic half of every area's repository. Its one decision: documents by id are read and
 * written through `ctx.db` (the transaction of a write action, the store otherwise), queries
 * (`find`, `count`) through `ctx.store`, since a CloudBase transaction cannot query. Area
 * repositories extend it with named queries (`class StaffRepo extends Repo`).
 */
export class Repo {
  constructor(protected readonly ctx: Ctx) {}

  /** Now, as the server saw it when the action began. */
  protected get now(): number {
    return this.ctx.now
  }
  /** The caller's estate id (the action's scope rule guarantees one). */
  protected get estateId(): string {
    return requireEstate(this.ctx)._id
  }
  private get db(): DataPort {
    return this.ctx.db
  }
  private get store(): DataPort {
    return this.ctx.store
  }

  async get<T extends Doc>(c: Coll<T>, id: string): Promise<T | null> {
    return this.db.get<D<T>>(c.name, id)
  }

  /**
   * The document of this id in the caller's estate (and active, when asked), or NOT_FOUND with
   * `message`: another estate's document is reported as missing.
   */
  async getInEstate<T extends Doc & { estateId: string }>(
    c: Coll<T>,
    id: string,
    message?: string,
    opts: { active?: boolean } = {}
  ): Promise<T> {
    const doc = await this.get(c, id)
    const active = !opts.active || (doc as { active?: boolean } | null)?.active === true
    if (!inEstate(doc, this.estateId) || !active) throw new AppError('NOT_FOUND', message)
    return doc
  }

  /** Inserts with `createdAt = updatedAt = now`; `fresh` for ids the server just made. */
  async insert<T extends Doc>(c: Coll<T>, doc: New<T>, opts?: InsertOptions): Promise<T> {
    const full = { ...doc, createdAt: this.now, updatedAt: this.now }
    return this.db.insert<D<T>>(c.name, full as unknown as D<T>, opts)
  }

  /**
   * Patches `have` at the version it was read; null when the version moved on (or it is gone).
   * `have` must be the document as read (it is handed to the port as the current copy, so the
   * CloudBase adapter does not read it back).
   */
  async tryUpdate<T extends Doc>(c: Coll<T>, have: T, patch: Patch<T>): Promise<T | null> {
    const full = { ...patch, updatedAt: this.now } as Partial<D<T>>
    return this.db.update<D<T>>(c.name, have._id, have._v, full, { current: have as D<T> })
  }

  /** As `tryUpdate`, a moved version being a CONFLICT (with `message`). */
  async update<T extends Doc>(c: Coll<T>, have: T, patch: Patch<T>, message?: string): Promise<T> {
    const doc = await this.tryUpdate(c, have, patch)
    if (!doc) throw new AppError('CONFLICT', message)
    return doc
  }

  /**
   * Changes the caller's estate's document of this id, or creates it with `created` added:
   * the save of a supervisor's form, whose id the client chose. Another estate's id is NOT_FOUND.
   */
  async saveInEstate<T extends Doc & { estateId: string }>(
    c: Coll<T>,
    id: string,
    fields: Patch<T>,
    created: Partial<New<T>> = {}
  ): Promise<T> {
    const have = await this.get(c, id)
    if (have) {
      if (!inEstate(have, this.estateId)) throw new AppError('NOT_FOUND')
      return this.update(c, have, fields)
    }
    return this.insert(c, { ...created, ...fields, _id: id, estateId: this.estateId } as New<T>)
  }

  /**
   * Runs `fn` in a transaction of its own, with a repository of the same kind over it: for the
   * few actions that are not writes through the outbox (sign-in, binding, setup). `fn` may be
   * retried: keep it free of side effects.
   */
  async transaction<R>(fn: (tx: this) => Promise<R>): Promise<R> {
    const make = this.constructor as new (ctx: Ctx) => this
    return this.store.transaction((db) => fn(new make({ ...this.ctx, db })))
  }

  /**
   * Soft removal of the caller's estate's active document (the transaction port has no delete,
   * and the log keeps what was there); a missing, foreign or already removed one is NOT_FOUND.
   */
  async deactivateInEstate<T extends Doc & { estateId: string; active: boolean }>(
    c: Coll<T>,
    id: string,
    message?: string
  ): Promise<T> {
    const have = await this.getInEstate(c, id, message, { active: true })
    return this.update(c, have, { active: false } as Patch<T>)
  }

  /** One page: the caller pages with `after`. */
  async find<T extends Doc>(c: Coll<T>, opts: FindOptions): Promise<Page<T>> {
    return this.store.find<D<T>>(c.name, opts)
  }

  async first<T extends Doc>(c: Coll<T>, where: Where, orderBy?: Order): Promise<T | undefined> {
    return (await this.find(c, { where, orderBy, limit: 1 })).items[0]
  }

  /** Every matching document, page after page (for lists a person never sees whole, use `find`). */
  async all<T extends Doc>(c: Coll<T>, opts: AllOptions): Promise<T[]> {
    const out: T[] = []
    let after: string | undefined
    do {
      const page = await this.find(c, {
        where: opts.where,
        orderBy: opts.orderBy,
        limit: opts.pageSize ?? 1000,
        after
      })
      out.push(...page.items)
      after = page.next
    } while (after)
    return out
  }

  /**
   * Every document whose `field` is one of `values`: `in` queries of IN_CHUNK values, read at
   * once, each paged; results in chunk order, each chunk in `orderBy`.
   */
  async allIn<T extends Doc>(
    c: Coll<T>,
    field: string,
    values: readonly string[],
    opts: AllOptions
  ): Promise<T[]> {
    const chunks: string[][] = []
    for (let i = 0; i < values.length; i += IN_CHUNK) chunks.push(values.slice(i, i + IN_CHUNK))
    const got = await Promise.all(
      chunks.map((chunk) =>
        this.all(c, {
          ...opts,
          where: { ...opts.where, [field]: chunk.length === 1 ? chunk[0] : { in: chunk } }
        })
      )
    )
    return got.flat()
  }

  async count<T extends Doc>(c: Coll<T>, where?: Where): Promise<number> {
    return this.store.count(c.name, where)
  }

  /** Deletes outside any transaction (the transaction port has no delete). */
  async remove<T extends Doc>(c: Coll<T>, id: string): Promise<boolean> {
    return this.store.remove(c.name, id)
  }
}

/** The port-level type of a stored entity, for code that must hand one to the port itself. */
export type Stored<T extends Doc> = D<T> & StoredDoc
