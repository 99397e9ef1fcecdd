/**
 * 巡逻的一天, the night round (issue 17), on a 390 px page as a new patrol walks it at 02:10 (the
 * phone's clock and the server's set to the night): 上岗, the 02:00 round started, a point by its
 * typed code, the next one skipped (a missed point), an anomaly in one tap with a photo, 我安全,
 * then the signal lost in the car park: a point and the round's early end recorded on the phone
 * and shown as 待上传 until they arrive; 下岗 asks while records wait, and goes once they are up.
 * Screens measured once settled and photographed to dist/e2e-shots/day-patrol-*.png.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, signInDemo, field, type App, until, tap, fitsPhone } from './app'
import { JPEG } from './photo'
import type { Incident } from '../../src/domain/work/model'
import type { Round, Scan } from '../../src/domain/patrol/model'
import type { Watch } from '../../src/domain/safety/rules'

type Doc<T> = T & { [k: string]: unknown; _id: string; _v: number }
const SHOTS = resolve(__dirname, '../../dist/e2e-shots')
const realNow = Date.now
// 02:10 China time in the night of 1 to 2 December 2026
const NIGHT = Date.UTC(2026, 11, 1, 18, 10)
let app: App
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await startApp()
  // the running server's clock at the night (a test hook, as in safety.e2e.test.ts); it runs on
  const ahead = NIGHT - realNow()
  app.server.runtime.config.now = () => realNow() + ahead
})
afterAll(async () => {
  app.server.runtime.config.now = realNow
  await app?.close()
})
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `day-patrol-${name}.png`), fullPage: true })

const find = async <T>(coll: string, where: Record<string, string>) =>
  (await app.server.runtime.store.find<Doc<T>>(coll, { where, limit: 50 })).items
const pointRow = (page: Page, name: string) =>
  page.locator('.pt-row', { hasText: name }).filter({ visible: true }).first()

describe('巡逻的一天 (patrol, night)', () => {
  it('上岗, the 02:00 round with a missed point, an anomaly with a photo, 我安全, offline to the end, 下岗', async () => {
    const { context, page } = await app.phone()
    await context.clock.install({ time: NIGHT })
    await page.reload()
    await signInDemo(page, '李巡 · 巡逻')
    await tap(page, '上岗：巡逻')
    await page.getByText('在岗中：巡逻').waitFor()
    await shot(page, 'home')

    // the night's rounds: the 02:00 one is due, the 04:00 one not yet
    await tap(page, '巡更路线与打点')
    const due = page.locator('.round-card', { hasText: '全天巡逻 · 02:00–04:00' }).filter({ visible: true })
    await due.getByText('小区主路线 · 待巡').waitFor()
    await page
      .locator('.round-card', { hasText: '全天巡逻 · 04:00–06:00' })
      .getByText('小区主路线 · 未开始')
      .waitFor()
    await fitsPhone(page, '.round-card', 80)
    await shot(page, 'rounds')
    await due.getByText('开始巡更', { exact: true }).click()
    await page.getByText('已巡 0 / 4 个点').filter({ visible: true }).waitFor()
    await page.getByText('报平安：02:30 前').filter({ visible: true }).waitFor()
    await fitsPhone(page, '.pt-row', 40)
    await fitsPhone(page, '.checkin-btn', 60)
    await shot(page, 'walking')
    const round = await until('the round on the server', async () => (await find<Round>('rounds', {}))[0])

    await field(page, '巡更点编号').fill('k2m3')
    await tap(page, '确定')
    await tap(page, '全部正常，打点')
    await page.getByText('已巡 1 / 4 个点').filter({ visible: true }).waitFor()

    // 地下车库入口 skipped: the pump room is explained as out of order, and recorded
    await field(page, '巡更点编号').fill('K2M5')
    await tap(page, '确定')
    await page.getByText('按顺序应先到「地下车库入口」，已记录为顺序不符').filter({ visible: true }).waitFor()
    await tap(page, '异常')
    await fitsPhone(page, '.point-card .chip', 40)
    await shot(page, 'anomaly-answer')
    await tap(page, '记录异常并打点')
    await page.getByText('消防泵房：消防设施是否正常：否').filter({ visible: true }).waitFor()
    // finding: an anomaly could be reported but not photographed
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, '拍照')])
    await chooser.setFiles({ name: 'pump.jpg', mimeType: 'image/jpeg', buffer: JPEG })
    await page.getByText('再拍一张（已拍 1 张）', { exact: true }).filter({ visible: true }).waitFor()
    await fitsPhone(page, '.warn-box .btn', 44)
    await shot(page, 'anomaly-photo')
    await tap(page, '转为报事')
    await page.getByText('已转为报事，相关部门会处理').filter({ visible: true }).waitFor()
    const incident = await until('the anomaly reported with its photo', async () => {
      const i = (await find<Incident>('incidents', { reporterId: 'demo-patrol' }))[0]
      return i?.photoIds.length ? i : undefined
    })
    // a fire-equipment question goes to engineering, with what was found and where
    expect(incident).toMatchObject({
      dept: 'engineering',
      place: '消防泵房',
      note: '巡更发现：消防设施是否正常：否'
    })
    expect(incident.photoIds).toHaveLength(1)

    // 我安全: the check-in reaches the round's watch
    const before = (await find<Watch>('safetywatches', { roundId: round._id }))[0]!
    await tap(page, '我安全')
    await until('the check-in on the server', async () => {
      const w = (await find<Watch>('safetywatches', { roundId: round._id }))[0]
      return w && w.lastAt > before.lastAt
    })

    // no signal down at the east wall: the point is kept on the phone and says so
    await context.setOffline(true)
    await field(page, '巡更点编号').fill('K2M6')
    await tap(page, '确定')
    // finding: the point's form opened below the fold, 取消 off the screen and no scroll to it
    await until('the point form scrolled up to the screen', async () => {
      const b = await page
        .locator('.point-card')
        .getByText('取消', { exact: true })
        .filter({ visible: true })
        .boundingBox()
      return b && b.y >= 0 && b.y + b.height <= 844 ? b : undefined
    })
    await tap(page, '全部正常，打点')
    await page.getByText('已巡 3 / 4 个点').filter({ visible: true }).waitFor()
    // finding: a point checked offline looked the same as one on the server
    await pointRow(page, '东门围墙').locator('.tag', { hasText: '待上传' }).waitFor()
    expect(await pointRow(page, '1栋大堂').locator('.tag', { hasText: '待上传' }).count()).toBe(0)
    await fitsPhone(page, '.pt-row', 40)
    await shot(page, 'offline-point')

    // the car park gate is locked: the round ends early with the reason, still offline
    await tap(page, '提前结束本轮')
    await page.getByText('还有 1 个点没巡，提前结束的原因').filter({ visible: true }).waitFor()
    await field(page, '原因').fill('车库入口卷帘门锁着，进不去')
    await tap(page, '确认结束本轮')
    // finding: the ended round's card still said 巡逻中, as the server last knew it
    const ended = page.locator('.round-card', { hasText: '全天巡逻 · 02:00–04:00' }).filter({ visible: true })
    await ended.getByText('小区主路线 · 已结束').waitFor()
    await ended.locator('.tag', { hasText: '待上传' }).waitFor()
    expect(await ended.getByText('开始巡更').count()).toBe(0)
    await fitsPhone(page, '.round-card', 80)
    await shot(page, 'offline-ended')

    // 下岗 while the two records wait: the phone asks first
    await page.goto(app.url)
    await page.getByText('2 条待上传').filter({ visible: true }).waitFor()
    await tap(page, '下岗')
    await page.getByText('还有 2 条记录没有上传').filter({ visible: true }).waitFor()
    await page.getByText('· 巡更打点：东门围墙').filter({ visible: true }).waitFor()
    await shot(page, 'off-asks')
    await tap(page, '取消')

    // the rounds opened without signal: the plan last synced, and a note saying so
    await tap(page, '巡更路线与打点')
    const stale = page.getByText('网络不通：显示上次同步的计划', { exact: false }).filter({ visible: true })
    await stale.waitFor()

    // the signal is back: both arrive, once
    await context.setOffline(false)
    // finding: the note stayed after the signal came back, until the page was opened again
    await stale.waitFor({ state: 'detached', timeout: 30_000 })
    await page.goto(app.url)
    const done = await until(
      'the round ended on the server',
      async () => {
        const r = await app.server.runtime.store.get<Doc<Round>>('rounds', round._id)
        return r?.status === 'abandoned' ? r : undefined
      },
      30_000
    )
    expect(done.endReason).toBe('车库入口卷帘门锁着，进不去')
    const scans = await find<Scan>('scans', { roundId: round._id })
    expect(scans.map((s) => s.checkpointName).sort()).toEqual(['1栋大堂', '东门围墙', '消防泵房'].sort())
    await page.getByText('2 条待上传').waitFor({ state: 'detached', timeout: 30_000 })

    await tap(page, '下岗')
    await page.getByText('上岗：巡逻', { exact: true }).filter({ visible: true }).waitFor()
    // finding: after 下岗 home said 今天还没有上岗, as if the night had not been worked
    await page
      .getByText(/^今天已下岗 · 巡逻 \d\d:\d\d$/)
      .filter({ visible: true })
      .waitFor()
    await until('the shift ended', async () =>
      (await find<{ status: string }>('shifts', { staffId: 'demo-patrol' })).every((s) => s.status === 'off')
    )
    await shot(page, 'off')
    await context.close()
  })
})
