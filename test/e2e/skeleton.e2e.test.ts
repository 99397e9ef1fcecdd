import { startApp, signInDemo, field, type App } from './app'
import type { Shift } from '../../src/domain/entities'

let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

const PEOPLE: [label: string, name: string, sees: string[], notSees: string[]][] = [
  // the security department gets pool tasks and emergencies: guards and patrol have 任务 too
  ['张卫国 · 门岗', '张卫国', ['门岗', '巡逻', '任务', '话术'], ['主管']],
  ['李巡 · 巡逻', '李巡', ['巡逻', '任务', '话术'], ['门岗', '主管']],
  ['王管家 · 管家', '王管家', ['任务', '话术'], ['门岗', '主管']],
  ['赵洁 · 保洁', '赵洁', ['任务', '话术'], ['门岗']],
  ['钱工 · 工程', '钱工', ['任务', '话术'], ['门岗']],
  ['孙客服 · 客服', '孙客服', ['任务', '话术'], ['门岗']],
  ['周主管 · 主管', '周主管', ['门岗', '巡逻', '任务', '主管', '话术'], []],
  ['吴经理 · 管理员、主管', '吴经理', ['主管'], []]
]

describe('sign in as each demo role and land on that role’s home', () => {
  for (const [label, name, sees, notSees] of PEOPLE) {
    it(label, async () => {
      const { context, page } = await app.phone()
      await page.getByText('演示登录：点一位员工即可进入').filter({ visible: true }).first().waitFor()
      await signInDemo(page, label)
      await page.locator('.home-name', { hasText: name }).waitFor()
      await page.getByText('翠湖花园', { exact: false }).first().waitFor()
      for (const t of sees) await page.locator('.area-title', { hasText: new RegExp(`^${t}$`) }).waitFor()
      for (const t of notSees)
        expect(await page.locator('.area-title', { hasText: new RegExp(`^${t}$`) }).count()).toBe(0)
      // The palette reaches the page: work areas and buttons are solid, not transparent.
      const bg = await page
        .locator('.area')
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor)
      expect(bg).toBe('rgb(11, 61, 110)')
      await context.close()
    })
  }
})

describe('a guard records something that lands in the database', () => {
  it('clocks in at the east gate, sees it after a reload, and it is stored on the server', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.getByText('今天还没有上岗').waitFor()
    await page.getByText('上岗：东门岗').click()
    await page.getByText('在岗中：东门岗').waitFor()
    const stored = await app.server.runtime.store.find<Shift & { [k: string]: unknown }>('shifts', {
      where: { staffId: 'demo-guard' }
    })
    expect(stored.items).toHaveLength(1)
    expect(stored.items[0]).toMatchObject({ post: '东门岗', status: 'on', estateId: 'demo-estate' })
    await page.reload()
    await page.getByText('在岗中：东门岗').waitFor()
    await context.close()
  })

  it('我的 shows the profile and estate from the server, and signing out returns to sign-in', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.getByText('我的', { exact: true }).click()
    await page.getByText('13800000001').waitFor()
    await page.getByText('利海物业').waitFor()
    await page.getByText(/已与服务器同步/).waitFor()
    await page.getByText('退出登录', { exact: true }).last().click()
    await page.getByText('确定', { exact: true }).click()
    await page.getByText('演示登录：点一位员工即可进入').filter({ visible: true }).first().waitFor()
    await context.close()
  })
})

describe('a supervisor adds a staff member', () => {
  it('creates a cleaner and sees the bind code', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await page.getByText('员工管理').click()
    await page.getByText('新增员工', { exact: true }).waitFor()
    await field(page, '员工姓名').fill('陈小洁')
    await field(page, '11位手机号').fill('13912345678')
    await page.locator('.role-chip', { hasText: '保洁' }).click()
    await page.getByText('保存并生成绑定码').click()
    await page.getByText('已为 陈小洁 生成绑定码').waitFor()
    const code = (await page.locator('.bind-code').textContent())?.trim() ?? ''
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
    await page.getByText('139****5678', { exact: false }).waitFor()
    const stored = await app.server.runtime.store.get<{ _id: string; _v: number; staffId: string }>(
      'bindcodes',
      code
    )
    expect(stored).not.toBeNull()
    await context.close()
  })

  it('sees a clear message for a bad phone number, and nothing is created', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await page.getByText('员工管理').click()
    await field(page, '员工姓名').fill('错号码')
    await field(page, '11位手机号').fill('12345')
    await page.locator('.role-chip', { hasText: '保洁' }).click()
    const before = await app.server.runtime.store.count('staff')
    await page.getByText('保存并生成绑定码').click()
    await page.getByText('手机号：请填写11位手机号').first().waitFor()
    expect(await app.server.runtime.store.count('staff')).toBe(before)
    await context.close()
  })
})
