/**
 * Issue 17: "A supervisor whose home is open learns of an emergency only on the next visit."
 * In Chromium at 390 px against the real local server: 周主管's home is open; 张卫国 (门岗)
 * reports 火情 in one tap; at the home's own 30-s re-read (the supervisor's page clock is moved
 * on: no sleep) a red banner says what, when and who, in the safety banner's slot, and the
 * phone vibrates once, not again at the next re-read; one tap opens the work board with it.
 * Once the guard grabs it, the banner is gone.
 */
import { startApp, signInDemo, type App, until, tap, fitsPhone } from './app'
import type { Incident } from '../../src/domain/work/model'

type Doc<T> = T & { [k: string]: unknown }
let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

describe('紧急报事 on the open home of a supervisor', () => {
  it('the banner comes at the re-read, buzzes once, opens the board, and goes when the task is grabbed', async () => {
    const sup = await app.phone()
    // the supervisor's page clock is the test's (its 30-s timer is moved on below); vibrations are counted
    await sup.context.clock.install()
    await sup.context.addInitScript(() => {
      const w = window as unknown as { buzzes: number }
      w.buzzes = 0
      Object.defineProperty(navigator, 'vibrate', {
        configurable: true,
        value: () => {
          w.buzzes++
          return true
        }
      })
    })
    await sup.page.reload()
    await signInDemo(sup.page, '周主管 · 主管')
    await sup.page.getByText('一键报事', { exact: true }).filter({ visible: true }).waitFor()
    const banner = sup.page.locator('.safety-banner', { hasText: '紧急：火情' }).filter({ visible: true })
    expect(await banner.count()).toBe(0)

    // the guard reports a fire in two taps
    const guard = await app.phone()
    await signInDemo(guard.page, '张卫国 · 门岗')
    await tap(guard.page, '一键报事')
    await tap(guard.page, '火情')
    await guard.page.getByText('已记录：🔥 火情').filter({ visible: true }).waitFor()
    const fire = await until('the fire on the server', async () => {
      const i = (
        await app.server.runtime.store.find<Doc<Incident>>('incidents', {
          where: { reporterId: 'demo-guard', category: 'fire' }
        })
      ).items[0]
      return i
    })

    // the supervisor's home, open all along: at its next re-read (30 s on its clock) the banner is there
    const reread = () =>
      Promise.all([
        sup.page.waitForResponse(
          (r) => /\/api\/staff/.test(r.url()) && !!r.request().postData()?.includes('home.today')
        ),
        sup.page.clock.fastForward(30_000)
      ])
    await reread()
    await banner.waitFor()
    const text = (await banner.textContent()) ?? ''
    expect(text).toContain('张卫国 上报')
    expect(text).toContain('在保安部抢单池，还没有人接')
    expect(text).toContain('地点：未填写')
    expect(text).toContain('点此查看并处理')
    await fitsPhone(sup.page, '.safety-banner', 80)
    // in the safety banner's slot: above 一键报事
    const [b, r] = await Promise.all([
      banner.boundingBox(),
      sup.page.locator('.report-btn').filter({ visible: true }).boundingBox()
    ])
    expect(b!.y + b!.height).toBeLessThanOrEqual(r!.y)
    expect(await sup.page.evaluate(() => (window as unknown as { buzzes: number }).buzzes)).toBe(1)
    await sup.page.screenshot({ path: 'dist/e2e-shots/emergency-home.png', fullPage: true })

    // the next re-read: the same emergency, no second vibration
    await reread()
    await banner.waitFor()
    expect(await sup.page.evaluate(() => (window as unknown as { buzzes: number }).buzzes)).toBe(1)

    // one tap opens it: the work board with the fire among the open incidents
    await banner.click()
    await sup.page.locator('.sup-row', { hasText: '火情' }).filter({ visible: true }).first().waitFor()
    await sup.page.screenshot({ path: 'dist/e2e-shots/emergency-board.png', fullPage: true })

    // the guard grabs it from 任务
    await guard.page.goto(app.url)
    await guard.page
      .locator('.area-title', { hasText: /^任务$/ })
      .filter({ visible: true })
      .first()
      .click()
    const card = guard.page.locator('.task', { hasText: '火情' }).filter({ visible: true }).first()
    await card.getByText('抢单', { exact: true }).click()
    await until('the fire taken', async () => {
      const i = await app.server.runtime.store.get<Doc<Incident>>('incidents', fire._id)
      return i?.assigneeName === '张卫国' ? i : undefined
    })

    // back home: the banner is gone
    await tap(sup.page, '返回')
    await sup.page.getByText('一键报事', { exact: true }).filter({ visible: true }).waitFor()
    await reread()
    await until('the banner gone once the fire is taken', async () => (await banner.count()) === 0)
    await guard.context.close()
    await sup.context.close()
  })
})
