/**
 * Hostile client, heavy reads (issue 16, point 5): a batch of 25 day-log CSVs ran them all, one
 * after another, while everyone else waited. Now one heavy read per batch; the rest are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeHarness, DEMO_ESTATE_ID, ENGINE } from '../harness'
import { startServer, type Running } from '../../../src/cloud/http/server'
import type { SqliteAdapter } from '../../../src/cloud/data/sqlite'
import { CSV_MAX_ROWS } from '../../../src/cloud/gate/log'
import { localDate } from '../../../src/domain/time'
import { HEAVY_ACTIONS, MAX_BATCH } from '../../../src/cloud/dispatch/batch'
import type { Envelope } from '../../../src/domain/errors'
import { storeGateDay } from '../../kit/gateDay'

describe('at most one heavy read per batch', () => {
  it('a batch of 25 day-log CSVs runs the first and answers HEAVY_BUSY for the other 24', async () => {
    const h = await makeHarness()
    for (const a of ['gate.dayLogCsv', 'report.day', 'report.trend', 'report.xlsx', 'attendance.monthXlsx'])
      expect(HEAVY_ACTIONS.has(a)).toBe(true)
    const csv = { action: 'gate.dayLogCsv', estateId: DEMO_ESTATE_ID, input: { date: '2026-11-23' } }
    const env = await h.raw(
      'admin',
      { batch: [...Array(MAX_BATCH)].map(() => csv) },
      { kind: 'openid', openid: 'oid-demo-supervisor' }
    )
    expect(env.ok).toBe(true)
    const items = (env as { data: Envelope<unknown>[] }).data
    expect(items[0]).toMatchObject({ ok: true })
    const codes = items.slice(1).map((e) => (e.ok ? 'OK' : e.code))
    expect(codes).toEqual(Array(MAX_BATCH - 1).fill('HEAVY_BUSY'))
    // a light read after the heavy one in the same batch still runs
    const mixed = await h.raw(
      'admin',
      { batch: [csv, { action: 'gate.dayLog', estateId: DEMO_ESTATE_ID, input: { date: '2026-11-23' } }] },
      { kind: 'openid', openid: 'oid-demo-supervisor' }
    )
    expect((mixed as { data: Envelope<unknown>[] }).data.map((e) => e.ok)).toEqual([true, true])
  })
})

// the local server runs on SQLite whatever the engine: measured once, in the cloud project
;(ENGINE === 'sqlite' ? describe : describe.skip)(
  'the server keeps answering during the heaviest export',
  () => {
    let srv: Running
    let dir: string
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'gwt-hostile-heavy-'))
      srv = await startServer({ port: 0, dataDir: dir, h5Dir: join(dir, 'none'), demo: true, quiet: true })
      // a day with as many events as one CSV holds (CSV_MAX_ROWS), stored straight through the port
      const now = Date.now()
      const db = srv.runtime.store as SqliteAdapter
      await storeGateDay(db, now)
    }, 120_000)
    afterAll(async () => {
      await srv.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('health checks are answered while the heaviest export asked for runs (25 day-log CSVs of 20,000 rows in one batch)', async () => {
      const login = await fetch(`${srv.url}api/auth`, {
        method: 'POST',
        body: JSON.stringify({ action: 'auth.demoLogin', input: { staffId: 'demo-supervisor' } })
      })
      const token = ((await login.json()) as { data: { token: string } }).data.token
      const csv = {
        action: 'gate.dayLogCsv',
        estateId: DEMO_ESTATE_ID,
        input: { date: localDate(Date.now()) }
      }
      let finished = false
      const exportP = fetch(`${srv.url}api/admin`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ batch: [...Array(MAX_BATCH)].map(() => csv) })
      }).then(async (r) => {
        finished = true
        return (await r.json()) as Envelope<Envelope<{ rows: number }>[]>
      })
      // health checks one after another for as long as the export runs: a server that blocks
      // answers none of them before the export (it did so before the export yielded between
      // pages); one that keeps answering answers one per page or so. How fast is the bench's
      // figure (BENCH_ONLY=heavy npm run bench), not this test's.
      let answeredDuring = 0
      while (!finished) {
        await (await fetch(`${srv.url}healthz`)).text()
        if (!finished) answeredDuring++
      }
      const out = await exportP
      expect(out.ok && out.data[0]).toMatchObject({ ok: true, data: { rows: CSV_MAX_ROWS } })
      expect(answeredDuring).toBeGreaterThanOrEqual(5)
    }, 120_000)
  }
)
