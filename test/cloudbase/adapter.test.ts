/**
 * The CloudBase adapter through the unmodified wx-server-sdk on the test engine: the
 * failures of issue 12 (items 2-7), each as a test that failed on the adapter before it.
 * The engine-independent halves of these live in test/cloud/data-port.contract.test.ts.
 */
import {
  createCloudbaseAdapter,
  ensureCollections,
  isConflict,
  TX_ATTEMPTS
} from '../../src/cloud/data/cloudbase'
import { COLLECTIONS } from '../../src/cloud/data/schema'
import { DuplicateKeyError, type DataPort, type StoredDoc } from '../../src/cloud/data/port'
import { errors, type Engine } from './engine'
import { code, makeHarness, sharedEngine } from '../cloud/harness'
import { visitorInput } from '../cloud/gate/kit'

interface Row extends StoredDoc {
  n: number
  nested?: Record<string, number>
}

let engine: Engine
let seq = 0
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let cloud: any

beforeAll(async () => {
  // the engine the harness uses too (makeHarness below)
  engine = await sharedEngine()
  cloud = require('wx-server-sdk')
})

/** A fresh environment; with the app's collections unless `bare`. */
async function fresh(opts: { bare?: boolean; throwOnNotFound?: boolean } = {}) {
  const env = `a${++seq}`
  const raw = cloud.database({ env, throwOnNotFound: opts.throwOnNotFound ?? false })
  if (!opts.bare) await ensureCollections(raw)
  engine.counters.reset()
  engine.clearFaults()
  return { env, raw, db: createCloudbaseAdapter(raw) as DataPort, store: engine.env(env) }
}
const C = 'shifts'
const row = (i: number, extra: Partial<Row> = {}): Row => ({ _id: `r${i}`, _v: 1, n: i, ...extra })
const requests = (env: string, action: string) => engine.counters.count({ env, action })

describe('2. collections are created outside any transaction', () => {
  it('a fresh environment refuses writes in a transaction (-502005) until ensureCollections has run', async () => {
    const { db, raw } = await fresh({ bare: true })
    await expect(db.transaction((tx) => tx.insert<Row>(C, row(1)))).rejects.toThrow(/-502005/)
    await ensureCollections(raw)
    await db.transaction((tx) => tx.insert<Row>(C, row(1)))
    expect(await db.get<Row>(C, 'r1')).toMatchObject({ n: 1 })
  })

  it('creates every collection of schema.ts, at once, and a second run (a later cold start) is fine', async () => {
    const { env, raw, store } = await fresh({ bare: true })
    await ensureCollections(raw)
    expect(store.collectionNames().sort()).toEqual(Object.keys(COLLECTIONS).sort())
    await ensureCollections(raw)
    expect(requests(env, 'database.addCollection')).toBe(2 * Object.keys(COLLECTIONS).length)
  })

  it('a failure other than "exists" is not swallowed', async () => {
    const { raw } = await fresh({ bare: true })
    engine.failNext('database.addCollection')
    await expect(ensureCollections(raw, ['estates'])).rejects.toThrow(/-502001/)
  })
})

describe('3. transaction conflicts are recognised by message and retried', () => {
  it('the SDK hands a conflict over as -501001 with no code: recognised by its message', async () => {
    const { raw } = await fresh()
    await raw.collection(C).add({ data: row(1) })
    const t1 = await raw.startTransaction()
    const t2 = await raw.startTransaction()
    await t1
      .collection(C)
      .doc('r1')
      .update({ data: { n: 2 } })
    const e = await t2
      .collection(C)
      .doc('r1')
      .update({ data: { n: 3 } })
      .catch((x: unknown) => x)
    expect(e).toMatchObject({ errCode: -501001 })
    expect((e as { code?: unknown }).code).toBeUndefined()
    expect(isConflict(e)).toBe(true)
    await t1.commit()
  })

  it('two concurrent conditional updates: one wins, the other is retried and sees the new version', async () => {
    const { env, db } = await fresh()
    await db.insert<Row>(C, row(1))
    const results = await Promise.all([
      db.transaction((tx) => tx.update<Row>(C, 'r1', 1, { n: 10 })),
      db.transaction((tx) => tx.update<Row>(C, 'r1', 1, { n: 20 }))
    ])
    expect(results.filter(Boolean)).toHaveLength(1)
    expect((await db.get<Row>(C, 'r1'))!._v).toBe(2)
    // the loser really met a conflict and ran again
    expect(engine.counters.records.some((r) => r.env === env && !r.ok)).toBe(true)
    expect(requests(env, 'database.startTransaction')).toBe(3)
  })

  it('retries with backoff up to TX_ATTEMPTS, then gives the conflict up', async () => {
    const { env, db } = await fresh()
    await db.insert<Row>(C, row(1))
    engine.failNext('database.commitTransaction', errors.conflict(), 2)
    await db.transaction(async (tx) => tx.update<Row>(C, 'r1', 1, { n: 2 }))
    expect(requests(env, 'database.startTransaction')).toBe(3)
    expect((await db.get<Row>(C, 'r1'))!.n).toBe(2)

    engine.counters.reset()
    engine.failNext('database.commitTransaction', errors.conflict(), TX_ATTEMPTS)

    await expect(db.transaction(async (tx) => tx.update<Row>(C, 'r1', 2, { n: 3 }))).rejects.toThrow(
      /TransactionConflict/
    )
    expect(requests(env, 'database.startTransaction')).toBe(TX_ATTEMPTS)
  })
})

describe('4. not found only for a missing document', () => {
  it('a missing document is null; a failed read is an error, never "not found"', async () => {
    const { db } = await fresh()
    expect(await db.get(C, 'nope')).toBeNull()
    await db.insert<Row>(C, row(1))
    engine.failNext('database.getDocument')
    await expect(db.get(C, 'r1')).rejects.toThrow(/document\.get:fail -502001/)
  })

  it('also with the SDK left at throwOnNotFound: true', async () => {
    const { db } = await fresh({ throwOnNotFound: true })
    expect(await db.get(C, 'nope')).toBeNull()
  })

  it('an insert in a transaction whose read fails does not overwrite the document', async () => {
    const { db, store } = await fresh()
    await db.insert<Row>(C, row(1, { n: 1 }))
    engine.failNext('database.getDocument')
    await expect(db.transaction((tx) => tx.insert<Row>(C, row(1, { n: 99 })))).rejects.toThrow()
    expect(store.current(C, 'r1')).toMatchObject({ n: 1, _v: 1 })
  })

  it('an insert in a transaction of an existing id is DUPLICATE and never overwrites', async () => {
    const { db, store } = await fresh()
    await db.insert<Row>(C, row(1, { n: 1 }))
    await expect(db.transaction((tx) => tx.insert<Row>(C, row(1, { n: 99 })))).rejects.toBeInstanceOf(
      DuplicateKeyError
    )
    expect(store.current(C, 'r1')).toMatchObject({ n: 1, _v: 1 })
  })

  it('an update of a document the transaction has read does not read it again', async () => {
    const { env, db } = await fresh()
    await db.insert<Row>(C, row(1))
    engine.counters.reset()
    await db.transaction(async (tx) => {
      const r = await tx.get<Row>(C, 'r1')
      await tx.update<Row>(C, 'r1', r!._v, { n: 2 })
    })
    expect(requests(env, 'database.getDocument')).toBe(1)
    expect(requests(env, 'database.modifyDocument')).toBe(1)
  })
})

describe('5. DUPLICATE only for a duplicate key', () => {
  it('a generic database failure (-502001) is an error, a duplicate id is DuplicateKeyError', async () => {
    const { db } = await fresh()
    engine.failNext('database.insertDocument')
    const e = await db.insert<Row>(C, row(1)).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(Error)
    expect(e).not.toBeInstanceOf(DuplicateKeyError)
    await db.insert<Row>(C, row(1))
    await expect(db.insert<Row>(C, row(1))).rejects.toBeInstanceOf(DuplicateKeyError)
  })

  it('through the dispatcher: a check-in the database failed to store is not answered DUPLICATE', async () => {
    const h = await makeHarness()
    engine.failNext('database.insertDocument')
    const r = await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'v-fail' }))
    expect(code(r)).toBe('INTERNAL')
    expect(await h.stored('visitors', 'v-fail')).toBeUndefined()
  })
})

describe('6. object fields are replaced whole', () => {
  it('the engine stores exactly the patched object (the SDK alone would merge dotted paths)', async () => {
    const { db, store, raw } = await fresh()
    await db.insert<Row>(C, row(1, { nested: { x: 1, y: 2 } }))
    await db.update<Row>(C, 'r1', 1, { nested: { x: 5 } })
    expect(store.current(C, 'r1')).toEqual({ _id: 'r1', _v: 2, n: 1, nested: { x: 5 } })
    // what a plain SDK update does, for contrast
    await raw
      .collection(C)
      .doc('r1')
      .update({ data: { nested: { z: 9 } } })
    expect(store.current(C, 'r1')!.nested).toEqual({ x: 5, z: 9 })
  })
})

describe('7. find pages in gets the server allows', () => {
  it('a page of 150 with the server capping a get at 100 comes back whole, in two gets, with a cursor', async () => {
    const { env, db, raw } = await fresh()
    engine.getCap = 100
    await raw.collection(C).add({ data: [...Array(160).keys()].map((i) => row(i)) })
    engine.counters.reset()
    const p = await db.find<Row>(C, { orderBy: [['n', 'asc']], limit: 150 })
    expect(p.items.map((r) => r.n)).toEqual([...Array(150).keys()])
    expect(p.next).toBeDefined()
    expect(requests(env, 'database.getDocument')).toBe(2)
    const rest = await db.find<Row>(C, { orderBy: [['n', 'asc']], limit: 150, after: p.next })
    expect(rest.items.map((r) => r.n)).toEqual([...Array(10).keys()].map((i) => 150 + i))
    expect(rest.next).toBeUndefined()
    // a short page is one request
    engine.counters.reset()
    await db.find<Row>(C, { orderBy: [['n', 'asc']], limit: 20 })
    expect(requests(env, 'database.getDocument')).toBe(1)
  })
})
