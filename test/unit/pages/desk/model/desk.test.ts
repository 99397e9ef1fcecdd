/**
 * The front desk's store against the real dispatcher on SQLite: passes and release slips go
 * through the outbox, get their code from the server, wait on the phone when offline, and a
 * refusal says why instead of leaving a pass that never gets a code.
 */
import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { DeskStore } from '../../../../../src/pages/desk/model/desk'
import { passWindow } from '../../../../../src/domain/gate/desk'
import { qrText, parseQr } from '../../../../../src/domain/gate/qr'
import { T0 } from '../../../../cloud/harness'

const HOUR = 3600_000
let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function desk(who = 'demo-service', storage = new MemoryStorage()) {
  const p = await signedIn(b, who, { storage })
  const outbox = p.outbox
  const store = new DeskStore(p.deps)
  return { store, outbox, storage }
}

function ok<T>(e: { ok: boolean; data?: T; message?: string }): T {
  if (!e.ok) throw new Error(e.message)
  return e.data as T
}

const pass = (over: Record<string, unknown> = {}) => ({
  visitorName: '钱七',
  room: '2-1-302',
  people: 2,
  ...passWindow('today', b.h.clock.now),
  ...over
})
const slip = {
  holderKind: 'contractor' as const,
  holderName: '宏达装修',
  room: '1-1-101',
  items: [
    { name: '旧瓷砖', qty: 40 },
    { name: '切割机', qty: 1 }
  ],
  signer: '周主管',
  date: '2026-11-23'
}

describe('DeskStore', () => {
  it('a pass gets its six-digit code from the server and the QR text a guard scans', async () => {
    const { store, outbox } = await desk()
    await store.load()
    expect(store.passes).toEqual([])
    const id = await store.createPass(
      pass({ visitorPhone: '13912345678', plate: '粤B66666', note: '送装修图纸' })
    )
    expect(id).toBeDefined()
    expect(outbox.mine).toEqual([])
    const p = store.shownPass!
    expect(p).toMatchObject({
      id,
      visitorName: '钱七',
      room: '2-1-302',
      people: 2,
      plate: '粤B66666',
      status: 'active',
      byName: '孙客服'
    })
    expect(p.code).toMatch(/^\d{6}$/)
    // the list never shows a whole phone
    expect(store.passes[0].visitorPhone).toBe('139****5678')
    // what the QR says is what the guard's scanner accepts as this pass
    expect(parseQr(qrText('visitorPass', p.code), 'visitorPass')).toEqual({ code: p.code })
    const checked = ok(await b.h.as('demo-guard', 'gate.passCheck', { code: p.code })) as {
      pass: { id: string }
      problem?: string
    }
    expect(checked.pass.id).toBe(id)
    expect(checked.problem).toBeUndefined()
  })

  it('offline: the pass waits on the phone as 待上传, survives a restart, then gets its code', async () => {
    const storage = new MemoryStorage()
    const first = await desk('demo-service', storage)
    await first.store.load()
    b.online = false
    const id = (await first.store.createPass(pass()))!
    expect(id).toBeDefined()
    expect(first.store.shownPass).toBeUndefined()
    expect(first.store.isWaiting(id)).toBe(true)
    expect(first.store.pendingPasses).toMatchObject([{ id, visitorName: '钱七', refused: undefined }])
    expect(first.store.note).toMatch(/离线/)

    const again = await desk('demo-service', storage)
    await again.store.load()
    expect(again.store.pendingPasses.map((p) => p.id)).toEqual([id])
    b.online = true
    await again.outbox.sync({ force: true })
    await again.store.load()
    expect(again.store.pendingPasses).toEqual([])
    again.store.show('pass', id)
    expect(again.store.shownPass?.code).toMatch(/^\d{6}$/)
    expect(again.store.isWaiting(id)).toBe(false)
    // one pass, not two, however many times it was sent
    expect((await b.h.rt.store.find('passes', { limit: 10 })).items).toHaveLength(1)
  })

  it('the last synced lists are there offline', async () => {
    const storage = new MemoryStorage()
    const first = await desk('demo-service', storage)
    await first.store.createPass(pass())
    await first.store.issueGoods(slip)
    b.online = false
    const again = await desk('demo-service', storage)
    await again.store.load()
    expect(again.store.passes.map((p) => p.visitorName)).toEqual(['钱七'])
    expect(again.store.goods.map((g) => g.holderName)).toEqual(['宏达装修'])
  })

  it('a pass the server refuses at once says why, keeps nothing in the queue, and is not shown as saved', async () => {
    const { store, outbox } = await desk()
    const r = await store.createPass(pass({ validFrom: T0 - 3 * HOUR, validTo: T0 - HOUR }))
    expect(r).toBeUndefined()
    expect(store.error).toMatch(/已经过去/)
    expect(store.shown).toBeUndefined()
    expect(outbox.mine).toEqual([])
    // bad input is caught on the phone before it is queued
    expect(await store.createPass(pass({ plate: '粤I12345' }))).toBeUndefined()
    expect(store.error).toMatch(/车牌/)
    // the next good one goes through
    expect(await store.createPass(pass())).toBeDefined()
    expect(store.error).toBe('')
  })

  it('a pass refused later (its window passed while offline) is listed as 未被接收 with the reason, and can be given up', async () => {
    const { store, outbox } = await desk()
    b.online = false
    const id = (await store.createPass(pass({ validTo: T0 + HOUR })))!
    b.h.clock.now += 2 * HOUR
    b.online = true
    await outbox.sync({ force: true })
    expect(store.pendingPasses).toMatchObject([{ id, refused: expect.stringMatching(/已经过去/) }])
    expect(store.isWaiting(id)).toBe(false)
    store.drop(store.pendingPasses[0].opId)
    expect(store.pendingPasses).toEqual([])
    expect(outbox.mine).toEqual([])
  })

  it('revoking: offline it shows as waiting, then the pass is 作废 on the server and refused at the gate', async () => {
    const { store, outbox } = await desk()
    const id = (await store.createPass(pass()))!
    const code = store.shownPass!.code
    b.online = false
    expect(await store.revokePass(id)).toBe(true)
    expect(store.isRevoking(id)).toBe(true)
    b.online = true
    await outbox.sync({ force: true })
    await store.load()
    expect(store.isRevoking(id)).toBe(false)
    expect(store.passes.find((p) => p.id === id)?.status).toBe('revoked')
    const checked = ok(await b.h.as('demo-guard', 'gate.passCheck', { code })) as { problem?: string }
    expect(checked.problem).toMatch(/作废/)
  })

  it('a pass the guard already used cannot be revoked: the reason is shown and the list says 已使用', async () => {
    const { store, outbox } = await desk()
    const id = (await store.createPass(pass()))!
    ok(
      await b.h.as('demo-guard', 'gate.checkIn', {
        id: 'v-pass-1',
        gate: '东门',
        source: 'pass',
        passId: id,
        case: 'ownerGuest',
        name: '钱七',
        idDoc: { type: 'none', last4: '' },
        idDeposited: false,
        people: 2,
        room: '2-1-302',
        result: 'admitted'
      })
    )
    expect(await store.revokePass(id)).toBe(false)
    expect(store.error).toMatch(/已使用/)
    expect(store.passes.find((p) => p.id === id)?.status).toBe('used')
    expect(outbox.mine).toEqual([])
  })

  it('a release slip with two items gets its code; once the guard released the goods it cannot be revoked', async () => {
    const { store } = await desk()
    const id = (await store.issueGoods(slip))!
    const g = store.shownGoods!
    expect(g).toMatchObject({
      id,
      holderKind: 'contractor',
      holderName: '宏达装修',
      items: slip.items,
      signer: '周主管',
      status: 'issued'
    })
    expect(g.code).toMatch(/^\d{6}$/)
    expect(parseQr(qrText('goodsSlip', g.code), 'goodsSlip')).toEqual({ code: g.code })
    // a goods QR is not taken for a visitor pass
    expect(parseQr(qrText('goodsSlip', g.code), 'visitorPass')).toHaveProperty('problem')
    ok(
      await b.h.as('demo-guard', 'gate.goodsCheck', {
        id: 'gc-1',
        gate: '东门',
        passId: id,
        items: slip.items,
        lorry: false,
        signatureOk: true,
        stampOk: true,
        authorityOk: true,
        itemsMatch: true,
        photoIds: [],
        result: 'released'
      })
    )
    expect(await store.revokeGoods(id)).toBe(false)
    expect(store.error).toMatch(/已放行/)
    expect(store.goods.find((x) => x.id === id)?.status).toBe('released')
  })

  it('a slip dated yesterday is refused with the reason; a guard may not issue one', async () => {
    const { store } = await desk()
    expect(await store.issueGoods({ ...slip, date: '2026-11-22' })).toBeUndefined()
    expect(store.error).toMatch(/不能早于今天/)
    const guard = await desk('demo-guard')
    expect(await guard.store.issueGoods(slip)).toBeUndefined()
    expect(guard.store.error).not.toBe('')
    expect(guard.outbox.mine).toEqual([])
    expect((await b.h.rt.store.find('goodspasses', { limit: 10 })).items).toHaveLength(0)
  })
})
