/**
 * Benchmark: patrol at scale. 50 plans (a 10-point route each, a round every two hours) and a
 * history of 1,000,000 scans are bulk-loaded in the adapter's table format; then scans go
 * through the dispatcher, and the supervisor's day (every round of 50 plans evaluated) and
 * week-coverage views are read. Prints figures.
 */
import { rmSync, statSync } from 'node:fs'
import { createRuntime } from '../../src/cloud/runtime'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { createIdFactory } from '../../src/domain/ids'
import { slotsOn } from '../../src/domain/patrol/slots'
import { dayStart, localDate } from '../../src/domain/time'
import { seededEstate } from './estate'
import { lat } from './stats'

const SCANS = Number(process.env.BENCH_SCANS ?? 1_000_000)
const PLANS = 50
const POINTS = 10
const QUERIES = Number(process.env.BENCH_QUERIES ?? 20)
const DAY = 86_400_000


async function main() {
  let now = Date.UTC(2026, 10, 23, 6) // 14:00 in the estate
  const { dir, file, db } = await seededEstate('patrol', now)
  try {
    const raw = db.db
    const t0 = performance.now()
    const base = { _v: 1, createdAt: now, updatedAt: now, estateId: DEMO_ESTATE_ID, active: true }
    const insC = raw.prepare('INSERT INTO c_checkpoints (id, v, doc) VALUES (?, 1, ?)')
    const insR = raw.prepare('INSERT INTO c_routes (id, v, doc) VALUES (?, 1, ?)')
    const insP = raw.prepare('INSERT INTO c_plans (id, v, doc) VALUES (?, 1, ?)')
    const insRound = raw.prepare('INSERT INTO c_rounds (id, v, doc) VALUES (?, 1, ?)')
    const insScan = raw.prepare('INSERT INTO c_scans (id, v, doc) VALUES (?, 1, ?)')
    raw.exec('BEGIN')
    const plans: { _id: string; days: number[]; start: string; end: string; everyMinutes: number; routeId: string; points: string[] }[] = []
    for (let p = 0; p < PLANS; p++) {
      const points: string[] = []
      for (let c = 0; c < POINTS; c++) {
        const id = `bcp-${p}-${c}`
        points.push(id)
        insC.run(id, JSON.stringify({ ...base, _id: id, name: `点${p}-${c}`, place: {}, code: `B${p}${c}`, questions: [{ key: 'ok', label: '是否正常', kind: 'yesno' }], position: { lat: 22.5 + p / 1000, lng: 114 + c / 1000, radiusM: 30 } }))
      }
      insR.run(`broute-${p}`, JSON.stringify({ ...base, _id: `broute-${p}`, name: `路线${p}`, checkpointIds: points, ordered: true }))
      const plan = { _id: `bplan-${p}`, name: `计划${p}`, routeId: `broute-${p}`, days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59', everyMinutes: 120, minMinutes: 10, maxMinutes: 60, roles: ['patrol'] }
      insP.run(plan._id, JSON.stringify({ ...base, ...plan }))
      plans.push({ ...plan, points })
    }
    // history: whole days back from yesterday until the scans run out; one round in ten is missed
    let scans = 0
    let rounds = 0
    for (let d = dayStart(now) - DAY; scans < SCANS; d -= DAY) {
      for (const p of plans)
        for (const s of slotsOn(p, d)) {
          if (scans >= SCANS) break
          const rid = `bround-${p._id}-${s.start}`
          rounds++
          const missed = rounds % 10 === 0
          insRound.run(rid, JSON.stringify({ ...base, _id: rid, planId: p._id, routeId: p.routeId, slotStart: s.start, slotEnd: s.end, status: missed ? 'missed' : 'done', staffId: 'demo-patrol', staffName: '李巡', startedAt: s.start + 60_000, endedAt: s.start + 31 * 60_000 }))
          if (missed) continue
          p.points.forEach((cp, i) => {
            const t = s.start + 60_000 + i * 3 * 60_000
            insScan.run(
              `bs-${rid}-${i}`,
              JSON.stringify({ ...base, _id: `bs-${rid}-${i}`, roundId: rid, checkpointId: cp, checkpointName: cp, method: 'qr', deviceTime: t, serverTime: t, answers: { ok: 'yes' }, anomalies: [], outOfOrder: false, evidence: { level: 'strong', score: 85, reasons: ['现场扫码'] }, staffId: 'demo-patrol', staffName: '李巡' })
            )
            scans++
          })
        }
      raw.exec('COMMIT')
      raw.exec('BEGIN')
    }
    raw.exec('COMMIT')
    raw.exec('ANALYZE')
    console.log(`岗位通 patrol bench · node ${process.version} · ${PLANS} plans × ${POINTS} points, a round every 2 h`)
    console.log(`loaded ${rounds.toLocaleString()} rounds and ${scans.toLocaleString()} scans in ${((performance.now() - t0) / 1000).toFixed(1)} s (database ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB)`)

    const rt = createRuntime(db, { demo: true, sessionSecret: 'bench', idSalt: 'bench', now: () => now, random: Math.random, log: () => undefined })
    const newId = createIdFactory({ now: () => now, random: Math.random })
    const call = async (fn: string, action: string, input: Record<string, unknown>, who: string, write = false) => {
      const a = performance.now()
      const r = await rt.call(fn, { action, input, estateId: DEMO_ESTATE_ID, op: write ? { id: newId(), deviceTime: now } : undefined, sentAt: now }, { kind: 'openid', openid: `oid-${who}` })
      const ms = performance.now() - a
      if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`)
      return { ms, data: r.data as Record<string, unknown> }
    }

    // walking today's 14:00 rounds: start and ten typed points each, through the dispatcher
    const scanLat: number[] = []
    const slot = slotsOn(plans[0], now).find((s) => s.start <= now && now < s.end)!
    for (const p of plans.slice(0, 20)) {
      const rid = newId()
      await call('staff', 'patrol.start', { id: rid, planId: p._id, slotStart: slot.start }, 'demo-patrol', true)
      for (const cp of p.points) {
        now += 30_000
        scanLat.push((await call('staff', 'patrol.scan', { id: newId(), roundId: rid, method: 'typed', value: cp.replace('bcp-', 'B').replace('-', ''), answers: { ok: 'yes' } }, 'demo-patrol', true)).ms)
      }
    }
    lat('patrol.scan (route check, evidence, op log, audit)', scanLat)

    const past = localDate(dayStart(now) - 3 * DAY)
    const dayLat: number[] = []
    let evaluated = 0
    for (let i = 0; i < QUERIES; i++) {
      const r = await call('admin', 'patrol.day', { date: past }, 'demo-supervisor')
      dayLat.push(r.ms)
      evaluated = (r.data.plans as { rounds: unknown[] }[]).reduce((n, p) => n + p.rounds.length, 0)
    }
    lat('patrol.day: a day of 50 plans evaluated', dayLat, `  (${evaluated} rounds)`)
    const todayLat: number[] = []
    for (let i = 0; i < QUERIES; i++) todayLat.push((await call('admin', 'patrol.day', { date: localDate(now) }, 'demo-supervisor')).ms)
    lat('patrol.day: today (rounds in progress)', todayLat)
    const weekLat: number[] = []
    for (let i = 0; i < Math.max(3, QUERIES / 4); i++) weekLat.push((await call('admin', 'patrol.week', { endDate: localDate(dayStart(now) - DAY) }, 'demo-supervisor')).ms)
    lat('patrol.week: 7 days × 50 routes coverage', weekLat)
    const homeLat: number[] = []
    for (let i = 0; i < QUERIES; i++) homeLat.push((await call('staff', 'patrol.today', {}, 'demo-patrol')).ms)
    lat('patrol.today for a patrol guard', homeLat)
    db.close?.()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
