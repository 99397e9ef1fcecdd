import type { Page } from 'playwright-core'
import { startApp, signInDemo, type App } from './app'
import type { Shift } from '../../src/domain/entities'

let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

const shiftsOf = async (staffId: string) =>
  (await app.server.runtime.store.find<Shift & { [k: string]: unknown }>('shifts', { where: { staffId } }))
    .items

describe('offline first', () => {
  it('a clock-in made offline survives a reload, then reaches the server and loses its 待上传 mark', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.getByText('今天还没有上岗').waitFor()

    await context.setOffline(true)
    await page.getByText('上岗：东门岗').click()
    // Confirmed at once, with no network.
    await page.getByText('在岗中：东门岗').waitFor()
    await page
      .getByText(/待上传/)
      .first()
      .waitFor()
    await page.getByText('1 条待上传').waitFor()

    // Reload with the API still unreachable: the page comes back, the record is still there.
    await page.route('**/api/**', (r) => r.abort('internetdisconnected'))
    await context.setOffline(false)
    await page.reload()
    await page.getByText('在岗中：东门岗').waitFor()
    await page.getByText('1 条待上传').waitFor()
    expect(await shiftsOf('demo-guard')).toHaveLength(0)

    // The network is back: the person taps 立即同步 in 我的.
    await page.unroute('**/api/**')
    await page.getByText('1 条待上传').click()
    await page.getByText('同步状态').waitFor()
    await page.getByText('立即同步', { exact: true }).click()
    await page.getByText(/已与服务器同步/).waitFor()
    await page.getByText('工作台', { exact: true }).filter({ visible: true }).first().click()
    await page.getByText('在岗中：东门岗').waitFor()
    await expectNoPending(page)
    const stored = await shiftsOf('demo-guard')
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ post: '东门岗', status: 'on' })
    await context.close()
  })

  it('when the network returns, waiting records go by themselves, exactly once', async () => {
    const { context, page } = await clockInOffline('李巡 · 巡逻')
    await page.getByText('下岗', { exact: true }).click()
    await page.getByText('已下岗 · 待上传').waitFor()
    await page.getByText('2 条待上传').waitFor()
    await context.setOffline(false)
    await page.getByText('今天已下岗 · ').waitFor()
    await expectNoPending(page)
    const stored = await shiftsOf('demo-patrol')
    expect(stored).toHaveLength(1)
    expect(stored[0].status).toBe('off')
    await context.close()
  })

  it('signing out with records still on the phone warns and lists them', async () => {
    const { context, page } = await clockInOffline('周主管 · 主管')
    await page.getByText('我的', { exact: true }).click()
    await page.getByText('退出登录', { exact: true }).last().click()
    await page.getByText('还有 1 条记录没有上传').waitFor()
    await page.getByText(/^· 上岗：/).waitFor()
    await page.getByText('取消', { exact: true }).click()
    await expect(page.getByText('还有 1 条记录没有上传').count()).resolves.toBe(0)
    await context.setOffline(false)
    await page.getByText('退出登录', { exact: true }).last().click()
    // Online again: it may already be synced by the time the dialog would show.
    const dialog = page.getByText('还有 1 条记录没有上传')
    if (await dialog.isVisible()) await page.getByText('立即同步', { exact: true }).click()
    else await page.getByText('确定', { exact: true }).click()
    await page.getByText('演示登录：点一位员工即可进入').filter({ visible: true }).first().waitFor()
    expect(await shiftsOf('demo-supervisor')).toHaveLength(1)
    await context.close()
  })
})

/** A fresh phone signed in as `label`, off the network, clocked in at its first post: 1 条待上传. */
async function clockInOffline(label: string) {
  const { context, page } = await app.phone()
  await signInDemo(page, label)
  await page.getByText('今天还没有上岗').waitFor()
  await context.setOffline(true)
  await page
    .getByText(/^上岗：/)
    .first()
    .click()
  await page.getByText('1 条待上传').waitFor()
  return { context, page }
}

async function expectNoPending(page: Page) {
  await page.waitForFunction(() => !document.body.innerText.includes('待上传'), undefined, { timeout: 15000 })
}
