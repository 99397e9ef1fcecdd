/**
 * 考勤 in Chromium at 390 px: an admin sets 东门's position and radius with 用当前位置; a
 * supervisor saves 东门岗's weekly schedule with 张卫国 on it; the guard goes on shift 334 m away
 * (the flag on his home and on the supervisor's 今日考勤); the admin exports this month's sheet
 * and the .xlsx opens with his row.
 */
import { readFileSync } from 'node:fs'
import { readSheet } from 'read-excel-file/node'
import { startApp, signInDemo, field, fitsPhone, tap, until, type App } from './app'
import type { Gate } from '../../src/domain/entities'
import { localDate } from '../../src/domain/time'

type Doc<T> = T & { _id: string; _v: number; [k: string]: unknown }
let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

const POST = { latitude: 22.54, longitude: 114.05 }
/** 0.003° of latitude north of the post: about 334 m */
const AWAY = { latitude: 22.543, longitude: 114.05 }

const gate1 = async () =>
  (await app.server.runtime.store.get<Doc<Gate>>('gates', 'demo-gate-1')) as Doc<Gate> | undefined

describe('考勤: place, schedule, a flagged clock-in, the month', () => {
  it('admin sets the post; supervisor schedules; the guard clocks in away; the month exports', async () => {
    // the admin, standing at 东门
    const admin = await app.phone()
    await admin.context.grantPermissions(['geolocation'])
    await admin.context.setGeolocation({ ...POST, accuracy: 10 })
    await signInDemo(admin.page, '吴经理 · 管理员、主管')
    await tap(admin.page, '主管')
    await tap(admin.page, '小区管理')
    await tap(admin.page, '大门与房间')
    await admin.page.getByText('大门与岗亭', { exact: true }).filter({ visible: true }).waitFor()
    await admin.page
      .locator('.adm-row', { hasText: '东门' })
      .getByText('考勤设置', { exact: true })
      .first()
      .click()
    await tap(admin.page, '用当前位置')
    await admin.page.getByText('已填入当前位置').waitFor()
    // the browser's GPS fix (WGS-84: 22.54, 114.05) filled in as GCJ-02, WeChat's system (domain/geo.ts)
    expect(await field(admin.page, '如 22.540000').inputValue()).toBe('22.537267')
    await field(admin.page, '100').fill('100')
    await fitsPhone(admin.page, '.adm-place .btn', 44, 300)
    await admin.page.screenshot({ path: 'dist/e2e-attendance-post.png', fullPage: true })
    await tap(admin.page, '保存考勤设置')
    await admin.page.getByText(/^考勤：22\.537267, 114\.055103 · 100 米内/).waitFor()
    expect((await gate1())?.position).toEqual({ lat: 22.537267, lng: 114.055103, radiusM: 100 })

    // the supervisor's schedule for 东门岗: one shift, 张卫国 on it
    const sup = await app.phone()
    await signInDemo(sup.page, '周主管 · 主管')
    await sup.page.locator('.area-title', { hasText: /^考勤$/ }).click()
    await tap(sup.page, '排班')
    await tap(sup.page, '东门岗')
    await tap(sup.page, '添加班次')
    await sup.page.locator('.at-slot .at-chip', { hasText: /^张卫国$/ }).click()
    await sup.page.getByText('人员（张卫国）').waitFor()
    await fitsPhone(sup.page, '.at-day', 44, 44)
    await fitsPhone(sup.page, '.at-time', 44, 100)
    await fitsPhone(sup.page, '.at-tab', 44, 100)
    await fitsPhone(sup.page, '.card', 0, 300)
    await sup.page.screenshot({ path: 'dist/e2e-attendance-schedule.png', fullPage: true })
    await tap(sup.page, '保存排班')
    await sup.page.getByText('排班已保存').waitFor()
    type Sched = Doc<{ postId: string; slots: { staffIds: string[] }[] }>
    const schedules = await app.server.runtime.store.find<Sched>('schedules', {})
    expect(schedules.items.find((x) => x.postId === 'demo-gate-1')?.slots[0].staffIds).toEqual(['demo-guard'])

    // the guard, 334 m from the post: the clock-in is recorded and flagged
    const guard = await app.phone()
    await guard.context.grantPermissions(['geolocation'])
    await guard.context.setGeolocation({ ...AWAY, accuracy: 10 })
    await signInDemo(guard.page, '张卫国 · 门岗')
    // the home page's fix, asked as it shows, and said on the card before 上岗
    await guard.page.getByText('已取得位置（精度约 10 米），随上岗打卡').waitFor()
    await tap(guard.page, '上岗：东门岗')
    await guard.page.getByText('在岗中：东门岗').waitFor()
    const shift = await until('the shift on the server', async () =>
      (
        await app.server.runtime.store.find<Doc<{ staffId: string; flags?: string }>>('shifts', {})
      ).items.find((s) => s.staffId === 'demo-guard')
    )
    expect(shift).toBeTruthy()
    await guard.page.reload()
    await guard.page.getByText('上岗打卡存疑：不在岗位范围内（约 334 米）（已记录，主管可见）').waitFor()
    await guard.page.screenshot({ path: 'dist/e2e-attendance-guard.png', fullPage: true })

    // the supervisor's 今日考勤
    await sup.page.reload()
    await sup.page.locator('.at-post', { hasText: '东门岗' }).waitFor()
    const row = sup.page.locator('.at-row', { hasText: '张卫国' })
    await row.getByText('打卡存疑 · 上岗：不在岗位范围内（约 334 米）').waitFor()
    expect(await sup.page.locator('.at-count-flagged .at-count-n').innerText()).toBe('1')
    await fitsPhone(sup.page, '.at-row', 44, 250)
    await fitsPhone(sup.page, '.at-count', 44, 80)
    await sup.page.screenshot({ path: 'dist/e2e-attendance-day.png', fullPage: true })

    // the admin exports this month
    const today = localDate(Date.now())
    await admin.page.goto(app.url)
    await admin.page.locator('.area-title', { hasText: /^考勤$/ }).click()
    await tap(admin.page, '月度导出')
    if (!(await admin.page.getByText(today.slice(0, 7), { exact: true }).isVisible()))
      await tap(admin.page, '下个月')
    await admin.page.getByText(today.slice(0, 7), { exact: true }).waitFor()
    const [download] = await Promise.all([admin.page.waitForEvent('download'), tap(admin.page, '导出 Excel')])
    expect(download.suggestedFilename()).toBe(`翠湖花园-考勤-${today.slice(0, 7)}.xlsx`)
    await download.saveAs('dist/e2e-attendance.xlsx')
    const rows = await readSheet(readFileSync('dist/e2e-attendance.xlsx'), '考勤')
    expect(rows[0]).toEqual([
      '日期',
      '姓名',
      '岗位',
      '排班',
      '上岗',
      '下岗',
      '迟到(分钟)',
      '早退(分钟)',
      '缺勤',
      '异常'
    ])
    const mine = rows.find((r) => r[0] === today && r[1] === '张卫国')
    expect(mine?.[2]).toBe('东门岗')
    expect(String(mine?.[9])).toContain('不在岗位范围内')
    // one row per person per day up to today
    expect(rows.length - 1).toBe(Number(today.slice(8, 10)) * new Set(rows.slice(1).map((r) => r[1])).size)
    await admin.page.getByText(/^已导出 翠湖花园-考勤-/).waitFor()
  })
})
