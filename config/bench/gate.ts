/**
 * Benchmark: the gate at scale. A year of an estate's gate records (1,000,000 visitors by
 * default, with their gate-log events) is bulk-loaded into a file SQLite database in the
 * adapter's own table format; then check-ins go through the full dispatcher path and the
 * guard's inside-now board and the supervisor's day log are read. Prints figures.
 */
import { rmSync, statSync } from 'node:fs'
import { createRuntime } from '../../src/cloud/runtime'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { createIdFactory } from '../../src/domain/ids'
import { localDate } from '../../src/domain/time'
import { seededEstate } from './estate'
import { lat } from './stats'

const VISITORS = Number(process.env.BENCH_VISITORS ?? 1_000_000)
const CHECKINS = Number(process.env.BENCH_CHECKINS ?? 1000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 50)
const DAY = 86_400_000


async function main() {
  let now = Date.UTC(2026, 10, 23, 6) // 14:00 in the estate
  const { dir, file, db } = await seededEstate('gate', now)
  try {
    console.log(`岗位通 gate bench · node ${process.version} · ${VISITORS.toLocaleString()} visitors over a year`)

    // ---- bulk load: what a busy estate writes in a year, in the adapter's table format ----
    const raw = db.db
    const t0 = performance.now()
    const insV = raw.prepare('INSERT INTO c_visitors (id, v, doc) VALUES (?, 1, ?)')
    const insE = raw.prepare('INSERT INTO c_gateevents (id, v, doc) VALUES (?, 1, ?)')
    const gates = ['东门', '南门']
    const guards = [
      ['demo-guard', '张卫国'],
      ['g-night', '夜班门岗']
    ]
    const start = now - 365 * DAY
    const step = (365 * DAY) / VISITORS
    let inside = 0
    let events = 0
    raw.exec('BEGIN')
    for (let i = 0; i < VISITORS; i++) {
      const inAt = Math.floor(start + i * step)
      // the last few hours' visitors are still inside (about 300), some of them overstaying
      const stillIn = now - inAt < 6 * 3600_000 && i % 2 === 0
      const outAt = stillIn ? undefined : inAt + 20 * 60_000 + (i % 7) * 15 * 60_000
      const [by, byName] = guards[i % 2]
      const gate = gates[i % 2]
      const id = `bv${i}`
      const v = {
        _id: id,
        _v: 1,
        createdAt: inAt,
        updatedAt: outAt ?? inAt,
        estateId: DEMO_ESTATE_ID,
        gate,
        source: 'walkin',
        case: 'ownerGuest',
        name: `访客${i % 5000}`,
        phone: `139${String(i % 100000000).padStart(8, '0')}`,
        idDoc: { type: 'none', last4: '' },
        idDeposited: false,
        people: 1,
        room: `${(i % 3) + 1}-${(i % 2) + 1}-${(i % 6) + 1}0${(i % 2) + 1}`,
        status: stillIn ? 'inside' : 'left',
        inAt,
        deviceInAt: inAt,
        outAt,
        by,
        byName
      }
      if (stillIn) inside++
      insV.run(id, JSON.stringify(v))
      const ev = (event: string, at: number) => {
        events++
        insE.run(
          `${id}.${event}`,
          JSON.stringify({ _id: `${id}.${event}`, _v: 1, createdAt: at, updatedAt: at, estateId: DEMO_ESTATE_ID, at, day: localDate(at), type: 'visitor', event, gate, by, byName, refId: id, subject: v.name, detail: `业主访客 · 访 ${v.room}` })
        )
      }
      ev('visitorIn', inAt)
      if (outAt) ev('visitorOut', outAt)
      if (i % 100_000 === 99_999) {
        raw.exec('COMMIT')
        raw.exec('BEGIN')
      }
    }
    raw.exec('COMMIT')
    raw.exec('ANALYZE')
    const loadS = (performance.now() - t0) / 1000
    const mb = statSync(file).size / 1024 / 1024
    console.log(`loaded ${VISITORS.toLocaleString()} visitors + ${events.toLocaleString()} gate events in ${loadS.toFixed(1)} s (${inside} inside now; database ${mb.toFixed(0)} MB + WAL)`)

    const rt = createRuntime(db, { demo: true, sessionSecret: 'bench', idSalt: 'bench', now: () => now, random: Math.random, log: () => undefined })
    const newId = createIdFactory({ now: () => now, random: Math.random })
    const guard = { kind: 'openid' as const, openid: 'oid-demo-guard' }
    const sup = { kind: 'openid' as const, openid: 'oid-demo-supervisor' }
    const call = async (fn: string, action: string, input: Record<string, unknown>, who: typeof guard, write = false) => {
      const a = performance.now()
      const r = await rt.call(fn, { action, input, estateId: DEMO_ESTATE_ID, op: write ? { id: newId(), deviceTime: now } : undefined, sentAt: now }, who)
      const ms = performance.now() - a
      if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`)
      return { ms, data: r.data as Record<string, unknown> }
    }

    // ---- check-in through the dispatcher (validation, block list, op log, event, audit) ----
    const ci: number[] = []
    for (let i = 0; i < CHECKINS; i++) {
      now += 1000
      const { ms } = await call(
        'staff',
        'gate.checkIn',
        { id: newId(), gate: '东门', source: 'walkin', case: 'ownerGuest', name: `新访客${i}`, phone: '13912345678', idDoc: { type: 'idcard', last4: '002X', hash: 'a'.repeat(64) }, idDeposited: true, cardNo: `F-${i}`, people: 1, room: '1-1-101', hostCall: 'agreed', result: 'admitted' },
        guard,
        true
      )
      ci.push(ms)
    }
    lat(`gate.checkIn (dispatcher path, ${(VISITORS / 1e6).toFixed(1)}M visitors stored)`, ci)
    const co: number[] = []
    const board0 = (await call('staff', 'gate.board', {}, guard)).data as { visitors: { id: string }[] }
    for (const v of board0.visitors.slice(0, Math.min(300, CHECKINS))) {
      now += 1000
      co.push((await call('staff', 'gate.checkOut', { visitorId: v.id, gate: '东门', idReturned: true, cardCollected: true }, guard, true)).ms)
    }
    lat('gate.checkOut', co)

    // ---- reads ----
    const board: number[] = []
    let shown = 0
    for (let i = 0; i < QUERIES; i++) {
      const r = await call('staff', 'gate.board', {}, guard)
      board.push(r.ms)
      shown = (r.data.visitors as unknown[]).length
    }
    lat('gate.board (inside now + today’s counts)', board, `  (${shown} inside listed)`)
    const home: number[] = []
    for (let i = 0; i < QUERIES; i++) home.push((await call('staff', 'home.today', {}, guard)).ms)
    lat('home.today for a guard (gate cards)', home)
    const day = localDate(now - 30 * DAY)
    const log: number[] = []
    let total = 0
    for (let i = 0; i < QUERIES; i++) {
      const r = await call('admin', 'gate.dayLog', { date: day }, sup)
      log.push(r.ms)
      total = r.data.total as number
    }
    lat('gate.dayLog first page + hourly counts (a past day)', log, `  (${total} events that day)`)
    const logF: number[] = []
    for (let i = 0; i < QUERIES; i++) logF.push((await call('admin', 'gate.dayLog', { date: day, gate: '南门', by: 'g-night', from: '08:00', to: '15:59' }, sup)).ms)
    lat('gate.dayLog filtered (gate + guard + shift)', logF)
    const first = await call('admin', 'gate.dayLog', { date: day }, sup)
    const next: number[] = []
    for (let i = 0; i < QUERIES; i++) next.push((await call('admin', 'gate.dayLog', { date: day, after: first.data.next }, sup)).ms)
    lat('gate.dayLog next page', next)
    const csv: number[] = []
    let rows = 0
    for (let i = 0; i < Math.max(3, QUERIES / 10); i++) {
      const r = await call('admin', 'gate.dayLogCsv', { date: day }, sup)
      csv.push(r.ms)
      rows = r.data.rows as number
    }
    lat('gate.dayLogCsv (whole day)', csv, `  (${rows} rows)`)
    db.close?.()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
