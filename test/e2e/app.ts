import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startServer, type Running } from '../../src/cloud/http/server'
import { ACTIONS, type ActionName, type OutputOf, type SessionOut } from '../../src/domain/contract'
import type { Envelope } from '../../src/domain/errors'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage'
]

/** Debian's Chromium, headless, with the flags this machine needs (see the toolchain notes). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
}

export interface App {
  server: Running
  browser: Browser
  url: string
  /** A fresh phone: its own storage, a phone-sized screen. */
  phone(): Promise<{ context: BrowserContext; page: Page }>
  close(): Promise<void>
}

/** The real local server on a free port, over a throw-away database, and Chromium. */
export function startApp(): Promise<App> {
  return startAppServing(resolve(__dirname, '../..', process.env.H5_DIR ?? 'dist/h5'))
}

/** startApp serving the H5 build in `h5Dir` (read on each request: a test may deploy a new build there). */
export async function startAppServing(h5Dir: string): Promise<App> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gwt-e2e-'))
  const server = await startServer({ port: 0, dataDir, h5Dir, demo: true, quiet: true })
  const browser = await launchChromium()
  return {
    server,
    browser,
    url: server.url,
    async phone() {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        locale: 'zh-CN',
        hasTouch: false
      })
      const page = await context.newPage()
      page.setDefaultTimeout(15000)
      await page.goto(server.url)
      return { context, page }
    },
    async close() {
      await browser.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** Sign in through the demo list, as a person would: by the visible name and role. */
export async function signInDemo(page: Page, label: string): Promise<void> {
  await page.getByText(label, { exact: true }).click()
  await page.getByText('工作台', { exact: true }).filter({ visible: true }).first().waitFor()
}

/** The text box a person sees with this hint in it (Taro renders a wrapper and the real input). */
export function field(page: Page, placeholder: string) {
  return page.locator(`input[placeholder="${placeholder}"]`).filter({ visible: true }).first()
}

import { until } from '../kit/until'
export { until }

/** Taps the first visible element with exactly this text. */
export function tap(page: Page, text: string) {
  return page.getByText(text, { exact: true }).filter({ visible: true }).first().click()
}

/**
 * Every visible match of `selector`, measured once the page has stopped moving (Taro's page
 * transition slides): inside a 390 px screen and at least minH x minW. Answers the boxes.
 */
export async function fitsPhone(page: Page, selector: string, minH = 0, minW = 0) {
  const measure = () =>
    page
      .locator(selector)
      .filter({ visible: true })
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))
  let boxes = await measure()
  await until('the page has settled', async () => {
    await page.waitForTimeout(100)
    const again = await measure()
    const same = JSON.stringify(again) === JSON.stringify(boxes)
    boxes = again
    return same
  })
  expect(boxes.length).toBeGreaterThan(0)
  for (const b of boxes) {
    expect(b.left).toBeGreaterThanOrEqual(0)
    expect(b.right).toBeLessThanOrEqual(390)
    expect(b.width).toBeGreaterThanOrEqual(minW)
    expect(b.height).toBeGreaterThanOrEqual(minH)
  }
  return boxes
}

let asOps = 0
/**
 * What another person does (the desk, a supervisor, a guard whose screens other tests cover),
 * through the running server's own dispatcher: signed in through the demo login as `staffId`,
 * in the demo estate unless told. Answers the action's data; a refusal throws with its message.
 */
export async function asDemo<A extends ActionName>(
  app: App,
  staffId: string,
  action: A,
  input: object,
  /** the estate (default the demo's), or that and the phone's clock when it recorded and sent it */
  where: string | { estateId?: string; deviceTime?: number; sentAt?: number } = 'demo-estate'
): Promise<OutputOf<A>> {
  const {
    estateId = 'demo-estate',
    deviceTime = Date.now(),
    sentAt = deviceTime
  } = typeof where === 'string' ? { estateId: where } : where
  const rt = app.server.runtime
  const login = (await rt.call(
    'auth',
    { action: 'auth.demoLogin', input: { staffId } },
    { kind: 'none' }
  )) as Envelope<SessionOut>
  if (!login.ok) throw new Error(login.message)
  const env = (await rt.call(
    ACTIONS[action].fn,
    { action, input, estateId, op: { id: `e2e-as-${++asOps}`, deviceTime }, sentAt },
    { kind: 'token', token: login.data.token! }
  )) as Envelope<OutputOf<A>>
  if (!env.ok) throw new Error(`${action}: ${env.message}`)
  return env.data
}

/**
 * A screenshot of the whole page at `path` (the page scrolls inside Taro's page element, so the
 * window is made as tall as it for the picture) once every card fits inside 390 px.
 */
export async function shotWhole(page: Page, path: string): Promise<void> {
  await fitsPhone(page, '.card')
  const h = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll('.taro_page_show, .taro_page_show *')).map(
        (e) => e.scrollHeight
      )
    )
  )
  await page.setViewportSize({ width: 390, height: Math.min(Math.max(844, h), 6000) })
  await page.screenshot({ path, fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
}
