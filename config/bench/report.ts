/**
 * Benchmark: the daily report (日报) of an estate with a year of history on SQLite: 1,000,000
 * gate events (with their visitor and car records), 1,000,000 patrol scans (10 plans of a
 * 26-point route, a round every two hours), incidents, tasks and handovers every day, bulk-loaded
 * in the adapter's table format a day per transaction. Then: one day's report through the
 * dispatcher (computed from the day's records; the target is under 1 s), the sweep storing
 * yesterday's, the stored one read, the .xlsx, and a 30-day trend. Prints figures, asserts none.
 */
import { rmSync, statSync } from 'node:fs'
import { createRuntime } from '../../src/cloud/runtime'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { slotsOn } from '../../src/domain/patrol/slots'
import { dayStart, localDate } from '../../src/domain/time'
import { CATEGORIES, DEPTS } from '../../src/domain/work/model'
import { benchConfig, seededEstate } from './estate'
import { lat } from './stats'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000)
const SCANS = Number(process.env.BENCH_SCANS ?? 1_000_000)
const QUERIES = Number(process.env.BENCH_QUERIES ?? 10)
const DAYS = 365
const PLANS = 10
const POINTS = 26
const DAY = 86_400_000
const MIN = 60_000

async function main() {
  const now = Date.UTC(2026, 10, 23, 2) // 10:00 in the estate: yesterday's report is due (hour 8)
  const { dir, file, db } = await seededEstate('report', now)
  try {
    const raw = db.db
    const t0 = performance.now()
    const base = { _v: 1, createdAt: now, updatedAt: now, estateId: DEMO_ESTATE_ID }
    const ins = (c: string) => raw.prepare(`INSERT INTO c_${c} (id, v, doc) VALUES (?, 1, ?)`)
    const put = (stmt: ReturnType<typeof ins>, doc: { _id: string }) => stmt.run(doc._id, JSON.stringify(doc))
    const [insEv, insV, insCar, insC, insR, insP, insRound, insScan, insInc, insTask, insHo] = [
      'gateevents',
      'visitors',
      'vehiclevisits',
      'checkpoints',
      'routes',
      'plans',
      'rounds',
      'scans',
      'incidents',
      'tasks',
      'handovers'
    ].map(ins)

    // loading only: no fsync per commit (the measured reads below run with the adapter's settings)
    raw.pragma('synchronous = OFF')
    raw.exec('BEGIN')
    const plans: { _id: string; days: number[]; start: string; end: string; everyMinutes: number; routeId: string; points: string[] }[] = []
    for (let p = 0; p < PLANS; p++) {
      const points: string[] = []
      for (let c = 0; c < POINTS; c++) {
        const id = `rcp-${p}-${c}`
        points.push(id)
        put(insC, { ...base, _id: id, active: true, name: `点${p}-${c}`, code: `R${p}X${c}`, questions: [], place: {} } as never)
      }
      put(insR, { ...base, _id: `rroute-${p}`, active: true, name: `路线${p}`, checkpointIds: points, ordered: true } as never)
      const plan = { _id: `rplan-${p}`, name: `计划${p}`, routeId: `rroute-${p}`, days: [0, 1, 2, 3, 4, 5, 6], start: '00:00', end: '23:59', everyMinutes: 120, minMinutes: 10, maxMinutes: 90, roles: ['patrol'] }
      put(insP, { ...base, active: true, ...plan } as never)
      plans.push({ ...plan, points })
    }
    raw.exec('COMMIT')

    // a year back from yesterday, a day per transaction
    const perDayEvents = Math.ceil(EVENTS / DAYS)
    const perDayScans = Math.ceil(SCANS / DAYS)
    let events = 0
    let scans = 0
    let rounds = 0
    let records = 0
    const today = dayStart(now)
    for (let k = DAYS; k >= 1; k--) {
      const d0 = today - k * DAY
      const day = localDate(d0)
      raw.exec('BEGIN')
      // gate: visitor and car stays, each an in and an out event, spread over 06:00-23:00
      const stays = Math.floor(perDayEvents / 2)
      for (let i = 0; i < stays && events < EVENTS; i++) {
        const inAt = d0 + 6 * 60 * MIN + Math.floor((i * 17 * 60 * MIN) / stays)
        const outAt = inAt + 45 * MIN
        const car = i % 2 === 1
        const id = `${car ? 'car' : 'vis'}-${day}-${i}`
        if (car)
          put(insCar, { ...base, _id: id, plate: `粤B${String(i).padStart(5, '0')}`, kind: 'outside', case: 'business', idDeposited: false, status: 'left', gate: '东门', inAt, deviceInAt: inAt, outAt, deviceOutAt: outAt, by: 'demo-guard', byName: '张卫国' } as never)
        else
          put(insV, { ...base, _id: id, gate: '东门', source: i % 10 === 0 ? 'pass' : 'walkin', case: 'ownerGuest', name: `访客${i}`, idDoc: { type: 'none', last4: '' }, idDeposited: false, people: 1, room: '1-1-101', status: i % 50 === 2 ? 'inside' : 'left', inAt, deviceInAt: inAt, outAt: i % 50 === 2 ? undefined : outAt, by: 'demo-guard', byName: '张卫国' } as never)
        records++
        for (const [event, at] of [[car ? 'vehicleIn' : 'visitorIn', inAt], [car ? 'vehicleOut' : 'visitorOut', outAt]] as const) {
          put(insEv, { ...base, _id: `ev-${id}-${event}`, at, day, type: car ? 'vehicle' : 'visitor', event, gate: '东门', by: 'demo-guard', byName: '张卫国', refId: id, subject: id, detail: '1-1-101' } as never)
          events++
        }
      }
      // patrol: every slot of every plan walked (one in ten missed), a scan a point
      let dayScans = 0
      for (const p of plans)
        for (const s of slotsOn(p, d0)) {
          const rid = `rround-${p._id}-${s.start}`
          const missed = (rounds++ % 10) === 0
          put(insRound, { ...base, _id: rid, planId: p._id, routeId: p.routeId, slotStart: s.start, slotEnd: s.end, status: missed ? 'missed' : 'done', staffId: 'demo-patrol', staffName: '李巡', startedAt: missed ? undefined : s.start + 5 * MIN, endedAt: missed ? undefined : s.start + 80 * MIN } as never)
          if (missed) continue
          p.points.forEach((cp, i) => {
            if (dayScans >= perDayScans || scans >= SCANS) return
            const t = s.start + 5 * MIN + i * 3 * MIN
            put(insScan, { ...base, _id: `rs-${rid}-${i}`, roundId: rid, checkpointId: cp, checkpointName: cp, method: 'qr', deviceTime: t, serverTime: t, answers: {}, anomalies: [], outOfOrder: false, evidence: { level: i === 7 ? 'weak' : 'strong', score: 80, reasons: ['现场扫码'] }, staffId: 'demo-patrol', staffName: '李巡' } as never)
            dayScans++
            scans++
          })
        }
      // work: 20 incidents and 30 tasks a day, most finished; 6 handovers
      for (let i = 0; i < 20; i++) {
        const cat = CATEGORIES[i % CATEGORIES.length]
        const at = d0 + (7 + (i % 14)) * 60 * MIN
        const done = i % 7 !== 0
        put(insInc, { ...base, _id: `inc-${day}-${i}`, category: cat.key, categoryLabel: cat.label, severity: cat.severity, emergency: !!cat.emergency, dept: cat.dept, status: done ? 'verified' : 'inProgress', photoIds: [], source: 'staff', reporterId: 'demo-guard', reporterName: '张卫国', reportedAt: at, deviceAt: at, dueAt: at + 120 * MIN, taskId: `task-${day}-${i}`, resolvedAt: done ? at + 90 * MIN : undefined, history: [{ at, by: 'demo-guard', byName: '张卫国', what: '上报' }] } as never)
      }
      for (let i = 0; i < 30; i++) {
        const due = d0 + (8 + (i % 12)) * 60 * MIN
        const completedAt = due + (i % 5 === 0 ? 30 : -30) * MIN
        put(insTask, { ...base, _id: `task-${day}-${i}`, title: `任务${i}`, type: 'repair', checklist: [], dueAt: due, priority: 'normal', photoRequired: false, dept: DEPTS[i % DEPTS.length], status: 'closed', createdBy: 'demo-supervisor', createdByName: '周主管', completedAt, history: [{ at: completedAt, by: 'demo-engineer', byName: '钱工', what: '完成' }, ...(i % 9 === 0 ? [{ at: completedAt + 10 * MIN, by: 'demo-supervisor', byName: '周主管', what: '验收不通过' }] : [])] } as never)
      }
      for (let i = 0; i < 6; i++) {
        const at = d0 + (i * 4 + 1) * 60 * MIN
        put(insHo, { ...base, _id: `ho-${day}-${i}`, post: i % 2 ? '南门岗' : '东门岗', day, fromId: 'demo-guard', fromName: '张卫国', at, deviceAt: at, items: [{ key: 'visitors', count: 2, lines: [] }], status: 'accepted', toId: 'demo-guard', toName: '张卫国', acceptedAt: at + 5 * MIN, checks: [{ key: 'visitors', found: i === 3 ? 1 : 2 }] } as never)
      }
      raw.exec('COMMIT')
    }
    raw.pragma('synchronous = NORMAL')
    raw.exec('ANALYZE')
    console.log(`岗位通 daily report bench · node ${process.version} · ${DAYS} days of one estate`)
    console.log(
      `loaded ${events.toLocaleString()} gate events (${records.toLocaleString()} visitor and car records), ${scans.toLocaleString()} scans in ${rounds.toLocaleString()} rounds, ${(DAYS * 20).toLocaleString()} incidents, ${(DAYS * 30).toLocaleString()} tasks in ${((performance.now() - t0) / 1000).toFixed(1)} s (database ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB)`
    )

    const rt = createRuntime(db, benchConfig(() => now))
    const call = async (fn: string, action: string, input: Record<string, unknown>, who = 'demo-supervisor') => {
      const a = performance.now()
      const r = await rt.call(fn, { action, input, estateId: DEMO_ESTATE_ID, sentAt: now }, { kind: 'openid', openid: `oid-${who}` })
      const ms = performance.now() - a
      if (!r.ok) throw new Error(`${action}: ${r.code} ${r.message}`)
      return { ms, data: r.data as Record<string, unknown> }
    }
    const yesterday = localDate(today - DAY)
    const past = localDate(today - 100 * DAY)
    for (const [label, date] of [
      ['yesterday', yesterday],
      ['a day 100 days back', past]
    ] as const) {
      const ms: number[] = []
      let r: Record<string, unknown> = {}
      for (let i = 0; i < QUERIES; i++) {
        const got = await call('admin', 'report.day', { date })
        ms.push(got.ms)
        r = got.data
      }
      const gate = r.gate as { visitorsIn: number; vehiclesIn: number }
      const patrol = r.patrol as { planned: number; checkpointsScanned: number }
      lat(`report.day computed: ${label}`, ms, `  (${gate.visitorsIn} visitors, ${gate.vehiclesIn} cars, ${patrol.planned} rounds, ${patrol.checkpointsScanned} scans)`)
    }
    const s0 = performance.now()
    const swept = await rt.call('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' })
    if (!swept.ok) throw new Error(`cron.sweep: ${swept.code}`)
    lat('cron.sweep with yesterday’s report stored', [performance.now() - s0], `  (reports: ${(swept.data as { reports?: number }).reports})`)
    const storedMs: number[] = []
    for (let i = 0; i < QUERIES; i++) storedMs.push((await call('admin', 'report.day', { date: yesterday })).ms)
    lat('report.day stored (yesterday, after the sweep)', storedMs)
    const xMs: number[] = []
    for (let i = 0; i < 3; i++) xMs.push((await call('admin', 'report.xlsx', { date: past })).ms)
    lat('report.xlsx (computed day)', xMs)
    const tMs: number[] = []
    for (let i = 0; i < 2; i++) tMs.push((await call('admin', 'report.trend', { days: 30 })).ms)
    lat('report.trend 30 days (stored ones read, at most 5 computed)', tMs)
    db.close?.()
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
