/**
 * What a guard hit on a first try at the gate (issue 17, "Gate:"), each as it would have been
 * caught: on a 390 px page, by visible text, layout by measured boxes. Screenshots of each
 * screen go to dist/e2e-shots/gate-first-try-*.png for a person to look at.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, signInDemo, field, type App, until, tap } from './app'
import { pickRoom } from './rooms'
import type { GateLogPage, PassOut, SessionOut } from '../../src/domain/contract'
import { GATE_ACTIONS } from '../../src/domain/contract/gate'
import type { Envelope } from '../../src/domain/errors'
import type { VehicleVisit, Visitor } from '../../src/domain/gate/entities'
import { dayClock } from '../../src/domain/gate/when'
import { estateTime } from '../../src/domain/dates'
import { localDate } from '../../src/domain/time'

type Doc<T> = T & { [k: string]: unknown }
const SHOTS = resolve(__dirname, '../../dist/e2e-shots')
let app: App
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

let seq = 0
/** Another person's side (the desk, the supervisor), through the server's own dispatcher. */
async function as<T>(
  staffId: string,
  action: keyof typeof GATE_ACTIONS | 'rooms.importCommit',
  input: object
): Promise<T> {
  const rt = app.server.runtime
  const login = (await rt.call(
    'auth',
    { action: 'auth.demoLogin', input: { staffId } },
    { kind: 'none' }
  )) as Envelope<SessionOut>
  if (!login.ok) throw new Error(login.message)
  const env = (await rt.call(
    action === 'rooms.importCommit' ? 'admin' : GATE_ACTIONS[action].fn,
    {
      action,
      input,
      estateId: 'demo-estate',
      op: { id: `e2e-first-${++seq}`, deviceTime: Date.now() },
      sentAt: Date.now()
    },
    { kind: 'token', token: login.data.token! }
  )) as Envelope<T>
  if (!env.ok) throw new Error(env.message)
  return env.data
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `gate-first-try-${name}.png`), fullPage: true })

async function openGate(page: Page) {
  await signInDemo(page, '张卫国 · 门岗')
  await page.locator('.area-title', { hasText: /^门岗$/ }).click()
  await page.getByText('访客登记', { exact: true }).filter({ visible: true }).first().waitFor()
}

async function typePlate(page: Page, plate: string) {
  for (const k of plate)
    await page
      .locator('.key', { hasText: new RegExp(`^${k}$`) })
      .filter({ visible: true })
      .first()
      .click()
}

/**
 * The vehicle screen after a record: the record confirmed with its upload state, and the plate
 * emptied at its province keys (the next car is typed at once, no tap to get there).
 */
async function expectDone(page: Page, what: RegExp, state: string | RegExp) {
  const done = page.locator('.vehicle-done').filter({ visible: true })
  await done.getByText(what).waitFor()
  await done.getByText(state).waitFor()
  await page.locator('.plate-text', { hasText: '请输入车牌' }).filter({ visible: true }).waitFor()
  await page.locator('.key-prov', { hasText: /^粤$/ }).filter({ visible: true }).first().waitFor()
  expect(await page.getByText('业主车入场', { exact: true }).filter({ visible: true }).count()).toBe(0)
}

async function vehicleVisits(plate: string) {
  return (
    await app.server.runtime.store.find<Doc<VehicleVisit>>('vehiclevisits', { where: { plate }, limit: 50 })
  ).items
}

async function dayLog(): Promise<GateLogPage> {
  return as<GateLogPage>('demo-supervisor', 'gate.dayLog', { date: localDate(Date.now()) })
}

describe('门岗 first try: what a new guard hit', () => {
  it('a block-listed plate: 禁止入场 until a decision; turned away it is in the supervisor’s day log; let in only with a reason', async () => {
    const { context, page } = await app.phone()
    await openGate(page)
    // nobody inside yet: the shift list says so instead of empty headings
    await tap(page, '交班清单')
    await page.getByText('没有要交接的访客和外来车辆。').filter({ visible: true }).waitFor()
    expect(
      await page
        .getByText(/园内访客 0 位/)
        .filter({ visible: true })
        .count()
    ).toBe(0)
    await tap(page, '车辆进出')
    await typePlate(page, '粤A66666')
    await page.getByText('禁止入场', { exact: true }).filter({ visible: true }).waitFor()
    await shot(page, 'block-plate')
    // no way in without the decision: the entry buttons are not offered
    expect(await page.getByText('外来车辆入场（按话术）').filter({ visible: true }).count()).toBe(0)
    // the let-in button waits for a reason
    const admit = page.getByText('写明原因后放行', { exact: true }).filter({ visible: true })
    // readable while it waits (Taro's disabled text is white, on this white button it vanished)
    expect(await admit.evaluate((el) => getComputedStyle(el).color)).not.toMatch(/255, 255, 255/)
    await admit.click()
    expect(await page.getByText('外来车辆入场（按话术）').filter({ visible: true }).count()).toBe(0)
    await tap(page, '不放行（记录并报主管）')
    const refused = await until('the refusal on the server', async () =>
      (await vehicleVisits('粤A66666')).find((v) => v.status === 'refused')
    )
    expect(refused.reason).toBe('黑名单：欠费车辆，禁止入场')
    const line = (await dayLog()).items.find((e) => e.refId === refused._id)
    expect(line).toMatchObject({ eventLabel: '车辆未放行', subject: '粤A·66666' })
    expect(line?.detail).toContain('黑名单：欠费车辆，禁止入场')

    // the same plate again, let in with a reason: the entry is offered, the reason travels
    await typePlate(page, '粤A66666')
    await field(page, '放行原因，如 主管电话同意').fill('主管电话同意')
    await tap(page, '写明原因后放行')
    await page
      .getByText('⚠ 黑名单车辆：欠费车辆，禁止入场；放行原因：主管电话同意')
      .filter({ visible: true })
      .waitFor()
    await page.getByText('外来车辆入场（按话术）').filter({ visible: true }).waitFor()
    await context.close()
  })

  it('the board at 390 px: names keep their width, each row on one or two lines; check-out reminders start unticked', async () => {
    const now = Date.now()
    await as('demo-guard', 'gate.checkIn', {
      id: `e2e-ft-v-${now}`,
      gate: '东门',
      source: 'walkin',
      case: 'ownerGuest',
      name: '欧阳明远',
      idDoc: { type: 'none', last4: '' },
      idDeposited: true,
      cardNo: 'F-12',
      people: 2,
      room: '1-1-101',
      result: 'admitted'
    })
    await as('demo-guard', 'gate.vehicleIn', {
      id: `e2e-ft-c-${now}`,
      gate: '东门',
      plate: '粤C54321',
      case: 'delivery',
      deliverTo: '2-1-302',
      idDeposited: false,
      result: 'admitted'
    })
    const { context, page } = await app.phone()
    await openGate(page)
    // the page has slid in (the screenshot is of the board, not of the transition)
    await until('the gate page in place', async () => {
      const box = await page.locator('.gate-bar').filter({ visible: true }).first().boundingBox()
      return box !== null && box.x >= 0 && box.x < 40
    })
    const row = page.locator('.row', { hasText: '欧阳明远' }).filter({ visible: true }).first()
    const car = page.locator('.row', { hasText: '粤C·54321' }).filter({ visible: true }).first()
    await row.waitFor()
    await car.waitFor()
    await shot(page, 'board')
    for (const r of [row, car]) {
      const main = (await r.locator('.row-main').boundingBox())!
      expect(main.width).toBeGreaterThan(180)
      for (const cls of ['.row-title', '.row-sub']) {
        const box = (await r.locator(cls).first().boundingBox())!
        const lineHeight = await r
          .locator(cls)
          .first()
          .evaluate((el) => {
            const s = getComputedStyle(el)
            return s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.4 : parseFloat(s.lineHeight)
          })
        // one or two lines: not a column of single characters
        expect(box.height).toBeLessThanOrEqual(2 * lineHeight + 2)
        expect(box.width).toBeGreaterThan(150)
      }
    }
    // leaving: the ID and card reminders are not ticked for the guard
    await row.getByText('离开', { exact: true }).click()
    await page.getByText('已收回来访卡 F-12').filter({ visible: true }).waitFor()
    await shot(page, 'check-out')
    const boxes = page.locator('.toggle .check-box').filter({ visible: true })
    expect(await boxes.count()).toBe(2)
    expect(await page.locator('.toggle .check-box-on').filter({ visible: true }).count()).toBe(0)
    // ticking the card only: the ID is recorded as not returned
    await tap(page, '已收回来访卡 F-12')
    await tap(page, '确认离开')
    const left = await until('the check-out on the server', async () => {
      const v = await app.server.runtime.store.get<Doc<Visitor>>('visitors', `e2e-ft-v-${now}`)
      return v?.status === 'left' ? v : undefined
    })
    expect(left).toMatchObject({ idReturned: false, cardCollected: true })
    await context.close()
  })

  it('a pass shows its validity with the day, how many people, and the phone’s last digits', async () => {
    const now = Date.now()
    // to 23:59 the day after tomorrow
    const validTo = estateTime(now).add(2, 'day').hour(23).minute(59).second(0).millisecond(0).valueOf()
    const pass = await as<PassOut>('demo-service', 'gate.passCreate', {
      id: `e2e-ft-pass-${now}`,
      visitorName: '钱七',
      visitorPhone: '13912345678',
      room: '2-1-302',
      people: 3,
      validFrom: now - 60_000,
      validTo
    })
    const { context, page } = await app.phone()
    await openGate(page)
    await tap(page, '通行码')
    await field(page, '6位数字').fill(pass.code)
    await tap(page, '查询')
    await page.getByText('3人', { exact: true }).filter({ visible: true }).waitFor()
    await page
      .getByText(`${dayClock(now - 60_000, now)} 至 ${dayClock(validTo, now)}`, { exact: true })
      .filter({ visible: true })
      .waitFor()
    expect(dayClock(validTo, now)).toMatch(/^\d+月\d+日 23:59$/)
    await page.getByText('尾号 5678（请访客核对）').filter({ visible: true }).waitFor()
    await shot(page, 'pass')
    await context.close()
  })

  it('the owner-car screen says whether the car is inside; a second 入场 is refused with a clear message', async () => {
    const { context, page } = await app.phone()
    await openGate(page)
    await tap(page, '车辆进出')
    await typePlate(page, '粤B12345')
    await page.getByText('不在园内（没有未出场的入场记录）').filter({ visible: true }).waitFor()
    await tap(page, '业主车入场')
    await until('the entry on the server', async () =>
      (await vehicleVisits('粤B12345')).find((v) => v.status === 'inside')
    )
    // finding: after 入场 the screen gave no lasting word and the guard looked for the way to the
    // next car. Now the entry stays confirmed (uploaded) above an empty plate at its province keys
    await expectDone(page, /^✓ 粤B·12345 业主车已登记入场 · 今天 \d\d:\d\d$/, '已上传')
    await shot(page, 'owner-car-in-done')
    await typePlate(page, '粤B12345')
    await page
      .getByText(/^在园内 · 今天 \d\d:\d\d 入场/)
      .filter({ visible: true })
      .waitFor()
    await tap(page, '业主车入场')
    await page
      .getByText(/这辆车已在园内，没有出场记录，不能再登记入场/)
      .filter({ visible: true })
      .waitFor()
    await shot(page, 'owner-car-again')
    await tap(page, '取消')
    await tap(page, '业主车出场')
    await until('the exit on the server', async () =>
      (await vehicleVisits('粤B12345')).find((v) => v.status === 'left')
    )
    // the phone sends in order: a second entry from that tap would be on the server by now
    expect((await vehicleVisits('粤B12345')).map((v) => v.status)).toEqual(['left'])
    await expectDone(page, /^✓ 粤B·12345 业主车已登记出场 · 今天 \d\d:\d\d$/, '已上传')

    // offline: the entry is confirmed as made and said to be 未上传, and goes up once online
    await typePlate(page, '粤B12345')
    // the board reloaded after the exit went up (it is what the phone knows offline)
    await page.getByText('不在园内（没有未出场的入场记录）').filter({ visible: true }).waitFor()
    await context.setOffline(true)
    await tap(page, '业主车入场')
    await expectDone(page, /^✓ 粤B·12345 业主车已登记入场 · 今天 \d\d:\d\d$/, /^未上传：手机没联网/)
    await shot(page, 'owner-car-offline-done')
    await context.setOffline(false)
    await page.locator('.vehicle-done').getByText('已上传', { exact: true }).waitFor({ timeout: 30_000 })
    expect((await vehicleVisits('粤B12345')).map((v) => v.status).sort()).toEqual(['inside', 'left'])
    await context.close()
  })

  it('the walk-in script: the owner’s phone and a call button at 打电话给业主, the 押证 phrase at registering, the closing words shown', async () => {
    const sheet = '楼栋,单元,房号,业主姓名,手机\n1,1,101,陈先生,13800001234\n'
    const file = { name: 'rooms.csv', data: Buffer.from(sheet, 'utf8').toString('base64') }
    for (;;) {
      const r = await as<{ remaining: number }>('demo-supervisor', 'rooms.importCommit', { file })
      if (!r.remaining) break
    }
    const audits = await app.server.runtime.store.count('audit', { action: 'gate.ownerPhone' })
    const { context, page } = await app.phone()
    await openGate(page)
    await tap(page, '访客登记')
    await tap(page, 'B 访客找业主')
    await pickRoom(page, '1', '1', '101')
    await tap(page, '已约好')
    await page.getByText('1-1-101 业主 陈先生', { exact: true }).filter({ visible: true }).waitFor()
    await page.getByText('138****1234', { exact: true }).filter({ visible: true }).waitFor()
    const call = page.getByText('拨打业主电话', { exact: true }).filter({ visible: true })
    const box = (await call.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(44)
    expect(box.width).toBeGreaterThan(200)
    // the whole number was read for this room, and that read is on the record
    expect(await app.server.runtime.store.count('audit', { action: 'gate.ownerPhone' })).toBe(audits + 1)
    await shot(page, 'owner-call')
    await tap(page, '业主同意')
    await page
      .getByText(/请您留有效证件在这里登记/)
      .filter({ visible: true })
      .waitFor()
    await shot(page, 'register')
    await tap(page, '已押证登记、发来访卡')
    await page.getByText('登记好后请说', { exact: true }).filter({ visible: true }).waitFor()
    await page
      .getByText(/感谢您的配合/)
      .filter({ visible: true })
      .waitFor()
    await shot(page, 'closing')
    await context.close()
  })

  it('construction permits: an expired one has a way back in the form to 未放行; a valid one fills in its holder and room', async () => {
    const { context, page } = await app.phone()
    await openGate(page)
    await tap(page, '访客登记')
    await tap(page, 'E 施工人员')
    await tap(page, '长期施工')
    await tap(page, '施工证有效且是本人')
    await tap(page, 'SG2026002 黄师傅')
    await page
      .getByText(/施工许可证已过期/)
      .filter({ visible: true })
      .first()
      .waitFor()
    await field(page, '姓名').fill('黄师傅')
    await tap(page, '登记进入')
    await page
      .getByText(/请点“返回上一步”/)
      .filter({ visible: true })
      .waitFor()
    await shot(page, 'permit-expired')
    await tap(page, '返回上一步')
    await tap(page, '施工证过期或不是本人')
    await page
      .getByText(/未放行：施工证过期或不是本人的证件/)
      .filter({ visible: true })
      .waitFor()
    await field(page, '姓名').fill('黄师傅')
    await tap(page, '记录')
    const refused = await until('the refusal on the server', async () =>
      (
        await app.server.runtime.store.find<Doc<Visitor>>('visitors', { where: { name: '黄师傅' } })
      ).items.find((v) => v.status === 'refused')
    )
    expect(refused.reason).toBe('施工证过期或不是本人的证件')

    await tap(page, '访客登记')
    await tap(page, 'E 施工人员')
    await tap(page, '长期施工')
    await tap(page, '施工证有效且是本人')
    await tap(page, 'SG2026001 陈师傅')
    await until('the holder filled in', async () => (await field(page, '姓名').inputValue()) === '陈师傅')
    await page.getByText('房号 3-2-501', { exact: true }).filter({ visible: true }).first().waitFor()
    await shot(page, 'permit-valid')
    await context.close()
  })
})
