/**
 * Issue 17, the supervisor's working day (周主管) on a 390 px page, walked as a new user would,
 * every screen photographed (dist/e2e-shots/day-supervisor-*.png) once it has settled:
 * the morning's report of yesterday (recorded offline by a guard's phone, arriving this morning)
 * and its share picture, the safety banner, the handovers and their difference, the gate day log
 * with the block-listed visitor turned away, the patrol day (done with 时间存疑, late, missed),
 * tasks assigned, reviewed with the after-photo and the ticked checklist, sent back with a reason
 * the worker reads, recurring tasks listed and stopped, attendance today and the schedule, the
 * block list. Each finding of the walk is an assertion.
 */
import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { startApp, signInDemo, field, fitsPhone, shotWhole, tap, until, type App } from './app'
import type { Envelope } from '../../src/domain/errors'
import { ACTIONS, type ActionName, type SessionOut } from '../../src/domain/contract'
import type { Task } from '../../src/domain/work/model'
import { DAY_MS, localDate, startOfLocalDate } from '../../src/domain/time'

let app: App
const SHOTS = 'dist/e2e-shots'
const OPENID = 'e2e-day-supervisor-guard-openid'
const today = localDate(Date.now())
const yesterday = localDate(Date.now() - DAY_MS)
const y = (h: number, m = 0) => startOfLocalDate(yesterday) + h * 3600_000 + m * 60_000

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await startApp()
  const now = Date.now()
  // a second guard, bound to WeChat a month ago: his phone's records of yesterday arrive this
  // morning, and he takes over 东门岗
  await app.server.runtime.store.insert('staff', {
    _id: 'e2e-guard-b',
    createdAt: now - 30 * DAY_MS,
    updatedAt: now,
    name: '王强',
    phone: '13800000011',
    roles: ['guard', 'patrol'],
    estateIds: ['demo-estate'],
    active: true,
    demo: true,
    openid: OPENID
  })
})
afterAll(async () => {
  await app?.close()
})

const tokens = new Map<string, string>()
let seq = 0
/** A record made by a demo person through the server's own dispatcher, with the phone's time. */
async function as<T = unknown>(
  staffId: string | { openid: string },
  action: string,
  input: Record<string, unknown>,
  deviceTime = Date.now(),
  sentAt = Date.now()
): Promise<T> {
  const rt = app.server.runtime
  const who = typeof staffId === 'string' ? undefined : ({ kind: 'openid', openid: staffId.openid } as const)
  let token = typeof staffId === 'string' ? tokens.get(staffId) : ''
  if (typeof staffId === 'string' && !token) {
    const login = (await rt.call(
      'auth',
      { action: 'auth.demoLogin', input: { staffId } },
      { kind: 'none' }
    )) as Envelope<SessionOut>
    if (!login.ok) throw new Error(login.message)
    token = login.data.token!
    tokens.set(staffId, token)
  }
  const fn = ACTIONS[action as ActionName].fn
  const env = (await rt.call(
    fn,
    { action, input, estateId: 'demo-estate', op: { id: `e2e-sv-op-${++seq}`, deviceTime }, sentAt },
    who ?? { kind: 'token', token: token! }
  )) as Envelope<T>
  if (!env.ok) throw new Error(`${action}: ${env.code} ${env.message}`)
  return env.data
}

const visitor = (name: string, room: string, extra: Record<string, unknown> = {}) => ({
  id: `e2e-sv-v-${++seq}`,
  gate: '东门',
  source: 'walkin',
  case: 'ownerGuest',
  name,
  idDoc: { type: 'none', last4: '' },
  idDeposited: false,
  people: 1,
  room,
  result: 'admitted',
  ...extra
})

/**
 * A screenshot of the whole page (the page scrolls inside Taro's page element, so the window is
 * made as tall as it for the picture) once it has stopped moving, every card inside 390 px.
 */
function shot(page: Page, name: string) {
  return shotWhole(page, `${SHOTS}/day-supervisor-${name}.png`)
}
/** The visible element with exactly this text. */
const see = (page: Page, text: string | RegExp) =>
  page
    .getByText(text, { exact: typeof text === 'string' })
    .filter({ visible: true })
    .first()
const open = async (page: Page, menu: string) => {
  await page.goto(app.url)
  await page
    .locator('.area-title', { hasText: /^主管$/ })
    .filter({ visible: true })
    .click()
  await page.locator('.sup-item', { hasText: menu }).filter({ visible: true }).first().click()
}

const taskTitled = async (title: string) =>
  (
    await app.server.runtime.store.find<Task & { _id: string; _v: number; [k: string]: unknown }>('tasks', {
      where: { title }
    })
  ).items[0]

// the smallest valid JPEG: what a phone camera hands over, as far as the server can tell
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64'
)

describe('主管的一天 (supervisor)', () => {
  it('walks the morning: 日报, handovers, the gate day log, the patrol day, the safety banner', async () => {
    // yesterday: 王强's phone recorded two visitors and a leak; it sends them this morning
    await as({ openid: OPENID }, 'gate.checkIn', visitor('李四', '1-1-101'), y(9))
    await as({ openid: OPENID }, 'gate.checkIn', visitor('王五', '2-1-302'), y(10))
    await as(
      { openid: OPENID },
      'work.report',
      { id: 'e2e-sv-inc-y', category: 'leak', note: '2栋水管' },
      y(11)
    )

    // this morning: 张卫国 at 东门岗 lets a visitor in and turns 刘某 (block list) away
    await as('demo-guard', 'shift.start', { id: 'e2e-shift-a', post: '东门岗' })
    await as('demo-guard', 'gate.checkIn', visitor('赵六', '3-1-101'))
    await as(
      'demo-guard',
      'gate.checkIn',
      visitor('刘某', '1-1-101', {
        phone: '13700001111',
        result: 'refused',
        reason: '黑名单：多次冒充快递员'
      })
    )
    // he hands 东门岗 over; 王强 takes it and finds no visitor inside
    const draft = await as<{ items: unknown[] }>('demo-guard', 'handover.draft', { post: '东门岗' })
    await as('demo-guard', 'handover.submit', {
      id: 'e2e-ho-1',
      post: '东门岗',
      items: draft.items,
      note: '东门道闸有点卡'
    })
    await as('demo-guard', 'shift.end', { shiftId: 'e2e-shift-a' })
    await as('e2e-guard-b', 'shift.start', { id: 'e2e-shift-b', post: '东门岗' })
    await as('e2e-guard-b', 'handover.accept', {
      handoverId: 'e2e-ho-1',
      checks: [{ key: 'visitors', found: 0, note: '赵六不在园内' }]
    })
    // 李巡 walks this slot's round from a phone whose clock is 10 minutes off
    const slot =
      startOfLocalDate(today) + Math.floor((Date.now() - startOfLocalDate(today)) / 7200_000) * 7200_000
    const off = () => Date.now() + 10 * 60_000
    await as(
      'demo-patrol',
      'patrol.start',
      { id: 'e2e-round-1', planId: 'demo-plan-day', slotStart: slot },
      off(),
      off()
    )
    for (const [i, code] of ['K2M3', 'K2M4', 'K2M5', 'K2M6'].entries())
      await as(
        'demo-patrol',
        'patrol.scan',
        { id: `e2e-scan-${i}`, roundId: 'e2e-round-1', method: 'typed', value: code, answers: {} },
        off(),
        off()
      )
    await as('demo-patrol', 'patrol.end', { roundId: 'e2e-round-1' })
    // and then holds the panic button
    await as('demo-patrol', 'safety.panic', { id: 'e2e-panic-1' })

    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await shot(page, '01-home')

    // the safety banner is the first thing on home
    await see(page, /李巡/).waitFor()
    await shot(page, '02-home-alert')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await see(page, '员工管理').waitFor()
    await shot(page, '03-supervisor')

    // 日报: yesterday, with what the phone sent this morning
    await open(page, '日报')
    await see(page, /昨天 \d{4}-\d\d-\d\d/).waitFor()
    await see(page, '门岗：访客 2 位 · 车辆 0 辆').waitFor()
    await shot(page, '10-report')

    // 门岗日志: the visitor turned away for the block list is in the day log
    await open(page, '门岗日志')
    await see(page, /刘某/).waitFor()
    await shot(page, '11-gatelog')

    // 巡更情况: the round done with the doubtful time marked, the missed ones
    await open(page, '巡更情况')
    const walked = page.locator('.round-row', { hasText: '已完成 · 李巡' }).filter({ visible: true }).first()
    await walked.waitFor()
    // the round's start came from a phone whose clock was off: the day says so
    await walked.getByText(/时间存疑（手机时钟不准）/).waitFor()
    // finding: a round done late, too quick, with doubtful points and time was shown green as all good
    expect(await walked.getAttribute('class')).toContain('tone-warn')
    await shot(page, '12-patrol')
    await walked.click()
    // each point of the round says the phone's clock was off: the supervisor knows what to doubt
    await see(page, '⚠ 可疑打点 4 个').waitFor()
    expect(
      await page
        .getByText(/手机时间比服务器快 10 分钟/)
        .filter({ visible: true })
        .count()
    ).toBe(4)
    await shot(page, '13-patrol-round')

    await context.close()
  })
})

describe('主管的一天: tasks, recurring tasks, attendance, the block list', () => {
  it('assigns, reviews with the after-photo and the ticks, sends back with a reason the worker reads', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await open(page, '报事与任务')
    await field(page, '任务，如 1栋大堂保洁').fill('3栋电梯厅保洁')
    await field(page, '检查项，用逗号分开（可不填）').fill('地面，按钮')
    await tap(page, '赵洁·保洁')
    await shot(page, '20-work-assign')
    await tap(page, '派出')
    await see(page, '已派出').waitFor()
    // a recurring one: every day at 07:00
    await field(page, '任务，如 1栋大堂保洁').fill('每日垃圾清运')
    await tap(page, '赵洁·保洁')
    await tap(page, '每天')
    await shot(page, '21-work-recurring-form')
    await tap(page, '保存周期任务')
    await see(page, '已保存周期任务').waitFor()

    // the cleaner does it, ticking one of two
    const cl = await app.phone()
    await signInDemo(cl.page, '赵洁 · 保洁')
    await tap(cl.page, '今日任务与报事处理')
    const card = cl.page.locator('.task', { hasText: '3栋电梯厅保洁' }).filter({ visible: true }).first()
    await card.getByText('接单', { exact: true }).click()
    await card.getByText('开始', { exact: true }).click()
    await card.getByText('☐ 地面', { exact: true }).click()
    await card.getByText('完成……', { exact: true }).click()
    await card.getByText('确认完成', { exact: true }).click()
    // one box left unticked: the cleaner is told which, and nothing is sent
    await see(cl.page, /还有 1 项没勾（按钮）/).waitFor()
    // finding: the reason stood at the foot of the list, away from the card and its button
    const why = await card.locator('.task-act-why').boundingBox()
    const btn = await card.getByText('确认完成', { exact: true }).boundingBox()
    expect(why && btn && why.y >= btn.y + btn.height && why.y - (btn.y + btn.height) < 40).toBe(true)
    await cl.page.screenshot({ path: `${SHOTS}/day-supervisor-22-cleaner-unticked.png`, fullPage: true })
    await card.getByText('☐ 按钮', { exact: true }).click()
    await card.getByText('确认完成', { exact: true }).click()
    await until('the cleaner’s task done', async () => (await taskTitled('3栋电梯厅保洁'))?.status === 'done')

    // the engineer fixes yesterday's leak with an after-photo
    const eng = await app.phone()
    await signInDemo(eng.page, '钱工 · 工程')
    await tap(eng.page, '今日任务与报事处理')
    const leak = eng.page.locator('.task', { hasText: '漏水' }).filter({ visible: true }).first()
    await leak.getByText('抢单', { exact: true }).click()
    await leak.getByText('完成……', { exact: true }).click()
    const [chooser] = await Promise.all([
      eng.page.waitForEvent('filechooser'),
      leak.getByText('拍完成后的照片（必须）', { exact: true }).click()
    ])
    await chooser.setFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: JPEG })
    await leak.getByText('再拍一张（已拍 1 张）', { exact: true }).waitFor()
    await leak.locator('input[placeholder="处理说明"]').fill('换了接头')
    await leak.getByText('确认完成', { exact: true }).click()
    await until('the leak fixed', async () => (await taskTitled('漏水'))?.status === 'done')

    // the review: the after-photo and the ticks in view
    await page.reload()
    const fix = page.locator('.sup-row', { hasText: '漏水 · 钱工' }).filter({ visible: true }).first()
    await until('the after-photo shown', async () => (await fix.locator('img').count()) > 0)
    const clean = page
      .locator('.sup-row', { hasText: '3栋电梯厅保洁 · 赵洁' })
      .filter({ visible: true })
      .first()
    await clean.getByText('检查项 2/2：☑ 地面 · ☑ 按钮').waitFor()
    await shot(page, '24-work-review')
    await fix.getByText('验收通过', { exact: true }).click()
    await clean.locator('input[placeholder="不通过的原因"]').fill('按钮没擦')
    await clean.getByText('验收不通过', { exact: true }).click()
    await until(
      'sent back',
      async () => (await page.locator('.sup-row', { hasText: '3栋电梯厅保洁 · 赵洁' }).count()) === 0
    )

    // the reason reaches the cleaner's card
    await cl.page.reload()
    const back = cl.page.locator('.task', { hasText: '3栋电梯厅保洁' }).filter({ visible: true }).first()
    await back.getByText('验收不通过（周主管）：按钮没擦').waitFor()
    await cl.page.screenshot({ path: `${SHOTS}/day-supervisor-25-cleaner-rejected.png`, fullPage: true })

    // recurring tasks: listed, stopped after a confirm
    const rec = page.locator('.sup-row', { hasText: '每日垃圾清运' }).filter({ visible: true }).first()
    await rec.waitFor()
    await shot(page, '26-work-recurring')
    await rec.getByText('停用', { exact: true }).click()
    await shot(page, '27-work-recurring-confirm')
    await page.locator('.taro-modal__foot').getByText('停用', { exact: true }).click()
    await until('the recurring task stopped', async () => (await rec.count()) === 0)
    const tpl = (await app.server.runtime.store.find('tasktemplates', { limit: 10 })).items
    expect(tpl.map((x) => x.active)).toEqual([false])

    await cl.context.close()
    await eng.context.close()
    await context.close()
  })

  it('attendance today and the schedule; the block list: add, see, remove', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^考勤$/ }).click()
    await see(page, '东门岗').waitFor()
    await shot(page, '30-attendance')
    await tap(page, '排班')
    await tap(page, '添加班次')
    await shot(page, '31-schedule')
    const days = await fitsPhone(page, '.at-day', 44, 44)
    expect(days).toHaveLength(7)
    // finding: the seven weekday chips wrapped to a second line at 390 px
    expect(new Set(days.map((d) => Math.round(d.top))).size).toBe(1)

    await open(page, '门岗资料')
    await field(page, '姓名').fill('孙某')
    await field(page, '手机号').fill('13700002222')
    await field(page, '原因').fill('多次尾随进门')
    await tap(page, '加入黑名单')
    const entry = page.locator('.ref-row', { hasText: '孙某 · 137****2222' }).filter({ visible: true })
    await entry.waitFor()
    await shot(page, '32-blocklist')
    // 移出 is a text link: still a thumb's size beside each entry
    await fitsPhone(page, '.ref-del', 40, 40)
    // a guard's check finds the new entry
    const hit = await as('demo-guard', 'gate.blockCheck', { phone: '13700002222' })
    expect(JSON.stringify(hit)).toContain('多次尾随进门')
    await entry.getByText('移出', { exact: true }).click()
    // finding: the confirmation said 删除 and did not name whom
    await see(page, '确定把 孙某 移出黑名单吗？').waitFor()
    await page.locator('.taro-modal__foot').getByText('移出', { exact: true }).click()
    await until('removed from the list', async () => (await entry.count()) === 0)
    await context.close()
  })
})
