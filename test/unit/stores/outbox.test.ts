import { makeBackend, MemoryStorage, type Backend } from './backend'
import { tokenOf } from '../../kit/session'
import { OutboxStore, type OutboxDeps } from '../../../src/stores/outbox'
import { createIdFactory } from '../../../src/domain/ids'
import { AppError } from '../../../src/domain/errors'
import { STORAGE_WARN_BYTES } from '../../../src/domain/outbox'
import type { Transport } from '../../../src/services/transport'

let b: Backend
let token: string
beforeEach(async () => {
  b = await makeBackend()
  token = await tokenOf(b, 'guard')
})

function outbox(over: Partial<OutboxDeps> = {}, storage = new MemoryStorage()) {
  const applied: string[] = []
  const o = new OutboxStore({
    storage,
    transport: b.transport,
    session: () => ({ staffId: 'demo-guard', token, estateId: 'demo-estate' }),
    now: () => b.h.clock.now,
    random: () => 0.5,
    newId: createIdFactory({ now: () => b.h.clock.now, random: Math.random }),
    onApplied: (e) => applied.push(e.summary),
    ...over
  })
  o.load()
  return { o, storage, applied }
}

const start = (o: OutboxStore, id: string, post = '东门岗') =>
  o.enqueue('shift.start', { id, post }, { record: 'shift:demo-guard', summary: `上岗：${post}` })
const end = (o: OutboxStore, id: string) =>
  o.enqueue('shift.end', { shiftId: id }, { record: 'shift:demo-guard', summary: '下岗' })

describe('OutboxStore', () => {
  it('stores the operation on the device before returning, with a client id and device time', () => {
    const { o, storage } = outbox()
    const e = start(o, 'sh1')
    expect(e.id).toMatch(/^[0-9a-z]{22}$/)
    expect(e.deviceTime).toBe(b.h.clock.now)
    expect(storage.get<string[]>('gwt.outbox')).toEqual([e.id])
    expect(storage.get(`gwt.outbox.${e.id}`)).toMatchObject({ action: 'shift.start', status: 'pending' })
    expect(b.calls).toHaveLength(0)
  })

  it('refuses bad input at once and stores nothing', () => {
    const { o, storage } = outbox()
    expect(() => o.enqueue('shift.start', { id: 'sh1', post: '' }, { record: 'r', summary: 's' })).toThrow(
      AppError
    )
    expect(storage.data.size).toBe(0)
    expect(o.entries).toHaveLength(0)
  })

  it('sends, applies each operation once, and empties itself', async () => {
    const { o, storage, applied } = outbox()
    start(o, 'sh1')
    end(o, 'sh1')
    await o.sync()
    expect(applied).toEqual(['上岗：东门岗', '下岗'])
    expect(o.entries).toHaveLength(0)
    expect([...storage.data.keys()]).toEqual(['gwt.outbox', 'gwt.outbox.meta'])
    expect(storage.get('gwt.outbox')).toEqual([])
    expect(o.lastSyncAt).toBe(b.h.clock.now)
    const ops = await b.h.db.count('ops')
    expect(ops).toBe(2)
  })

  it('batches independent records into one request', async () => {
    const { o } = outbox()
    const n0 = b.calls.length
    // 3 clock-ins on 3 different records: only the first can succeed, but all go in one call.
    for (const id of ['a1', 'a2', 'a3'])
      o.enqueue('shift.start', { id, post: '东门岗' }, { record: id, summary: id })
    await o.sync()
    expect(b.calls.slice(n0)).toEqual([{ fn: 'staff', action: 'batch×3' }])
    expect(o.refused.map((e) => e.summary)).toEqual(['a2', 'a3'])
  })

  it('offline: keeps everything, backs off, and sends when the time comes', async () => {
    const { o } = outbox()
    b.online = false
    start(o, 'sh1')
    await o.sync()
    expect(o.waiting).toHaveLength(1)
    expect(o.waiting[0]).toMatchObject({ attempts: 1, status: 'pending' })
    expect(o.waiting[0].nextAt).toBe(b.h.clock.now + 1500)
    expect(o.offlineReason).toContain('网络不通')
    expect(o.offline).toBe(true)
    b.online = true
    await o.sync()
    expect(o.waiting).toHaveLength(1) // not due yet
    b.h.clock.now += 1500
    await o.sync()
    expect(o.entries).toHaveLength(0)
    expect(o.offlineReason).toBe('')
    expect(o.offline).toBe(false)
  })

  it("the system's network events set offline (pages reload on its way back)", () => {
    const { o } = outbox()
    expect(o.offline).toBe(false)
    o.setOnline(false)
    expect(o.offline).toBe(true)
    o.setOnline(true)
    expect(o.offline).toBe(false)
  })

  it('a forced sync (the person taps 立即同步, or the network returns) ignores the backoff', async () => {
    const { o } = outbox()
    b.online = false
    start(o, 'sh1')
    await o.sync()
    b.online = true
    await o.sync({ force: true })
    expect(o.entries).toHaveLength(0)
  })

  it('a timeout after the server committed is replayed safely: one shift, no refusal', async () => {
    let drop = true
    const flaky: Transport = async (fn, p, t) => {
      const r = await b.transport(fn, p, t)
      if (drop) {
        drop = false
        throw new Error('timeout')
      }
      return r
    }
    const { o } = outbox({ transport: flaky })
    start(o, 'sh1')
    await o.sync()
    expect(o.waiting).toHaveLength(1)
    await o.sync({ force: true })
    expect(o.entries).toHaveLength(0)
    expect(await b.h.db.count('shifts')).toBe(1)
  })

  it('a refusal keeps the operation with the server’s reason and holds back the rest of its record', async () => {
    await b.h.as('demo-guard', 'shift.start', { id: 'other', post: '南门岗' })
    const { o } = outbox()
    start(o, 'sh1')
    end(o, 'sh1')
    await o.sync()
    expect(o.refused).toHaveLength(1)
    expect(o.refused[0].lastError).toMatchObject({ code: 'CONFLICT' })
    expect(o.refused[0].lastError?.message).toContain('南门岗')
    expect(o.waiting.map((e) => e.summary)).toEqual(['下岗'])
    // The person ends the other shift elsewhere, then resends: both go, in order.
    await b.h.as('demo-guard', 'shift.end', { shiftId: 'other' })
    o.resend(o.refused[0].id)
    await o.sync()
    expect(o.entries).toHaveLength(0)
    const sh = await b.h.db.get<{ _id: string; _v: number; status: string }>('shifts', 'sh1')
    expect(sh?.status).toBe('off')
  })

  it('edit and resend: a new operation id, same place in the queue', async () => {
    await b.h.as('demo-guard', 'shift.start', { id: 'other', post: '南门岗' })
    const { o } = outbox()
    const e = start(o, 'sh1', '东门岗')
    end(o, 'sh1')
    await o.sync()
    await b.h.as('demo-guard', 'shift.end', { shiftId: 'other' })
    o.resend(e.id, { id: 'sh1', post: '南门岗' })
    const again = o.entries[0]
    expect(again.id).not.toBe(e.id)
    expect(again.order).toBe(e.order)
    expect(() => o.resend(again.id, { id: 'sh1', post: '' })).toThrow(AppError)
    await o.sync()
    expect(o.entries).toHaveLength(0)
    expect(await b.h.db.get('shifts', 'sh1')).toMatchObject({ post: '南门岗', status: 'off' })
  })

  it('discard removes the operation from the phone', async () => {
    await b.h.as('demo-guard', 'shift.start', { id: 'other', post: '南门岗' })
    const { o, storage } = outbox()
    const e = start(o, 'sh1')
    await o.sync()
    o.discard(e.id)
    expect(o.entries).toHaveLength(0)
    expect(storage.get(`gwt.outbox.${e.id}`)).toBeUndefined()
  })

  it('a dead session pauses sending and keeps everything until the person signs in again', async () => {
    const lost: string[] = []
    const { o } = outbox({ onAuthLost: (c) => lost.push(c) })
    await b.h.rt.call('auth', { action: 'auth.logout', input: {} }, { kind: 'token', token })
    start(o, 'sh1')
    await o.sync()
    expect(lost).toEqual(['SESSION_EXPIRED'])
    expect(o.pausedForAuth).toBe(true)
    expect(o.waiting).toHaveLength(1)
    const n = b.calls.length
    await o.sync()
    expect(b.calls.length).toBe(n)
  })

  it('another person’s operations on the same phone wait for them', async () => {
    const storage = new MemoryStorage()
    const first = outbox({ session: () => ({ staffId: 'demo-patrol', estateId: 'demo-estate' }) }, storage).o
    first.enqueue(
      'shift.start',
      { id: 'p1', post: '巡逻' },
      { record: 'shift:demo-patrol', summary: '上岗：巡逻' }
    )
    const { o } = outbox({}, storage)
    expect(o.others).toHaveLength(1)
    expect(o.mine).toHaveLength(0)
    await o.sync()
    expect(o.others).toHaveLength(1)
    expect(b.calls).toHaveLength(0)
  })

  it('after a restart mid-send, the operation is waiting again and goes once', async () => {
    const storage = new MemoryStorage()
    const never: Transport = () => new Promise(() => undefined)
    const { o: dying } = outbox({ transport: never }, storage)
    const e = start(dying, 'sh1')
    void dying.sync()
    expect(storage.get<{ status: string }>(`gwt.outbox.${e.id}`)?.status).toBe('pending')
    const { o } = outbox({}, storage)
    expect(o.waiting.map((x) => x.status)).toEqual(['pending'])
    await o.sync()
    expect(await b.h.db.count('shifts')).toBe(1)
  })

  it('full storage: the tap is not confirmed, nothing half-stored, earlier records kept', () => {
    const storage = new MemoryStorage()
    const { o } = outbox({}, storage)
    const first = start(o, 'sh1')
    const set = storage.set.bind(storage)
    storage.set = (k, v) => {
      if (k === 'gwt.outbox') throw new Error('exceed storage max size')
      set(k, v)
    }
    expect(() => end(o, 'sh1')).toThrow(expect.objectContaining({ code: 'STORAGE_FULL' }))
    expect(o.entries.map((e) => e.id)).toEqual([first.id])
    expect([...storage.data.keys()].sort()).toEqual(['gwt.outbox', `gwt.outbox.${first.id}`].sort())
  })

  it('warns well before the weapp storage limit', () => {
    const { o } = outbox()
    start(o, 'sh1')
    expect(o.nearStorageLimit).toBe(false)
    o.bytes = STORAGE_WARN_BYTES
    expect(o.nearStorageLimit).toBe(true)
  })
})
