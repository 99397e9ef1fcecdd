import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { GateStore } from '../../../../../src/pages/gate/model/gate'
import { HandoverStore } from '../../../../../src/pages/handover/model/handover'
import type { Handover } from '../../../../../src/domain/handover/rules'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

const guest = (name: string) => ({
  source: 'walkin' as const,
  case: 'ownerGuest' as const,
  name,
  idDoc: { type: 'none' as const, last4: '' },
  idDeposited: false,
  people: 1,
  room: '1-1-101',
  result: 'admitted' as const
})

async function phone(who: string, post = '南门岗') {
  const p = await signedIn(b, who, { storage: new MemoryStorage() })
  const endShift = jest.fn(() => true)
  const shift = { post, startedAt: p.deps.now() - 3600_000 }
  const ho = new HandoverStore({ ...p.deps, shift: () => shift, endShift })
  const gate = new GateStore({ ...p.deps, staffName: () => who, shiftPost: () => post })
  return { ...p, ho, gate, endShift }
}
const stored = async () =>
  (await b.h.rt.store.find<Handover & { [k: string]: unknown }>('handovers', { orderBy: [['at', 'asc']] }))
    .items

describe('HandoverStore', () => {
  it('offline: builds the list from the cached board and the waiting check-ins, queues it, and it arrives', async () => {
    const a = await phone('demo-guard')
    await a.gate.load()
    a.gate.checkIn(guest('甲'))
    await a.outbox.sync()
    await a.gate.load() // the board, cached, has 甲
    b.online = false
    a.gate.checkIn(guest('乙')) // waiting on the phone
    await a.ho.loadOut()
    expect(a.ho.offline).toBe(true)
    expect(a.ho.items.find((i) => i.key === 'visitors')).toMatchObject({ count: 2 })
    expect(a.ho.confirmText).toBe('还有未结事项：园内访客 2 位。确认交班并下岗？')
    a.ho.setNote('对讲机没电')
    expect(a.ho.submit()).toBe(true)
    expect(a.endShift).toHaveBeenCalledTimes(1)
    expect(a.ho.submit()).toBe(false) // one handover per tap
    expect(await stored()).toHaveLength(0)

    b.online = true
    await a.outbox.sync({ force: true })
    const [h] = await stored()
    expect(h).toMatchObject({ post: '南门岗', status: 'open', note: '对讲机没电', fromName: '张卫国' })

    // the next guard sees it and accepts with a difference
    const g = await phone('demo-supervisor')
    await g.ho.loadIn('南门岗')
    expect(g.ho.pending?.id).toBe(h._id)
    g.ho.setCheck('visitors', { differs: true, found: 1, note: '乙已离开' })
    expect(g.ho.differenceTexts).toEqual(['园内访客：交 2 位，实 1 位，乙已离开'])
    expect(await g.ho.accept()).toBe(true)
    expect(g.ho.accepted).toBe(true)
    expect((await stored())[0]).toMatchObject({ status: 'accepted', toName: '周主管' })
  })

  it('a handover someone else took: the guard is told, and nothing is left waiting to resend', async () => {
    const a = await phone('demo-guard')
    await a.ho.loadOut()
    expect(a.ho.offline).toBe(false)
    a.ho.submit()
    await a.outbox.sync()
    const g = await phone('demo-supervisor')
    const c = await phone('demo-admin')
    await Promise.all([g.ho.loadIn('南门岗'), c.ho.loadIn('南门岗')])
    expect(await g.ho.accept()).toBe(true)
    expect(await c.ho.accept()).toBe(false)
    expect(c.ho.taken).toMatch(/已由周主管接班/)
    expect(c.outbox.mine).toHaveLength(0)
  })
})
