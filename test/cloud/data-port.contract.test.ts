import { createCloudbaseAdapter } from '../../src/cloud/data/cloudbase'
import { ENGINE, makePort } from './harness'
import { DuplicateKeyError, type DataPort, type StoredDoc } from '../../src/cloud/data/port'

interface Row extends StoredDoc {
  estateId: string
  n: number
  tag: string
  flag: boolean
  list: string[]
  nested?: { x: number }
}

/** One suite, every adapter: what the app relies on must hold on each engine. */
function contract(name: string, make: () => Promise<DataPort>) {
  describe(`data port contract: ${name}`, () => {
    let db: DataPort
    // `shifts` is a real collection; the suite uses it as a scratch collection
    const C = 'shifts'
    beforeEach(async () => {
      db = await make()
    })
    afterEach(() => db.close?.())

    const row = (i: number, extra: Partial<Row> = {}): Row => ({
      _id: `r${String(i).padStart(3, '0')}`,
      _v: 1,
      estateId: i % 2 ? 'a' : 'b',
      n: i,
      tag: `t${i % 3}`,
      flag: i % 4 === 0,
      list: [`x${i % 5}`],
      ...extra
    })

    it('inserts with the caller’s id, gets by id, refuses a duplicate id', async () => {
      await db.insert<Row>(C, row(1))
      expect(await db.get<Row>(C, 'r001')).toMatchObject({ _id: 'r001', _v: 1, n: 1 })
      expect(await db.get<Row>(C, 'nope')).toBeNull()
      await expect(db.insert<Row>(C, row(1, { n: 99 }))).rejects.toBeInstanceOf(DuplicateKeyError)
      expect((await db.get<Row>(C, 'r001'))!.n).toBe(1)
    })

    it('updates only at the expected version and bumps it', async () => {
      await db.insert<Row>(C, row(1))
      const u = await db.update<Row>(C, 'r001', 1, { n: 2, nested: { x: 1 } })
      expect(u).toMatchObject({ _v: 2, n: 2, nested: { x: 1 }, tag: 't1' })
      expect(await db.update<Row>(C, 'r001', 1, { n: 3 })).toBeNull()
      expect(await db.update<Row>(C, 'missing', 1, { n: 3 })).toBeNull()
      expect((await db.get<Row>(C, 'r001'))!.n).toBe(2)
    })

    it('filters by equality, ranges, in, ne, booleans, nested fields and array membership', async () => {
      for (let i = 0; i < 20; i++) await db.insert<Row>(C, row(i, { nested: { x: i % 2 } }))
      const ids = async (where: Parameters<DataPort['find']>[1]['where']) =>
        (await db.find<Row>(C, { where, orderBy: [['n', 'asc']], limit: 100 })).items.map((r) => r.n)
      expect(await ids({ estateId: 'a', n: { gte: 10, lt: 16 } })).toEqual([11, 13, 15])
      expect(await ids({ tag: { in: ['t0'] }, n: { lte: 6 } })).toEqual([0, 3, 6])
      expect(await ids({ flag: true })).toEqual([0, 4, 8, 12, 16])
      expect(await ids({ 'nested.x': 1, n: { gt: 15 } })).toEqual([17, 19])
      expect(await ids({ list: { has: 'x3' } })).toEqual([3, 8, 13, 18])
      expect(await ids({ tag: { ne: 't0' }, n: { lt: 5 } })).toEqual([1, 2, 4])
      expect(await db.count(C, { estateId: 'b' })).toBe(10)
      expect(await db.count(C)).toBe(20)
    })

    it('sorts and pages with a cursor, without gaps or repeats', async () => {
      for (let i = 0; i < 25; i++) await db.insert<Row>(C, row(i))
      const seen: number[] = []
      let after: string | undefined
      let pages = 0
      do {
        const p = await db.find<Row>(C, {
          orderBy: [
            ['tag', 'asc'],
            ['n', 'desc']
          ],
          limit: 7,
          after
        })
        seen.push(...p.items.map((r) => r.n))
        after = p.next
        pages++
      } while (after)
      expect(pages).toBe(4)
      expect(seen).toHaveLength(25)
      expect(new Set(seen).size).toBe(25)
      const expected = [...Array(25).keys()].sort((a, b) => (a % 3) - (b % 3) || b - a)
      expect(seen).toEqual(expected)
    })

    it('commits a transaction atomically and rolls it back on error', async () => {
      await db.insert<Row>(C, row(1))
      await db.transaction(async (tx) => {
        const r = await tx.get<Row>(C, 'r001')
        await tx.update<Row>(C, 'r001', r!._v, { n: 10 })
        await tx.insert<Row>(C, row(2))
      })
      expect((await db.get<Row>(C, 'r001'))!.n).toBe(10)
      await expect(
        db.transaction(async (tx) => {
          await tx.update<Row>(C, 'r001', 2, { n: 20 })
          await tx.insert<Row>(C, row(3))
          throw new Error('abort')
        })
      ).rejects.toThrow('abort')
      expect((await db.get<Row>(C, 'r001'))!.n).toBe(10)
      expect(await db.get<Row>(C, 'r003')).toBeNull()
    })

    it('two concurrent conditional updates of one version: exactly one wins', async () => {
      await db.insert<Row>(C, row(1))
      const results = await Promise.all([
        db.transaction((tx) => tx.update<Row>(C, 'r001', 1, { tag: 'first' })),
        db.transaction((tx) => tx.update<Row>(C, 'r001', 1, { tag: 'second' }))
      ])
      expect(results.filter(Boolean)).toHaveLength(1)
      expect((await db.get<Row>(C, 'r001'))!._v).toBe(2)
    })

    it('many concurrent transactions on one document all get through (conflicts are retried)', async () => {
      await db.insert<Row>(C, row(1, { n: 0 }))
      const bump = () =>
        db.transaction(async (tx) => {
          const r = await tx.get<Row>(C, 'r001')
          return tx.update<Row>(C, 'r001', r!._v, { n: r!.n + 1 })
        })
      const results = await Promise.all([bump(), bump(), bump(), bump(), bump()])
      expect(results.every(Boolean)).toBe(true)
      expect(await db.get<Row>(C, 'r001')).toMatchObject({ n: 5, _v: 6 })
    })

    it('an insert inside a transaction refuses an existing id and never overwrites it', async () => {
      await db.insert<Row>(C, row(1, { tag: 'original' }))
      await expect(
        db.transaction((tx) => tx.insert<Row>(C, row(1, { tag: 'overwrite' })))
      ).rejects.toBeInstanceOf(DuplicateKeyError)
      expect(await db.get<Row>(C, 'r001')).toMatchObject({ tag: 'original', _v: 1 })
      // and a new id inserts, once
      await db.transaction((tx) => tx.insert<Row>(C, row(2)))
      expect(await db.get<Row>(C, 'r002')).toMatchObject({ _v: 1, n: 2 })
    })

    it('a patch replaces an object field whole, removes an undefined field, and both engines store the same', async () => {
      await db.insert<Row>(C, row(1, { nested: { x: 1, y: 2 } as Row['nested'] }))
      const u = await db.update<Row>(C, 'r001', 1, { nested: { x: 5 }, tag: undefined })
      expect(u!.nested).toEqual({ x: 5 })
      expect(u!.tag).toBeUndefined()
      const stored = await db.get<Row>(C, 'r001')
      expect(stored!.nested).toEqual({ x: 5 })
      expect(stored).not.toHaveProperty('tag')
      expect(stored).toEqual(u)
      // the same inside a transaction
      await db.transaction((tx) => tx.update<Row>(C, 'r001', 2, { nested: { x: 7 } }))
      expect((await db.get<Row>(C, 'r001'))!.nested).toEqual({ x: 7 })
    })

    it('a page longer than one get (150) comes back whole, with a cursor to the rest', async () => {
      await Promise.all([...Array(160).keys()].map((i) => db.insert<Row>(C, row(i))))
      const p1 = await db.find<Row>(C, { orderBy: [['n', 'asc']], limit: 150 })
      expect(p1.items.map((r) => r.n)).toEqual([...Array(150).keys()])
      expect(p1.next).toBeDefined()
      const p2 = await db.find<Row>(C, { orderBy: [['n', 'asc']], limit: 150, after: p1.next })
      expect(p2.items.map((r) => r.n)).toEqual([...Array(10).keys()].map((i) => 150 + i))
      expect(p2.next).toBeUndefined()
      const exact = await db.find<Row>(C, { orderBy: [['n', 'asc']], limit: 160 })
      expect(exact.items).toHaveLength(160)
      expect(exact.next).toBeUndefined()
    })

    it('removes by id', async () => {
      await db.insert<Row>(C, row(1))
      expect(await db.remove(C, 'r001')).toBe(true)
      expect(await db.remove(C, 'r001')).toBe(false)
      expect(await db.get<Row>(C, 'r001')).toBeNull()
    })
  })
}

// The engine of this run: SQLite (project `cloud`) or wx-server-sdk on the CloudBase test engine (project `cloudbase`).
contract(ENGINE === 'sqlite' ? 'SQLite' : 'CloudBase through wx-server-sdk (test engine)', makePort)

// The same contract against a real CloudBase environment, when its keys are given (never here:
// no WeChat servers are reachable; the test engine above stands in for it).
if (process.env.TCB_ENV && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY) {
  contract('CloudBase', async () => {
    const cloud = require('wx-server-sdk')
    cloud.init({
      env: process.env.TCB_ENV,
      secretId: process.env.TCB_SECRET_ID,
      secretKey: process.env.TCB_SECRET_KEY
    })
    return createCloudbaseAdapter(cloud.database({ throwOnNotFound: false }))
  })
}
