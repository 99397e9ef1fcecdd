/**
 * The home store sends where the phone is with 上岗 and 下岗 (attendance), through the outbox
 * against the real backend: a fix outside the post's radius comes back flagged on home.today; a
 * stale fix is not sent (the server then flags 没有取得位置).
 */
import { makeBackend, type Backend } from '../stores/backend'
import { sessionStore } from '../../kit/session'
import { HomeStore, type ClockWhereIn } from '../../../src/stores/home'
import { OutboxStore } from '../../../src/stores/outbox'
import { createIdFactory } from '../../../src/domain/ids'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function guardHome(where: ClockWhereIn) {
  const { s, api, storage } = sessionStore(b)
  await b.h.as('admin').call('estates.gateSave', {
    id: 'demo-gate-1',
    name: '东门',
    kind: 'gate',
    position: { lat: 22.54, lng: 114.05, radiusM: 100 }
  })
  await s.signInDemo('demo-guard')
  const outbox = new OutboxStore({
    storage,
    transport: b.transport,
    session: () => ({ staffId: s.staff?.id, token: s.token, estateId: s.estate?.id }),
    now: () => b.h.clock.now,
    random: () => 0.5,
    newId: createIdFactory({ now: () => b.h.clock.now, random: Math.random })
  })
  const home = new HomeStore({
    api,
    outbox,
    storage,
    staffId: () => s.staff?.id,
    newId: createIdFactory({ now: () => b.h.clock.now, random: Math.random }),
    locate: async () => where,
    now: () => b.h.clock.now
  })
  return { home, outbox }
}

describe('clocking in with the phone’s place', () => {
  it('a fix 334 m from the post: the clock-in is recorded and home says it is flagged', async () => {
    const { home, outbox } = await guardHome({ position: { lat: 22.543, lng: 114.05, accuracyM: 10 } })
    await home.locate()
    expect(home.startShift('东门岗')).toBe(true)
    await outbox.sync()
    await home.load()
    expect(home.shift).toMatchObject({ post: '东门岗', pending: false })
    expect(home.today?.shift?.flags).toBe('不在岗位范围内（约 334 米）')
  })

  it('a fix older than three minutes is not sent', async () => {
    const { home, outbox } = await guardHome({ position: { lat: 22.54, lng: 114.05, accuracyM: 10 } })
    await home.locate()
    b.h.clock.now += 4 * 60_000
    home.startShift('东门岗')
    expect(outbox.mine[0].input).not.toHaveProperty('where')
    await outbox.sync()
    await home.load()
    expect(home.today?.shift?.flags).toBe('没有取得位置')
  })
})
