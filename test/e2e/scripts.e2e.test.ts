import { startApp, signInDemo, field, type App, until, tap } from './app'
import { greetingFor } from '../../src/domain/scripts/placeholders'
import type { ScriptRun } from '../../src/domain/entities'

let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

describe('话术: a guard runs the visitor script', () => {
  it('case B (an owner’s guest): the call to the owner with surnames and greeting filled in, and the run is recorded', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.locator('.area-title', { hasText: /^话术$/ }).click()

    // the list opens on the guard's department, with the phrasebook one tap away
    await page.locator('.chip-on', { hasText: '保安' }).waitFor()
    await page.getByText('常用礼貌用语').filter({ visible: true }).first().waitFor()
    await field(page, '搜索话术：访客、投诉、报修…').fill('访客')
    const item = page.locator('.script-item', { hasText: '访客(来访人员)检查' }).first()
    // nobody has confirmed anything yet: the guard's scripts are flagged
    await item.locator('.tag-new', { hasText: '新版本待确认' }).waitFor()
    await item.click()

    // before the first step: the names the lines use
    await field(page, '来访人姓氏').fill('李')
    await page
      .locator('.chip', { hasText: /^先生$/ })
      .filter({ visible: true })
      .nth(0)
      .click()
    await field(page, '业主姓氏').fill('王')
    await page
      .locator('.chip', { hasText: /^先生$/ })
      .filter({ visible: true })
      .nth(1)
      .click()
    await page.getByText('开始', { exact: true }).filter({ visible: true }).click()

    await page.locator('.say-line', { hasText: '先生，请问有什么可以帮到您？' }).waitFor()
    await page.getByText('B 访客找业主', { exact: true }).filter({ visible: true }).click()
    await field(page, '来访的房号').fill('3-1-502')
    const before = greetingFor(Date.now())
    await page.getByText('已约好', { exact: true }).filter({ visible: true }).click()
    // asking the visitor to wait and the call are one step
    await page.locator('.say-line', { hasText: '不好意思，请您等一下，我们打电话看看业主在不在。' }).waitFor()

    // the call to the owner, in the exact words, with both surnames and the greeting for now (China time)
    const line = page.locator('.say-line', { hasText: '我们是正门值班保安' }).filter({ visible: true })
    await line.waitFor()
    const after = greetingFor(Date.now())
    const expected = (g: string) =>
      `王先生，${g}，我们是正门值班保安，这里有一位李先生有事找您，我们现在让他进去，可以吗？`
    expect([expected(before), expected(after)]).toContain((await line.textContent())?.trim())
    // the line to say is the largest text on the screen
    const sizes = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize)
      const visible = Array.from(document.querySelectorAll('body *')).filter(
        (el) => (el as HTMLElement).offsetParent !== null
      )
      const say = Math.min(
        ...Array.from(document.querySelectorAll('.say-line'))
          .filter((el) => (el as HTMLElement).offsetParent !== null)
          .map(px)
      )
      const others = visible.filter((el) => !el.closest('.say-line') && el.textContent?.trim()).map(px)
      return { say, max: Math.max(...others) }
    })
    expect(sizes.say).toBeGreaterThan(sizes.max)

    await page.getByText('业主同意', { exact: true }).filter({ visible: true }).click()
    // no signal at the last tap: the run is kept on the phone and shown as waiting
    await context.setOffline(true)
    await page.getByText('已登记、发来访卡', { exact: true }).filter({ visible: true }).click()
    await page.locator('.outcome-label').filter({ visible: true }).waitFor()
    await page.getByText('已记录', { exact: true }).filter({ visible: true }).waitFor()
    await page.locator('.tag', { hasText: '待上传' }).filter({ visible: true }).waitFor()
    await page.locator('.summary-row', { hasText: '业主同意' }).filter({ visible: true }).waitFor()
    const saved = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('gwt.outbox.'))
        .map((k) => localStorage.getItem(k) ?? '')
    )
    expect(saved.some((v) => v.includes('话术：访客(来访人员)检查') && v.includes('scripts.recordRun'))).toBe(
      true
    )
    expect(await app.server.runtime.store.count('scriptruns')).toBe(0)

    // signal back: it reaches the server once, as run
    await context.setOffline(false)
    const run = await until('the recorded run', async () => {
      const page1 = await app.server.runtime.store.find<ScriptRun & { [k: string]: unknown }>(
        'scriptruns',
        {}
      )
      return page1.items.length === 1 ? page1.items[0] : undefined
    })
    expect(run).toMatchObject({
      scriptId: 'gate.visitor',
      staffId: 'demo-guard',
      estateId: 'demo-estate',
      outcome: 'visitor.admitted',
      answers: { case: 'B', appointment: 'yes', room: '3-1-502', hostCall: 'agreed' },
      path: ['greet', 'b.appointment', 'b.call', 'b.register', 'end.admitted']
    })
    expect(run.answers.case).toBe('B')
    await page.locator('.tag', { hasText: '已上传' }).filter({ visible: true }).waitFor()

    // the read receipt: confirmed from the run page, stored on the server
    await page.getByText('确认已阅读新版本', { exact: true }).filter({ visible: true }).click()
    await until(
      'the read receipt',
      async () => (await app.server.runtime.store.get('scriptacks', 'demo-guard:gate.visitor')) ?? undefined
    )
    expect(await page.getByText('确认已阅读新版本', { exact: true }).filter({ visible: true }).count()).toBe(
      0
    )
    await context.close()
  })

  it('practice: a quiz built from the script, answered to the end with a score', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.locator('.area-title', { hasText: /^话术$/ }).click()
    await page.locator('.script-item', { hasText: '访客(来访人员)检查' }).first().click()
    await page.getByText('练习', { exact: true }).filter({ visible: true }).click()
    await page.locator('.quiz-prompt').filter({ visible: true }).waitFor()
    for (let i = 0; i < 20; i++) {
      const score = page.locator('.quiz-score').filter({ visible: true })
      if (await score.count()) break
      await page.locator('.quiz-option').filter({ visible: true }).first().click()
      await page.locator('.quiz-verdict-ok, .quiz-verdict-bad').filter({ visible: true }).first().waitFor()
      await page
        .getByText(/^(下一题|看成绩)$/)
        .filter({ visible: true })
        .first()
        .click()
    }
    await page
      .locator('.quiz-score', { hasText: /\d+ 分/ })
      .filter({ visible: true })
      .waitFor()
    await context.close()
  })

  it('the phrasebook finds a polite phrase', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.locator('.area-title', { hasText: /^话术$/ }).click()
    await page.getByText('常用礼貌用语').filter({ visible: true }).first().click()
    await field(page, '搜索用语：您好、请稍等、对不起…').fill('请问您找谁')
    await page
      .locator('.phrase-line', { hasText: '请问您找谁？' })
      .filter({ visible: true })
      .first()
      .waitFor()
    await context.close()
  })
})

describe('话术: a supervisor sees who has new versions to confirm and the latest runs', () => {
  it('lists the guard’s run and people with scripts to confirm', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.locator('.area-title', { hasText: /^主管$/ }).click()
    await page.getByText('话术确认情况').waitFor()
    await page.locator('.sup-row', { hasText: '张卫国 · 访客(来访人员)检查' }).waitFor()
    await page.locator('.sup-row', { hasText: /李巡（巡逻）：\d+ 份待确认/ }).waitFor()
    await context.close()
  })
})

describe('话术: the emergency script under stress (issue 17)', () => {
  it('from a 火情 report: every step by taps only, step 5 a choice; the read receipt sits outside the steps', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await tap(page, '一键报事')
    await tap(page, '火情')
    await tap(page, '打开突发事件处理话术')

    // the new version's read receipt is a bar above the run, not among its steps
    const steps = page.locator('.script-run').filter({ visible: true })
    await steps.waitFor()
    const ack = page.locator('.ack-bar').filter({ visible: true })
    await ack.getByText('确认已阅读新版本', { exact: true }).waitFor()
    const outside = async () => {
      const [a, s] = [(await ack.boundingBox())!, (await steps.boundingBox())!]
      // no overlap, and the receipt comes first
      expect(a.y + a.height).toBeLessThanOrEqual(s.y)
      const button = (await ack.getByText('确认已阅读新版本', { exact: true }).boundingBox())!
      expect(button.y + button.height).toBeLessThanOrEqual(s.y)
    }
    await outside()

    // walked by taps alone: nothing is typed anywhere on the way
    const step = (title: string) =>
      page.locator('.step-title', { hasText: title }).filter({ visible: true }).waitFor()
    await step('迅速到场')
    await tap(page, '下一步')
    await step('安抚现场人员')
    await tap(page, '需要警方、消防等外部救援')
    await step('配合外部救援')
    await tap(page, '下一步')
    await step('维护现场秩序')
    await tap(page, '下一步')
    await step('第 5 步 · 向业主通报')
    await outside()
    // the event is one tap; the note beside it is optional and left empty
    await page
      .locator('.chip', { hasText: /^火情$/ })
      .filter({ visible: true })
      .click()
    await page.locator('.say-line', { hasText: '刚才的火情已经处理完毕' }).filter({ visible: true }).waitFor()
    expect(
      await page.locator('input[placeholder="补充说明（可不填）"]').filter({ visible: true }).count()
    ).toBe(1)
    await tap(page, '下一步')
    await page.locator('.outcome-label', { hasText: '已处理并通报' }).filter({ visible: true }).waitFor()
    await page.screenshot({ path: 'dist/e2e-shots/emergency-script-end.png', fullPage: true })

    const run = await until('the recorded run', async () => {
      const found = await app.server.runtime.store.find<ScriptRun & { [k: string]: unknown }>('scriptruns', {
        where: { scriptId: 'security.emergency' }
      })
      return found.items[0]
    })
    expect(run).toMatchObject({
      version: 2,
      outcome: 'emergency.closed',
      answers: { external: 'yes', event: '火情' },
      path: ['arrive', 'calm', 'assist', 'secure', 'inform', 'closed']
    })
    // the receipt, tapped from its own bar, leaves the run alone
    await ack.getByText('确认已阅读新版本', { exact: true }).click()
    await until(
      'the read receipt',
      async () =>
        (await app.server.runtime.store.get('scriptacks', 'demo-guard:security.emergency')) ?? undefined
    )
    await page.locator('.outcome-label', { hasText: '已处理并通报' }).filter({ visible: true }).waitFor()
    await context.close()
  })
})
