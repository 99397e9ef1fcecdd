/**
 * The H5 app shell's update, as a guard's phone lives it: the app is open on the old build (its
 * service worker installed, the shell cached) with a record waiting in the outbox; the server is
 * given a new build (the app script changed: a new content hash, index.html pointing at it, the
 * old file gone, sw.js and the compressed copies remade by the build's own Workbox step, as a
 * deploy of `npm run build:h5` leaves the folder). Then one reload runs the new build, whole (no
 * file missing, no script error), the old precache entries are gone, the outbox is untouched and
 * still goes up, and a reload with no network opens the new build.
 */
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { precompress, writeServiceWorker } from '../../config/h5Shell'
import type { Shift } from '../../src/domain/entities'
import { signInDemo, startAppServing, tap, until, type App } from './app'

const BUILT = resolve(__dirname, '../..', process.env.H5_DIR ?? 'dist/h5')
let dir: string
let app: App
beforeAll(async () => {
  // a copy of the build the server reads on each request: the test deploys into it
  dir = mkdtempSync(join(tmpdir(), 'gwt-sw-'))
  cpSync(BUILT, dir, { recursive: true })
  app = await startAppServing(dir)
})
afterAll(async () => {
  await app?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/**
 * A new build in the served folder: the app script with one more statement (marking the page
 * with `marker`), under its new content-hash name. Answers the old and the new script's paths.
 */
async function deployNewBuild(marker: string): Promise<{ old: string; now: string }> {
  const js = join(dir, 'js')
  const old = readdirSync(js).find((f) => /^app\.[0-9a-f]{8}\.js$/.test(f))!
  const code =
    readFileSync(join(js, old), 'utf8') +
    `\n;document.documentElement.setAttribute('data-build', ${JSON.stringify(marker)});\n`
  const name = `app.${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`
  writeFileSync(join(js, name), code)
  // a deploy replaces the folder: the old script is not on the server any more
  for (const f of [old, `${old}.br`, `${old}.gz`, `${old}.LICENSE.txt`]) rmSync(join(js, f), { force: true })
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  expect(html).toContain(`src="/js/${old}"`)
  writeFileSync(join(dir, 'index.html'), html.replace(`/js/${old}`, `/js/${name}`))
  await writeServiceWorker(dir)
  precompress(dir)
  return { old: `/js/${old}`, now: `/js/${name}` }
}

/** The build the page runs: its app script and the marker a deployed build sets. */
const running = (page: Page) =>
  page.evaluate(() => ({
    script: Array.from(document.scripts)
      .map((s) => new URL(s.src || location.href).pathname)
      .find((p) => /^\/js\/app\.[0-9a-f]{8}\.js$/.test(p)),
    build: document.documentElement.getAttribute('data-build')
  }))

/** The paths the shell's caches hold (precache keys carry a revision in their query). */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const out: string[] = []
    for (const name of await caches.keys())
      for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname)
    return out.sort()
  })

/** The outbox on the device (Taro's H5 storage keeps `{ data }` under each key): each entry's id, action and input (its attempts change as it retries). */
const outboxOf = (page: Page) =>
  page.evaluate(() => {
    const read = (key: string) =>
      (JSON.parse(localStorage.getItem(key) ?? 'null') as { data?: unknown } | null)?.data
    const ids = (read('gwt.outbox') ?? []) as string[]
    return ids.map((id) => {
      const e = read(`gwt.outbox.${id}`) as { id: string; action: string; input: unknown } | undefined
      return e && { id: e.id, action: e.action, input: e.input }
    })
  })

const controller = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')

describe('the H5 shell updates itself', () => {
  it('one reload runs the new build whole; old files leave the cache; the outbox stays; offline the new build opens', async () => {
    const { context, page } = await app.phone()
    const broken: string[] = []
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname
      if (r.status() >= 400 && !path.startsWith('/api/')) broken.push(`${r.status()} ${path}`)
    })
    page.on('pageerror', (e) => broken.push(`error ${e.message}`))
    await signInDemo(page, '张卫国 · 门岗')
    await page.getByText('今天还没有上岗').waitFor()
    await until('the shell’s worker controls the page', async () => (await controller(page)) !== '')
    const v1 = await running(page)
    expect(v1.build).toBeNull()
    await until('the shell cached', async () => (await cachedPaths(page)).includes(v1.script!))

    // a record waiting on the phone: the API out of reach, the rest of the network up
    await page.route('**/api/**', (r) => r.abort('internetdisconnected'))
    await tap(page, '上岗：东门岗')
    await page.getByText('在岗中：东门岗').waitFor()
    await page.getByText('1 条待上传').waitFor()
    const waiting = await outboxOf(page)
    expect(waiting).toMatchObject([{ action: 'shift.start' }])

    const v2 = await deployNewBuild('v2')
    expect(v2.now).not.toBe(v1.script)
    expect(v2.old).toBe(v1.script)

    // the guard's next load is the new build, whole
    await page.reload()
    await page.getByText('在岗中：东门岗').waitFor()
    expect(await running(page)).toEqual({ script: v2.now, build: 'v2' })
    await page.getByText('1 条待上传').waitFor()
    expect(await outboxOf(page)).toEqual(waiting)
    // the new worker took over and its precache dropped the old build's script
    await until('the new worker’s cache', async () => {
      const cached = await cachedPaths(page)
      return cached.includes(v2.now) && !cached.includes(v2.old)
    })
    const cached = await cachedPaths(page)
    expect(cached.filter((p) => p === '/index.html')).toHaveLength(1)
    expect(cached.filter((p) => /^\/js\/app\./.test(p))).toEqual([v2.now])

    // no network at all: the new build opens from the shell, the record still waiting
    await context.setOffline(true)
    const res = await page.reload()
    expect(res?.fromServiceWorker()).toBe(true)
    await page.getByText('在岗中：东门岗').waitFor()
    expect(await running(page)).toEqual({ script: v2.now, build: 'v2' })
    await page.getByText('1 条待上传').waitFor()
    expect(await outboxOf(page)).toEqual(waiting)
    expect(broken).toEqual([])

    // back online, the record made on the old build goes up from the new one (立即同步: its
    // retries backed off while the API was out of reach)
    await page.unroute('**/api/**')
    await context.setOffline(false)
    await page.getByText('1 条待上传').click()
    await page.getByText('立即同步', { exact: true }).click()
    await page.getByText(/已与服务器同步/).waitFor()
    const shifts = await app.server.runtime.store.find<Shift & { [k: string]: unknown }>('shifts', {
      where: { staffId: 'demo-guard' }
    })
    expect(shifts.items).toMatchObject([{ post: '东门岗', status: 'on' }])
    expect(await outboxOf(page)).toEqual([])
    expect(broken).toEqual([])
    await context.close()
  })
})
