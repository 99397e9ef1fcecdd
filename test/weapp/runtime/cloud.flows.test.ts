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
import { smallPng, type Phone } from './host'

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

/** Agrees to the privacy guide when the app shows it (WeChat asks before the first camera use). */
async function agreePrivacy(p: Phone) {
  await p.waitFor('同意并继续')
  await p.tap('同意并继续')
}

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

  let taskId = ''
  it('the guard reports rubbish; the cleaner binds, grabs it and completes it with an after-photo', async () => {
    const guard = phones.find((p) => p.name === '张卫国')!
    await guard.go('/pages/home/index')
    await guard.tap('一键报事')
    await guard.tap('垃圾/污渍')
    await guard.waitFor('已记录：🗑️ 垃圾/污渍')
    await guard.tap('完成')
    const incident = await until('the report in the cloud database', async () =>
      docs('incidents').find((i) => i.category === 'rubbish')
    )
    expect(incident).toMatchObject({ dept: 'cleaning', reporterName: '张卫国' })
    taskId = incident.taskId as string

    const cleaner = world.phone('赵洁')
    phones.push(cleaner)
    await signInWechat(cleaner, codes['赵洁'])
    await cleaner.tap('今日任务与报事处理')
    await cleaner.waitFor('抢单')
    await cleaner.tap('抢单', { cls: 'task' })
    await cleaner.waitFor('完成……')
    await cleaner.tap('完成……', { cls: 'task' })
    await cleaner.tap('拍完成后的照片（必须）')
    await agreePrivacy(cleaner)
    await cleaner.waitFor('再拍一张（已拍 1 张）')
    await cleaner.fill('处理说明', '已清理干净')
    await cleaner.tap('确认完成')
    const task = await until('the task done in the cloud database', async () =>
      docs('tasks').find((t) => t._id === taskId && t.status === 'done')
    )
    expect(task).toMatchObject({ assigneeName: '赵洁', completionNote: '已清理干净' })
    const photoId = (task.completionPhotoIds as string[])[0]
    // the photo's bytes reached cloud storage under the cleaner's folder, and it was registered
    const cleanerId = docs('staff').find((s) => s.name === '赵洁')!._id as string
    const file = await until('the photo registered', async () => docs('files').find((f) => f._id === photoId))
    expect(file.fileId).toBe(cleaner.uploads[0]?.fileID)
    expect(file.fileId).toMatch(
      new RegExp(`^cloud://${CLOUD_ENV_ID}\\.[a-z0-9-]+/photos/${cleanerId}/${photoId}\\.jpg$`)
    )
    const stored = world.engine.files(CLOUD_ENV_ID).find((f) => f.fileID === file.fileId)
    expect(stored?.cloudPath).toBe(`photos/${cleanerId}/${photoId}.jpg`)
    expect(stored?.size).toBe(smallPng().length)
    expect(docs('uploads').find((u) => u.id === photoId)).toMatchObject({
      registered: true,
      staffId: cleanerId
    })
    expect(cleaner.requests).toEqual([])
  })

  it('the supervisor binds and sees the task done with its after-photo, and accepts it', async () => {
    const sup = world.phone('周主管')
    phones.push(sup)
    await signInWechat(sup, codes['周主管'])
    await sup.tap('主管', { cls: 'area-title' })
    await sup.waitFor('报事与任务')
    await sup.tap('报事与任务', { cls: 'sup-title' })
    await sup.waitFor('待验收（1）')
    await sup.waitFor(/ · 赵洁$/)
    const fileId = docs('files')[0].fileId as string
    await sup.waitFor(() => sup.elements().some((e) => e.tag === 'image' && e.attrs.src === fileId))
    expect(sup.has('完成照片还没传到，先别验收')).toBe(false)
    await sup.tap('验收通过')
    await until('the task closed in the cloud database', async () =>
      docs('tasks').find((t) => t._id === taskId && t.status === 'closed')
    )
    expect(sup.requests).toEqual([])
  })

  it('over the daily upload quota the photo stays on the phone with the reason in Chinese, and the record is kept', async () => {
    const guard = phones.find((p) => p.name === '张卫国')!
    const cleaner = phones.find((p) => p.name === '赵洁')!
    // the cleaner has already put 60 MB in cloud storage today
    const first = docs('uploads')[0]
    world.engine
      .env(CLOUD_ENV_ID)
      .insert('uploads', [
        { ...first, _id: `${String(first.staffId)}~filled-today`, id: 'filled-today', size: 60 * 1024 * 1024 }
      ])
    await guard.go('/pages/home/index')
    await guard.tap('一键报事')
    await guard.tap('垃圾/污渍')
    await guard.waitFor('已记录：🗑️ 垃圾/污渍')
    await guard.tap('完成')
    const second = await until('the second report', async () =>
      docs('incidents').find((i) => i.category === 'rubbish' && i.taskId !== taskId)
    )
    await cleaner.go('/pages/home/index')
    await cleaner.tap('今日任务与报事处理')
    await cleaner.waitFor('抢单')
    await cleaner.tap('抢单', { cls: 'task' })
    await cleaner.waitFor('完成……')
    await cleaner.tap('完成……', { cls: 'task' })
    await cleaner.tap('拍完成后的照片（必须）')
    await cleaner.waitFor('再拍一张（已拍 1 张）')
    await cleaner.tap('确认完成')
    const task = await until('the second task done in the cloud database', async () =>
      docs('tasks').find((t) => t._id === second.taskId && t.status === 'done')
    )
    const photoId = (task.completionPhotoIds as string[])[0]
    await cleaner.go('/pages/me/index')
    await cleaner.waitFor(/^照片（.+）$/)
    await cleaner.waitFor(/^服务器未接收：今天上传的照片已达上限（每人每天60MB）/)
    // nothing went up, nothing is registered, and the record stands
    expect(cleaner.uploads).toHaveLength(1)
    expect(docs('files').some((f) => f._id === photoId)).toBe(false)
    expect(world.engine.files(CLOUD_ENV_ID)).toHaveLength(1)
    expect(docs('tasks').find((t) => t._id === second.taskId)?.status).toBe('done')
  })
})
