/** Location privacy: home reads the phone's position only for people who clock at a post (guards). */
import { HomeStore, clocksAtPost } from '../../../src/stores/home'
import type { OutboxStore } from '../../../src/stores/outbox'
import type { Role } from '../../../src/domain/roles'

function store() {
  const locate = jest.fn(async () => ({ position: { lat: 1, lng: 2, accuracyM: 5 } }))
  const home = new HomeStore({
    api: () => {
      throw new Error('not used')
    },
    outbox: { mine: [] } as unknown as OutboxStore,
    storage: { get: () => undefined, set: () => undefined, remove: () => undefined } as never,
    staffId: () => 's1',
    newId: () => 'x',
    locate,
    now: () => 1000
  })
  return { home, locate }
}

describe('who is located on home', () => {
  it.each<[Role[], boolean]>([
    [['guard'], true],
    [['patrol', 'guard'], true],
    [['cleaner'], false],
    [['supervisor'], false],
    [['admin'], false],
    [['housekeeper', 'service'], false]
  ])('%j: located %s', async (roles, located) => {
    const { home, locate } = store()
    expect(clocksAtPost(roles)).toBe(located)
    await home.locateToClock(roles)
    expect(locate).toHaveBeenCalledTimes(located ? 1 : 0)
    expect(home.where !== undefined).toBe(located)
  })
})
