/**
 * 日报 in Chromium at 390 px: yesterday, a guard recorded visitors and a car at the gate and a
 * patrol reported a leak (through the server's own dispatcher, as phones queued offline send them:
 * with yesterday's device time); this morning the supervisor opens 日报 from the home page, reads
 * yesterday's figures and charts, writes a comment, makes the share picture (a PNG download in H5,
 * saved as dist/e2e-report-picture.png and its pixels checked) and exports the .xlsx, read back
 * with read-excel-file.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { readSheet } from 'read-excel-file/node'
import { startApp, signInDemo, fitsPhone, tap, until, type App } from './app'
import type { Envelope } from '../../src/domain/errors'
import { DAY_MS, localDate, startOfLocalDate } from '../../src/domain/time'
import { reportId } from '../../src/cloud/report/repo'
import type { StoredDoc } from '../../src/cloud/data/port'

let app: App
/** yesterday in the estate's time, and an instant at `h` o'clock of it */
const yesterday = localDate(Date.now() - DAY_MS)
const at = (h: number, m = 0) => startOfLocalDate(yesterday) + h * 3600_000 + m * 60_000
const OPENID = 'e2e-report-guard-openid'

beforeAll(async () => {
  app = await startApp()
  // a guard known by a WeChat OPENID: their phone's records of yesterday arrive this morning
  const now = Date.now()
  await app.server.runtime.store.insert('staff', {
    _id: 'e2e-report-guard',
    createdAt: now - 7 * DAY_MS,
    updatedAt: now,
    name: '王强',
    phone: '13800000012',
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

let seq = 0
/** A record of yesterday sent now, as the guard's phone sends what it queued (device time kept). */
async function recorded(action: string, input: Record<string, unknown>, deviceTime: number): Promise<void> {
  const env = (await app.server.runtime.call(
    'staff',
    {
      action,
      input,
      estateId: 'demo-estate',
      op: { id: `e2e-rp-op-${++seq}`, deviceTime },
      sentAt: Date.now()
    },
    { kind: 'openid', openid: OPENID }
  )) as Envelope<unknown>
  if (!env.ok) throw new Error(`${action}: ${env.message}`)
}

const visitor = (name: string, room: string) => ({
  id: `e2e-rp-v-${++seq}`,
  gate: '东门',
  source: 'walkin',
  case: 'ownerGuest',
  name,
  idDoc: { type: 'none', last4: '' },
  idDeposited: false,
  people: 1,
  room,
  result: 'admitted'
})

/** The picture's pixels, counted in the browser: how many are not white, dark, and white inside the header. */
async function pixelsOf(page: Page, png: Buffer) {
  const url = `data:image/png;base64,${png.toString('base64')}`
  return page.evaluate(async (src) => {
    const img = new Image()
    img.src = src
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const count = (
      x0: number,
      y0: number,
      w: number,
      h: number,
      test: (r: number, g: number, b: number) => boolean
    ) => {
      const d = ctx.getImageData(x0, y0, w, h).data
      let n = 0
      for (let i = 0; i < d.length; i += 4) if (test(d[i], d[i + 1], d[i + 2])) n++
      return n
    }
    const dark = (r: number, g: number, b: number) => r < 90 && g < 90 && b < 90
    const white = (r: number, g: number, b: number) => r > 235 && g > 235 && b > 235
    const brand = (r: number, g: number, b: number) =>
      Math.abs(r - 11) < 12 && Math.abs(g - 61) < 12 && Math.abs(b - 110) < 12
    return {
      width: img.width,
      height: img.height,
      notWhite: count(0, 0, img.width, img.height, (r, g, b) => !white(r, g, b)),
      all: img.width * img.height,
      headerBrand: count(0, 0, img.width, 200, brand),
      headerWhiteText: count(40, 40, 670, 80, white),
      // the first headline tile (访客): its number in dark ink
      tileInk: count(40, 270, 325, 130, dark),
      // the fourth tile (新报事) and the comment box
      commentInk: count(60, 1140, 630, 100, dark)
    }
  }, url)
}

describe('日报: yesterday read, commented, shared as a picture and exported', () => {
  it('the supervisor opens yesterday from the home page, comments, makes the picture and the .xlsx', async () => {
    // yesterday: three visitors and a car at 东门, one visitor left, a leak reported
    await recorded('gate.checkIn', visitor('李四', '2-1-302'), at(8, 5))
    await recorded('gate.checkIn', visitor('王五', '1-1-101'), at(8, 40))
    await recorded('gate.checkIn', visitor('赵六', '3-2-602'), at(14, 10))
    await recorded(
      'gate.vehicleIn',
      {
        id: `e2e-rp-car-${++seq}`,
        gate: '东门',
        plate: '粤B12345',
        case: 'owner',
        idDeposited: false,
        result: 'admitted'
      },
      at(9, 15)
    )
    await recorded(
      'work.report',
      { id: `e2e-rp-inc-${++seq}`, category: 'leak', place: '2栋1单元' },
      at(10, 30)
    )

    const { page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^日报$/ }).click()
    await page.getByText(new RegExp(`^昨天 ${yesterday} 周.$`)).waitFor()
    await page.getByText('翠湖花园 日报').waitFor()
    await page.getByText('门岗：访客 3 位 · 车辆 1 辆').waitFor()
    await page.getByText(/^报事：新 1 · /).waitFor()
    // the busiest hour is 8时 (two visitors), drawn as the tallest bar
    await page.getByText('高峰 8时：访客 2，车辆 0').waitFor()
    const heights = await page
      .locator('.rp-hour')
      .evaluateAll((els) =>
        els.map((e) => Array.from(e.children).reduce((s, c) => s + c.getBoundingClientRect().height, 0))
      )
    expect(heights).toHaveLength(24)
    expect(Math.max(...heights)).toBe(heights[8])
    expect(heights[9]).toBeGreaterThan(0)
    expect(heights[3]).toBe(0)

    // layout at 390 px: tiles three to a row, cards and big buttons inside the screen
    const tiles = await fitsPhone(page, '.rp-tile', 60, 90)
    expect(tiles[0].top).toBe(tiles[2].top)
    await fitsPhone(page, '.card', 0, 300)
    await fitsPhone(page, '.rp-btn', 44, 300)
    await page.screenshot({ path: 'dist/e2e-report-page.png', fullPage: true })
    await page.locator('.rp-dept').first().scrollIntoViewIfNeeded()
    await fitsPhone(page, '.rp-row-track', 10, 60)
    await page.screenshot({ path: 'dist/e2e-report-charts.png' })

    // the comment, then the picture
    await page
      .locator('textarea[placeholder="例如：东门早高峰加派一人，2栋漏巡已提醒"]')
      .fill('东门早高峰加派一人')
    await tap(page, '保存点评')
    await page.getByText('主管点评 · 周主管').waitFor()
    await page.getByText('东门早高峰加派一人', { exact: true }).waitFor()
    const stored = await until('comment stored', async () => {
      const r = await app.server.runtime.store.get<
        StoredDoc & { comment?: { text: string; byName: string } }
      >('reports', reportId('demo-estate', yesterday))
      return r?.comment
    })
    expect(stored).toMatchObject({ text: '东门早高峰加派一人' })

    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '生成日报图片')])
    expect(download.suggestedFilename()).toBe(`日报-翠湖花园-${yesterday}.png`)
    await download.saveAs('dist/e2e-report-picture.png')
    const png = readFileSync('dist/e2e-report-picture.png')
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const px = await pixelsOf(page, png)
    expect([px.width, px.height]).toEqual([750, 1334])
    // not blank: the header band, tiles, bars and text cover a good part of the picture
    expect(px.notWhite / px.all).toBeGreaterThan(0.2)
    expect(px.headerBrand).toBeGreaterThan(750 * 100)
    // the estate's name in white on the band, the first number and the comment in dark ink
    expect(px.headerWhiteText).toBeGreaterThan(1500)
    expect(px.tileInk).toBeGreaterThan(800)
    expect(px.commentInk).toBeGreaterThan(1000)
    // the page shows it too, under the comment
    await page.locator('.rp-picture').scrollIntoViewIfNeeded()
    await fitsPhone(page, '.rp-picture', 300, 300)
    await page.screenshot({ path: 'dist/e2e-report-shared.png' })

    // the .xlsx downloads and opens with the day's rows
    const [sheet] = await Promise.all([page.waitForEvent('download'), tap(page, '导出Excel')])
    expect(sheet.suggestedFilename()).toMatch(/\.xlsx$/)
    await sheet.saveAs('dist/e2e-report.xlsx')
    const bytes = readFileSync('dist/e2e-report.xlsx')
    const summary = await readSheet(bytes, '概要')
    expect(summary[1]).toEqual(['翠湖花园', yesterday])
    expect(summary.some((r) => r[0] === '主管点评' && String(r[1]).startsWith('东门早高峰加派一人'))).toBe(
      true
    )
    const gate = await readSheet(bytes, '门岗')
    expect(gate[0]).toEqual(['时段', '访客进入', '车辆入场'])
    expect(gate[1 + 8]).toEqual(['08:00', 2, 0])
    expect(gate[1 + 9]).toEqual(['09:00', 0, 1])
    expect(gate[1 + 14]).toEqual(['14:00', 1, 0])
    expect(gate.find((r) => r[0] === '访客进入')?.[1]).toBe(3)
    expect(gate.find((r) => r[0] === '车辆入场')?.[1]).toBe(1)
    const incidents = await readSheet(bytes, '报事')
    expect(incidents.find((r) => r[0] === '新报事')?.[1]).toBe(1)
  })
})

/** A manager's call through the server's own dispatcher (demo sign-in token). */
async function asAdmin(action: string, input: Record<string, unknown>): Promise<void> {
  const rt = app.server.runtime
  const login = (await rt.call(
    'auth',
    { action: 'auth.demoLogin', input: { staffId: 'demo-admin' } },
    { kind: 'none' }
  )) as Envelope<{ token: string }>
  if (!login.ok) throw new Error(login.message)
  const env = (await rt.call(
    'admin',
    { action, input, op: { id: `e2e-rp-op-${++seq}`, deviceTime: Date.now() }, sentAt: Date.now() },
    { kind: 'token', token: login.data.token }
  )) as Envelope<unknown>
  if (!env.ok) throw new Error(`${action}: ${env.message}`)
}

describe('各小区对比: a manager with two estates', () => {
  it('sees both estates for yesterday, the one with problems first, each with 30 days of the chosen figure', async () => {
    await asAdmin('estates.create', { id: 'e2e-rp-estate-2', name: '碧水湾', company: '利海物业' })
    const { page } = await app.phone()
    await signInDemo(page, '吴经理 · 管理员、主管')
    await page.locator('.area-title', { hasText: /^日报$/ }).click()
    await page.getByText(new RegExp(`^昨天 ${yesterday} 周.$`)).waitFor()
    await tap(page, '各小区对比')
    await page.getByText('各小区同一天（问题多的在前）').waitFor()
    const titles = page.locator('.rp-estate .card-title')
    await until('both estates shown', async () => (await titles.count()) === 2)
    const names = await titles.allTextContents()
    expect(names).toHaveLength(2)
    // 翠湖花园 missed its rounds yesterday; the new 碧水湾 has nothing wrong
    expect(names[0]).toBe('1. 翠湖花园')
    await page.getByText('没有需要关注的问题').waitFor()
    expect(names.map((n) => n.replace(/^\d\. /, '')).sort()).toEqual(['碧水湾', '翠湖花园'].sort())
    // 30 days of bars per estate
    await until('trends drawn', async () => (await page.locator('.rp-trend-col').count()) === 60)
    await tap(page, '访客')
    await page
      .getByText(/^近30天访客：昨天 \d+，平均 /)
      .first()
      .waitFor()
    await fitsPhone(page, '.rp-estate', 0, 300)
    await fitsPhone(page, '.rp-chip', 44, 60)
    await page.screenshot({ path: 'dist/e2e-report-compare.png', fullPage: true })
  })
})
