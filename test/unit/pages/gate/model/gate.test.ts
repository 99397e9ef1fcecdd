import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { GateStore } from '../../../../../src/pages/gate/model/gate'
import { DeskStore } from '../../../../../src/pages/desk/model/desk'
import { GateAdminStore } from '../../../../../src/pages/supervisor/model/gate'
import type { Visitor } from '../../../../../src/domain/gate/entities'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function phone(who = 'demo-guard', storage = new MemoryStorage(), post?: string) {
  const p = await signedIn(b, who, { storage })
  const outbox = p.outbox
  const deps = p.deps
  const gate = new GateStore({ ...deps, staffName: () => '张卫国', shiftPost: () => post })
  return { outbox, gate, storage, deps }
}

const guest = {
  source: 'walkin' as const,
  case: 'ownerGuest' as const,
  name: '王小明',
  phone: '13912345678',
  idDoc: { type: 'none' as const, last4: '' },
  idDeposited: false,
  people: 1,
  room: '1-1-101',
  result: 'admitted' as const
}
const stored = (id: string) => b.h.rt.store.get<Visitor & { [k: string]: unknown }>('visitors', id)

describe('GateStore', () => {
  it('works offline: a check-in shows at once as 待上传, survives a restart, and reaches the server once', async () => {
    const storage = new MemoryStorage()
    const p1 = await phone('demo-guard', storage, '南门岗')
    await p1.gate.load()
    expect(p1.gate.gate).toBe('南门')
    expect(p1.gate.refs?.ownerVehicles.length).toBe(2)
    b.online = false
    const id = p1.gate.checkIn(guest)!
    expect(p1.gate.visitorsInside).toMatchObject([
      { id, name: '王小明', phone: '139****5678', pending: true, gate: '南门' }
    ])
    expect(p1.gate.counts).toMatchObject({ visitorsIn: 1, insideNow: 1 })
    await p1.outbox.sync()
    expect(await stored(id)).toBeNull()

    // the phone restarts offline: cached refs and board, and the waiting check-in
    const p2 = await phone('demo-guard', storage, '南门岗')
    await p2.gate.load()
    expect(p2.gate.refs?.gates).toEqual(['东门', '南门'])
    expect(p2.gate.note).toMatch(/网络不通|离线/)
    expect(p2.gate.visitorsInside.map((v) => v.id)).toEqual([id])

    b.online = true
    await p2.outbox.sync({ force: true })
    await p2.gate.loadBoard()
    expect((await stored(id))?.status).toBe('inside')
    expect(p2.gate.visitorsInside).toMatchObject([{ id, pending: false }])
    expect(p2.gate.counts.visitorsIn).toBe(1)

    // check-out offline: gone from the list at once, left on the server after sync
    b.online = false
    expect(p2.gate.checkOut(p2.gate.visitorsInside[0], false, false)).toBe(true)
    expect(p2.gate.visitorsInside).toEqual([])
    b.online = true
    await p2.outbox.sync({ force: true })
    expect((await stored(id))?.status).toBe('left')
  })

  it('a check-out another guard made first is refused and shown, never dropped', async () => {
    const a = await phone()
    await a.gate.load()
    const id = a.gate.checkIn(guest)!
    await a.outbox.sync()
    await a.gate.loadBoard()
    const row = a.gate.visitorsInside[0]
    ok(
      await b.h.as('demo-supervisor', 'gate.checkOut', {
        visitorId: id,
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    a.gate.checkOut(row, false, false)
    await a.outbox.sync()
    expect(a.gate.refused).toHaveLength(1)
    expect(a.gate.refused[0].lastError?.code).toBe('CONFLICT')
    // the refusal reloads the board: the list shows what the server knows (they left)
    for (let i = 0; i < 50 && a.gate.visitorsInside.length; i++) await new Promise((r) => setTimeout(r, 10))
    expect(a.gate.visitorsInside).toEqual([])
    expect(a.gate.refused).toHaveLength(1)
  })

  it('a check-in the server refuses leaves the list and the counts, and is shown with the reason', async () => {
    const { gate, outbox } = await phone()
    await gate.load()
    b.online = false
    const id = gate.checkIn({
      ...guest,
      case: 'construction',
      name: '钱师傅',
      room: '3-2-501',
      construction: { kind: 'longTerm', permitNo: 'SG-NONE' }
    })!
    expect(gate.visitorsInside.map((v) => [v.id, v.pending])).toEqual([[id, true]])
    expect(gate.counts).toMatchObject({ visitorsIn: 1, insideNow: 1 })
    b.online = true
    await outbox.sync({ force: true })
    expect(gate.refused.map((e) => e.lastError?.message)).toEqual([expect.stringContaining('SG-NONE')])
    expect(gate.visitorsInside).toEqual([])
    expect(gate.counts).toMatchObject({ visitorsIn: 0, insideNow: 0 })
    expect(await stored(id)).toBeNull()
  })

  it('chooses the gate, warns from the cached block list, and lays pending vehicles over the board', async () => {
    const { gate } = await phone()
    await gate.load()
    expect(gate.gate).toBe('东门')
    gate.chooseGate('南门')
    expect(gate.gate).toBe('南门')
    expect(gate.localBlockHits({ phone: '13700001111' })[0]).toMatchObject({
      matchedBy: '手机号',
      reason: '多次冒充快递员进入小区'
    })
    expect(gate.localBlockHits({ plate: '粤a66666' })[0]).toMatchObject({ matchedBy: '车牌' })
    expect(gate.ownerCar('粤b12345')?.room).toBe('1-1-101')
    b.online = false
    gate.vehicleIn({
      plate: '粤B88888',
      case: 'business',
      idDeposited: true,
      icCardNo: 'IC-1',
      result: 'admitted'
    })
    gate.vehicleIn({ plate: '粤B12345', case: 'owner', idDeposited: false, result: 'admitted' })
    expect(gate.vehiclesInside.map((x) => [x.plate, x.pending])).toEqual([['粤B88888', true]])
    gate.vehicleOut('粤B88888', { idReturned: true, cardCollected: true })
    expect(gate.vehiclesInside).toEqual([])
    expect(gate.checkIn({ ...guest, name: '' })).toBeUndefined()
    expect(gate.error).toMatch(/姓名/)
  })
})

describe('DeskStore', () => {
  it('a pass gets its code once synced; offline it waits without one', async () => {
    const { deps } = await phone('demo-service')
    const desk = new DeskStore(deps)
    const now = b.h.clock.now
    const id = await desk.createPass({
      visitorName: '钱七',
      room: '2-1-302',
      people: 1,
      validFrom: now,
      validTo: now + 3600_000
    })
    expect(desk.shownPass?.id).toBe(id)
    expect(desk.shownPass?.code).toMatch(/^\d{6}$/)
    b.online = false
    const id2 = await desk.issueGoods({
      holderKind: 'owner',
      holderName: '陈先生',
      room: '1-1-101',
      items: [{ name: '沙发', qty: 1 }],
      signer: '陈先生',
      date: '2026-11-23'
    })
    expect(id2).toBeDefined()
    expect(desk.shownGoods).toBeUndefined()
    expect(desk.pendingGoods.map((g) => g.holderName)).toEqual(['陈先生'])
    expect(desk.note).toMatch(/离线/)
    b.online = true
    await deps.outbox.sync({ force: true })
    await desk.load()
    desk.show('goods', id2!)
    expect(desk.shownGoods?.code).toMatch(/^\d{6}$/)
    expect(await desk.revokeGoods(id2!)).toBe(true)
    expect(desk.goods.find((g) => g.id === id2)?.status).toBe('revoked')
  })
})

describe('GateAdminStore', () => {
  it('filters the day log, pages it, exports CSV, and keeps the block list', async () => {
    const { deps } = await phone('demo-supervisor')
    const files: { name: string; text: string }[] = []
    const admin = new GateAdminStore({
      ...deps,
      exportText: async (name, text) => void files.push({ name, text })
    })
    for (let i = 0; i < 55; i++)
      ok(
        await b.h.as('demo-guard', 'gate.checkIn', { ...guest, id: `lg${i}`, gate: i % 2 ? '东门' : '南门' })
      )
    await admin.loadRefs()
    expect(admin.guards.map((g) => g.name)).toEqual(['张卫国'])
    await admin.loadLog()
    expect(admin.items).toHaveLength(50)
    expect(admin.total).toBe(55)
    await admin.loadLog(true)
    expect(admin.items).toHaveLength(55)
    admin.set('gate', '南门')
    await admin.loadLog()
    expect(admin.total).toBe(28)
    admin.set('type', 'vehicle')
    await admin.loadLog()
    expect(admin.items).toEqual([])
    admin.set('type', '')
    await admin.loadLog()
    expect(await admin.exportCsv()).toBe(true)
    expect(files[0].name).toMatch(/南门\.csv$/)
    expect(files[0].text.split('\r\n').filter(Boolean)).toHaveLength(29)
    expect(admin.message).toBe('已导出 28 条')

    expect(admin.addBlockPerson({ name: '', phone: '', idNumber: '123', idLast4: '', reason: 'x' })).toBe(
      false
    )
    expect(admin.error).toMatch(/18位/)
    expect(
      await admin.addBlockPerson({
        name: '赵某',
        phone: '',
        idNumber: '11010519491231002X',
        idLast4: '',
        reason: '打架'
      })
    ).toBe(true)
    const entry = admin.refs?.blocklist.find((x) => x.name === '赵某')
    expect(entry).toMatchObject({ idLast4: '002X', hasIdHash: true })
    expect(await admin.saveOwnerVehicle('粤B12345', '3-1-101', '')).toBe(false)
    expect(admin.error).toMatch(/已登记在 1-1-101/)
  })
})

function ok<T>(e: { ok: boolean; data?: T; message?: string }): T {
  if (!e.ok) throw new Error(e.message)
  return e.data as T
}
