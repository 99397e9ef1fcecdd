/**
 * A company on its own server, from nothing (issue 15, the staff side): a fresh DEMO=0 data
 * folder, `npm run setup`, the admin signs in with the printed bind code on the H5 login page,
 * adds a guard, the guard signs in with their code on their own phone and records a visitor;
 * then the admin disables the guard, who is signed out at once. Estates, gates and the room
 * import through the pages are company.e2e.test.ts; here they are made through the server.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { startServer, type Running } from '../../src/cloud/http/server'
import type { Envelope } from '../../src/domain/errors'
import type { SessionOut } from '../../src/domain/contract'
import type { Visitor } from '../../src/domain/gate/entities'
import { field, launchChromium, tap, until } from './app'
import { pickRoom } from './rooms'

const ROOT = resolve(__dirname, '../..')

let dataDir: string
let server: Running
let browser: Browser
let adminCode: string
let setupOutput = ''
let opSeq = 0

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gwt-e2e-prod-'))
  // exactly what a site's operator runs
  const r = spawnSync(
    process.execPath,
    [
      'config/scripts/setup.mjs',
      '--company',
      '利海物业',
      '--estate',
      '碧水湾',
      '--address',
      '科技路1号',
      '--name',
      '吴经理',
      '--phone',
      '13800000008'
    ],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  setupOutput = r.stdout + r.stderr
  if (r.status !== 0) throw new Error(`npm run setup failed: ${setupOutput}`)
  adminCode = /管理员绑定码：([A-Z0-9]{8})/.exec(setupOutput)![1]
  server = await startServer({
    port: 0,
    dataDir,
    h5Dir: resolve(ROOT, process.env.H5_DIR ?? 'dist/h5'),
    demo: false,
    quiet: true
  })
  browser = await launchChromium()
}, 60_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

async function phone(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36'
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  await page.goto(server.url)
  return page
}

async function signInByCode(page: Page, code: string) {
  await page.getByText('绑定码登录', { exact: true }).filter({ visible: true }).waitFor()
  await field(page, '8位绑定码').fill(code.toLowerCase())
  await tap(page, '登录')
  await page.getByText('工作台', { exact: true }).filter({ visible: true }).first().waitFor()
}

/** A call as the person signed in on this page (its token from the app's storage). */
async function asPage<T>(
  page: Page,
  fn: string,
  action: string,
  input: unknown,
  estateId?: string
): Promise<T> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const v = localStorage.getItem(localStorage.key(i)!) ?? ''
      const m = /"token":"([^"]+)"/.exec(v.replace(/\\"/g, '"'))
      if (m) return m[1]
    }
    return ''
  })
  const env = (await server.runtime.call(
    fn,
    {
      action,
      input,
      estateId,
      op: { id: `e2e-op-${++opSeq}-${Date.now()}`, deviceTime: Date.now() },
      sentAt: Date.now()
    },
    { kind: 'token', token }
  )) as Envelope<T>
  if (!env.ok) throw new Error(`${action}: ${env.code} ${env.message}`)
  return env.data
}

describe('a company on its own server, from nothing', () => {
  it('setup → the admin signs in by code → adds a guard → the guard signs in by code and records a visitor → disabled, out at once', async () => {
    expect(setupOutput).toContain('已创建小区「碧水湾」和管理员 吴经理')
    // production: no demo estate, no demo people
    expect(await server.runtime.store.count('staff', { demo: true })).toBe(0)

    const admin = await phone()
    expect(await admin.getByText('演示登录：点一位员工即可进入').count()).toBe(0)
    await signInByCode(admin, adminCode)
    await admin.getByText('碧水湾', { exact: false }).filter({ visible: true }).first().waitFor()

    // 我的 lists this device
    await tap(admin, '我的')
    await admin.getByText('登录设备', { exact: true }).filter({ visible: true }).waitFor()
    await admin.getByText('Android · Chrome（本机）', { exact: true }).filter({ visible: true }).waitFor()

    // the estate's gate and a room (made through the pages in company.e2e.test.ts)
    const me = await asPage<SessionOut['staff']>(admin, 'staff', 'me.profile', {})
    const estateId = me.estates[0].id
    await asPage(
      admin,
      'admin',
      'estates.gateSave',
      { id: 'gate-east', name: '东门', kind: 'gate' },
      estateId
    )
    const csv = '楼栋,单元,房号\r\n1栋,1,101\r\n'
    await asPage(
      admin,
      'admin',
      'rooms.importCommit',
      { file: { name: '房间.csv', data: Buffer.from(csv, 'utf8').toString('base64') } },
      estateId
    )

    // the admin adds a guard on the staff page
    await tap(admin, '工作台')
    await tap(admin, '主管')
    await tap(admin, '员工管理')
    await field(admin, '员工姓名').fill('张门岗')
    await field(admin, '11位手机号').fill('13900000001')
    await admin
      .locator('.role-chip', { hasText: /^门岗$/ })
      .filter({ visible: true })
      .click()
    await tap(admin, '保存并生成绑定码')
    const codeBox = admin.locator('.bind-code').filter({ visible: true })
    await codeBox.waitFor()
    const guardCode = (await codeBox.innerText()).trim()
    expect(guardCode).toMatch(/^[A-Z0-9]{8}$/)
    await admin.getByText('本小区员工（2） · 1 人未绑定', { exact: true }).filter({ visible: true }).waitFor()
    // large touch targets at 390 px: the role chips and the save button
    const chip = await admin
      .locator('.role-chip', { hasText: /^门岗$/ })
      .filter({ visible: true })
      .boundingBox()
    expect(chip!.height).toBeGreaterThanOrEqual(40)
    await admin.screenshot({ path: join(ROOT, 'dist', 'e2e-staff-code.png'), fullPage: true })
    await tap(admin, '完成')

    // the guard, on their own phone
    const guard = await phone()
    await signInByCode(guard, guardCode)
    await guard.locator('.area-title', { hasText: /^门岗$/ }).click()
    await guard.screenshot({ path: join(ROOT, 'dist', 'e2e-staff-guard.png'), fullPage: true })
    await tap(guard, '访客登记')
    await tap(guard, 'B 访客找业主')
    await pickRoom(guard, '1', '1', '101')
    await tap(guard, '已约好')
    await tap(guard, '业主同意')
    await tap(guard, '已押证登记、发来访卡')
    await guard.getByText('业主访客 · 放行进入').filter({ visible: true }).waitFor()
    await field(guard, '姓名').fill('王小明')
    await field(guard, '手机号').fill('13912345678')
    await field(guard, '身份证号（18位）').fill('11010519491231002X')
    await field(guard, '卡号').fill('F-01')
    await tap(guard, '登记进入')
    const stored = await until(
      'the check-in on the server',
      async () =>
        (
          await server.runtime.store.find<Visitor & { [k: string]: unknown; _id: string; _v: number }>(
            'visitors',
            {
              where: { name: '王小明' }
            }
          )
        ).items[0]
    )
    expect(stored).toMatchObject({ estateId, room: '1-1-101', gate: '东门', status: 'inside' })

    expect((await asPage<{ name: string }>(guard, 'staff', 'me.profile', {})).name).toBe('张门岗')

    // the admin sees the guard bound, and disables them
    await admin.reload()
    const row = admin.locator('.staff-person', { hasText: '张门岗' }).filter({ visible: true })
    await row.getByText('已绑定', { exact: true }).waitFor()
    await row.locator('.staff-head').click()
    await row.getByText('停用', { exact: true }).click()
    // asked first, in the app's own dialog
    await admin
      .getByText(/^停用 张门岗：立即退出登录/)
      .filter({ visible: true })
      .waitFor()
    await admin.locator('.taro-modal__foot').getByText('停用', { exact: true }).click()
    await admin
      .getByText('已停用 张门岗：已退出 1 台设备', { exact: true })
      .filter({ visible: true })
      .waitFor()

    // the guard's next request is refused and the app goes back to sign-in
    await expect(asPage(guard, 'staff', 'me.profile', {})).rejects.toThrow(/SESSION_EXPIRED|STAFF_DISABLED/)
    await guard.goto(server.url)
    await guard.getByText('绑定码登录', { exact: true }).filter({ visible: true }).waitFor()
    await guard.screenshot({ path: join(ROOT, 'dist', 'e2e-staff-disabled.png'), fullPage: true })
  })
})
