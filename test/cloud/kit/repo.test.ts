import { makePort, T0 } from '../harness'
import type { Ctx } from '../../../src/cloud/context'
import type { DataPort } from '../../../src/cloud/data/port'
import type { Estate, Gate } from '../../../src/domain/entities'
import { coll, Repo, inEstate } from '../../../src/cloud/kit'
import { AppError } from '../../../src/domain/errors'

const GATES = coll<Gate>('gates')

function ctxOn(db: DataPort, estateId = 'e1'): Ctx {
  return {
    db,
    store: db,
    now: T0,
    estate: { _id: estateId } as Estate,
    estateId
  } as Partial<Ctx> as Ctx
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
  } catch (e) {
    return e instanceof AppError ? e.code : String(e)
  }
  return 'no error'
}

describe('kit Repo', () => {
  let db: DataPort
  beforeEach(async () => {
    db = await makePort()
  })
  afterEach(() => db.close?.())

  it('insert sets createdAt/updatedAt (and the port _v); update sets updatedAt, bumps _v, and a stale copy is a CONFLICT', async () => {
    const r = new Repo(ctxOn(db))
    const g = await r.insert(GATES, { _id: 'g1', estateId: 'e1', name: '南门' })
    expect(g).toMatchObject({ _v: 1, createdAt: T0, updatedAt: T0 })
    const later = new Repo({ ...ctxOn(db), now: T0 + 5 })
    const g2 = await later.update(GATES, g, { name: '北门' })
    expect(g2).toMatchObject({ _v: 2, name: '北门', createdAt: T0, updatedAt: T0 + 5 })
    expect(await later.tryUpdate(GATES, g, { name: '东门' })).toBeNull()
    expect(await codeOf(later.update(GATES, g, { name: '东门' }))).toBe('CONFLICT')
    expect((await db.get('gates', 'g1'))?.name).toBe('北门')
  })

  it('getInEstate: the document of the caller estate; missing or another estate is NOT_FOUND with the message', async () => {
    await db.insert('gates', { _id: 'mine', createdAt: 0, updatedAt: 0, estateId: 'e1', name: 'a' })
    await db.insert('gates', { _id: 'theirs', createdAt: 0, updatedAt: 0, estateId: 'e2', name: 'b' })
    const r = new Repo(ctxOn(db))
    expect((await r.getInEstate(GATES, 'mine')).name).toBe('a')
    for (const id of ['theirs', 'nobody']) {
      const err = await r.getInEstate(GATES, id, '没有这个门岗').catch((e: AppError) => e)
      expect(err).toBeInstanceOf(AppError)
      expect(err).toMatchObject({ code: 'NOT_FOUND', message: '没有这个门岗' })
    }
    expect(inEstate(await r.get(GATES, 'theirs'), 'e1')).toBe(false)
    expect(inEstate(await r.get(GATES, 'theirs'), 'e2')).toBe(true)
  })

  it('getInEstate with active: an inactive document is NOT_FOUND', async () => {
    const c = coll<Gate & { active: boolean }>('gates')
    await db.insert('gates', {
      _id: 'off',
      createdAt: 0,
      updatedAt: 0,
      estateId: 'e1',
      name: 'a',
      active: false
    })
    await db.insert('gates', {
      _id: 'on',
      createdAt: 0,
      updatedAt: 0,
      estateId: 'e1',
      name: 'b',
      active: true
    })
    const r = new Repo(ctxOn(db))
    expect(await codeOf(r.getInEstate(c, 'off', undefined, { active: true }))).toBe('NOT_FOUND')
    expect((await r.getInEstate(c, 'on', undefined, { active: true })).name).toBe('b')
    expect((await r.getInEstate(c, 'off')).name).toBe('a')
  })

  it('deactivateInEstate marks the document inactive once; missing, foreign or inactive is NOT_FOUND', async () => {
    const c = coll<Gate & { active: boolean }>('gates')
    await db.insert('gates', {
      _id: 'g',
      createdAt: 0,
      updatedAt: 0,
      estateId: 'e1',
      name: 'a',
      active: true
    })
    await db.insert('gates', {
      _id: 'theirs',
      createdAt: 0,
      updatedAt: 0,
      estateId: 'e2',
      name: 'b',
      active: true
    })
    const r = new Repo(ctxOn(db))
    expect(await r.deactivateInEstate(c, 'g', '没有这条')).toMatchObject({
      active: false,
      _v: 2,
      updatedAt: T0
    })
    expect(await codeOf(r.deactivateInEstate(c, 'g'))).toBe('NOT_FOUND')
    expect(await codeOf(r.deactivateInEstate(c, 'theirs'))).toBe('NOT_FOUND')
    expect(await codeOf(r.deactivateInEstate(c, 'nobody'))).toBe('NOT_FOUND')
    expect((await db.get('gates', 'theirs'))?.active).toBe(true)
  })

  it('saveInEstate creates with the estate, changes its own, and refuses another estate', async () => {
    await db.insert('gates', { _id: 'theirs', createdAt: 0, updatedAt: 0, estateId: 'e2', name: 'b' })
    const r = new Repo(ctxOn(db))
    const made = await r.saveInEstate(GATES, 'g', { name: '一' })
    expect(made).toMatchObject({ _id: 'g', estateId: 'e1', name: '一', _v: 1 })
    expect(await r.saveInEstate(GATES, 'g', { name: '二' })).toMatchObject({ name: '二', _v: 2 })
    expect(await codeOf(r.saveInEstate(GATES, 'theirs', { name: 'x' }))).toBe('NOT_FOUND')
    expect((await db.get('gates', 'theirs'))?.name).toBe('b')
  })

  it('all pages through every match in order; allIn splits long id lists and keeps each chunk in order', async () => {
    const n = 230
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        db.insert('gates', {
          _id: `g${String(i).padStart(3, '0')}`,
          createdAt: i,
          updatedAt: i,
          estateId: i % 2 ? 'e1' : 'e2',
          name: `n${i}`
        })
      )
    )
    const r = new Repo(ctxOn(db))
    const odd = await r.all(GATES, {
      where: { estateId: 'e1' },
      orderBy: [['createdAt', 'asc']],
      pageSize: 20
    })
    expect(odd.map((g) => g.createdAt)).toEqual(Array.from({ length: n / 2 }, (_, i) => 2 * i + 1))
    const ids = Array.from({ length: n }, (_, i) => `g${String(i).padStart(3, '0')}`).reverse()
    const got = await r.allIn(GATES, '_id', ids, { orderBy: [['_id', 'asc']], pageSize: 30 })
    expect(got).toHaveLength(n)
    // chunks of 100 ids, each chunk sorted by the query
    expect(got.slice(0, 100).map((g) => g._id)).toEqual(ids.slice(0, 100).sort())
    expect(got.slice(200).map((g) => g._id)).toEqual(ids.slice(200).sort())
    expect(await r.allIn(GATES, '_id', [], { orderBy: [['_id', 'asc']] })).toEqual([])
    expect((await r.allIn(GATES, '_id', ['g001'], { orderBy: [['_id', 'asc']] })).map((g) => g.name)).toEqual(
      ['n1']
    )
    expect(await r.count(GATES, { estateId: 'e2' })).toBe(n / 2)
    expect((await r.first(GATES, { estateId: 'e2' }, [['createdAt', 'desc']]))?.createdAt).toBe(n - 2)
  })
})
