/**
 * Benchmark: the server keeps answering during the heaviest export (issue 16.5). A day of
 * CSV_MAX_ROWS gate events, a batch of MAX_BATCH day-log CSVs asked at once (one runs, the rest
 * are HEAVY_BUSY) and health checks one after another while it runs. Prints the health checks'
 * times alone and during the export (target: under 100 ms during it).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { startServer } from '../../src/cloud/http/server'
import type { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { CSV_MAX_ROWS } from '../../src/cloud/gate/log'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { MAX_BATCH } from '../../src/cloud/dispatch/batch'
import { localDate } from '../../src/domain/time'
import { storeGateDay } from '../../test/kit/gateDay'

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gwt-bench-heavy-'))
  const srv = await startServer({ port: 0, dataDir: dir, h5Dir: join(dir, 'none'), demo: true, quiet: true })
  try {
    const now = Date.now()
    const db = srv.runtime.store as SqliteAdapter
    await storeGateDay(db, now)
    const login = await fetch(`${srv.url}api/auth`, {
      method: 'POST',
      body: JSON.stringify({ action: 'auth.demoLogin', input: { staffId: 'demo-supervisor' } })
    })
    const token = ((await login.json()) as { data: { token: string } }).data.token
    const health = async () => {
      const t = performance.now()
      await (await fetch(`${srv.url}healthz`)).text()
      return performance.now() - t
    }
    const idle: number[] = []
    for (let i = 0; i < 50; i++) idle.push(await health())
    const csv = { action: 'gate.dayLogCsv', estateId: DEMO_ESTATE_ID, input: { date: localDate(now) } }
    const t0 = performance.now()
    let finished = false
    const exportP = fetch(`${srv.url}api/admin`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ batch: [...Array(MAX_BATCH)].map(() => csv) })
    }).then((r) => {
      finished = true
      return r.text()
    })
    const during: number[] = []
    while (!finished) {
      const ms = await health()
      if (!finished) during.push(ms)
    }
    await exportP
    const exportMs = performance.now() - t0
    console.log(
      `heavy reads: a batch of ${MAX_BATCH} day-log CSVs of ${CSV_MAX_ROWS} rows (one runs, the rest HEAVY_BUSY)`
    )
    console.log(`  export answered in ${exportMs.toFixed(0)} ms`)
    console.log(
      `  health check alone:        p50 ${pct(idle, 50).toFixed(1)} ms, max ${Math.max(...idle).toFixed(1)} ms (${idle.length})`
    )
    console.log(
      `  health check during export: p50 ${pct(during, 50).toFixed(1)} ms, max ${Math.max(...during).toFixed(1)} ms (${during.length} answered; target max < 100 ms)`
    )
  } finally {
    await srv.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
