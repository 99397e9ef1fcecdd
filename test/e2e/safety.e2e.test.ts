/**
 * Lone-worker safety on patrol, in Chromium at 390 px against the real local server: a patrol
 * starts a round and checks in (我安全), then misses the next check-in (the server's clock is
 * moved on, as the test's own hook on the running server, and the minute timer runs); the
 * supervisor's home, already open, shows the red banner within its poll, and the supervisor
 * acknowledges it with a note. A short tap on the panic button explains itself; holding it
 * 1.5 s alerts at once. Boxes measured once the page has settled; screenshots in dist/.
 */
import { startApp, signInDemo, type App, until, tap, field, fitsPhone } from './app'
import type { SafetyAlert, Watch } from '../../src/domain/safety/rules'

type Doc<T> = T & { [k: string]: unknown }
let app: App
const realNow = Date.now
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

/** Moves the running server's clock on (the phones keep theirs): a test hook, not the product's. */
function serverClockAhead(ms: number) {
  app.server.runtime.config.now = () => realNow() + ms
}
/** What the cron function's minute trigger does, once. */
const minuteTimer = () =>
  app.server.runtime.call('cron', { action: 'cron.safety', input: {} }, { kind: 'timer' })

const alertsOf = async (kind: string) =>
  (await app.server.runtime.store.find<Doc<SafetyAlert>>('safetyalerts', { where: { kind } })).items

describe('巡更报平安: a missed check-in reaches the supervisor, who acknowledges it', () => {
  afterEach(() => {
    app.server.runtime.config.now = realNow
  })

  it('the patrol checks in once, then misses; the open home shows the alert; 周主管 acknowledges it', async () => {
    const walker = await app.phone()
    // the walker's phone keeps its own clock, which the test moves on below
    await walker.context.clock.install()
    await walker.page.reload()
    await signInDemo(walker.page, '李巡 · 巡逻')
    await tap(walker.page, '巡更路线与打点')
    await tap(walker.page, '开始巡更')
    await walker.page.getByText('已巡 0 / 4 个点').filter({ visible: true }).waitFor()
    const round = await until('the round and its watch on the server', async () => {
      const w = (
        await app.server.runtime.store.find<Doc<Watch>>('safetywatches', {
          where: { staffId: 'demo-patrol' }
        })
      ).items[0]
      return w?.status === 'watching' ? w : undefined
    })
    // the check-in card: due 20 minutes after the start, a big 我安全 and the panic button
    await walker.page
      .getByText(/^报平安：\d\d:\d\d 前$/)
      .filter({ visible: true })
      .waitFor()
    await fitsPhone(walker.page, '.checkin-btn', 60)
    await fitsPhone(walker.page, '.panic', 60)
    await walker.page.screenshot({ path: 'dist/e2e-safety-walking.png', fullPage: true })
    await tap(walker.page, '我安全')
    await until('the check-in counted on the server', async () => {
      const w = (
        await app.server.runtime.store.find<Doc<Watch>>('safetywatches', {
          where: { roundId: round.roundId }
        })
      ).items[0]
      return w && w.lastAt > round.lastAt ? w : undefined
    })

    // 21 minutes on, the phone asks: the card turns red (and the phone vibrates where it can)
    await walker.page.clock.fastForward(21 * 60_000)
    await walker.page.getByText('该报平安了！').filter({ visible: true }).waitFor()
    await walker.page.screenshot({ path: 'dist/e2e-safety-due.png', fullPage: true })

    const sup = await app.phone()
    await signInDemo(sup.page, '周主管 · 主管')
    expect(await sup.page.locator('.safety-banner').count()).toBe(0)

    // 26 minutes later nobody pressed 我安全: the minute timer raises it (the phone may be dead)
    serverClockAhead(26 * 60_000)
    const ran = await minuteTimer()
    expect(ran).toMatchObject({ ok: true, data: { alerted: 1 } })
    // the supervisor's home, open all along, shows it at its next poll (every 30 s)
    const banner = sup.page
      .locator('.safety-banner', { hasText: '李巡 未按时报平安' })
      .filter({ visible: true })
    await banner.waitFor({ timeout: 40_000 })
    expect(await banner.textContent()).toContain('最后巡更点：本轮还没有打点')
    await fitsPhone(sup.page, '.safety-banner', 80)
    await sup.page.screenshot({ path: 'dist/e2e-safety-home.png', fullPage: true })

    await banner.click()
    const card = sup.page.locator('.alert-card', { hasText: '李巡 未按时报平安' }).filter({ visible: true })
    await card.waitFor()
    await field(sup.page, '处理情况，如 已电话联系').fill('已电话联系，手机静音了')
    await fitsPhone(sup.page, '.alert-card .btn', 44)
    await tap(sup.page, '确认已处理')
    await sup.page
      .getByText(/^已由周主管于 \d\d:\d\d 确认：已电话联系，手机静音了$/)
      .filter({ visible: true })
      .waitFor()
    await sup.page.getByText('没有待处理的安全告警').filter({ visible: true }).waitFor()
    await sup.page.screenshot({ path: 'dist/e2e-safety-acked.png', fullPage: true })
    const [stored] = await alertsOf('missed')
    expect(stored).toMatchObject({ status: 'acked', ackByName: '周主管', ackNote: '已电话联系，手机静音了' })

    // back home: the banner is gone
    serverClockAhead(27 * 60_000)
    await sup.page.goBack()
    await sup.page.getByText('工作台', { exact: true }).filter({ visible: true }).first().waitFor()
    await until('the banner gone after the acknowledgement', async () => {
      await sup.page.reload()
      await sup.page.getByText('工作台', { exact: true }).filter({ visible: true }).first().waitFor()
      return (await sup.page.locator('.safety-banner').count()) === 0
    })
    await sup.context.close()
    await walker.context.close()
  })

  it('a short tap on 求助 explains the long press; holding it 1.5 s alerts the supervisor at once', async () => {
    const walker = await app.phone()
    await signInDemo(walker.page, '李巡 · 巡逻')
    await tap(walker.page, '巡更路线与打点')
    const panic = walker.page.locator('.panic').filter({ visible: true }).first()
    await panic.waitFor()
    // pressed where it stands once the page transition has stopped moving it
    await fitsPhone(walker.page, '.panic', 60)
    const box = (await panic.boundingBox())!
    await walker.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    // a tap: nothing is sent, the button says how
    await walker.page.mouse.down()
    await walker.page.mouse.up()
    await walker.page.getByText('长按 1.5 秒求助').filter({ visible: true }).waitFor()
    expect(await alertsOf('panic')).toEqual([])
    // held: "继续按住…" while held, then sent
    await walker.page.mouse.down()
    await walker.page.getByText('继续按住…').filter({ visible: true }).waitFor()
    await walker.page
      .getByText(/已发出求助，主管和在岗门岗会马上收到/)
      .filter({ visible: true })
      .waitFor()
    await walker.page.mouse.up()
    const [a] = await until('the panic alert on the server', async () => {
      const got = await alertsOf('panic')
      return got.length ? got : undefined
    })
    expect(a).toMatchObject({ staffName: '李巡', status: 'open' })
    await walker.page.screenshot({ path: 'dist/e2e-safety-panic.png', fullPage: true })

    const sup = await app.phone()
    await signInDemo(sup.page, '周主管 · 主管')
    await sup.page.locator('.safety-banner', { hasText: '李巡 长按求助' }).filter({ visible: true }).waitFor()
    await sup.context.close()
    await walker.context.close()
  })
})
