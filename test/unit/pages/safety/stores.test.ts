/**
 * The safety stores against the real dispatcher: the walker's check-in prompt (due time from the
 * round's start and the last check-in, one buzz per due time, check-ins and panic through the
 * outbox, offline too) and the watchers' alert list (acknowledged once; the second is told who).
 */
import { makeBackend, MemoryStorage, type Backend } from '../../stores/backend'
import { signedIn } from '../../../kit/session'
import { PatrolStore } from '../../../../src/pages/patrol/model/patrol'
import { CheckInStore } from '../../../../src/pages/patrol/model/safety'
import { AlertsStore } from '../../../../src/pages/safety/model/alerts'
import type { Watch } from '../../../../src/domain/safety/rules'

const M = 60_000
let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function walker() {
  const p = await signedIn(b, 'patrol', { storage: new MemoryStorage() })
  const patrol = new PatrolStore({ ...p.deps, staffName: () => '李巡', position: async () => undefined })
  await patrol.load()
  let buzzes = 0
  const round = () => {
    const a = patrol.active
    if (!a) return undefined
    const card = patrol.cards.find((c) => c.round?.id === a.id)
    const queued = p.outbox.mine.find((e) => e.action === 'patrol.start')
    return { id: a.id, startedAt: card?.round?.startedAt ?? queued?.deviceTime ?? b.h.clock.now }
  }
  const safety = new CheckInStore({
    ...p.deps,
    position: async () => ({ lat: 22.5, lng: 114.1, accuracyM: 8 }),
    round,
    buzz: () => buzzes++
  })
  await safety.load()
  return { patrol, safety, outbox: p.outbox, buzzes: () => buzzes }
}

describe('the walker’s check-in prompt', () => {
  it('is due 20 minutes after the round starts, buzzes once when due, and 我安全 moves it (server too)', async () => {
    const w = await walker()
    expect(w.safety.dueAt).toBeUndefined()
    const t0 = b.h.clock.now
    w.patrol.startRound(w.patrol.cards.find((c) => c.state === 'due')!)
    expect(w.safety.dueAt).toBe(t0 + 20 * M)
    expect(w.safety.isDue(t0 + 19 * M)).toBe(false)
    expect(w.safety.isDue(t0 + 20 * M)).toBe(true)
    expect(w.safety.isDue(t0 + 21 * M)).toBe(true)
    expect(w.buzzes()).toBe(1)

    b.h.clock.now = t0 + 21 * M
    expect(await w.safety.checkIn()).toBe(true)
    expect(w.safety.dueAt).toBe(t0 + 41 * M)
    await w.outbox.sync({ force: true })
    const stored = (await b.h.rt.store.get('safetywatches', w.patrol.active!.id)) as unknown as Watch
    expect(stored).toMatchObject({ lastAt: t0 + 21 * M, position: { lat: 22.5, lng: 114.1, accuracyM: 8 } })
  })

  it('offline: the check-in waits behind the round’s start and both arrive in order', async () => {
    const w = await walker()
    b.online = false
    const t0 = b.h.clock.now
    w.patrol.startRound(w.patrol.cards.find((c) => c.state === 'due')!)
    b.h.clock.now = t0 + 10 * M
    expect(await w.safety.checkIn()).toBe(true)
    expect(w.safety.dueAt).toBe(t0 + 30 * M)
    b.h.clock.now = t0 + 12 * M
    b.online = true
    await w.outbox.sync({ force: true })
    expect(w.outbox.mine).toEqual([])
    const watches = (await b.h.rt.store.find('safetywatches', {})).items as unknown as Watch[]
    expect(watches).toHaveLength(1)
    expect(watches[0]).toMatchObject({ status: 'watching', lastAt: t0 + 10 * M })
  })

  it('the panic alert is queued at once and reaches the supervisor’s list', async () => {
    const w = await walker()
    expect(await w.safety.panic()).toBe(true)
    expect(w.safety.panicAt).toBe(b.h.clock.now)
    await w.outbox.sync({ force: true })
    const sup = await signedIn(b, 'supervisor', { storage: new MemoryStorage() })
    const list = new AlertsStore(sup.deps)
    await list.load()
    expect(list.open.map((a) => a.title)).toEqual(['李巡 长按求助'])
  })
})

describe('the watchers’ alert list', () => {
  it('one acknowledgement wins; the second person is told who was first and nothing stays queued', async () => {
    const w = await walker()
    await w.safety.panic()
    await w.outbox.sync({ force: true })
    const sup = await signedIn(b, 'supervisor', { storage: new MemoryStorage() })
    const guard = await signedIn(b, 'guard', { storage: new MemoryStorage() })
    const a = new AlertsStore(sup.deps)
    const g = new AlertsStore(guard.deps)
    await Promise.all([a.load(), g.load()])
    const id = a.open[0].id
    a.setNote(id, '我去看看')
    expect(await a.ack(id)).toBe(true)
    expect(a.open).toEqual([])
    expect(a.recent[0]).toMatchObject({ ackByName: '周主管', ackNote: '我去看看' })
    expect(await g.ack(id)).toBe(false)
    expect(g.taken[id]).toContain('周主管')
    expect(guard.outbox.mine).toEqual([])
  })
})
