/**
 * A day guard's day at 东门岗 (issue 17), on a 390 px page as a new guard would walk it: on
 * shift, a walk-in owner's guest by the fast path, a pass the desk made, an owner's car in and
 * out, then 下岗 handing over who is still inside. Each screen is measured (inside the phone's
 * width, thumb-sized targets) and photographed to dist/e2e-shots/day-guard-*.png.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, signInDemo, type App, until, tap } from './app'
import { pickRoom } from './rooms'
import type { PassOut, SessionOut } from '../../src/domain/contract'
import { GATE_ACTIONS } from '../../src/domain/contract/gate'
import type { Envelope } from '../../src/domain/errors'
import type { VehicleVisit, Visitor } from '../../src/domain/gate/entities'

type Doc<T> = T & { [k: string]: unknown; _id: string; _v: number }
const SHOTS = resolve(__dirname, '../../dist/e2e-shots')
let app: App
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

async function asDesk<T>(action: keyof typeof GATE_ACTIONS, input: object): Promise<T> {
  const rt = app.server.runtime
  const login = (await rt.call(
    'auth',
    { action: 'auth.demoLogin', input: { staffId: 'demo-service' } },
    { kind: 'none' }
  )) as Envelope<SessionOut>
  if (!login.ok) throw new Error(login.message)
  const env = (await rt.call(
    GATE_ACTIONS[action].fn,
    {
      action,
      input,
      estateId: 'demo-estate',
      op: { id: `e2e-day-${Date.now()}`, deviceTime: Date.now() },
      sentAt: Date.now()
    },
    { kind: 'token', token: login.data.token! }
  )) as Envelope<T>
  if (!env.ok) throw new Error(env.message)
  return env.data
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `day-guard-${name}.png`), fullPage: true })

/** Every visible box of `selector` inside 390 px and at least `minH` tall. */
async function fits(page: Page, selector: string, minH = 0) {
  const boxes = await page
    .locator(selector)
    .filter({ visible: true })
    .evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect()
        return { left: r.left, right: r.right, height: r.height, text: (e.textContent ?? '').slice(0, 20) }
      })
    )
  expect(boxes.length).toBeGreaterThan(0)
  for (const b of boxes) {
    expect(b.left).toBeGreaterThanOrEqual(0)
    expect(b.right).toBeLessThanOrEqual(390)
    expect(b.height).toBeGreaterThanOrEqual(minH)
  }
}

/** The page has stopped sliding in: the element's left edge is where it stays. */
async function settled(page: Page, selector: string) {
  await until(`${selector} in place`, async () => {
    const box = await page.locator(selector).filter({ visible: true }).first().boundingBox()
    return box !== null && box.x >= 0 && box.x < 40
  })
}

const stored = async <T>(coll: string, where: Record<string, string>) =>
  (await app.server.runtime.store.find<Doc<T>>(coll, { where, limit: 50 })).items

describe('门岗 · 白班: a guard’s day', () => {
  it('on shift, a walk-in, a pass, an owner car, then 下岗 with the handover', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await tap(page, '上岗：东门岗')
    await page.getByText('在岗中：东门岗').waitFor()
    await page.locator('.area-title', { hasText: /^门岗$/ }).click()
    await page.getByText('访客登记', { exact: true }).filter({ visible: true }).first().waitFor()
    await settled(page, '.gate-bar')
    await shot(page, 'board')
    await fits(page, '.gate-action', 44)

    // a walk-in owner's guest: phone and name while the script runs, the room by its keys
    await tap(page, '访客登记')
    await tap(page, 'B 访客找业主')
    const phoneBox = page.locator('input[placeholder="来访人手机号"]').filter({ visible: true }).first()
    await until('the cursor in the phone box', () => phoneBox.evaluate((el) => el === document.activeElement))
    await page.keyboard.type('13600001357')
    const nameBox = page.locator('input[placeholder="来访人姓名"]').filter({ visible: true }).first()
    await until('the cursor in the name box', () => nameBox.evaluate((el) => el === document.activeElement))
    await page.keyboard.type('诸葛亮')
    await pickRoom(page, '3', '2', '601')
    await shot(page, 'walkin-register')
    await fits(page, '.who-card')
    await fits(page, '.room-key', 44)
    await tap(page, '已约好')
    await tap(page, '业主同意')
    await tap(page, '已登记、发来访卡')
    await page.locator('.row', { hasText: '诸葛亮' }).filter({ visible: true }).first().waitFor()
    await until('the walk-in on the server', async () =>
      (await stored<Visitor>('visitors', { name: '诸葛亮' })).find((v) => v.status === 'inside')
    )

    // a pass the desk made: six digits, then one tap
    const now = Date.now()
    const pass = await asDesk<PassOut>('gate.passCreate', {
      id: `e2e-day-pass-${now}`,
      visitorName: '孙尚香',
      room: '1-1-101',
      people: 2,
      validFrom: now - 60_000,
      validTo: now + 3_600_000
    })
    await tap(page, '通行码')
    const codeBox = page.locator('input[placeholder="6位数字"]').filter({ visible: true }).first()
    await until('the cursor in the code box', () => codeBox.evaluate((el) => el === document.activeElement))
    await page.keyboard.type(pass.code)
    await page.getByText('孙*香 等2人', { exact: true }).filter({ visible: true }).waitFor()
    await shot(page, 'pass')
    await fits(page, '.card')
    await tap(page, '确认进入')
    await until('the pass used', async () =>
      (await stored<Visitor>('visitors', { passId: pass.id })).find((v) => v.status === 'inside')
    )

    // an owner's car in: the screen says it is not inside, one tap
    await page.getByText('车辆进出', { exact: true }).filter({ visible: true }).first().waitFor()
    await tap(page, '车辆进出')
    for (const k of '粤B12345')
      await page
        .locator('.key', { hasText: new RegExp(`^${k}$`) })
        .filter({ visible: true })
        .first()
        .click()
    await page.getByText('不在园内（没有未出场的入场记录）').filter({ visible: true }).waitFor()
    await shot(page, 'owner-car')
    await fits(page, '.key', 40)
    await tap(page, '业主车入场')
    await until('the car inside', async () =>
      (await stored<VehicleVisit>('vehiclevisits', { plate: '粤B12345' })).find((v) => v.status === 'inside')
    )

    // 下岗 (back to the gate, then home): the handover lists the two visitors still inside
    await page.goBack()
    await page.getByText('访客登记', { exact: true }).filter({ visible: true }).first().waitFor()
    await page.goBack()
    await page.getByText('下岗', { exact: true }).filter({ visible: true }).first().waitFor()
    await tap(page, '下岗')
    await page.getByText('交班：东门岗').waitFor()
    await page.getByText('园内访客 2 位').waitFor()
    await page.getByText(/^诸葛亮（3-2-601）\d\d:\d\d进入$/).waitFor()
    await settled(page, '.ho-item')
    await shot(page, 'handover')
    await fits(page, '.ho-item')
    await context.close()
  })
})
