/**
 * Round trips the CloudBase adapter saves, and that saving them changes nothing a caller
 * sees: a `fresh` insert (a server-made id) skips its look-before-insert and still fails
 * as a duplicate; an update outside a transaction given the caller's copy does not read back;
 * a long page is read in chunks, the later ones at once.
 */
import { makePort, sharedEngine } from '../cloud/harness'
import { DuplicateKeyError } from '../../src/cloud/data/port'

const D = (id: string, n: number) => ({ _id: id, createdAt: 1, updatedAt: 1, n })

describe('CloudBase adapter round trips', () => {
  it('a fresh insert in a transaction is one request; a duplicate still fails as DUPLICATE and writes nothing', async () => {
    const engine = await sharedEngine()
    const db = await makePort()
    await db.insert('audit', D('a1', 1))
    engine.counters.reset()
    await db.transaction(async (tx) => {
      await tx.insert('audit', D('a2', 2), { fresh: true })
    })
    // start, add, commit: no get
    expect(engine.counters.records.map((r) => r.action)).toEqual([
      'database.startTransaction',
      'database.insertDocument',
      'database.commitTransaction'
    ])
    await expect(
      db.transaction(async (tx) => {
        await tx.insert('audit', D('a3', 3), { fresh: true })
        await tx.insert('audit', D('a1', 9), { fresh: true })
      })
    ).rejects.toBeInstanceOf(DuplicateKeyError)
    expect(await db.get('audit', 'a3')).toBeNull()
    expect(await db.get('audit', 'a1')).toMatchObject({ n: 1, _v: 1 })
  })

  it('an update outside a transaction with the caller’s copy returns the patched copy without reading back', async () => {
    const engine = await sharedEngine()
    const db = await makePort()
    const cur = await db.insert('audit', { ...D('u1', 1), nested: { a: 1, b: 2 } })
    engine.counters.reset()
    const next = await db.update('audit', 'u1', 1, { nested: { a: 5 }, n: undefined }, { current: cur })
    expect(engine.counters.total).toBe(1)
    expect(next).toEqual(await db.get('audit', 'u1'))
    expect(next).toMatchObject({ _v: 2, nested: { a: 5 } })
    // a stale copy is still a conflict
    expect(await db.update('audit', 'u1', 1, { n: 3 }, { current: cur })).toBeNull()
  })

  it('a page longer than one get is read in chunks, the later ones at the same time', async () => {
    const engine = await sharedEngine()
    const db = await makePort()
    const docs = Array.from({ length: 350 }, (_, i) => D(`p${String(i).padStart(4, '0')}`, i))
    for (const d of docs) await db.insert('audit', d)
    engine.counters.reset()
    // answers are held long enough that requests sent at the same time overlap even on a busy machine
    engine.latencyMs = 150
    const page = await db.find('audit', { orderBy: [['_id', 'asc']], limit: 500 }).finally(() => {
      engine.latencyMs = 0
    })
    expect(page.items.map((x) => x._id)).toEqual(docs.map((d) => d._id))
    expect(page.next).toBeUndefined()
    expect(engine.counters.total).toBe(6)
    expect(engine.counters.depth()).toBeLessThanOrEqual(2)
    const first = await db.find('audit', { orderBy: [['_id', 'asc']], limit: 200 })
    expect(first.items).toHaveLength(200)
    const second = await db.find('audit', { orderBy: [['_id', 'asc']], limit: 200, after: first.next })
    expect(second.items.map((x) => x._id)).toEqual(docs.slice(200, 350).map((d) => d._id))
    expect(second.next).toBeUndefined()
  })
})
