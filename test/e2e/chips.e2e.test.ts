/**
 * Issue 17: "A selected 异常 chip is white on white". Every chip style that can be chosen is
 * measured in Chromium as the page draws it: the computed text colour against the background
 * actually behind it (the first opaque one up the tree), as a WCAG 2 contrast ratio, at least 4.5
 * (normal text, level AA). The chosen 正常 (chip-on) and 异常 (chip-bad) of a patrol point's
 * question, and the chosen chip of the shared <Chips> (the scripts list's department).
 */
import type { Locator } from 'playwright-core'
import { startApp, signInDemo, field, type App, tap } from './app'

let app: App
beforeAll(async () => {
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

type Rgba = [number, number, number, number]

/** WCAG 2 relative luminance of an sRGB colour (0-255 channels). */
function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}
/** WCAG 2 contrast ratio: (lighter + 0.05) / (darker + 0.05), from 1 to 21. */
function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** The chip's text colour and the opaque background behind it, as computed by the browser. */
async function coloursOf(chip: Locator): Promise<{ fg: Rgba; bg: Rgba }> {
  const raw = await chip.evaluate((el) => {
    const fg = getComputedStyle(el).color
    let bg = 'rgba(0, 0, 0, 0)'
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor
      if (!/rgba\(.*, 0\)$/.test(c) && c !== 'transparent') {
        bg = c
        break
      }
    }
    return { fg, bg }
  })
  const parse = (c: string): Rgba => {
    const n = (c.match(/[\d.]+/g) ?? []).map(Number)
    return [n[0], n[1], n[2], n[3] ?? 1]
  }
  const out = { fg: parse(raw.fg), bg: parse(raw.bg) }
  // an opaque text colour and background: the ratio below is the one on screen
  expect(out.fg[3]).toBe(1)
  expect(out.bg[3]).toBe(1)
  return out
}

async function legible(chip: Locator, what: string): Promise<number> {
  const { fg, bg } = await coloursOf(chip)
  const ratio = contrast(fg, bg)
  console.log(
    `${what}: text rgb(${fg.slice(0, 3).join(',')}) on rgb(${bg.slice(0, 3).join(',')}) = ${ratio.toFixed(2)}:1`
  )
  expect(ratio).toBeGreaterThanOrEqual(4.5)
  return ratio
}

describe('a chosen chip can be read', () => {
  it('the formula: black on white is 21:1, white on white 1:1', () => {
    expect(contrast([0, 0, 0, 1], [255, 255, 255, 1])).toBeCloseTo(21, 5)
    expect(contrast([255, 255, 255, 1], [255, 255, 255, 1])).toBe(1)
  })

  it('patrol: the chosen 正常 and 异常 of a point’s question; the scripts list’s chosen department', async () => {
    const { page } = await app.phone()
    await signInDemo(page, '李巡 · 巡逻')
    await tap(page, '巡更路线与打点')
    await tap(page, '开始巡更')
    await field(page, '巡更点编号').fill('K2M5')
    await tap(page, '确定')

    // 正常 is chosen at first
    const normal = page
      .locator('.chip-on', { hasText: /^正常$/ })
      .filter({ visible: true })
      .first()
    await normal.waitFor()
    await legible(normal, '正常 (chip-on)')

    await tap(page, '异常')
    const bad = page
      .locator('.chip-bad', { hasText: /^异常$/ })
      .filter({ visible: true })
      .first()
    await bad.waitFor()
    const ratio = await legible(bad, '异常 (chip-bad)')
    // filled, not white: the background is the alert red the palette names
    expect((await coloursOf(bad)).bg.slice(0, 3)).toEqual([198, 40, 40])
    expect(ratio).toBeGreaterThan(5)
    // the unchosen 正常 stays a plain white chip with dark text
    const plain = page
      .locator('.chip', { hasText: /^正常$/ })
      .filter({ visible: true })
      .first()
    await legible(plain, '正常 (not chosen)')
    await page.screenshot({ path: 'dist/e2e-shots/chips-patrol.png' })

    // the shared <Chips>: the scripts list opens on the person's department, chosen
    await tap(page, '取消')
    await page.goto(app.url)
    await page.locator('.area-title', { hasText: /^话术$/ }).click()
    const dept = page.locator('.chip-on').filter({ visible: true }).first()
    await dept.waitFor()
    await legible(dept, `${(await dept.textContent())?.trim()} (<Chips> chip-on)`)
  })
})
