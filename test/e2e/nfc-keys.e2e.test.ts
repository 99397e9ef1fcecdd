/**
 * Issue 16 leftovers in Chromium against the H5 build: the supervisor's NFC anti-forgery keys
 * on the patrol setup page (a wrong key named under its field, 防伪密钥已设置 without the keys,
 * 关闭防伪 after a confirm), and the gate day log's 时间存疑（reason） on a check-in sent with a
 * phone clock in 2099, on screen and in the CSV.
 */
import { readFileSync } from 'node:fs'
import type { Envelope } from '../../src/domain/errors'
import type { SessionOut } from '../../src/domain/contract'
import { startApp, signInDemo, field, tap, until, type App } from './app'

let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

const META = '00112233445566778899AABBCCDDEEFF'
const FILE = 'F0E1D2C3B4A5968778695A4B3C2D1E0F'

describe('NFC 防伪密钥 on the patrol setup page', () => {
  it('a short key is named on its field; both keys saved read 已设置 and are never shown; 关闭防伪 removes them', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(page, '巡更情况')
    await tap(page, '巡更点、路线、计划设置')
    const row = page.locator('.sup-row', { hasText: '消防泵房' }).filter({ visible: true }).first()
    await row.getByText('防伪密钥未设置').waitFor()
    await row.getByText('设置防伪密钥', { exact: true }).click()
    await field(page, 'SDMMetaReadKey（解密读数）').fill(META)
    await field(page, 'SDMFileReadKey（校验签名）').fill('F0E1 D2C3 B4A5 9687 7869 5A4B 3C2D 1E0')
    await row.getByText('保存密钥', { exact: true }).click()
    await row.getByText('应为32位十六进制密钥（现在 31 位）').waitFor()
    expect(await app.server.runtime.store.count('tagkeys', {})).toBe(0)
    // pasted with spaces, as a key card prints it
    await field(page, 'SDMFileReadKey（校验签名）').fill('F0E1 D2C3 B4A5 9687 7869 5A4B 3C2D 1E0F')
    await row.getByText('保存密钥', { exact: true }).click()
    await row.getByText('防伪密钥已设置').waitFor()
    const keys = await until('the keys on the server', async () =>
      app.server.runtime.store.get<{ _id: string; _v: number; meta: string; file: string }>(
        'tagkeys',
        'demo-cp-3'
      )
    )
    expect(keys).toMatchObject({ meta: META, file: FILE })
    const text = (await page.locator('body').textContent()) ?? ''
    expect(text).not.toContain(META)
    expect(text).not.toContain(FILE)
    // 关闭防伪 asks first, then the point is a plain tag again
    await row.getByText('关闭防伪', { exact: true }).click()
    await page.getByText('关闭防伪', { exact: true }).filter({ visible: true }).last().click()
    await row.getByText('防伪密钥未设置').waitFor()
    expect(await app.server.runtime.store.get('tagkeys', 'demo-cp-3')).toBeNull()
    await context.close()
  })
})

describe('时间存疑 on the gate day log', () => {
  it('a check-in sent with a phone clock in 2099 is stored at the server’s time and the log line and CSV say so', async () => {
    // the guard's phone, its clock set to 2099 (sent through the server's own dispatcher)
    const rt = app.server.runtime
    const login = (await rt.call(
      'auth',
      { action: 'auth.demoLogin', input: { staffId: 'demo-guard' } },
      { kind: 'none' }
    )) as Envelope<SessionOut>
    if (!login.ok) throw new Error(login.message)
    const sent = (await rt.call(
      'staff',
      {
        action: 'gate.checkIn',
        input: {
          id: 'e2e-v-2099',
          gate: '东门',
          source: 'walkin',
          case: 'ownerGuest',
          name: '钱未来',
          idDoc: { type: 'none', last4: '' },
          idDeposited: false,
          people: 1,
          room: '1-1-101',
          result: 'admitted'
        },
        estateId: 'demo-estate',
        op: { id: 'e2e-op-2099', deviceTime: Date.UTC(2099, 0, 1) },
        sentAt: Date.now()
      },
      { kind: 'token', token: login.data.token! }
    )) as Envelope<{ inAt: number; inTimeFlag?: string }>
    expect(sent).toMatchObject({ ok: true, data: { inTimeFlag: 'future' } })

    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(page, '门岗日志')
    const row = page.locator('.sup-row', { hasText: '访客进入 · 钱未来' }).filter({ visible: true }).first()
    await row.getByText('时间存疑（手机时间晚于服务器）').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '导出CSV')])
    const csv = readFileSync((await download.path())!, 'utf8')
    const line = csv.split('\r\n').find((l) => l.includes('钱未来'))
    expect(line).toContain('时间存疑（手机时间晚于服务器）')
    await context.close()
  })
})
