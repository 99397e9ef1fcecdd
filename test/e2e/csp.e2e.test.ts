/**
 * The H5 app under the server's Content-Security-Policy (issue 16, point 7): the page's own
 * inline script runs by its hash, and signing in and walking the areas triggers no violation.
 */
import { startApp, signInDemo, type App } from './app'

let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

it('loads, signs in and opens the areas with no CSP violation', async () => {
  const { context, page } = await app.phone()
  const res = await page.goto(app.url)
  expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`)
    )
  })
  const console: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text())
  })
  await page.reload()
  await page.getByText('演示登录：点一位员工即可进入').filter({ visible: true }).first().waitFor()
  // the root font size set by the page's inline script (blocked, it would stay the browser default)
  expect(await page.evaluate(() => document.documentElement.style.fontSize)).not.toBe('')
  await signInDemo(page, '周主管 · 主管')
  for (const area of ['门岗', '巡逻', '任务', '主管']) {
    await page
      .locator('.area-title', { hasText: new RegExp(`^${area}$`) })
      .filter({ visible: true })
      .first()
      .click()
    await page.waitForTimeout(500)
    await page.goBack()
    await page.locator('.home-name').filter({ visible: true }).first().waitFor()
  }
  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
  expect([...violations, ...console]).toEqual([])
  await context.close()
})
