/**
 * The CloudBase test engine itself, driven through the unmodified wx-server-sdk: what it
 * answers is what the SDK hands to the code (see engine/README.md for the sources).
 */
import { startEngine, pointSdkAt, type Engine } from './engine'

let engine: Engine
let restore: () => void
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let cloud: any
let n = 0

beforeAll(async () => {
  engine = await startEngine()
  restore = pointSdkAt(engine, 'engine-test')
  cloud = require('wx-server-sdk')
  cloud.init({ env: 'engine-test' })
})
afterAll(async () => {
  restore()
  await engine.close()
})

async function fresh() {
  const env = `e${++n}`
  const db = cloud.database({ env, throwOnNotFound: false })
  await db.createCollection('c')
  engine.counters.reset()
  return { env, db, _: db.command, c: () => db.collection('c') }
}
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { errCode?: number }) => e
  )

describe('the test engine through wx-server-sdk', () => {
  it('a missing collection is -502005; an existing one cannot be created twice', async () => {
    const { db } = await fresh()
    expect((await fail(db.collection('nope').doc('a').get()))!.message).toMatch(/document\.get:fail -502005/)
    expect((await fail(db.collection('nope').add({ data: { a: 1 } })))!.message).toMatch(/-502005/)
    expect((await fail(db.createCollection('c')))!.message).toMatch(/Table exist/)
  })

  it('a duplicate _id is an E11000 message under -502001', async () => {
    const { c } = await fresh()
    await c().add({ data: { _id: 'a', n: 1 } })
    const e = await fail(c().add({ data: { _id: 'a', n: 2 } }))
    expect(e).toMatchObject({ errCode: -502001 })
    expect(e!.message).toMatch(/E11000 duplicate key/)
    expect((await c().doc('a').get()).data.n).toBe(1)
  })

  it('queries, orders, skips, limits and counts with MongoDB semantics', async () => {
    const { c, _ } = await fresh()
    await c().add({
      data: [...Array(30).keys()].map((i) => ({ _id: `d${i}`, i, even: i % 2 === 0, tags: [`t${i % 3}`] }))
    })
    const r = await c()
      .where({ i: _.gte(5).and(_.lt(20)), even: true })
      .orderBy('i', 'desc')
      .skip(1)
      .limit(3)
      .get()
    expect(r.data.map((d: { i: number }) => d.i)).toEqual([16, 14, 12])
    expect((await c().where({ tags: 't1' }).count()).total).toBe(10)
    expect(
      (
        await c()
          .where({ i: _.in([1, 2, 99]) })
          .get()
      ).data
    ).toHaveLength(2)
  })

  it('caps one get at getCap (100 by default, settable)', async () => {
    const { c } = await fresh()
    await c().add({ data: [...Array(130).keys()].map((i) => ({ i })) })
    expect((await c().get()).data).toHaveLength(100)
    expect((await c().limit(1000).get()).data).toHaveLength(100)
    engine.getCap = 50
    expect((await c().limit(80).get()).data).toHaveLength(50)
    engine.getCap = 100
  })

  it('update merges nested objects as dotted paths; _.set replaces; _.remove, _.inc', async () => {
    const { c, _ } = await fresh()
    await c().add({ data: { _id: 'a', o: { x: 1, y: 2 }, n: 1, gone: true } })
    await c()
      .doc('a')
      .update({ data: { o: { x: 5 }, n: _.inc(2), gone: _.remove() } })
    expect((await c().doc('a').get()).data).toEqual({ _id: 'a', o: { x: 5, y: 2 }, n: 3 })
    await c()
      .doc('a')
      .update({ data: { o: _.set({ z: 1 }), 'p.q': 7 } })
    expect((await c().doc('a').get()).data).toEqual({ _id: 'a', o: { z: 1 }, n: 3, p: { q: 7 } })
    // doc().set replaces the whole document (an upsert), doc().remove deletes it
    await c()
      .doc('a')
      .set({ data: { only: 1 } })
    expect((await c().doc('a').get()).data).toEqual({ _id: 'a', only: 1 })
    expect((await c().doc('a').remove()).stats.removed).toBe(1)
    expect((await c().doc('a').get()).data).toBeNull()
    // a where-update reports how many documents it changed
    await c().add({ data: [{ k: 1 }, { k: 1 }, { k: 2 }] })
    expect(
      (
        await c()
          .where({ k: 1 })
          .update({ data: { k: 3 } })
      ).stats.updated
    ).toBe(2)
  })

  it('transactions: snapshot reads, own writes visible, commit is atomic, rollback discards', async () => {
    const { c, db } = await fresh()
    await c().add({ data: { _id: 'a', n: 1 } })
    const t = await db.startTransaction()
    await c()
      .doc('a')
      .update({ data: { n: 2 } }) // committed outside, after the snapshot
    expect((await t.collection('c').doc('a').get()).data.n).toBe(1)
    await t.collection('c').add({ data: { _id: 'b', n: 1 } })
    expect((await t.collection('c').doc('b').get()).data.n).toBe(1)
    expect((await c().doc('b').get()).data).toBeNull()
    await t.rollback()
    expect((await c().doc('b').get()).data).toBeNull()

    await db.runTransaction(async (tx: { collection(n: string): ReturnType<typeof c> }) => {
      await tx
        .collection('c')
        .doc('a')
        .update({ data: { n: 10 } })
      await tx.collection('c').add({ data: { _id: 'b', n: 10 } })
    })
    expect((await c().doc('a').get()).data.n).toBe(10)
    expect((await c().doc('b').get()).data.n).toBe(10)
  })

  it('write conflicts: a second transaction writing the same document fails, as does one whose snapshot is stale', async () => {
    const { c, db } = await fresh()
    await c().add({ data: { _id: 'a', n: 1 } })
    const t1 = await db.startTransaction()
    const t2 = await db.startTransaction()
    await t1
      .collection('c')
      .doc('a')
      .update({ data: { n: 2 } })
    const e = await fail(
      t2
        .collection('c')
        .doc('a')
        .update({ data: { n: 3 } })
    )
    expect(e).toMatchObject({ errCode: -501001 })
    expect(e!.message).toMatch(/TransactionConflict/)
    // the loser is aborted on the server
    expect((await fail(t2.collection('c').doc('a').get()))!.message).toMatch(/TransactionNotExist/)
    await t1.commit()
    // a transaction whose snapshot predates a committed write cannot write that document
    const t3 = await db.startTransaction()
    await c()
      .doc('a')
      .update({ data: { n: 4 } })
    expect(
      (await fail(
        t3
          .collection('c')
          .doc('a')
          .update({ data: { n: 5 } })
      ))!.message
    ).toMatch(/TransactionConflict/)
    expect((await c().doc('a').get()).data.n).toBe(4)
    // the same id added by two transactions: the second is a conflict
    const t4 = await db.startTransaction()
    const t5 = await db.startTransaction()
    await t4.collection('c').add({ data: { _id: 'new', n: 1 } })
    expect((await fail(t5.collection('c').add({ data: { _id: 'new', n: 2 } })))!.message).toMatch(
      /TransactionConflict/
    )
    await t4.commit()
  })

  it('environments are isolated, and one can be copied', async () => {
    const a = await fresh()
    const b = await fresh()
    await a.c().add({ data: { _id: 'x', from: 'a' } })
    expect((await b.c().doc('x').get()).data).toBeNull()
    engine.copyEnv(a.env, 'copy')
    expect(engine.env('copy').current('c', 'x')).toEqual({ _id: 'x', from: 'a' })
  })

  it('counts requests per action and the sequential depth of a burst', async () => {
    const { env, c } = await fresh()
    engine.latencyMs = 5
    try {
      await c().add({ data: { _id: 'a' } })
      await c().doc('a').get()
      await Promise.all([c().doc('a').get(), c().doc('a').get(), c().doc('a').get()])
    } finally {
      engine.latencyMs = 0
    }
    expect(engine.counters.count({ env })).toBe(5)
    expect(engine.counters.byAction).toMatchObject({
      'database.insertDocument': 1,
      'database.getDocument': 4
    })
    expect(engine.counters.depth({ env })).toBe(3)
    expect(engine.counters.depth({ env, action: 'database.getDocument' })).toBe(2)
  })
})
