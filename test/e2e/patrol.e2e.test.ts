import type { Page } from 'playwright-core'
import { startApp, signInDemo, field, type App } from './app'
import type { Round, Scan } from '../../src/domain/patrol/model'

type Doc<T> = T & { [k: string]: unknown }
let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v !== undefined && v !== null && v !== false) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}
const tap = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first().click()

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
      const r = (await app.server.runtime.store.find<Doc<Round>>('rounds', { where: { staffId: 'demo-patrol' } })).items[0]
      return r?.status === 'abandoned' ? r : undefined
    })
    const scans = (await app.server.runtime.store.find<Doc<Scan>>('scans', { where: { roundId: round._id } })).items
    expect(scans.map((s) => s.checkpointName).sort()).toEqual(['1栋大堂', '地下车库入口', '消防泵房'].sort())
    expect(scans.find((s) => s.checkpointName === '消防泵房')?.anomalies).toEqual(['消防设施是否正常：否'])
    expect(scans.every((s) => s.method === 'typed' && s.evidence.level === 'weak')).toBe(true)
    await context.close()

    const sup = await app.phone()
    await signInDemo(sup.page, '周主管 · 主管')
    await sup.page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(sup.page, '巡更情况')
    const row = sup.page.locator('.round-row', { hasText: '提前结束 · 李巡 · 75%' }).filter({ visible: true }).first()
    await row.waitFor()
    expect(await row.textContent()).toContain('漏点 1 个：东门围墙')
    expect(await row.textContent()).toContain('异常 1 项')
    await row.click()
    await sup.page.getByText('✕ 东门围墙（漏点）').filter({ visible: true }).waitFor()
    await sup.page.getByText('异常：消防设施是否正常：否').filter({ visible: true }).waitFor()
    await sup.page.getByText('提前结束原因：东门有人闹事，先去处理').filter({ visible: true }).waitFor()
    await sup.context.close()
  })
})
