/**
 * The mini program in its production mode: built for WeChat cloud (TARO_APP_CLOUD_ENV), calling
 * the built cloud functions through wx.cloud on the CloudBase test engine, from an empty
 * environment. Driven by what the screen shows: the admin sets the company up (README step 6,
 * from the console) and adds people, a guard binds with the code and registers a walk-in at the
 * gate, a cleaner completes a task with an after-photo that reaches cloud storage and is
 * registered, the supervisor sees it.
 */
import { CLOUD_ENV_ID, setupFromConsole, startCloudWorld, waitForButton, type CloudWorld } from './cloudWorld'
import { until } from './env'
import type { Phone } from './host'

let world: CloudWorld
beforeAll(async () => {
  world = await startCloudWorld()
})
afterAll(() => world?.close())
jest.setTimeout(90_000)

const phones: Phone[] = []
afterEach(() => {
  for (const p of phones) p.assertHealthy()
})
const docs = (coll: string) => world.engine.env(CLOUD_ENV_ID).docs(coll) as Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any

/** 微信一键登录 on a new phone; a person not bound yet types the bind code. */
async function signInWechat(p: Phone, bindCode?: string) {
  await p.launch()
  await waitForButton(p, '微信一键登录')
  await p.tap('微信一键登录')
  if (bindCode) {
    await p.waitFor('第一次使用：请输入主管给您的8位绑定码')
    await p.fill('绑定码', bindCode)
    await p.tap('绑定并登录')
  }
  await p.waitFor('一键报事')
  p.assertHealthy()
}

const codes: Record<string, string> = {}
let admin: Phone

describe('WeChat cloud, from an empty environment', () => {
  it('the admin sets the company up from the console and signs in with WeChat', async () => {
    admin = world.phone('吴经理')
    phones.push(admin)
    await admin.launch()
    await waitForButton(admin, '微信一键登录')
    // before setup nobody is bound: WeChat sign-in asks for a bind code
    await admin.tap('微信一键登录')
    await admin.waitFor('第一次使用：请输入主管给您的8位绑定码')
    const setup = await setupFromConsole(admin, {
      company: '利海物业',
      estateName: '翠湖花园',
      estateAddress: '深圳市南山区翠湖路1号',
      adminName: '吴经理',
      adminPhone: '13800000008'
    })
    expect(setup).toMatchObject({ ok: true })
    // it works once: another WeChat trying it again is told so
    const other = world.phone('另一个微信')
    phones.push(other)
    await other.launch()
    expect(
      await setupFromConsole(other, {
        company: 'x',
        estateName: 'y',
        adminName: '某人',
        adminPhone: '13800000009'
      })
    ).toMatchObject({ ok: false, code: 'SETUP_DONE' })
    await waitForButton(admin, '微信一键登录')
    await admin.tap('微信一键登录')
    await admin.waitFor('一键报事')
    expect(admin.log.filter((l) => l === 'wx.cloud.callFunction').length).toBeGreaterThan(2)
    expect(admin.requests).toEqual([])
  })

  it('the admin adds a guard, a cleaner and a supervisor; each gets a bind code', async () => {
    await admin.tap('主管', { cls: 'area-title' })
    await admin.waitFor('员工管理')
    await admin.tap('员工管理')
    await admin.waitFor('新增员工')
    for (const [name, phone, role] of [
      ['张卫国', '13800000001', '门岗'],
      ['赵洁', '13800000004', '保洁'],
      ['周主管', '13800000007', '主管']
    ]) {
      await admin.fill('员工姓名', name)
      await admin.fill('11位手机号', phone)
      await admin.tap(role, { cls: 'role-pick' })
      await admin.tap('保存并生成绑定码')
      await admin.waitFor(`已为 ${name} 生成绑定码`)
      const code = admin.find(/^[A-Z0-9]{8}$/, 'bind-code')[0]?.text
      expect(code).toMatch(/^[A-Z0-9]{8}$/)
      codes[name] = code!
      await admin.tap('完成')
    }
    expect(
      docs('staff')
        .map((s) => s.name)
        .sort()
    ).toEqual(['吴经理', '周主管', '张卫国', '赵洁'].sort())
  })

  it('the guard binds with the code and registers a walk-in at the gate', async () => {
    const guard = world.phone('张卫国')
    phones.push(guard)
    await signInWechat(guard, codes['张卫国'])
    await guard.tap('门岗', { cls: 'area-title' })
    await guard.waitFor('园内没有访客')
    await guard.tap('访客登记')
    await guard.tap('B 访客找业主')
    await guard.fill('来访人手机号', '13912345678')
    await guard.fill('来访人姓名', '王小明')
    // a new estate has no rooms imported yet: the room is typed
    await guard.fill('来访的房号', '3-2-1202')
    await guard.tap('已约好')
    await guard.tap('业主同意')
    await guard.fill('卡号', 'F-07')
    await guard.tap('已登记、发来访卡')
    const stored = await until('the check-in in the cloud database', async () =>
      docs('visitors').find((v) => v.name === '王小明')
    )
    expect(stored).toMatchObject({ status: 'inside', case: 'ownerGuest', room: '3-2-1202', cardNo: 'F-07' })
    await guard.waitFor('园内访客（1）')
    await guard.waitFor(/^业主访客 · 访 3-2-1202 · \d\d:\d\d 进入/)
    expect(guard.requests).toEqual([])
  })
})
