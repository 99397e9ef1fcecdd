/**
 * Patrol setup's routes and plans edited in Chromium at 390 px (issue 17: "routes and plans
 * cannot be edited"): a route made, then reordered with the large 上移/下移 buttons; a plan's
 * days changed with the one-row day chips; an error just above the button that caused it, on
 * screen; two supervisors on two phones editing one plan (the second is told who changed it and
 * gets the current version to redo the change on); 停用 and 启用. Boxes measured, not only text.
 */
import type { Page } from 'playwright-core'
import { startApp, signInDemo, field, tap, until, fitsPhone, type App } from './app'

let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

type Stored = { _v: number; name: string; checkpointIds: string[]; days: number[]; maxMinutes: number }
const stored = (coll: string, id: string) =>
  app.server.runtime.store.get<Stored & { _id: string; active?: boolean }>(coll, id)

async function openSetup(page: Page): Promise<void> {
  await page.locator('.area-title', { hasText: /^主管$/ }).click()
  await tap(page, '巡更情况')
  await tap(page, '巡更点、路线、计划设置')
  await page.getByText('路线', { exact: true }).filter({ visible: true }).first().waitFor()
}

/** The box of the first visible match. */
async function box(page: Page, selector: string, hasText?: string) {
  const l = page
    .locator(selector, hasText ? { hasText } : {})
    .filter({ visible: true })
    .first()
  await l.waitFor()
  return (await l.boundingBox())!
}

describe('patrol setup: editing routes and plans at 390 px', () => {
  it('a new route, reordered with 上移/下移; a plan’s days changed; errors by their button', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await openSetup(page)

    // a route of three points, added with the ＋ chips in walking order
    await field(page, '路线名称').fill('夜间路线')
    for (const name of ['1栋大堂', '消防泵房', '东门围墙']) await tap(page, `＋ ${name}`)
    const picked = await fitsPhone(page, '.route-new .order-btn', 40, 50)
    expect(picked).toHaveLength(9)
    await tap(page, '添加路线')
    const row = page.locator('.route-row', { hasText: '夜间路线（按顺序）' })
    await row.getByText('1栋大堂 → 消防泵房 → 东门围墙').waitFor()

    // tap it: the same form, filled in; 消防泵房 up one, 东门围墙 taken out then added back last
    await row.click()
    const edit = page.locator('.route-edit')
    await edit.getByText('修改路线「夜间路线」').waitFor()
    expect(await field(page, '路线名称').inputValue()).toBe('夜间路线')
    const names = () => edit.locator('.order-name').allTextContents()
    expect(await names()).toEqual(['1. 1栋大堂', '2. 消防泵房', '3. 东门围墙'])
    const buttons = await fitsPhone(page, '.route-edit .order-btn', 40, 50)
    // three buttons a row, beside the name, all on the screen
    expect(buttons.filter((b) => Math.abs(b.top - buttons[0].top) < 2)).toHaveLength(3)
    await edit.locator('.order-row').nth(1).getByText('上移', { exact: true }).click()
    expect(await names()).toEqual(['1. 消防泵房', '2. 1栋大堂', '3. 东门围墙'])
    await edit.locator('.order-row').nth(0).getByText('下移', { exact: true }).click()
    await edit.locator('.order-row').nth(1).getByText('下移', { exact: true }).click()
    expect(await names()).toEqual(['1. 1栋大堂', '2. 东门围墙', '3. 消防泵房'])
    await edit.locator('.order-row').nth(1).getByText('去掉', { exact: true }).click()
    await edit.getByText('＋ 东门围墙', { exact: true }).click()
    expect(await names()).toEqual(['1. 1栋大堂', '2. 消防泵房', '3. 东门围墙'])
    await edit.locator('.order-row').nth(1).getByText('上移', { exact: true }).click()
    await edit.getByText('保存', { exact: true }).click()
    await row.getByText('消防泵房 → 1栋大堂 → 东门围墙').waitFor()
    const routeId = await until('the route on the server', async () => {
      const all = await app.server.runtime.store.find<Stored & { _id: string }>('routes', {
        where: { name: '夜间路线' }
      })
      return all.items[0]?._v === 2 ? all.items[0] : undefined
    })
    expect(routeId.checkpointIds).toEqual(['demo-cp-3', 'demo-cp-1', 'demo-cp-4'])

    // the demo plan: its days as seven chips in one row, each big enough for a thumb
    await page.locator('.plan-main', { hasText: '全天巡逻' }).click()
    const planEdit = page.locator('.plan-edit')
    await planEdit.getByText('修改计划「全天巡逻」').waitFor()
    expect(await field(page, '计划名称，如 夜间巡逻').inputValue()).toBe('全天巡逻')
    const days = await fitsPhone(page, '.plan-edit .day-chip', 40, 36)
    expect(days).toHaveLength(7)
    expect(new Set(days.map((d) => Math.round(d.top))).size).toBe(1)
    expect(await planEdit.locator('.day-chip.chip-on').count()).toBe(7)
    await planEdit.getByText('日', { exact: true }).click()
    await planEdit.getByText('六', { exact: true }).click()
    expect(await planEdit.locator('.day-chip.chip-on').count()).toBe(5)

    // no name: the reason is right above 保存, on the screen, without scrolling
    await field(page, '计划名称，如 夜间巡逻').fill('')
    await planEdit.getByText('保存', { exact: true }).click()
    const why = await box(page, '.plan-edit .form-why', '先写计划名称')
    const save = await box(page, '.plan-edit .form-btn', '保存')
    expect(why.y + why.height).toBeLessThanOrEqual(save.y + 1)
    expect(save.y - (why.y + why.height)).toBeLessThan(40)
    expect(why.y).toBeGreaterThanOrEqual(0)
    expect(save.y + save.height).toBeLessThanOrEqual(844)

    await field(page, '计划名称，如 夜间巡逻').fill('全天巡逻（工作日）')
    await planEdit.getByText('保存', { exact: true }).click()
    const line = page.locator('.plan-main', { hasText: '全天巡逻（工作日）' })
    await line.getByText(/周一二三四五/).waitFor()
    const plan = await until('the plan on the server', async () => {
      const p = await stored('plans', 'demo-plan-day')
      return p?._v === 2 ? p : undefined
    })
    expect(plan.days).toEqual([1, 2, 3, 4, 5])
    await fitsPhone(page, '.plan-row', 60)
    await context.close()
  })

  it('two supervisors edit the same plan on two phones: the second is told who and when, gets the current plan and redoes it', async () => {
    const a = await app.phone()
    const z = await app.phone()
    await signInDemo(a.page, '周主管 · 主管')
    await signInDemo(z.page, '吴经理 · 管理员、主管')
    await openSetup(a.page)
    await openSetup(z.page)
    const before = (await stored('plans', 'demo-plan-day'))!
    for (const { page } of [a, z]) {
      await page.locator('.plan-main').filter({ visible: true }).first().click()
      await page.locator('.plan-edit').waitFor()
    }
    // 周主管 saves first: the longest round 45 minutes
    await field(a.page, '最长').fill('45')
    await a.page.locator('.plan-edit').getByText('保存', { exact: true }).click()
    await until(
      '周主管’s change stored',
      async () => (await stored('plans', 'demo-plan-day'))?._v === before._v + 1
    )
    // 吴经理, on the version read before, renames it
    await field(z.page, '计划名称，如 夜间巡逻').fill('全天巡逻（吴）')
    await z.page.locator('.plan-edit').getByText('保存', { exact: true }).click()
    const why = z.page.locator('.plan-edit .form-why')
    await why
      .getByText(/已被周主管在\d+月\d+日 \d\d:\d\d修改，已载入最新内容，请在此基础上重新修改/)
      .waitFor()
    const whyBox = (await why.boundingBox())!
    expect(whyBox.y).toBeGreaterThanOrEqual(0)
    expect(whyBox.y + whyBox.height).toBeLessThanOrEqual(844)
    // the form now holds the current plan: 45 minutes, the name as 周主管 left it
    expect(await field(z.page, '最长').inputValue()).toBe('45')
    expect(await field(z.page, '计划名称，如 夜间巡逻').inputValue()).toBe(before.name)
    expect((await stored('plans', 'demo-plan-day'))?.name).toBe(before.name)
    // nothing stale left waiting on 吴经理's phone; redone on the current version it goes through
    await field(z.page, '计划名称，如 夜间巡逻').fill('全天巡逻（吴）')
    await z.page.locator('.plan-edit').getByText('保存', { exact: true }).click()
    await z.page.locator('.plan-main', { hasText: '全天巡逻（吴）' }).waitFor()
    const now = (await stored('plans', 'demo-plan-day'))!
    expect(now).toMatchObject({ _v: before._v + 2, name: '全天巡逻（吴）', maxMinutes: 45 })
    expect(await z.page.getByText('待上传').filter({ visible: true }).count()).toBe(0)
    await a.context.close()
    await z.context.close()
  })

  it('停用 asks first and lists the plan under 已停用的计划; 启用 brings it back; a point on a route cannot be removed', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await openSetup(page)
    const plan = page.locator('.plan-row').filter({ visible: true }).first()
    const name = (await plan.locator('.sup-row-title').textContent())!
    // 停用 beside each plan, a thumb's size, on the screen
    const acts = await fitsPhone(page, '.plan-row .row-act', 40, 56)
    expect(acts.length).toBeGreaterThan(0)
    await plan.getByText('停用', { exact: true }).click()
    await page.getByText('停用', { exact: true }).filter({ visible: true }).last().click()
    await page.getByText('已停用的计划', { exact: true }).waitFor()
    await page.locator('.plan-stopped', { hasText: `${name}（已停用）` }).waitFor()
    expect((await stored('plans', 'demo-plan-day')) as unknown).toMatchObject({ active: false })
    await page.locator('.plan-stopped').getByText('启用', { exact: true }).click()
    await until('enabled again', async () => (await page.locator('.plan-stopped').count()) === 0)
    expect((await stored('plans', 'demo-plan-day')) as unknown).toMatchObject({ active: true })
    // a point still on a route: 删除巡更点 asks, then says why not, under the point
    const point = page.locator('.sup-row', { hasText: 'K2M3 · 1栋大堂' }).first()
    await point.getByText('删除巡更点', { exact: true }).click()
    await page.getByText('删除', { exact: true }).filter({ visible: true }).last().click()
    await point.getByText(/^「1栋大堂」在路线「小区主路线」.*上，不能删除；请先在路线里去掉这个点$/).waitFor()
    expect(await stored('checkpoints', 'demo-cp-1')).toMatchObject({ active: true })
    await context.close()
  })
})
