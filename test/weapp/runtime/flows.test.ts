/**
 * The key flows of the built mini program, driven by what the screen shows, on phones that talk
 * HTTP to the real local server: the gate (a walk-in with an ID number, a pass the desk made, an
 * owner car in and out), patrol (a point by the camera's QR and by its typed code, the QR
 * sheet), a one-tap incident, a task grabbed and completed with a photo, the supervisor's boards.
 */
import type { Envelope } from '../../../src/domain/errors'
import type { QrSheetItem, SessionOut } from '../../../src/domain/contract'
import type { VehicleVisit, Visitor, VisitorPass } from '../../../src/domain/gate/entities'
import type { Round, Scan } from '../../../src/domain/patrol/model'
import type { Incident, Task } from '../../../src/domain/work/model'
import { openArea, signIn, startWorld, until, type World } from './env'
import type { Phone } from './host'

type Doc<T> = T & { [k: string]: unknown }
let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.close())
jest.setTimeout(60_000)

const store = () => world.server.runtime.store
const phones: Phone[] = []
async function person(name: string): Promise<Phone> {
  const p = world.phone(name)
  phones.push(p)
  await signIn(p, name)
  return p
}
afterEach(() => {
  // whatever a phone did after its last check still counts
  for (const p of phones.splice(0)) p.assertHealthy()
})

/** Agrees to the privacy guide when the app shows it (WeChat asks before the first camera or location use). */
async function agreePrivacy(p: Phone) {
  await p.waitFor('同意并继续')
  await p.tap('同意并继续')
}

describe('门岗', () => {
  it('a walk-in owner’s guest with an ID number: script, check-in, check-out', async () => {
    const p = await person('张卫国')
    await openArea(p, '门岗', '访客登记')
    await p.waitFor('园内没有访客')
    await p.tap('访客登记')
    await p.tap('B 访客找业主')
    // 麻烦您登记一下: phone and name while the script runs, the room by its keys
    await p.fill('来访人手机号', '13912345678')
    await p.fill('来访人姓名', '王小明')
    await p.tap('1', { cls: 'room-key' })
    await p.tap('1', { cls: 'room-key', nth: 1 })
    await p.tap('101', { cls: 'room-key' })
    await p.waitFor('房号 1-1-101')
    await p.tap('已约好')
    await p.tap('业主同意')
    await p.tap('已押证登记、发来访卡')
    await p.waitFor('业主访客 · 放行进入')
    // the form keeps what the script took: room, name, phone; it asks for the ID held
    await p.waitFor('房号 1-1-101')
    await p.fill('身份证号（18位）', '11010519491231002X')
    await p.fill('卡号', 'F-07')
    await p.tap('登记进入')
    p.assertHealthy()
    await p.waitFor(/王小明/, 8000)
    const stored = await until(
      'the check-in on the server',
      async () => (await store().find<Doc<Visitor>>('visitors', { where: { name: '王小明' } })).items[0]
    )
    expect(stored).toMatchObject({
      status: 'inside',
      case: 'ownerGuest',
      room: '1-1-101',
      idDeposited: true,
      cardNo: 'F-07'
    })
    expect(stored.idDoc.last4).toBe('002X')
    expect(JSON.stringify(stored)).not.toContain('11010519491231002X')
    await p.tap('离开', { cls: 'row' })
    await p.waitFor('已退还证件（身份证 ····002X）')
    await p.tap('确认离开')
    await p.waitFor('园内没有访客')
    await until(
      'the check-out on the server',
      async () => (await store().get<Doc<Visitor>>('visitors', stored._id))?.status === 'left'
    )

    // the same phone again: recognised (name masked, last room), in by the script's last tap
    await p.tap('访客登记')
    await p.tap('B 访客找业主')
    await p.fill('来访人手机号', '13912345678')
    await p.waitFor(/^老访客 王\*明 · 上次 \d+月\d+日 到访 1-1-101$/)
    await p.waitFor('房号 1-1-101')
    await p.tap('已约好')
    await p.tap('业主同意')
    await p.tap('已登记、发来访卡')
    const again = await until('the second check-in on the server', async () =>
      (await store().find<Doc<Visitor>>('visitors', { where: { phone: '13912345678' } })).items.find(
        (v) => v.status === 'inside'
      )
    )
    expect(again).toMatchObject({ name: '王小明', room: '1-1-101', idDeposited: false })
  })

  it('a pass by its code: the desk makes it, the gate admits it once', async () => {
    const desk = await person('孙客服')
    await desk.tap('访客通行证、物品放行条')
    await desk.fill('访客姓名', '钱七')
    // the room by its keys: 楼栋 2, 单元 1 (the second "1" key: the first is 楼栋 1), 房号 302
    await desk.tap('2', { cls: 'room-key' })
    await desk.tap('1', { cls: 'room-key', nth: 1 })
    await desk.tap('302', { cls: 'room-key' })
    await desk.waitFor('房号 2-1-302')
    await desk.tap('生成通行证')
    await desk.waitFor('钱七 的访客通行证')
    const code = desk.find(/^\d{6}$/, 'big-code')[0]?.text
    expect(code).toMatch(/^\d{6}$/)

    const gate = await person('张卫国')
    await openArea(gate, '门岗', '访客登记')
    await gate.tap('通行码')
    // the sixth digit looks the code up: no 查询 tap
    await gate.fill('6位数字', code!)
    // the look-up shows the name masked (issue 16: only what the guard needs before admitting)
    await gate.waitFor(/钱\*/)
    await gate.tap('确认进入')
    const pass = await until('the pass used on the server', async () =>
      (await store().find<Doc<VisitorPass>>('passes', { where: { visitorName: '钱七' } })).items.find(
        (x) => x.status === 'used'
      )
    )
    expect(pass.room).toBe('2-1-302')
    await gate.tap('通行码')
    await gate.fill('6位数字', code!)
    await gate.waitFor('不能使用：这张通行证已使用')
  })

  it('an owner car in and out (粤B12345)', async () => {
    const p = await person('张卫国')
    await openArea(p, '门岗', '访客登记')
    await p.tap('车辆进出')
    const plate = async () => {
      for (const k of ['粤', 'B', '1', '2', '3', '4', '5']) await p.tap(k, { cls: 'key' })
    }
    await plate()
    await p.waitFor('业主车辆 · 1-1-101 陈先生')
    await p.tap('业主车入场')
    await until(
      'the entry on the server',
      async () =>
        (
          await store().find<Doc<VehicleVisit>>('vehiclevisits', {
            where: { plate: '粤B12345', status: 'inside' }
          })
        ).items[0]
    )
    await plate()
    await p.tap('业主车出场')
    const out = await until(
      'the exit on the server',
      async () =>
        (
          await store().find<Doc<VehicleVisit>>('vehiclevisits', {
            where: { plate: '粤B12345', status: 'left' }
          })
        ).items[0]
    )
    expect(out).toMatchObject({ kind: 'owner', room: '1-1-101' })
  })
})

/** The signed QR text of a checkpoint, as printed on the sheet (read through the server). */
async function qrOf(name: string): Promise<string> {
  const rt = world.server.runtime
  const login = (await rt.call(
    'auth',
    { action: 'auth.demoLogin', input: { staffId: 'demo-supervisor' } },
    { kind: 'none' }
  )) as Envelope<SessionOut>
  if (!login.ok) throw new Error(login.message)
  const env = (await rt.call(
    'admin',
    { action: 'patrol.qrSheet', input: {}, estateId: 'demo-estate', sentAt: Date.now() },
    { kind: 'token', token: login.data.token! }
  )) as Envelope<QrSheetItem[]>
  if (!env.ok) throw new Error(env.message)
  const item = env.data.find((x) => x.name === name)
  if (!item) throw new Error(`no checkpoint ${name}`)
  return item.qr
}

describe('巡更', () => {
  it('a point by the camera’s QR (after the privacy guide) and one by its typed code', async () => {
    const p = await person('李巡')
    await p.tap('巡更路线与打点')
    await p.tap('开始巡更')
    await p.waitFor('已巡 0 / 4 个点')
    p.scanResults.push(await qrOf('1栋大堂'))
    await p.tap('扫巡更点二维码')
    await agreePrivacy(p)
    await p.waitFor('全部正常，打点')
    await p.tap('全部正常，打点')
    await p.waitFor('已巡 1 / 4 个点')
    await p.fill('巡更点编号', 'K2M4')
    await p.tap('确定')
    await p.tap('全部正常，打点')
    await p.waitFor('已巡 2 / 4 个点')
    const scans = await until('both scans on the server', async () => {
      const s = (await store().find<Doc<Scan>>('scans', { where: { staffId: 'demo-patrol' } })).items
      return s.length === 2 ? s : undefined
    })
    expect(scans.map((s) => s.method).sort()).toEqual(['qr', 'typed'])
    expect(scans.find((s) => s.method === 'qr')?.checkpointName).toBe('1栋大堂')
    const round = (await store().find<Doc<Round>>('rounds', { where: { staffId: 'demo-patrol' } })).items[0]
    expect(round).toBeDefined()
    // 报平安 during the round (lone-worker safety): the check-in reaches the round's watch
    await p.waitFor('我安全')
    const before = (
      await store().get<Doc<{ _id: string; _v: number; lastAt: number }>>('safetywatches', round._id)
    )?.lastAt
    expect(before).toBeDefined()
    await p.tap('我安全')
    await until('the check-in on the watch', async () => {
      const w = await store().get<Doc<{ _id: string; _v: number; lastAt: number }>>(
        'safetywatches',
        round._id
      )
      return w && w.lastAt > before! ? w : undefined
    })
    // 求助: a short tap only says how; held 1.5 s it raises an alert with the round
    await p.press('求助', 100)
    await p.waitFor('长按 1.5 秒求助', 3000)
    await p.press('求助', 1700)
    const alert = await until('the panic alert on the server', async () =>
      (
        await store().find<Doc<{ _id: string; _v: number; kind: string; roundId?: string }>>('safetyalerts', {
          where: { staffId: 'demo-patrol' }
        })
      ).items.find((a) => a.kind === 'panic')
    )
    expect(alert.roundId).toBe(round._id)
  })

  it('the scan carries where the phone was (getLocation declared in app.json)', async () => {
    const scans = (await store().find<Doc<Scan>>('scans', { where: { staffId: 'demo-patrol' } })).items
    expect(scans.length).toBeGreaterThan(0)
    expect(scans.some((s) => JSON.stringify(s).includes('22.5431'))).toBe(true)
  })

  it('the QR sheet on the patrol setup page', async () => {
    const p = await person('周主管')
    await openArea(p, '主管', '巡更情况')
    await p.tap('巡更情况')
    await p.tap('巡更点、路线、计划设置')
    await p.tap('巡更点二维码（打印张贴）')
    p.assertHealthy()
    await p.waitFor(/编号 K2M3/)
    expect(p.visibleText()).toContain('1栋大堂')
  })

  it('setting a point where the supervisor stands asks for the privacy guide first (the dialog is on the setup page)', async () => {
    const p = await person('周主管')
    await openArea(p, '主管', '巡更情况')
    await p.tap('巡更情况')
    await p.tap('巡更点、路线、计划设置')
    await p.tap('站在巡更点，用当前位置')
    await agreePrivacy(p)
    await p.waitFor(/已取当前位置/)
  })
})

describe('报事与任务', () => {
  it('a one-tap leak report; the engineer grabs it and completes it with a photo', async () => {
    const guard = await person('张卫国')
    await guard.tap('一键报事')
    await guard.tap('漏水')
    await guard.waitFor('已记录：💧 漏水')
    const incident = await until(
      'the report on the server',
      async () =>
        (await store().find<Doc<Incident>>('incidents', { where: { reporterId: 'demo-guard' } })).items[0]
    )
    expect(incident).toMatchObject({ category: 'leak', dept: 'engineering' })

    const eng = await person('钱工')
    await eng.tap('今日任务与报事处理')
    await eng.waitFor('抢单')
    await eng.tap('抢单', { cls: 'task' })
    await eng.waitFor('完成……')
    await eng.tap('完成……', { cls: 'task' })
    await eng.tap('拍完成后的照片（必须）')
    await agreePrivacy(eng)
    await eng.waitFor('再拍一张（已拍 1 张）')
    await eng.fill('处理说明', '已更换漏水的水管接头')
    await eng.tap('确认完成')
    const task = await until('the task done on the server', async () => {
      const t = await store().get<Doc<Task>>('tasks', incident.taskId!)
      return t?.status === 'done' ? t : undefined
    })
    expect(task).toMatchObject({ assigneeName: '钱工', completionNote: '已更换漏水的水管接头' })
    expect(task.completionPhotoIds).toHaveLength(1)
    await until(
      'the photo on the server',
      async () => (await store().get('files', task.completionPhotoIds![0])) ?? undefined
    )
    expect(eng.requests.some((r) => r.url.startsWith('/api/upload/') && r.status === 200)).toBe(true)
  })
})

describe('主管', () => {
  it('the supervisor’s boards: home, patrol, work, gate log, staff, gate references', async () => {
    const p = await person('周主管')
    await openArea(p, '主管', '巡更情况')
    const boards: [string, string | RegExp][] = [
      ['巡更情况', /李巡/],
      ['报事与任务', /漏水/],
      ['门岗日志', /王小明/],
      ['员工管理', /张卫国/],
      ['门岗资料', /刘某/]
    ]
    for (const [title, expected] of boards) {
      const item = p.find(title, 'sup-title')[0]
      if (!item) throw new Error(`no ${title} on the supervisor page:\n${p.visibleText()}`)
      await p.tap(item)
      await p.waitFor(() => p.current?.route !== 'pages/supervisor/index')
      await p.waitFor(expected)
      p.assertHealthy()
      await p.go('/pages/home/index')
      await openArea(p, '主管', '巡更情况')
    }
  })
})

describe('日报', () => {
  it('the supervisor opens yesterday’s report, comments (saved through the outbox) and exports the .xlsx to a chat', async () => {
    const p = await person('周主管')
    await openArea(p, '日报', /^昨天 \d{4}-\d\d-\d\d 周.$/)
    await p.waitFor(/^门岗：访客 \d+ 位 · 车辆 \d+ 辆$/)
    const box = p.elements().find((e) => e.tag === 'textarea')
    if (!box) throw new Error(`no comment box on the report page:\n${p.visibleText()}`)
    await p.fill(box, '夜班巡更按时，东门访客偏多')
    await p.tap('保存点评')
    await p.waitFor('主管点评 · 周主管')
    const comment = await until('the comment on the server', async () => {
      const page = await store().find<
        Doc<{ _id: string; _v: number; day: string; comment?: { text: string } }>
      >('reports', {
        where: { estateId: 'demo-estate' }
      })
      return page.items.find((d) => d.comment)?.comment
    })
    expect(comment.text).toBe('夜班巡更按时，东门访客偏多')
    // the picture: drawn on the page's Canvas 2D node, saved, offered with showShareImageMenu
    await p.tap('分享日报图片')
    await p.waitFor(() => p.sharedImages.length > 0)
    const pic = p.sharedImages[0]
    expect([pic.width, pic.height]).toEqual([750, 1334])
    const texts = pic.calls.filter((c) => c.startsWith('fillText ')).join('\n')
    expect(texts).toContain('翠湖花园')
    expect(texts).toContain('夜班巡更按时，东门访客偏多')
    expect(pic.calls.filter((c) => c.startsWith('fillText ')).length).toBeGreaterThan(10)
    await p.tap('导出Excel')
    await p.waitFor(() => p.shared.length > 0)
    expect(p.shared[0].fileName).toMatch(/\.xlsx$/)
    // an .xlsx is a zip: its first bytes, read as text by the host, are PK
    expect(p.shared[0].text.startsWith('PK')).toBe(true)
  })
})

describe('考勤', () => {
  it('上岗 carries where the phone is and its Wi-Fi, once the privacy guide is agreed', async () => {
    const p = world.phone('张卫国')
    phones.push(p)
    p.privacyAgreed = true
    await signIn(p, '张卫国')
    await p.waitFor(/已取得位置/)
    await p.tap(/^上岗：/)
    await p.waitFor(/在岗中/)
    type ShiftDoc = Doc<{
      _id: string
      _v: number
      staffId: string
      status: string
      clockIn?: { position?: { lat: number }; bssid?: string }
    }>
    const shift = await until('the shift with its clock-in', async () =>
      (await store().find<ShiftDoc>('shifts', { where: { staffId: 'demo-guard' } })).items.find(
        (x) => x.status === 'on' && x.clockIn
      )
    )
    expect(shift.clockIn?.position?.lat).toBeCloseTo(22.5431, 4)
    expect(shift.clockIn?.bssid).toBe('aa:bb:cc:dd:ee:01')
    expect(p.log).toContain('wx.getConnectedWifi ok')
  })
})
