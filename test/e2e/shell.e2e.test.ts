/**
 * The H5 build as a browser gets it (issue 17, "Everywhere (H5)"): precompressed and cached
 * files, the offline app shell (a reload without network opens the app with its data and
 * outbox, never the browser's error page; `/api` is never cached) and the in-app back
 * control on every page that is not a tab root.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { startApp, signInDemo, tap, until, type App } from './app'

const SHOTS = resolve(__dirname, '../../dist/e2e-shots')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `shell-${name}.png`), fullPage: true })

let app: App
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  app = await startApp()
})
afterAll(async () => {
  await app?.close()
})

/** Waits until the page is controlled by the shell's service worker (installed, activated, claimed). */
const controlled = (page: Page) =>
  until('the service worker controls the page', () =>
    page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? false)
  )

describe('precompressed and cached', () => {
  it('the page, its script and style come compressed, with Vary and the right caching', async () => {
    const { context, page } = await app.phone()
    const seen = new Map<string, Record<string, string>>()
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname
      if (r.request().method() === 'GET' && !path.startsWith('/api/')) seen.set(path, r.headers())
    })
    await page.reload()
    await page.getByText('演示登录：点一位员工即可进入').filter({ visible: true }).first().waitFor()
    const html = seen.get('/')!
    const js = [...seen].find(([p]) => /^\/js\/app\.[0-9a-f]{8}\.js$/.test(p))![1]
    const css = [...seen].find(([p]) => /^\/css\/app\.[0-9a-f]{8}\.css$/.test(p))![1]
    for (const h of [html, js, css]) {
      // Chromium asks for br over https and on 127.0.0.1; from a plain http:// address, gzip
      expect(['br', 'gzip']).toContain(h['content-encoding'])
      expect(h.vary).toBe('Accept-Encoding')
    }
    expect(html['cache-control']).toBe('no-cache')
    expect(js['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(css['cache-control']).toBe('public, max-age=31536000, immutable')
    // the worker script itself is always revalidated, so a new build is found
    const sw = await page.evaluate(async () => {
      const r = await fetch('/sw.js', { cache: 'no-store' })
      return { status: r.status, cache: r.headers.get('cache-control'), type: r.headers.get('content-type') }
    })
    expect(sw).toEqual({ status: 200, cache: 'no-cache', type: 'text/javascript; charset=utf-8' })
    await context.close()
  })
})

describe('offline app shell', () => {
  it('a reload with no network opens the app with its records and outbox, and /api is never cached', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    await page.getByText('今天还没有上岗').waitFor()
    expect(await controlled(page)).toMatch(/\/sw\.js$/)

    await context.setOffline(true)
    await page.getByText('上岗：东门岗').click()
    await page.getByText('在岗中：东门岗').waitFor()
    await page.getByText('1 条待上传').waitFor()

    // the network is gone (not only the API): the page still comes back, from the shell
    const res = await page.reload()
    expect(res?.fromServiceWorker()).toBe(true)
    await page.getByText('在岗中：东门岗').waitFor()
    await page.getByText('1 条待上传').waitFor()
    await page.getByText('工作台', { exact: true }).filter({ visible: true }).first().waitFor()
    await shot(page, 'offline-reload')

    // a call to the API offline fails (never answered from a cache) ...
    const api = await page.evaluate(() =>
      fetch('/api/staff', { method: 'POST', body: '{}' }).then(
        (r) => `answered ${r.status}`,
        () => 'failed'
      )
    )
    expect(api).toBe('failed')
    // ... and nothing under /api or /files is in any cache
    const cached = await page.evaluate(async () => {
      const urls: string[] = []
      for (const name of await caches.keys())
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname)
      return urls
    })
    expect(cached).toContain('/index.html')
    expect(cached.some((u) => /^\/js\/app\.[0-9a-f]{8}\.js$/.test(u))).toBe(true)
    expect(cached.filter((u) => u.startsWith('/api') || u.startsWith('/files'))).toEqual([])

    // back online the record goes up by itself
    await context.setOffline(false)
    await page.waitForFunction(() => !document.body.innerText.includes('待上传'), undefined, {
      timeout: 15000
    })
    await context.close()
  })
})

/** The back control's box once the page has stopped sliding in; undefined when the page has none. */
async function backBox(page: Page) {
  const measure = () =>
    page.evaluate(() => {
      const all = Array.from(document.querySelectorAll<HTMLElement>('.back-btn'))
      const el = all.find((e) => e.getBoundingClientRect().width > 0 && e.offsetParent !== null)
      if (!el) return undefined
      const r = el.getBoundingClientRect()
      return {
        x: Math.round(r.x),
        y: Math.round(r.y),
        w: Math.round(r.width),
        h: Math.round(r.height),
        text: el.innerText
      }
    })
  let box = await measure()
  await until('the page has settled', async () => {
    await page.waitForTimeout(150)
    const again = await measure()
    const same = JSON.stringify(again) === JSON.stringify(box)
    box = again
    return same
  })
  return box
}

function expectTopLeftTarget(box: Awaited<ReturnType<typeof backBox>>) {
  expect(box).toBeDefined()
  expect(box!.text.replace(/\s/g, '')).toBe('返回')
  expect(box!.x).toBeGreaterThanOrEqual(0)
  expect(box!.x).toBeLessThan(24)
  expect(box!.y).toBeLessThan(24)
  // a large touch target
  expect(box!.h).toBeGreaterThanOrEqual(44)
  expect(box!.w).toBeGreaterThanOrEqual(80)
}

/** Every page of the app (src/app.config.ts), and the tab roots. */
function appPages(): { pages: string[]; tabs: string[] } {
  const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown }
  g.defineAppConfig = (c) => c
  const cfg = require('../../src/app.config').default as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
    tabBar: { list: { pagePath: string }[] }
  }
  return {
    pages: [...cfg.pages, ...cfg.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))],
    tabs: cfg.tabBar.list.map((t) => t.pagePath)
  }
}

describe('in-app back', () => {
  it('top-left on an area page, large, and it goes back where the person came from', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '张卫国 · 门岗')
    // tab roots have none
    expect(await backBox(page)).toBeUndefined()
    await page
      .locator('.area-title', { hasText: /^门岗$/ })
      .filter({ visible: true })
      .first()
      .click()
    await page.locator('.gate-bar').filter({ visible: true }).first().waitFor()
    expectTopLeftTarget(await backBox(page))
    await shot(page, 'back-gate')
    // deeper, and back twice
    await tap(page, '通行码')
    await page.getByText('访客通行码').filter({ visible: true }).first().waitFor()
    expectTopLeftTarget(await backBox(page))
    await shot(page, 'back-pass')
    await page.locator('.back-btn').filter({ visible: true }).first().click()
    await page.locator('.gate-bar').filter({ visible: true }).first().waitFor()
    await until(
      'the pass page gone',
      async () => !(await page.getByText('访客通行码').filter({ visible: true }).count())
    )
    await page.locator('.back-btn').filter({ visible: true }).first().click()
    await page.locator('.home-name').filter({ visible: true }).first().waitFor()
    expect(await backBox(page)).toBeUndefined()
    await context.close()
  })

  it('a page opened by its address (or reloaded) goes back to 工作台', async () => {
    const { context, page } = await app.phone()
    await signInDemo(page, '周主管 · 主管')
    await page.goto(`${app.url}#/pages/supervisor/gatelog/index`)
    await page.reload()
    expectTopLeftTarget(await backBox(page))
    await page.locator('.back-btn').filter({ visible: true }).first().click()
    await page.locator('.home-name').filter({ visible: true }).first().waitFor()
    await page.getByText('工作台', { exact: true }).filter({ visible: true }).first().waitFor()
    await context.close()
  })

  it('every page that is not a tab root has it; the tab roots do not', async () => {
    const { pages, tabs } = appPages()
    const { context, page } = await app.phone()
    await signInDemo(page, '吴经理 · 管理员、主管')
    const missing: string[] = []
    for (const p of pages) {
      if (p === 'pages/login/index') continue // signed in, it sends the person on to 工作台
      await page.goto(`${app.url}#/${p}`)
      const box = await backBox(page)
      if (tabs.includes(p)) expect(box).toBeUndefined()
      else if (!box) missing.push(p)
      else expectTopLeftTarget(box)
    }
    expect(missing).toEqual([])
    await context.close()
  })
})
