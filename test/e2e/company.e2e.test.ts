/**
 * A company sets itself up through the app (issue 15). This file: an admin creates an estate
 * with two gates and a post and imports its rooms from a spreadsheet (preview, then confirm),
 * then the manager reads the rooms screen and sets the overstay hours on the settings screen,
 * and a guard of the estate records a visitor by tapping an imported room while the gate board
 * marks an overstay by the new hours. (The DEMO=0 server, setup and a guard binding by code
 * are in staff-lifecycle.e2e.test.ts.)
 */
import { startApp, signInDemo, field, type App, until, tap } from './app'
import type { Estate, Gate, Room } from '../../src/domain/entities'
import type { Staff } from '../../src/domain/entities'
import type { Visitor } from '../../src/domain/gate/entities'
import { csvText, gbk, type Rows } from '../unit/domain/estates/sheets'
import { pickRoom, roomKey } from './rooms'

type Doc<T> = T & { [k: string]: unknown; _id: string; _v: number }
let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

const all = async <T>(coll: string, where: Record<string, string> = {}) =>
  (await app.server.runtime.store.find<Doc<T>>(coll, { where, limit: 1000 })).items

const SHEET: Rows = [['楼栋', '单元', '房号', '业主姓名', '手机']]
for (let b = 1; b <= 2; b++)
  for (let f = 1; f <= 6; f++)
    for (let r = 1; r <= 2; r++)
      SHEET.push([
        `${b}栋`,
        1,
        f * 100 + r,
        r === 1 ? `业主${b}${f}` : null,
        r === 1 ? `1390000${b}${f}0${r}` : null
      ])
SHEET.push(['', 1, 101, null, null]) // row 26: no building

describe('an admin sets up an estate', () => {
  it('吴经理 creates 碧水湾 with two gates and a post, imports 24 rooms from a GBK CSV, and sees them counted', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '吴经理 · 管理员、主管')
    await tap(page, '主管')
    await tap(page, '小区管理')
    await page.getByText('翠湖花园', { exact: false }).filter({ visible: true }).first().waitFor()

    await field(page, '如 碧水湾').fill('碧水湾')
    await field(page, '公司名称').fill('利海物业')
    await field(page, '小区地址').fill('深圳市南山区科技路1号')
    await tap(page, '创建小区')
    await page.getByText('大门与岗亭', { exact: true }).filter({ visible: true }).waitFor()
    const estate = await until('the estate on the server', async () =>
      (await all<Estate>('estates')).find((e) => e.name === '碧水湾')
    )
    expect(estate.settings.overstayHours).toBe(4)

    for (const name of ['东门', '西门']) {
      await field(page, '名称，如 北门、地库岗亭').fill(name)
      await tap(page, '添加')
      await page.locator('.adm-title', { hasText: name }).filter({ visible: true }).waitFor()
    }
    await tap(page, '岗亭')
    await field(page, '名称，如 北门、地库岗亭').fill('地库岗亭')
    await tap(page, '添加')
    await page.locator('.adm-title', { hasText: '地库岗亭' }).filter({ visible: true }).waitFor()
    // each row reads on one line at 390 px: the name has room, its button stays beside it
    const name = (await page
      .locator('.adm-title', { hasText: '地库岗亭' })
      .filter({ visible: true })
      .boundingBox())!
    expect(name.width).toBeGreaterThan(100)
    expect(name.height).toBeLessThan(40)
    const gates = await all<Gate>('gates', { estateId: estate._id })
    expect(gates.map((g) => `${g.kind}:${g.name}`).sort()).toEqual(
      ['gate:东门', 'gate:西门', 'post:地库岗亭'].sort()
    )

    // the room import: choose the file, read the preview, confirm
    const chooser = page.waitForEvent('filechooser')
    await tap(page, '选择表格文件')
    await (
      await chooser
    ).setFiles({ name: '碧水湾房间.csv', mimeType: 'text/csv', buffer: gbk(csvText(SHEET)) })
    await page.getByText('新增 24', { exact: true }).filter({ visible: true }).waitFor()
    await page.getByText('有误 1', { exact: true }).filter({ visible: true }).waitFor()
    await page.getByText('第26行：楼栋为空', { exact: true }).filter({ visible: true }).waitFor()
    // owners' phones masked in the preview
    await page
      .getByText('1-1-101 · 业主11 · 139****1101', { exact: true })
      .filter({ visible: true })
      .waitFor()
    expect(await all<Room>('rooms', { estateId: estate._id })).toHaveLength(0)

    // large touch targets at 390 px: the confirm button spans the card and is tall enough to tap
    const confirm = page.getByText('确认导入 24 间', { exact: true }).filter({ visible: true }).first()
    const box = (await confirm.boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(40)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    await page.screenshot({ path: 'dist/e2e-company-import-preview.png', fullPage: true })
    await confirm.click()
    await page
      .getByText('导入完成：新增 24 间，更新 0 间，不变 0 间，1 行有误未导入', { exact: true })
      .filter({ visible: true })
      .waitFor()
    await page
      .getByText(/房间 24 间/)
      .filter({ visible: true })
      .waitFor()
    const rooms = await all<Room>('rooms', { estateId: estate._id })
    expect(rooms).toHaveLength(24)
    expect(rooms.find((r) => r.label === '2-1-601')?.ownerName).toBe('业主26')
    await page.screenshot({ path: 'dist/e2e-company-import-done.png', fullPage: true })

    // the rooms screen: by building, owner and masked phone, search, count
    await tap(page, '房间列表')
    await page.getByText('共 24 间', { exact: true }).filter({ visible: true }).waitFor()
    await tap(page, '2栋')
    await page.getByText('共 12 间（全小区 24 间）', { exact: true }).filter({ visible: true }).waitFor()
    await field(page, '搜索房号、业主或电话后四位').fill('业主26')
    const roomRow = page.locator('.adm-row', { hasText: '2-1-601' }).filter({ visible: true }).first()
    await roomRow.getByText('139****2601', { exact: true }).waitFor()
    await page.getByText('共 1 间（全小区 24 间）', { exact: true }).filter({ visible: true }).waitFor()
    const rowBox = (await roomRow.boundingBox())!
    expect(rowBox.x + rowBox.width).toBeLessThanOrEqual(390)
    const chip = (await page
      .locator('.adm-chip', { hasText: '2栋' })
      .filter({ visible: true })
      .first()
      .boundingBox())!
    expect(chip.height).toBeGreaterThanOrEqual(40)
    await page.screenshot({ path: 'dist/e2e-company-rooms.png', fullPage: true })
    await page.goBack()

    // the settings screen: a bad value is explained, 2 hours is saved
    await tap(page, '小区设置')
    const hours = page
      .locator('.field-label', { hasText: '访客滞留提醒（小时）' })
      .locator('xpath=following-sibling::*[1]')
      .locator('input')
      .filter({ visible: true })
    await hours.fill('0')
    await tap(page, '保存设置')
    await page
      .getByText('滞留提醒：请填写1到72之间的整数（小时）', { exact: true })
      .filter({ visible: true })
      .first()
      .waitFor()
    await hours.fill('2')
    await tap(page, '保存设置')
    await page.getByText('已保存', { exact: true }).filter({ visible: true }).waitFor()
    expect(
      (await app.server.runtime.store.get<Doc<Estate>>('estates', estate._id))?.settings.overstayHours
    ).toBe(2)
    await page.screenshot({ path: 'dist/e2e-company-settings.png', fullPage: true })
    await context.close()
  })

  it('a guard of 碧水湾 records a visitor by tapping an imported room; the board marks overstay by the 2 hours set', async () => {
    const estate = (await all<Estate>('estates')).find((e) => e.name === '碧水湾')!
    // 张卫国 now works at 碧水湾 (the staff page does this; here it is set on the server)
    const guard = (await app.server.runtime.store.get<Doc<Staff>>('staff', 'demo-guard'))!
    await app.server.runtime.store.update<Doc<Staff>>('staff', 'demo-guard', guard._v, {
      estateIds: [estate._id]
    })
    // a visitor let in three hours ago: inside the default 4 hours, over the 2 set
    const now = Date.now()
    await app.server.runtime.store.insert<Doc<Visitor>>('visitors', {
      _id: 'v-3h',
      _v: 1,
      createdAt: now,
      updatedAt: now,
      estateId: estate._id,
      gate: '东门',
      source: 'walkin',
      case: 'ownerGuest',
      name: '三小时',
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: 1,
      room: '1-1-101',
      status: 'inside',
      inAt: now - 3 * 3600_000,
      deviceInAt: now - 3 * 3600_000,
      by: 'demo-guard',
      byName: '张卫国'
    } as Doc<Visitor>)

    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.locator('.area-title', { hasText: /^门岗$/ }).click()
    await page.getByText('访客登记', { exact: true }).filter({ visible: true }).first().waitFor()
    await page.screenshot({ path: 'dist/e2e-company-gate-open.png', fullPage: true })
    await until('the overstay counted by the 2 hours', async () =>
      (await page.locator('.count-title').allInnerTexts()).includes('园内访客·1人超时')
    )
    await page
      .getByText(/三小时/)
      .filter({ visible: true })
      .first()
      .waitFor()
    expect(await page.locator('.row-overstay', { hasText: '三小时' }).filter({ visible: true }).count()).toBe(
      1
    )

    await tap(page, '访客登记')
    await tap(page, 'B 访客找业主')
    // the rooms came to the phone with the gate: 2 buildings, 1 unit (chosen by itself), 12 rooms;
    // the script's 来访的房号 is answered by the keys, and the form keeps the room
    await roomKey(page, '楼栋', '2').first().waitFor()
    const taps = await pickRoom(page, '2', '1', '502')
    expect(taps).toBe(2)
    await tap(page, '已约好')
    await tap(page, '业主同意')
    await tap(page, '已押证登记、发来访卡')
    await page.getByText('业主访客 · 放行进入').filter({ visible: true }).waitFor()
    await page.getByText('房号 2-1-502', { exact: true }).filter({ visible: true }).waitFor()
    // one unit in building 2: its row shows the one key, chosen without a tap
    expect(await page.locator('.room-keys-row', { hasText: '单元' }).filter({ visible: true }).count()).toBe(
      1
    )
    // large keys at 390 px: five to a row, tall enough for a thumb, inside the screen
    const key = (await roomKey(page, '房号', '502').first().boundingBox())!
    expect(key.height).toBeGreaterThanOrEqual(44)
    expect(key.width).toBeGreaterThanOrEqual(50)
    expect(key.x + key.width).toBeLessThanOrEqual(390)
    await page.screenshot({ path: 'dist/e2e-company-room-keys.png', fullPage: true })
    await field(page, '姓名').fill('钱多多')
    await field(page, '手机号').fill('13912340000')
    await field(page, '身份证号（18位）').fill('11010519491231002X')
    await field(page, '卡号').fill('F-09')
    await tap(page, '登记进入')
    await page.locator('.row', { hasText: '钱多多' }).filter({ visible: true }).first().waitFor()
    const stored = await until(
      'the check-in on the server',
      async () =>
        (await app.server.runtime.store.find<Doc<Visitor>>('visitors', { where: { name: '钱多多' } }))
          .items[0]
    )
    expect(stored).toMatchObject({ estateId: estate._id, room: '2-1-502', status: 'inside' })
    expect(stored.roomUnknown).toBeUndefined()
    await page.screenshot({ path: 'dist/e2e-company-gate-board.png', fullPage: true })
    await context.close()
  })
})
