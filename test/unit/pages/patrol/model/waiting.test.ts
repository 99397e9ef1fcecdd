import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { PatrolStore } from '../../../../../src/pages/patrol/model/patrol'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function phone() {
  const p = await signedIn(b, 'patrol')
  const patrol = new PatrolStore({ ...p.deps, staffName: () => '李巡', position: async () => undefined })
  return { outbox: p.outbox, patrol }
}

describe('PatrolStore: what is still on the phone (issue 17, the night round)', () => {
  it('a point checked offline and the round ended offline say so until they reach the server', async () => {
    const { patrol, outbox } = await phone()
    await patrol.load()
    const card = patrol.cards.find((c) => c.state === 'due')!
    expect(patrol.startRound(card)).toBe(true)
    await outbox.sync({ force: true })
    await patrol.load()
    const roundId = patrol.active!.id

    expect(patrol.identify('typed', 'K2M3')).toBe(true)
    expect(await patrol.record({ normal: 'yes' })).toEqual([])
    await outbox.sync({ force: true })
    await patrol.load()
    expect(patrol.waitingScans).toEqual([])
    expect(patrol.scanned).toEqual(['demo-cp-1'])

    b.online = false
    expect(patrol.identify('typed', 'K2M4')).toBe(true)
    expect(await patrol.record({ normal: 'yes' })).toEqual([])
    expect(patrol.scanned.sort()).toEqual(['demo-cp-1', 'demo-cp-2'])
    expect(patrol.waitingScans).toEqual(['demo-cp-2'])
    expect(patrol.endWaiting(roundId)).toBe(false)
    expect(patrol.endRound('车库卷帘门锁着')).toBe(true)
    expect(patrol.endWaiting(roundId)).toBe(true)
    expect(patrol.endWaiting(undefined)).toBe(false)

    b.online = true
    await outbox.sync({ force: true })
    expect(patrol.endWaiting(roundId)).toBe(false)
    const round = (await b.h.rt.store.get('rounds', roundId)) as unknown as { status: string }
    expect(round.status).toBe('abandoned')
  })

  it('the anomaly reported with its photos', async () => {
    const { patrol, outbox } = await phone()
    await patrol.load()
    expect(patrol.startRound(patrol.cards.find((c) => c.state === 'due')!)).toBe(true)
    expect(patrol.identify('typed', 'K2M5')).toBe(true)
    expect(await patrol.record({ fire: 'no' })).toEqual(['消防设施是否正常：否'])
    expect(patrol.reportAnomaly('other', ['photo-pump-1'])).toBe(true)
    const queued = outbox.mine.find((e) => e.action === 'work.report')!
    expect(queued.input).toMatchObject({ place: '消防泵房', photoIds: ['photo-pump-1'] })
    // no photo: no photoIds at all (the contract's optional field left out)
    expect(patrol.identify('typed', 'K2M3')).toBe(true)
    expect(await patrol.record({ normal: 'no' })).toHaveLength(1)
    expect(patrol.reportAnomaly()).toBe(true)
    const second = outbox.mine.filter((e) => e.action === 'work.report')[1]!
    expect(second.input).not.toHaveProperty('photoIds')
  })
})
