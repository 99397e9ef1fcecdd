import { readFileSync } from 'node:fs'
import { startApp, signInDemo, field, type App, until, tap } from './app'
import { pickRoom } from './rooms'
import type { SessionOut } from '../../src/domain/contract'
import type { Envelope } from '../../src/domain/errors'
import type { BlockEntry, GoodsSlip, OwnerVehicle, VisitorPass } from '../../src/domain/gate/entities'

type Doc<T> = T & { [k: string]: unknown }
let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

const all = async <T>(coll: string) =>
  (await app.server.runtime.store.find<Doc<T> & { _id: string; _v: number }>(coll, { limit: 100 })).items

describe('前台 and 主管: passes, release slips, block list, the day log', () => {
  it('孙客服 makes a visitor pass and sees its six-digit code and QR', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '孙客服 · 客服')
    await tap(page, '访客通行证、物品放行条')
    await field(page, '访客姓名').fill('钱七')
    await pickRoom(page, '2', '1', '302')
    await tap(page, '生成通行证')
    await page.getByText('钱七 的访客通行证').filter({ visible: true }).waitFor()
    const pass = await until('the pass on the server', async () =>
      (await all<VisitorPass>('passes')).find((p) => p.visitorName === '钱七')
    )
    await page.locator('.big-code', { hasText: pass.code }).filter({ visible: true }).waitFor()
    expect(await page.locator('.qr').first().getAttribute('data-qr')).toBe(`GWT-P:${pass.code}`)
    // the window read out with its day: from now until tonight
    await page
      .locator('.shown')
      .getByText(/有效：今天 \d\d:\d\d 至 今天 23:59/)
      .waitFor()
    expect(await page.locator('.qr > *').count()).toBeGreaterThanOrEqual(21)
    // it is drawn, square and big enough to scan from the screen
    const box = (await page.locator('.qr').first().boundingBox())!
    expect(box.height).toBeGreaterThan(120)
    expect(Math.abs(box.width - box.height)).toBeLessThan(4)

    // revoked from the list, after a confirmation
    await tap(page, '完成')
    const row = page.locator('.list-row', { hasText: `${pass.code}  钱七` }).filter({ visible: true })
    await row.getByText('有效', { exact: true }).waitFor()
    await row.getByText('作废', { exact: true }).click()
    await page.locator('.taro-modal__foot').getByText('作废', { exact: true }).click()
    await row.getByText('已作废', { exact: true }).waitFor()
    expect((await all<VisitorPass>('passes')).find((p) => p._id === pass._id)?.status).toBe('revoked')
    await context.close()
  })

  it('孙客服 issues a goods release slip with two items', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '孙客服 · 客服')
    await tap(page, '访客通行证、物品放行条')
    await tap(page, '物品放行条')
    await field(page, '业主姓名').fill('陈先生')
    await pickRoom(page, '1', '1', '101')
    await field(page, '物品1').fill('旧沙发')
    await tap(page, '再加一种物品')
    await field(page, '物品2').fill('纸箱')
    await page.locator('.item-row').nth(1).getByText('＋', { exact: true }).click()
    await page.locator('.item-row').nth(1).getByText('＋', { exact: true }).click()
    await field(page, '授权签字人').fill('陈先生')
    await tap(page, '开放行条')
    await page.getByText('陈先生 的物品放行条').filter({ visible: true }).waitFor()
    const slip = await until('the slip on the server', async () =>
      (await all<GoodsSlip>('goodspasses')).find((p) => p.holderName === '陈先生')
    )
    expect(slip.items).toEqual([
      { name: '旧沙发', qty: 1 },
      { name: '纸箱', qty: 3 }
    ])
    await page.locator('.big-code', { hasText: slip.code }).filter({ visible: true }).waitFor()
    await context.close()
  })

  it('周主管 puts a plate on the block list and registers an owner car', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(page, '门岗资料')
    await page.getByText('刘某 · 137****1111').filter({ visible: true }).waitFor()
    await tap(page, '车辆')
    await field(page, '车牌，如 粤A66666').fill('粤a12345')
    await field(page, '原因').fill('多次强闯道闸')
    await tap(page, '加入黑名单')
    await page.getByText('粤A·12345').filter({ visible: true }).waitFor()
    const block = (await all<BlockEntry>('blocklist')).find((b) => b.plate === '粤A12345')
    expect(block).toMatchObject({ kind: 'plate', reason: '多次强闯道闸', active: true })

    await field(page, '车牌，如 粤B12345').fill('粤C54321')
    await field(page, '房号，如 1-1-101').fill('3-1-101')
    await tap(page, '登记业主车辆')
    await page.getByText('粤C·54321 · 3-1-101').filter({ visible: true }).waitFor()
    expect((await all<OwnerVehicle>('ownervehicles')).find((o) => o.plate === '粤C54321')).toMatchObject({
      room: '3-1-101',
      active: true
    })
    await context.close()
  })

  it('周主管 reads the day’s gate log, filters it and exports CSV', async () => {
    // a guard checked a visitor in earlier
    const rt = app.server.runtime
    const login = (await rt.call(
      'auth',
      { action: 'auth.demoLogin', input: { staffId: 'demo-guard' } },
      { kind: 'none' }
    )) as Envelope<SessionOut>
    if (!login.ok) throw new Error(login.message)
    const env = await rt.call(
      'staff',
      {
        action: 'gate.checkIn',
        input: {
          id: 'e2e-log-visitor',
          gate: '南门',
          source: 'walkin',
          case: 'business',
          name: '孔明',
          phone: '13812345678',
          idDoc: { type: 'none', last4: '' },
          idDeposited: false,
          people: 1,
          company: '利海物业',
          result: 'admitted'
        },
        estateId: 'demo-estate',
        op: { id: 'e2e-log-op', deviceTime: Date.now() },
        sentAt: Date.now()
      },
      { kind: 'token', token: login.data.token! }
    )
    expect(env.ok).toBe(true)

    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await tap(page, '门岗日志')
    const row = page.locator('.sup-row', { hasText: '访客进入 · 孔明' }).filter({ visible: true }).first()
    await row.waitFor()
    expect(await row.textContent()).toContain('138****5678')
    await page
      .getByText(/每小时记录数 · 共 \d+ 条/)
      .filter({ visible: true })
      .waitFor()
    await tap(page, '车辆')
    await page.getByText('这一天没有符合条件的记录').filter({ visible: true }).waitFor()
    await tap(page, '访客')
    await row.waitFor()
    // a shift the check-in was not in shows nothing; 全天 brings it back
    const hour = (new Date().getUTCHours() + 8) % 24
    await tap(page, hour < 8 ? '白班 8–16点' : '夜班 0–8点')
    await page.getByText('这一天没有符合条件的记录').filter({ visible: true }).waitFor()
    await tap(page, '全天')
    await row.waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '导出CSV')])
    expect(download.suggestedFilename()).toMatch(/^门岗记录-翠湖花园-.*访客\.csv$/)
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFF时间,事件,对象,详情,岗亭,门岗')).toBe(true)
    expect(csv).toContain('访客进入,孔明')
    expect(csv).toContain('南门,张卫国')
    expect(csv).not.toContain('13812345678')
    await context.close()
  })
})
