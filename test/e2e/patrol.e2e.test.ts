import { startApp, signInDemo, field, type App, until, tap } from './app'
import type { Round, Scan } from '../../src/domain/patrol/model'

type Doc<T> = T & { [k: string]: unknown }
let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

describe('巡更: a round walked by typed codes, then read by the supervisor', () => {
  it('three points, one anomaly, ended early; the supervisor sees the missed point and the anomaly', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '李巡 · 巡逻')
    await tap(page, '巡更路线与打点')
    await tap(page, '开始巡更')
    await page.getByText('已巡 0 / 4 个点').filter({ visible: true }).waitFor()

    const point = async (code: string) => {
      await field(page, '巡更点编号').fill(code)
      await tap(page, '确定')
    }
    await point('K2M3')
    await tap(page, '全部正常，打点')
    await page.getByText('已巡 1 / 4 个点').filter({ visible: true }).waitFor()
    // the same point again is explained, not recorded
    await point('K2M3')
    await page.getByText('「1栋大堂」本轮已经打过点了').filter({ visible: true }).waitFor()
    await point('K2M4')
    await tap(page, '全部正常，打点')
    await point('K2M5')
    await tap(page, '异常')
    await tap(page, '记录异常并打点')
    await page.getByText('已巡 3 / 4 个点').filter({ visible: true }).waitFor()
    await tap(page, '提前结束本轮')
    await field(page, '原因').fill('东门有人闹事，先去处理')
    await tap(page, '确认结束本轮')

    const round = await until('the round ended on the server', async () => {
      const r = (
        await app.server.runtime.store.find<Doc<Round>>('rounds', { where: { staffId: 'demo-patrol' } })
      ).items[0]
      return r?.status === 'abandoned' ? r : undefined
    })
    const scans = (await app.server.runtime.store.find<Doc<Scan>>('scans', { where: { roundId: round._id } }))
      .items
    expect(scans.map((s) => s.checkpointName).sort()).toEqual(['1栋大堂', '地下车库入口', '消防泵房'].sort())
    expect(scans.find((s) => s.checkpointName === '消防泵房')?.anomalies).toEqual(['消防设施是否正常：否'])
    expect(scans.every((s) => s.method === 'typed' && s.evidence.level === 'weak')).toBe(true)
    await context.close()

    const sup = await app.phone()
    await signInDemo(sup.page, '周主管 · 主管')
    await sup.page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(sup.page, '巡更情况')
    const row = sup.page
      .locator('.round-row', { hasText: '提前结束 · 李巡 · 75%' })
      .filter({ visible: true })
      .first()
    await row.waitFor()
    expect(await row.textContent()).toContain('漏点 1 个：东门围墙')
    expect(await row.textContent()).toContain('异常 1 项')
    await row.click()
    await sup.page.getByText('✕ 东门围墙（漏点）').filter({ visible: true }).waitFor()
    await sup.page.getByText('异常：消防设施是否正常：否').filter({ visible: true }).waitFor()
    await sup.page.getByText('提前结束原因：东门有人闹事，先去处理').filter({ visible: true }).waitFor()
    await sup.context.close()
  })

  it('周主管 sets up a checkpoint, a route and a plan, and prints the QR sheet', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(page, '巡更情况')
    await tap(page, '巡更点、路线、计划设置')
    await field(page, '巡更点名称').fill('3栋天台')
    await field(page, '楼栋（可不填）').fill('3')
    await tap(page, '读数（超出范围为异常）')
    await field(page, '问题，如 消防设施是否正常').fill('水箱水位（米）')
    await field(page, '正常范围下限').fill('1')
    await field(page, '正常范围上限').fill('3')
    await tap(page, '添加巡更点')
    const row = page.locator('.sup-row', { hasText: '3栋天台' }).filter({ visible: true }).first()
    await row.waitFor()
    const code = (await row.textContent())!.slice(0, 4)
    await field(page, '路线名称').fill('天台路线')
    await tap(page, '＋ 3栋天台')
    await tap(page, '＋ 消防泵房')
    await tap(page, '添加路线')
    await page.getByText('3栋天台 → 消防泵房').filter({ visible: true }).waitFor()
    await field(page, '计划名称，如 夜间巡逻').fill('天台夜巡')
    await page.locator('.chip', { hasText: /^天台路线$/ }).click()
    await tap(page, '每3小时')
    await tap(page, '添加计划')
    await page
      .getByText(/天台路线 · 20:00–06:00 每180分钟/)
      .filter({ visible: true })
      .waitFor()
    const cp = (
      await app.server.runtime.store.find<
        Doc<{ _id: string; _v: number; code: string; questions: unknown[] }>
      >('checkpoints', { where: { name: '3栋天台' } })
    ).items[0]
    expect(cp.code).toBe(code)
    expect(cp.questions).toEqual([
      { key: 'q1', label: '水箱水位（米）', kind: 'number', anomalyWhen: { min: 1, max: 3 } }
    ])

    await tap(page, '巡更点二维码（打印张贴）')
    const item = page.locator('.qr-item', { hasText: '3栋天台' }).filter({ visible: true }).first()
    await item.waitFor()
    expect(await item.locator('.qr').getAttribute('data-qr')).toMatch(
      new RegExp(`^GWT-C:${cp._id}\\.[A-Za-z0-9_-]{22}$`)
    )
    expect(await item.textContent()).toContain(`编号 ${code}`)
    await context.close()
  })
})
