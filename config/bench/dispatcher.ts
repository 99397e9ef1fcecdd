/**
 * Benchmark: the full cloud path (dispatcher: identity → validation → estate check →
 * idempotency log → handler → audit, in one transaction) on a file SQLite database, against
 * the floor of raw better-sqlite3 inserts of the same size. Prints figures; asserts nothing.
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { createRuntime } from '../../src/cloud/runtime'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { createIdFactory } from '../../src/domain/ids'
import { seedBound } from './estate'
import { pct } from './stats'

const N = Number(process.env.BENCH_N ?? 2000)

function line(name: string, n: number, totalMs: number, lat?: number[]) {
  const ops = (n / totalMs) * 1000
  const extra = lat ? `  p50 ${pct(lat, 50).toFixed(3)} ms  p95 ${pct(lat, 95).toFixed(3)} ms  p99 ${pct(lat, 99).toFixed(3)} ms` : ''
  console.log(`${name.padEnd(44)} ${String(n).padStart(6)} ops  ${ops.toFixed(0).padStart(7)} ops/s${extra}`)
  return ops
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gwt-bench-'))
  try {
    const db = new SqliteAdapter({ file: join(dir, 'bench.db') })
    let now = Date.UTC(2026, 10, 23, 1)
    await seedBound(db, now)
    const rt = createRuntime(db, {
      demo: true,
      sessionSecret: 'bench',
      idSalt: 'bench',
      now: () => now,
      random: Math.random,
      log: () => undefined
    })
    const newId = createIdFactory({ now: () => now, random: Math.random })
    const sup = { kind: 'openid' as const, openid: 'oid-demo-supervisor' }
    console.log(`岗位通 bench · node ${process.version} · SQLite file in WAL mode · N=${N}`)

    // 1. Writes through the dispatcher: staff.create (validation, unique phone, bind code, audit).
    const lat: number[] = []
    const ops: { id: string; deviceTime: number }[] = []
    let t0 = performance.now()
    for (let i = 0; i < N; i++) {
      now += 1
      const op = { id: newId(), deviceTime: now }
      ops.push(op)
      const a = performance.now()
      const r = await rt.call(
        'admin',
        { action: 'staff.create', input: { name: `员工${i}`, phone: `139${String(i).padStart(8, '0')}`, roles: ['cleaner'] }, estateId: DEMO_ESTATE_ID, op, sentAt: now },
        sup
      )
      lat.push(performance.now() - a)
      if (!r.ok) throw new Error(`write failed: ${r.code} ${r.message}`)
    }
    const writeOps = line('dispatcher write (staff.create)', N, performance.now() - t0, lat)

    // 2. The same operations again: the idempotency log answers with the first result.
    lat.length = 0
    t0 = performance.now()
    for (let i = 0; i < N; i++) {
      const a = performance.now()
      const r = await rt.call(
        'admin',
        { action: 'staff.create', input: { name: `员工${i}`, phone: `139${String(i).padStart(8, '0')}`, roles: ['cleaner'] }, estateId: DEMO_ESTATE_ID, op: ops[i], sentAt: now },
        sup
      )
      lat.push(performance.now() - a)
      if (!r.ok || !r.replayed) throw new Error('replay was not answered from the log')
    }
    line('dispatcher replay (same op id)', N, performance.now() - t0, lat)

    // 3. Reads: the home page and the staff list (with N+8 people).
    lat.length = 0
    t0 = performance.now()
    for (let i = 0; i < N; i++) {
      const a = performance.now()
      const r = await rt.call('staff', { action: 'home.today', input: {}, estateId: DEMO_ESTATE_ID, sentAt: now }, { kind: 'openid', openid: 'oid-demo-guard' })
      lat.push(performance.now() - a)
      if (!r.ok) throw new Error(r.message)
    }
    line('dispatcher read (home.today)', N, performance.now() - t0, lat)
    lat.length = 0
    const M = Math.max(20, Math.floor(N / 20))
    t0 = performance.now()
    for (let i = 0; i < M; i++) {
      const a = performance.now()
      const r = await rt.call('admin', { action: 'staff.list', input: {}, estateId: DEMO_ESTATE_ID, sentAt: now }, sup)
      lat.push(performance.now() - a)
      if (!r.ok) throw new Error(r.message)
    }
    line(`dispatcher read (staff.list, ${N + 8} staff)`, M, performance.now() - t0, lat)
    db.close?.()

    // 4. The floor: raw better-sqlite3, one JSON document per transaction, same pragmas.
    const raw = new Database(join(dir, 'raw.db'))
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    raw.exec('CREATE TABLE docs (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)')
    const ins = raw.prepare('INSERT INTO docs (_id, doc) VALUES (?, ?)')
    const one = raw.transaction((id: string, doc: string) => ins.run(id, doc))
    t0 = performance.now()
    for (let i = 0; i < N; i++) one(newId(), JSON.stringify({ name: `员工${i}`, phone: `139${i}`, roles: ['cleaner'], estateIds: [DEMO_ESTATE_ID] }))
    const rawOps = line('raw better-sqlite3 insert (1 row per tx)', N, performance.now() - t0)
    raw.close()
    console.log(`dispatcher write is ${(rawOps / writeOps).toFixed(1)}× slower than a bare insert (it also writes the op log and the audit record, and checks the phone is unique)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
