/**
 * Issue 17, in the built mini program: 周主管's home is open when 张卫国 reports 火情; at the home's
 * own 30-s re-read (the page's real timer: nothing else moves it) the red banner shows what, who
 * and when, the phone vibrates once (wx.vibrateLong), and a tap opens the work board with it.
 */
import type { Incident } from '../../../src/domain/work/model'
import { signIn, startWorld, until, type World } from './env'
import type { Phone } from './host'

type Doc<T> = T & { [k: string]: unknown }
let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.close())
jest.setTimeout(90_000)

const phones: Phone[] = []
async function person(name: string): Promise<Phone> {
  const p = world.phone(name)
  phones.push(p)
  await signIn(p, name)
  return p
}
afterEach(() => {
  for (const p of phones.splice(0)) p.assertHealthy()
})

describe('紧急报事 on an open home', () => {
  it('the supervisor’s home shows the fire at its re-read, vibrates once, and opens the work board', async () => {
    const sup = await person('周主管')
    await sup.waitFor('一键报事')
    expect(sup.has('紧急：火情')).toBe(false)
    const buzzes = () => sup.log.filter((l) => l === 'wx.vibrateLong').length
    expect(buzzes()).toBe(0)

    const guard = await person('张卫国')
    await guard.tap('一键报事')
    await guard.tap('火情')
    await guard.waitFor('已记录：🔥 火情')
    await until(
      'the fire on the server',
      async () =>
        (
          await world.server.runtime.store.find<Doc<Incident>>('incidents', {
            where: { reporterId: 'demo-guard', category: 'fire' }
          })
        ).items[0]
    )

    // the home was read before the report: only its 30-s re-read can bring the banner
    expect(sup.has('紧急：火情')).toBe(false)
    await sup.waitFor('紧急：火情', 45_000)
    await sup.waitFor(/^\d\d:\d\d 张卫国 上报$/)
    await sup.waitFor('在保安部抢单池，还没有人接')
    await sup.waitFor(() => buzzes() === 1)

    await sup.tap('紧急：火情')
    await sup.waitFor(() => sup.current?.route === 'pages/supervisor/work/index')
    await sup.waitFor(/火情/)
    expect(buzzes()).toBe(1)
  })
})
