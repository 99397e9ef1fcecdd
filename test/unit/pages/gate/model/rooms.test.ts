/**
 * The room keys' data on the phone: the gate and the desk fetch the estate's rooms (every page
 * of rooms.list), keep building/unit/room only, and still have them offline after a restart.
 */
import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { GateStore } from '../../../../../src/pages/gate/model/gate'
import { DeskStore } from '../../../../../src/pages/desk/model/desk'
import { roomsKey, type CachedRooms } from '../../../../../src/pages/roomCache'
import { ROOMS_FRESH_MS } from '../../../../../src/domain/estates/roomPick'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function gatePhone(storage = new MemoryStorage()) {
  const p = await signedIn(b, 'demo-guard', { storage })
  return new GateStore({ ...p.deps, staffName: () => '张卫国', shiftPost: () => undefined })
}

describe('the estate’s rooms on the phone', () => {
  it('the gate fetches every room (more than one page), keeps no owner, and has them offline after a restart', async () => {
    // 72 demo rooms plus 60 more: two pages of rooms.list
    for (let i = 1; i <= 60; i++)
      await b.h.rt.store.insert('rooms', {
        _id: `r-extra-${i}`,
        estateId: 'demo-estate',
        building: '9',
        unit: '',
        no: String(100 + i),
        ownerName: '业主',
        ownerPhone: '13800138000',
        _v: 1,
        createdAt: 0,
        updatedAt: 0
      })
    const storage = new MemoryStorage()
    const g = await gatePhone(storage)
    await g.load()
    expect(g.rooms).toHaveLength(132)
    expect(g.roomLabels.has('3-2-602')).toBe(true)
    expect(g.roomLabels.has('9-160')).toBe(true)
    const kept = storage.get<CachedRooms>(roomsKey('demo-estate'))!
    expect(kept.rooms).toHaveLength(132)
    expect(JSON.stringify(kept)).not.toMatch(/业主|1380/)

    b.online = false
    const again = await gatePhone(storage)
    await again.load()
    expect(again.rooms).toHaveLength(132)
  })

  it('a fresh copy is not fetched again; an old one is, and the desk reads the same copy', async () => {
    const storage = new MemoryStorage()
    const g = await gatePhone(storage)
    await g.load()
    expect(g.rooms).toHaveLength(72)
    await b.h.rt.store.insert('rooms', {
      _id: 'r-new',
      estateId: 'demo-estate',
      building: '4',
      unit: '1',
      no: '101',
      _v: 1,
      createdAt: 0,
      updatedAt: 0
    })
    const p = await signedIn(b, 'demo-service', { storage })
    const desk = new DeskStore(p.deps)
    await desk.load()
    await desk.roomCache.load('demo-estate')
    expect(desk.rooms).toHaveLength(72)
    b.h.clock.now += ROOMS_FRESH_MS + 1
    await desk.roomCache.load('demo-estate')
    expect(desk.rooms).toHaveLength(73)
    expect(storage.get<CachedRooms>(roomsKey('demo-estate'))!.rooms).toHaveLength(73)
  })
})
