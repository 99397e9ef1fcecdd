/**
 * Benchmark: importing an estate's rooms from its spreadsheet, on both engines. 5,000 rooms
 * (BENCH_ROOMS) as an .xlsx and as a GBK CSV, through the dispatcher as the app calls it:
 * rooms.importPreview, then rooms.importCommit again and again until nothing remains (each
 * call writes at most IMPORT_BATCH rooms in one transaction), then the same file once more
 * (every room unchanged). SQLite: a file database. CloudBase: the real wx-server-sdk against
 * the test engine, each request answered after BENCH_LATENCY_MS (default 2 ms; inside
 * Tencent's network a round trip is about 8-15 ms, so read the requests column too).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import writeXlsxFile from 'write-excel-file/node'
import { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { createCloudbaseAdapter, ensureCollections } from '../../src/cloud/data/cloudbase'
import type { DataPort } from '../../src/cloud/data/port'
import { createRuntime } from '../../src/cloud/runtime'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { ACTIONS, type ActionName, type ImportCommitOut, type ImportPreview } from '../../src/domain/contract'
import { IMPORT_BATCH } from '../../src/domain/estates/rooms'
import type { Engine } from '../../test/cloudbase/engine'
import { benchConfig, onCloudbaseEngine, seedBound } from './estate'

const ROOMS = Number(process.env.BENCH_ROOMS ?? 5000)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 2)
const T0 = Date.UTC(2026, 10, 23, 2)

type Rows = (string | number | null)[][]
function sheet(n: number): Rows {
  const rows: Rows = [['楼栋', '单元', '房号', '业主姓名', '手机']]
  for (let i = 0; i < n; i++) {
    const owner = i % 3 === 0
    rows.push([
      `${Math.floor(i / 200) + 10}栋`,
      Math.floor((i % 200) / 100) + 1,
      (Math.floor((i % 100) / 4) + 1) * 100 + (i % 4) + 1,
      owner ? `业主${i}` : null,
      owner ? `139${String(i).padStart(8, '0')}` : null
    ])
  }
  return rows
}
/** GBK bytes, the encoder being the inverse of Node's GBK decoder. */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>()
  const dec = new TextDecoder('gbk')
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b])
    }
  const out: number[] = []
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!))
  return Buffer.from(out)
}

interface Figures {
  /** requests of the commit calls (CloudBase) */
  requests?: number
  /** the longest chain of requests one after another, over all commit calls (CloudBase) */
  depth?: number
  preview: number
  commit: number
  calls: number
  again: number
  created: number
}

async function run(db: DataPort, file: { name: string; data: string }, engine?: Engine): Promise<Figures> {
  const clock = { now: T0 }
  const rt = createRuntime(db, benchConfig(() => clock.now))
  let seq = 0
  const call = async <T>(action: ActionName, input: Record<string, unknown>): Promise<T> => {
    const e = await rt.call(
      ACTIONS[action].fn,
      {
        action,
        input,
        estateId: DEMO_ESTATE_ID,
        op: ACTIONS[action].write ? { id: `op-rooms-${++seq}`, deviceTime: clock.now } : undefined,
        sentAt: clock.now
      },
      { kind: 'openid', openid: 'oid-demo-supervisor' }
    )
    if (!e.ok) throw new Error(`${action}: ${e.code} ${e.message}`)
    return e.data as T
  }
  const commitAll = async () => {
    let calls = 0
    let created = 0
    for (;;) {
      calls++
      const r = await call<ImportCommitOut>('rooms.importCommit', { file })
      created += r.created
      if (!r.remaining) return { calls, created }
    }
  }
  let t = performance.now()
  const p = await call<ImportPreview>('rooms.importPreview', { file })
  if (p.counts.new !== ROOMS) throw new Error(`preview: ${JSON.stringify(p.counts)}`)
  const preview = performance.now() - t
  if (engine) engine.counters.reset()
  t = performance.now()
  const { calls, created } = await commitAll()
  const commit = performance.now() - t
  const requests = engine?.counters.count()
  const depth = engine?.counters.depth()
  if (created !== ROOMS) throw new Error(`created ${created}`)
  t = performance.now()
  await call('rooms.importPreview', { file })
  const again = (await commitAll()).calls === 1 ? performance.now() - t : NaN
  return { preview, commit, calls, again, created, requests, depth }
}

async function main() {
  const rows = sheet(ROOMS)
  const csv = rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\r\n')
  const xlsx = await writeXlsxFile(
    rows.map((r) => r.map((v) => (v === null ? null : { value: v }))) as never
  ).toBuffer()
  const files = [
    { kind: 'xlsx', file: { name: 'rooms.xlsx', data: xlsx.toString('base64') }, bytes: xlsx.length },
    {
      kind: 'csv GBK',
      file: { name: 'rooms.csv', data: gbk(csv).toString('base64') },
      bytes: gbk(csv).length
    }
  ]
  console.log(
    `rooms import: ${ROOMS} rooms, preview then commit (${IMPORT_BATCH} a call) then the same file again (all unchanged)`
  )
  console.log(
    `${'engine'.padEnd(28)}${'file'.padEnd(9)}${'KB'.padStart(6)}${'preview ms'.padStart(12)}${'commit ms'.padStart(11)}${'calls'.padStart(7)}${'requests'.padStart(10)}${'depth'.padStart(7)}${'re-import ms'.padStart(14)}`
  )
  const line = (engine: string, kind: string, bytes: number, f: Figures, requests: number | string) =>
    console.log(
      `${engine.padEnd(28)}${kind.padEnd(9)}${(bytes / 1024).toFixed(0).padStart(6)}${f.preview.toFixed(0).padStart(12)}${f.commit.toFixed(0).padStart(11)}${String(f.calls).padStart(7)}${String(requests).padStart(10)}${String(f.depth ?? '-').padStart(7)}${f.again.toFixed(0).padStart(14)}`
    )

  for (const { kind, file, bytes } of files) {
    const dir = mkdtempSync(join(tmpdir(), 'gwt-bench-rooms-'))
    const db = new SqliteAdapter({ file: join(dir, 'rooms.db') })
    await seedBound(db, T0 - 1000)
    line('sqlite (file)', kind, bytes, await run(db, file), '-')
    db.close?.()
    rmSync(dir, { recursive: true, force: true })
  }

  await onCloudbaseEngine(0, async (engine) => {
    const cloud = require('wx-server-sdk')
    let n = 0
    for (const { kind, file, bytes } of files) {
      const env = `bench-rooms-${++n}`
      const cdb = cloud.database({ env, throwOnNotFound: false })
      await ensureCollections(cdb)
      const db = createCloudbaseAdapter(cdb)
      await seedBound(db, T0 - 1000)
      engine.latencyMs = LATENCY_MS
      const f = await run(db, file, engine)
      engine.latencyMs = 0
      line(`cloudbase (${LATENCY_MS} ms a request)`, kind, bytes, f, f.requests ?? '-')
    }
  })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
