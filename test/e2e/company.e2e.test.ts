/**
 * A company sets itself up through the app (issue 15). This file: an admin creates an estate
 * with two gates and a post and imports its rooms from a spreadsheet (preview, then confirm),
 * then a guard records a visitor for an imported room. (The DEMO=0 server, setup and a guard
 * binding by code are added to this file by the staff-lifecycle work.)
 */
import { startApp, signInDemo, field, type App, until, tap } from './app'
import type { Estate, Gate, Room } from '../../src/domain/entities'
import { csvText, gbk, type Rows } from '../unit/domain/estates/sheets'

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
    await context.close()
  })
})
