/**
 * Benchmark: CloudBase round trips per hot action. The dispatcher runs through the real
 * wx-server-sdk against the CloudBase test engine (test/cloudbase/engine), which answers every
 * request after a small delay so requests that overlap can be told from requests made one
 * after another. For each action it prints the requests the action made and their sequential
 * depth (the round trips a caller waits for one after another), at two data sizes: the
 * history and backlog an estate has stored (visitors, scans, tasks, op records, bind codes,
 * patrol plans), and the number of people one report tells.
 *
 * On CloudBase each round trip costs about 8-15 ms inside Tencent's network: the last column
 * is depth × 12 ms.
 */
import { ensureCollections, createCloudbaseAdapter } from '../../src/cloud/data/cloudbase'
import { createRuntime } from '../../src/cloud/runtime'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import type { Identity } from '../../src/cloud/context'
import { ACTIONS, type ActionName } from '../../src/domain/contract'
import type { Envelope } from '../../src/domain/errors'
import type { Doc, Engine } from '../../test/cloudbase/engine'
import { benchConfig, onCloudbaseEngine, seedBound } from './estate'

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 2)
const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number)
/** People told by one report, per size. */
const TOLD: Record<number, number> = { 100: 6, 1000: 30 }
const T0 = Date.UTC(2026, 10, 23, 6) // 14:00 in the estate
const H = 3600_000
const DAY = 24 * H
const RTT_MS = 12
/** Print every request of the actions whose label contains this (BENCH_TRACE=gate.checkIn). */
const TRACE = process.env.BENCH_TRACE

interface Row {
  label: string
  requests: number
  depth: number
}

async function sizeRun(engine: Engine, size: number): Promise<Row[]> {
  const env = `bench-${size}`
  const store = engine.env(env)
  const cloud = require('wx-server-sdk')
  const cdb = cloud.database({ env, throwOnNotFound: false })
  await ensureCollections(cdb)
  const db = createCloudbaseAdapter(cdb)
  const clock = { now: T0 }
  // as in WeChat with subscribe templates set: every person told is nudged
  const config = benchConfig(() => clock.now, { notify: async () => undefined })
  const latency = engine.latencyMs
  engine.latencyMs = 0
  await seedBound(db, T0 - DAY)

  // ---- history and backlog, written straight into the engine's store (no requests) ----
  const told = TOLD[size] ?? Math.max(6, Math.round(size / 30))
  const base = { _v: 1, createdAt: T0 - DAY, updatedAt: T0 - DAY, estateId: DEMO_ESTATE_ID }
  const many = (n: number, f: (i: number) => Doc) => Array.from({ length: n }, (_, i) => f(i))
  // engineers besides the demo one: a leak report tells `told` people
  store.insert(
    'staff',
    many(told - 1, (i) => ({
      ...base,
      _id: `eng-${i}`,
      name: `工程${i}`,
      phone: '13900000000',
      roles: ['engineer'],
      estateIds: [DEMO_ESTATE_ID],
      active: true,
      openid: `oid-eng-${i}`
    }))
  )
  // today's visitors, half of them still inside
  store.insert(
    'visitors',
    many(size, (i) => {
      const inAt = T0 - 5 * H + i * Math.floor((5 * H) / size)
      const inside = i % 2 === 0
      return {
        ...base,
        _id: `bv-${i}`,
        gate: '东门',
        source: 'walkin',
        case: 'ownerGuest',
        name: `访客${i}`,
        phone: '13900000000',
        idDoc: { type: 'none', last4: '' },
        idDeposited: false,
        people: 1,
        room: '1-1-101',
        status: inside ? 'inside' : 'left',
        inAt,
        deviceInAt: inAt,
        outAt: inside ? undefined : inAt + 10 * 60_000,
        by: 'demo-guard',
        byName: '张卫国'
      }
    })
  )
  // past patrol scans
  store.insert(
    'scans',
    many(size, (i) => ({
      ...base,
      _id: `bs-${i}`,
      roundId: `old-round-${i % 50}`,
      checkpointId: 'demo-cp-1',
      staffId: 'demo-patrol',
      at: T0 - 2 * DAY + i * 1000
    }))
  )
  // overdue tasks (the cron's escalation backlog), half from incidents
  store.insert(
    'incidents',
    many(size / 2, (i) => ({
      ...base,
      _id: `bi-${i}`,
      category: 'leak',
      categoryLabel: '漏水',
      severity: 'normal',
      emergency: false,
      dept: 'engineering',
      status: 'assigned',
      photoIds: [],
      source: 'staff',
      reporterId: 'demo-guard',
      reporterName: '张卫国',
      reportedAt: T0 - DAY,
      deviceAt: T0 - DAY,
      dueAt: T0 - DAY + H,
      taskId: `bt-${i}`,
      history: []
    }))
  )
  store.insert(
    'tasks',
    many(size, (i) => ({
      ...base,
      _id: `bt-${i}`,
      title: `积压任务${i}`,
      type: 'repair',
      checklist: [],
      dueAt: T0 - DAY + H + i,
      priority: 'normal',
      photoRequired: false,
      dept: 'engineering',
      status: 'open',
      incidentId: i < size / 2 ? `bi-${i}` : undefined,
      createdBy: 'demo-supervisor',
      createdByName: '周主管',
      history: []
    }))
  )
  // op records past retention and expired bind codes
  store.insert(
    'ops',
    many(size, (i) => ({
      ...base,
      _id: `bop-${i}`,
      actorId: 'demo-guard',
      action: 'gate.checkIn',
      hash: 'x',
      result: null,
      serverTime: T0 - 40 * DAY + i,
      deviceTime: T0 - 40 * DAY + i,
      skewMs: 0,
      skewFlag: false
    }))
  )
  store.insert(
    'bindcodes',
    many(size, (i) => ({
      ...base,
      _id: `BC${String(i).padStart(6, '0')}`,
      staffId: 'demo-cleaner',
      expiresAt: T0 - H - i
    }))
  )
  // patrol plans with nobody walking them: every slot of the last day is missed (12 per plan)
  store.insert(
    'plans',
    many(size / 50, (i) => ({
      ...base,
      _id: `bplan-${i}`,
      name: `计划${i}`,
      routeId: 'demo-route-1',
      days: [0, 1, 2, 3, 4, 5, 6],
      start: '00:00',
      end: '23:59',
      everyMinutes: 120,
      minMinutes: 5,
      maxMinutes: 60,
      roles: ['patrol'],
      active: true
    }))
  )
  engine.latencyMs = latency

  const rt = createRuntime(db, config)
  let seq = 0
  const opSeq = () => ({ id: `op-bench-${String(++seq).padStart(6, '0')}`, deviceTime: clock.now })
  const req = (action: ActionName, input: Record<string, unknown>) => ({
    action,
    input,
    estateId: ACTIONS[action].scope === 'estate' ? DEMO_ESTATE_ID : undefined,
    op: ACTIONS[action].write ? opSeq() : undefined,
    sentAt: clock.now
  })
  const who = (staffId: string): Identity => ({ kind: 'openid', openid: `oid-${staffId}` })
  const rows: Row[] = []
  /** Runs one call and records its requests; the answer must be ok (each item of a batch too). */
  async function measure(label: string, call: () => Promise<Envelope<unknown>>): Promise<unknown> {
    engine.counters.reset()
    const e = await call()
    const row = { label, requests: engine.counters.count({ env }), depth: engine.counters.depth({ env }) }
    if (TRACE && label.includes(TRACE)) {
      const t0 = engine.counters.records[0]?.start ?? 0
      console.log(`-- ${label} (size ${size})`)
      for (const r of engine.counters.records)
        console.log(
          `  ${(r.start - t0).toFixed(1).padStart(7)} ${(r.end - t0).toFixed(1).padStart(7)} ${r.transaction ? 'tx' : '  '} ${r.action.replace('database.', '')} ${r.collection ?? ''}`
        )
    }
    if (!e.ok) throw new Error(`${label}: ${e.code} ${e.message}`)
    if (Array.isArray(e.data) && label.startsWith('batch'))
      for (const x of e.data as Envelope<unknown>[])
        if (!x.ok) throw new Error(`${label}: item ${x.code} ${x.message}`)
    rows.push(row)
    return e.data
  }
  const as = (staffId: string, action: ActionName, input: Record<string, unknown>) =>
    rt.call(ACTIONS[action].fn, req(action, input), who(staffId))
  const visitor = (id: string) => ({
    id,
    gate: '东门',
    source: 'walkin',
    case: 'ownerGuest',
    name: '王小明',
    phone: '13912345678',
    idDoc: { type: 'idcard', last4: '002X', hash: 'a'.repeat(64) },
    idDeposited: true,
    cardNo: 'F-01',
    people: 1,
    room: '1-1-101',
    result: 'admitted'
  })

  await measure('home.today (guard)', () => as('demo-guard', 'home.today', {}))
  await measure('home.today (supervisor)', () => as('demo-supervisor', 'home.today', {}))
  await measure('shift.start', () => as('demo-guard', 'shift.start', { id: 'shift-bench', post: '东门岗' }))
  await measure('gate.checkIn', () => as('demo-guard', 'gate.checkIn', visitor('vis-bench')))
  await measure('gate.checkOut', () =>
    as('demo-guard', 'gate.checkOut', {
      visitorId: 'vis-bench',
      gate: '东门',
      idReturned: true,
      cardCollected: true
    })
  )
  await measure('gate.vehicleIn', () =>
    as('demo-guard', 'gate.vehicleIn', {
      id: 'car-bench',
      gate: '东门',
      plate: '粤B12345',
      case: 'owner',
      idDeposited: false,
      result: 'admitted'
    })
  )
  await measure('gate.board', () => as('demo-guard', 'gate.board', {}))
  const slot = T0 - (T0 % (2 * H))
  const started = await as('demo-patrol', 'patrol.start', {
    id: 'round-bench',
    planId: 'demo-plan-day',
    slotStart: slot
  })
  if (!started.ok) throw new Error(`patrol.start: ${started.code} ${started.message}`)
  await measure('patrol.scan', () =>
    as('demo-patrol', 'patrol.scan', {
      id: 'scan-bench',
      roundId: 'round-bench',
      method: 'typed',
      value: 'K2M3',
      answers: { normal: 'yes' }
    })
  )
  await measure(`work.report (tells ${told})`, () =>
    as('demo-guard', 'work.report', { id: 'inc-bench', category: 'leak', place: '2栋1单元' })
  )
  const grabbed = await as('demo-engineer', 'work.taskAct', { taskId: 't-inc-bench', act: 'grab' })
  if (!grabbed.ok) throw new Error(`work.taskAct grab: ${grabbed.code} ${grabbed.message}`)
  await measure('work.taskAct complete', () =>
    as('demo-engineer', 'work.taskAct', {
      taskId: 't-inc-bench',
      act: 'complete',
      note: '修好了',
      photoIds: ['ph-bench-1']
    })
  )
  await measure('batch of 25 gate.checkIn', () =>
    rt.call(
      'staff',
      {
        batch: Array.from({ length: 25 }, (_, i) => req('gate.checkIn', visitor(`vis-batch-${i}`))),
        sentAt: clock.now
      },
      who('demo-guard')
    )
  )
  // what a timer trigger sends: no action, no OPENID
  const timerEvent: Record<string, unknown> = {
    Type: 'Timer',
    TriggerName: 'hourly',
    Time: new Date(clock.now).toISOString(),
    Message: ''
  }
  const swept = (await measure('cron.sweep (timer, backlog)', () =>
    rt.call('cron', timerEvent, { kind: 'timer' })
  )) as Record<string, number>
  rows[rows.length - 1].label += ` ${JSON.stringify(swept)}`
  return rows
}

async function main() {
  await onCloudbaseEngine(LATENCY_MS, async (engine) => {
    console.log(
      `岗位通 CloudBase round trips · node ${process.version} · real wx-server-sdk on the test engine, ${LATENCY_MS} ms per request`
    )
    const bySize = new Map<number, Row[]>()
    for (const size of SIZES) bySize.set(size, await sizeRun(engine, size))
    const labels = bySize
      .get(SIZES[0])!
      .map((r) => r.label.replace(/ \{.*$/, '').replace(/\(tells \d+\)/, '(tells N)'))
    const head = SIZES.map(
      (s) => `${`${s} rec: req`.padStart(14)} ${'depth'.padStart(6)} ${`~${RTT_MS}ms`.padStart(7)}`
    ).join(' |')
    console.log(`${'action'.padEnd(34)}|${head}`)
    labels.forEach((label, k) => {
      const cells = SIZES.map((s) => {
        const r = bySize.get(s)![k]
        return `${String(r.requests).padStart(14)} ${String(r.depth).padStart(6)} ${`${(r.depth * RTT_MS) / 1000}s`.padStart(7)}`
      })
      console.log(`${label.padEnd(34)}|${cells.join(' |')}`)
    })
    for (const s of SIZES) {
      const rows = bySize.get(s)!
      console.log(
        `size ${s}: people told N = ${TOLD[s] ?? '?'}; sweep did ${rows[rows.length - 1].label.replace(/^[^{]*/, '')}`
      )
    }
  })
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
