/**
 * Benchmark: the outbox. (1) Time to persist one operation on the device before the tap is
 * confirmed, with storage kept in memory as JSON (our code's cost) and with a synchronous file
 * write per key (a pessimistic durable store). (2) Time to drain 1,000 queued operations to
 * the real local server over loopback HTTP: independent records (batched 20 per request) and
 * one record's chain (strictly one at a time). Prints figures; asserts nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../../src/cloud/http/server'
import { OutboxStore } from '../../src/stores/outbox'
import { loadActions } from '../../src/stores/api'
import { STAFF_ACTIONS } from '../../src/domain/contract/staff'
import { createIdFactory } from '../../src/domain/ids'
import type { KeyValueStorage } from '../../src/services/storage'
import type { Transport } from '../../src/services/transport'
import type { Envelope } from '../../src/domain/errors'
import { pct } from './stats'

// The supervisor's phone adds staff: the staff actions, as the supervisor subpackage loads them.
loadActions(STAFF_ACTIONS)

const N = Number(process.env.BENCH_OUTBOX_N ?? 1000)


class JsonMemory implements KeyValueStorage {
  m = new Map<string, string>()
  get<T>(k: string) {
    const v = this.m.get(k)
    return v === undefined ? undefined : (JSON.parse(v) as T)
  }
  set(k: string, v: unknown) {
    this.m.set(k, JSON.stringify(v))
  }
  remove(k: string) {
    this.m.delete(k)
  }
}
class FileKV implements KeyValueStorage {
  constructor(private dir: string) {
    mkdirSync(dir, { recursive: true })
  }
  private f(k: string) {
    return join(this.dir, encodeURIComponent(k))
  }
  get<T>(k: string) {
    return existsSync(this.f(k)) ? (JSON.parse(readFileSync(this.f(k), 'utf8')) as T) : undefined
  }
  set(k: string, v: unknown) {
    writeFileSync(this.f(k), JSON.stringify(v))
  }
  remove(k: string) {
    if (existsSync(this.f(k))) unlinkSync(this.f(k))
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gwt-bench-outbox-'))
  const srv = await startServer({ port: 0, dataDir: join(dir, 'data'), h5Dir: join(dir, 'none'), demo: true, quiet: true })
  try {
    const http: Transport = async (fn, payload, token) => {
      const r = await fetch(`${srv.url}api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(payload)
      })
      return (await r.json()) as Envelope<unknown>
    }
    const login = async (staffId: string) => {
      const env = await http('auth', { action: 'auth.demoLogin', input: { staffId }, sentAt: Date.now() })
      if (!env.ok) throw new Error(env.message)
      return (env.data as { token: string }).token
    }
    const make = (storage: KeyValueStorage, staffId: string, token: string) => {
      const o = new OutboxStore({
        storage,
        transport: http,
        session: () => ({ staffId, token, estateId: 'demo-estate' }),
        now: () => Date.now(),
        random: Math.random,
        newId: createIdFactory({ now: () => Date.now(), random: Math.random })
      })
      o.load()
      return o
    }
    console.log(`岗位通 outbox bench · N=${N} · local server on loopback (SQLite file, WAL)`)

    const supToken = await login('demo-supervisor')
    for (const [label, storage] of [
      ['in-memory JSON storage', new JsonMemory()],
      ['file per key, written synchronously', new FileKV(join(dir, 'kv'))]
    ] as const) {
      const o = make(storage, 'demo-supervisor', supToken)
      const lat: number[] = []
      for (let i = 0; i < N; i++) {
        const phone = `13${label.length % 10}${String(i).padStart(8, '0')}`
        const a = performance.now()
        o.enqueue('staff.create', { name: `员工${i}`, phone, roles: ['cleaner'] }, { record: `staff:${phone}`, summary: `新增员工${i}` })
        lat.push(performance.now() - a)
      }
      console.log(`persist one operation (${label})`.padEnd(58), `p50 ${pct(lat, 50).toFixed(3)} ms  p95 ${pct(lat, 95).toFixed(3)} ms  (queue grew to ${N})`)
      if (label.startsWith('in-memory')) {
        const t0 = performance.now()
        await o.sync()
        const ms = performance.now() - t0
        if (o.entries.length !== 0) throw new Error(`${o.entries.length} left after drain`)
        console.log(`drain ${N} independent operations (batches of 20)`.padEnd(58), `${ms.toFixed(0)} ms  (${((N / ms) * 1000).toFixed(0)} ops/s)`)
      }
    }

    // One record's chain: a guard's clock-ins and clock-outs go strictly one at a time.
    const gToken = await login('demo-guard')
    const g = make(new JsonMemory(), 'demo-guard', gToken)
    for (let i = 0; i < N / 2; i++) {
      g.enqueue('shift.start', { id: `bench-sh-${i}`, post: '东门岗' }, { record: 'shift:demo-guard', summary: '上岗' })
      g.enqueue('shift.end', { shiftId: `bench-sh-${i}` }, { record: 'shift:demo-guard', summary: '下岗' })
    }
    const t0 = performance.now()
    await g.sync()
    const ms = performance.now() - t0
    if (g.entries.length !== 0) throw new Error(`${g.entries.length} left after drain: ${JSON.stringify(g.entries[0].lastError)}`)
    console.log(`drain ${N} operations of one record (one per request)`.padEnd(58), `${ms.toFixed(0)} ms  (${((N / ms) * 1000).toFixed(0)} ops/s)`)
  } finally {
    await srv.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
