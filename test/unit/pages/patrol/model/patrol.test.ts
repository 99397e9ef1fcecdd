import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { PatrolStore } from '../../../../../src/pages/patrol/model/patrol'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function phone(storage = new MemoryStorage()) {
  const p = await signedIn(b, 'patrol', { storage })
  const outbox = p.outbox
  const patrol = new PatrolStore({
    ...p.deps,
    staffName: () => '李巡',
    position: async () => undefined
  })
  return { outbox, patrol, storage }
}

describe('PatrolStore', () => {
  it('walks a round offline: start, points checked on the phone, end; all of it reaches the server once', async () => {
    const storage = new MemoryStorage()
    const { patrol } = await phone(storage)
    await patrol.load()
    const card = patrol.cards.find((c) => c.state === 'due')!
    b.online = false
    expect(patrol.startRound(card)).toBe(true)
    expect(patrol.active).toMatchObject({ planName: '全天巡逻', pending: true })
    expect(patrol.nextPoint).toBe('demo-cp-1')

    expect(patrol.identify('typed', 'k2m4')).toBe(true) // out of order: allowed, explained
    expect(patrol.hint).toBe('按顺序应先到「1栋大堂」，已记录为顺序不符')
    expect(await patrol.record({ normal: 'yes' })).toEqual([])
    expect(patrol.scanned).toEqual(['demo-cp-2'])
    expect(patrol.identify('typed', 'K2M4')).toBe(false)
    expect(patrol.error).toBe('「地下车库入口」本轮已经打过点了')
    expect(patrol.identify('typed', 'ZZZZ')).toBe(false)
    expect(patrol.identify('qr', 'https://example.com')).toBe(false)
    expect(patrol.identify('typed', 'K2M5')).toBe(true)
    expect(await patrol.record({ fire: 'no' })).toEqual(['消防设施是否正常：否'])
    // one more tap makes the anomaly an incident, with the place and what was found
    expect(patrol.anomaly).toMatchObject({ name: '消防泵房', reported: false })
    expect(patrol.reportAnomaly()).toBe(true)
    expect(patrol.reportAnomaly()).toBe(false)
    expect(patrol.endRound()).toBe(false)
    expect(patrol.error).toMatch(/还有 2 个点没巡/)

    // the phone restarts, still offline: the round and its points are still there
    const again = await phone(storage)
    await again.patrol.load()
    expect(again.patrol.active?.id).toBe(patrol.active?.id)
    expect(again.patrol.scanned.sort()).toEqual(['demo-cp-2', 'demo-cp-3'])
    expect(again.patrol.endRound('下雨，先回岗亭')).toBe(true)
    expect(again.patrol.active).toBeUndefined()

    b.online = true
    await again.outbox.sync({ force: true })
    const rounds = (await b.h.rt.store.find('rounds', { where: { staffId: 'demo-patrol' } }))
      .items as unknown as { status: string; endReason: string }[]
    expect(rounds).toMatchObject([{ status: 'abandoned', endReason: '下雨，先回岗亭' }])
    expect(await b.h.rt.store.count('scans')).toBe(2)
    const inc = (await b.h.rt.store.find('incidents', { where: { reporterId: 'demo-patrol' } }))
      .items[0] as unknown as { place: string; note: string; checkpointId: string }
    expect(inc).toMatchObject({
      place: '消防泵房',
      note: '巡更发现：消防设施是否正常：否',
      checkpointId: 'demo-cp-3'
    })
    expect(again.outbox.mine).toEqual([])
  })
})
