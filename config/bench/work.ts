/**
 * Benchmark: incidents and tasks. (1) Tap-to-recorded in real Chromium against the H5 build:
 * from the tap on a category to "已记录" on screen, online and offline. (2) The task list of a
 * person with 10,000 past tasks, through the dispatcher. Prints figures.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type Database from 'better-sqlite3'
import { chromium } from 'playwright-core'
import { startServer } from '../../src/cloud/http/server'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { lat } from './stats'

const TAPS = Number(process.env.BENCH_TAPS ?? 30)
const PAST = Number(process.env.BENCH_TASKS ?? 10_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 50)
const root = resolve(__dirname, '../..')


async function main() {
  const h5 = process.env.H5_DIR ?? 'dist/h5'
  if (!existsSync(join(root, h5, 'index.html'))) {
    console.log('building H5 for the tap benchmark…')
    const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production', TARO_OUT: h5 } })
    if (r.status !== 0) throw new Error('H5 build failed')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'gwt-bench-work-'))
  const server = await startServer({ port: 0, dataDir, h5Dir: join(root, h5), demo: true, quiet: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
  try {
    console.log(`岗位通 incidents & tasks bench · node ${process.version} · Chromium ${browser.version()}`)
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByText('张卫国 · 门岗', { exact: true }).click()
    await page.getByText('一键报事', { exact: true }).waitFor()
    for (const offline of [false, true]) {
      await context.setOffline(offline)
      const xs: number[] = []
      for (let i = 0; i < TAPS; i++) {
        await page.getByText('一键报事', { exact: true }).filter({ visible: true }).first().click()
        const cat = page.getByText('灯坏了', { exact: true }).filter({ visible: true }).first()
        await cat.waitFor()
        // measured inside the page: from the click event to the confirmation in the DOM
        const ms = await page.evaluate(
          () =>
            new Promise<number>((done) => {
              const el = Array.from(document.querySelectorAll('.cat')).find((e) => e.textContent?.includes('灯坏了')) as HTMLElement
              const t0 = performance.now()
              const seen = () => document.body.innerText.includes('已记录：💡 灯坏了')
              const obs = new MutationObserver(() => {
                if (seen()) {
                  obs.disconnect()
                  done(performance.now() - t0)
                }
              })
              obs.observe(document.body, { subtree: true, childList: true, characterData: true })
              el.click()
            })
        )
        xs.push(ms)
        await page.getByText('完成', { exact: true }).filter({ visible: true }).first().click()
        await page.getByText('一键报事', { exact: true }).filter({ visible: true }).first().waitFor()
      }
      lat(`tap → 已记录 in Chromium (${offline ? 'offline' : 'online'})`, xs, '  (click to text on screen, saved on the device)')
    }
    await context.setOffline(false)
    await context.close()

    // ---- 10,000 past tasks for one cleaner, then the list query ----
    const db = server.runtime.store as unknown as { db: Database.Database }
    const now = Date.now()
    const ins = db.db.prepare('INSERT INTO c_tasks (id, v, doc) VALUES (?, 1, ?)')
    const t0 = performance.now()
    db.db.exec('BEGIN')
    for (let i = 0; i < PAST; i++) {
      const due = now - (i + 1) * 3 * 3600_000
      const id = `bt-${i}`
      ins.run(
        id,
        JSON.stringify({ _id: id, _v: 1, createdAt: due - 3600_000, updatedAt: due, estateId: DEMO_ESTATE_ID, title: `保洁任务${i}`, type: 'cleaning', checklist: [{ label: '地面', done: true }], dueAt: due, priority: 'normal', photoRequired: false, assigneeId: 'demo-cleaner', assigneeName: '赵洁', status: 'closed', completedAt: due - 600_000, createdBy: 'demo-supervisor', createdByName: '周主管', history: [] })
      )
    }
    for (let i = 0; i < 20; i++) {
      const id = `bt-open-${i}`
      ins.run(id, JSON.stringify({ _id: id, _v: 1, createdAt: now, updatedAt: now, estateId: DEMO_ESTATE_ID, title: `今日任务${i}`, type: 'cleaning', checklist: [], dueAt: now + i * 600_000, priority: 'normal', photoRequired: false, assigneeId: 'demo-cleaner', assigneeName: '赵洁', status: 'assigned', createdBy: 'demo-supervisor', createdByName: '周主管', history: [] }))
    }
    db.db.exec('COMMIT')
    console.log(`loaded ${PAST.toLocaleString()} past tasks for one cleaner in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    const rt = server.runtime
    const login = (await rt.call('auth', { action: 'auth.demoLogin', input: { staffId: 'demo-cleaner' } }, { kind: 'none' })) as { ok: boolean; data: { token: string } }
    const xs: number[] = []
    let shown = 0
    for (let i = 0; i < QUERIES; i++) {
      const a = performance.now()
      const r = (await rt.call('staff', { action: 'work.tasks', input: {}, estateId: DEMO_ESTATE_ID, sentAt: Date.now() }, { kind: 'token', token: login.data.token })) as { ok: boolean; data: unknown[] }
      xs.push(performance.now() - a)
      shown = r.data.length
    }
    lat('work.tasks for a person with 10,000 past tasks', xs, `  (${shown} listed)`)
  } finally {
    await browser.close()
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
