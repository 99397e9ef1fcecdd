/**
 * The daily report's figures from plain arrays of the day's records (the cloud reads them,
 * src/cloud/report/repo.ts). Pure: the day's bounds and the time of computing are passed in.
 * Tested against hand-computed fixtures in test/unit/domain/report/compute.test.ts.
 */
import type { GateEvent, GoodsCheck, VehicleVisit, Visitor } from '../gate/entities'
import type { Handover } from '../handover/rules'
import { differences as handoverDifferences } from '../handover/rules'
import { bySlot, countsLate, slotKey, slotState } from '../patrol/day'
import type { Plan, Round, Route, Scan } from '../patrol/model'
import { EVIDENCE_LABELS } from '../patrol/model'
import { evaluateRound } from '../patrol/rules'
import { slotsOn } from '../patrol/slots'
import { DAY_MS, localClock, localHour } from '../time'
import type { Incident, Task } from '../work/model'
import { DEPT_LABELS, DEPTS } from '../work/model'
import { TASK_ACT_LABELS } from '../work/rules'
import { headlinesOf } from './headlines'
import type {
  AttendanceDay,
  AttendanceSection,
  DailyReport,
  GateSection,
  HandoverSection,
  IncidentSection,
  NotableEvent,
  PatrolSection,
  TaskDeptFigures,
  TaskSection
} from './types'
import { EVENTS_MAX, FLAGGED_LIST_MAX, OPEN_LIST_MAX } from './types'

/** How far back a stay or an open piece of work is looked for (the reads are bounded by it). */
export const STAY_LOOKBACK_MS = 3 * DAY_MS
export const WORK_LOOKBACK_MS = 30 * DAY_MS

export type VisitorLite = Pick<
  Visitor,
  '_id' | 'inAt' | 'outAt' | 'status' | 'source' | 'passId' | 'blockHit' | 'blockOverride' | 'name' | 'gate'
>
export type VehicleLite = Pick<
  VehicleVisit,
  '_id' | 'inAt' | 'outAt' | 'status' | 'kind' | 'blockHit' | 'blockOverride' | 'plate' | 'gate'
>
export type GoodsCheckLite = Pick<GoodsCheck, '_id' | 'at' | 'passId' | 'result'>
export type GateEventLite = Pick<GateEvent, 'at' | 'event'>
export type PlanLite = Pick<
  Plan,
  '_id' | 'name' | 'routeId' | 'days' | 'start' | 'end' | 'everyMinutes' | 'minMinutes' | 'maxMinutes'
>
export type RoundLite = Pick<
  Round,
  '_id' | 'planId' | 'slotStart' | 'slotEnd' | 'status' | 'startedAt' | 'endedAt' | 'staffName' | 'timeFlag'
>
export type ScanLite = Pick<
  Scan,
  | 'roundId'
  | 'checkpointId'
  | 'checkpointName'
  | 'deviceTime'
  | 'serverTime'
  | 'outOfOrder'
  | 'anomalies'
  | 'evidence'
  | 'staffName'
>
export type IncidentLite = Pick<
  Incident,
  | '_id'
  | 'category'
  | 'categoryLabel'
  | 'severity'
  | 'emergency'
  | 'reportedAt'
  | 'dueAt'
  | 'resolvedAt'
  | 'status'
  | 'place'
  | 'history'
>
export type TaskLite = Pick<
  Task,
  '_id' | 'title' | 'dept' | 'dueAt' | 'status' | 'completedAt' | 'history' | 'createdAt'
>
export type HandoverLite = Pick<
  Handover,
  '_id' | 'post' | 'at' | 'fromName' | 'toName' | 'status' | 'acceptedAt' | 'items' | 'checks'
>

/** Everything one day's report is computed from. Each list may hold records outside the day: they are filtered here. */
export interface ReportSources {
  estate: { _id: string; name: string; timeZone?: string }
  day: string
  /** the day's first instant (estate time) */
  d0: number
  /** when the report is computed */
  now: number
  /** the day's gate events */
  gateEvents: readonly GateEventLite[]
  /** visitors in on the day, or inside at its end (in within STAY_LOOKBACK_MS before it) */
  visitors: readonly VisitorLite[]
  vehicles: readonly VehicleLite[]
  goodsChecks: readonly GoodsCheckLite[]
  plans: readonly PlanLite[]
  routes: ReadonlyMap<string, Pick<Route, 'name' | 'checkpointIds'>>
  /** the rounds whose slot starts in the day */
  rounds: readonly RoundLite[]
  /** the scans of those rounds */
  scans: readonly ScanLite[]
  /** incidents reported on the day or open at its end */
  incidents: readonly IncidentLite[]
  /** tasks due around the day or finished in it */
  tasks: readonly TaskLite[]
  /** the day's handovers */
  handovers: readonly HandoverLite[]
  /** the attendance area's figures; undefined when nothing was recorded */
  attendance?: AttendanceDay
}

const hours = () => Array.from({ length: 24 }, () => 0)
const inDay = (t: number | undefined, d0: number) => t !== undefined && t >= d0 && t < d0 + DAY_MS

/** Inside at the end of the day: came in before it ended (and was let in), not out by then. */
function insideAt<T extends { inAt?: number; outAt?: number; status: string }>(x: T, end: number): boolean {
  if (x.inAt === undefined || x.inAt >= end) return false
  if (x.status === 'refused' || x.status === 'redirected') return false
  return x.outAt === undefined || x.outAt >= end
}

export function gateSection(s: ReportSources): GateSection {
  const { d0 } = s
  const end = d0 + DAY_MS
  const visitorsByHour = hours()
  const vehiclesByHour = hours()
  let refusals = 0
  for (const e of s.gateEvents) {
    if (!inDay(e.at, d0)) continue
    if (e.event === 'visitorIn') visitorsByHour[localHour(e.at)]++
    else if (e.event === 'vehicleIn') vehiclesByHour[localHour(e.at)]++
    else if (e.event === 'visitorRefused' || e.event === 'vehicleRefused' || e.event === 'goodsRefused')
      refusals++
  }
  const visitorsToday = s.visitors.filter((v) => inDay(v.inAt, d0))
  const vehiclesToday = s.vehicles.filter((v) => inDay(v.inAt, d0))
  const hits = [...visitorsToday, ...vehiclesToday].filter((x) => x.blockHit)
  const goods = s.goodsChecks.filter((g) => inDay(g.at, d0))
  return {
    visitorsIn: visitorsByHour.reduce((a, b) => a + b, 0),
    vehiclesIn: vehiclesByHour.reduce((a, b) => a + b, 0),
    visitorsByHour,
    vehiclesByHour,
    insideAtClose: {
      visitors: s.visitors.filter((v) => insideAt(v, end)).length,
      vehicles: s.vehicles.filter((v) => v.kind === 'outside' && insideAt(v, end)).length
    },
    passesUsed: visitorsToday.filter((v) => v.source === 'pass' && v.status !== 'refused').length,
    slipsUsed: goods.filter((g) => g.result === 'released' && g.passId).length,
    goodsReleased: goods.filter((g) => g.result === 'released').length,
    refusals,
    blockHits: hits.length,
    blockOverrides: hits.filter((x) => x.blockOverride).length
  }
}

export function patrolSection(s: ReportSources): PatrolSection {
  const { d0, now } = s
  const rs = bySlot(s.rounds)
  const byRound = new Map<string, ScanLite[]>()
  for (const sc of [...s.scans].sort((a, b) => a.deviceTime - b.deviceTime)) {
    const l = byRound.get(sc.roundId)
    if (l) l.push(sc)
    else byRound.set(sc.roundId, [sc])
  }
  const names = (id: string) => s.scans.find((x) => x.checkpointId === id)?.checkpointName ?? id
  const out: PatrolSection = {
    planned: 0,
    done: 0,
    late: 0,
    missed: 0,
    incomplete: 0,
    coveragePct: null,
    checkpointsPlanned: 0,
    checkpointsScanned: 0,
    flaggedScans: 0,
    scansByHour: hours(),
    flagged: []
  }
  for (const p of s.plans) {
    const route = s.routes.get(p.routeId) ?? { name: '', checkpointIds: [] }
    for (const slot of slotsOn(p, d0)) {
      const r = rs.get(slotKey(p._id, slot.start))
      const state = slotState(r, slot, now)
      if (state === 'upcoming') continue
      out.planned++
      out.checkpointsPlanned += route.checkpointIds.length
      const ev = r ? evaluateRound(p, route, r, byRound.get(r._id) ?? [], names, now) : undefined
      out.checkpointsScanned += ev?.scanned ?? 0
      if (state === 'done') out.done++
      if (state === 'missed') out.missed++
      if (countsLate(r, slot, state)) out.late++
      if (state === 'abandoned' || state === 'incomplete' || ev?.incomplete) out.incomplete++
    }
  }
  out.coveragePct = out.checkpointsPlanned
    ? Math.round((out.checkpointsScanned / out.checkpointsPlanned) * 100)
    : null
  const inRounds = new Set(s.rounds.map((r) => r._id))
  for (const sc of s.scans) {
    if (!inRounds.has(sc.roundId)) continue
    if (inDay(sc.serverTime, d0)) out.scansByHour[localHour(sc.serverTime)]++
    if (sc.evidence.level === 'weak' || sc.evidence.level === 'suspicious') {
      out.flaggedScans++
      if (out.flagged.length < FLAGGED_LIST_MAX)
        out.flagged.push({
          at: sc.serverTime,
          checkpoint: sc.checkpointName,
          staffName: sc.staffName,
          level: EVIDENCE_LABELS[sc.evidence.level],
          reason: sc.evidence.reasons.join('；')
        })
    }
  }
  out.flagged.sort((a, b) => a.at - b.at)
  return out
}

const RESOLVED = new Set(['resolved', 'verified'])
/** The last time before `end` an incident was sent back to be redone (it was open again from then). */
function lastReopenBefore(i: IncidentLite, end: number): number | undefined {
  let t: number | undefined
  for (const h of i.history) if (h.at < end && h.what.includes('退回重做')) t = Math.max(t ?? 0, h.at)
  return t
}
/** Whether an incident was still open when the day ended. */
export function openAt(i: IncidentLite, end: number): boolean {
  if (i.reportedAt >= end) return false
  if (i.resolvedAt === undefined) return !RESOLVED.has(i.status)
  if (i.resolvedAt >= end) return true
  // resolved before the end: open only if it was sent back after that and before the end
  const back = lastReopenBefore(i, end)
  return back !== undefined && back > i.resolvedAt && !RESOLVED.has(i.status)
}

export function incidentSection(s: ReportSources): IncidentSection {
  const { d0 } = s
  const end = d0 + DAY_MS
  const newOnes = s.incidents.filter((i) => inDay(i.reportedAt, d0))
  const newByHour = hours()
  const cats = new Map<string, { category: string; label: string; count: number }>()
  for (const i of newOnes) {
    newByHour[localHour(i.reportedAt)]++
    const c = cats.get(i.category) ?? { category: i.category, label: i.categoryLabel, count: 0 }
    c.count++
    cats.set(i.category, c)
  }
  const open = s.incidents
    .filter((i) => openAt(i, end))
    .sort((a, b) => a.reportedAt - b.reportedAt || a._id.localeCompare(b._id))
  return {
    new: newOnes.length,
    newByHour,
    byCategory: [...cats.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    openCount: open.length,
    overdue: open.filter((i) => i.dueAt < end).length,
    open: open.slice(0, OPEN_LIST_MAX).map((i) => ({
      id: i._id,
      title: i.place ? `${i.categoryLabel} · ${i.place}` : i.categoryLabel,
      category: i.category,
      ageHours: Math.floor((end - i.reportedAt) / 3_600_000),
      overdue: i.dueAt < end
    }))
  }
}

const COMPLETE = TASK_ACT_LABELS.complete
const REJECT = TASK_ACT_LABELS.reject

/** Whether a task's step sent its work back: the supervisor's 验收不通过 or the owner's 不满意 on a follow-up. */
const isRejection = (what: string) => what === REJECT || what.startsWith('回访业主不满意')

export function taskSection(s: ReportSources): TaskSection {
  const { d0 } = s
  const end = d0 + DAY_MS
  const rows = new Map<string, TaskDeptFigures>()
  const row = (dept: TaskLite['dept']) => {
    const k = dept ?? 'none'
    let r = rows.get(k)
    if (!r) {
      r = { dept: k, label: dept ? DEPT_LABELS[dept] : '未分部门', done: 0, late: 0, rejected: 0 }
      rows.set(k, r)
    }
    return r
  }
  const seen = new Set<string>()
  for (const t of s.tasks) {
    if (seen.has(t._id)) continue
    seen.add(t._id)
    const completions = t.history.filter((h) => h.what === COMPLETE).map((h) => h.at)
    const doneInDay = completions.filter((at) => inDay(at, d0))
    const doneBefore = completions.some((at) => at < end)
    const rejected = t.history.filter((h) => inDay(h.at, d0) && isRejection(h.what)).length
    const r = row(t.dept)
    if (doneInDay.length) {
      r.done++
      // finished late: its last completion of the day after its due time
      if (Math.max(...doneInDay) > t.dueAt) r.late++
    } else if (!doneBefore && inDay(t.dueAt, d0)) {
      // due during the day and not finished by its end
      r.late++
    }
    r.rejected += rejected
  }
  const order = [...DEPTS, 'none']
  const byDept = [...rows.values()].sort((a, b) => order.indexOf(a.dept) - order.indexOf(b.dept))
  return {
    done: byDept.reduce((n, r) => n + r.done, 0),
    late: byDept.reduce((n, r) => n + r.late, 0),
    rejected: byDept.reduce((n, r) => n + r.rejected, 0),
    byDept
  }
}

export function handoverSection(s: ReportSources): HandoverSection {
  const day = s.handovers.filter((h) => inDay(h.at, s.d0)).sort((a, b) => a.at - b.at)
  const end = s.d0 + DAY_MS
  const differences: HandoverSection['differences'] = []
  for (const h of day) {
    if (h.status !== 'accepted' || !h.checks) continue
    const ds = handoverDifferences(h.items, h.checks)
    if (ds.length)
      differences.push({
        post: h.post,
        at: h.acceptedAt ?? h.at,
        fromName: h.fromName,
        toName: h.toName,
        lines: ds.map((d) => d.text)
      })
  }
  return {
    count: day.length,
    accepted: day.filter((h) => h.status === 'accepted' && (h.acceptedAt ?? h.at) < end).length,
    open: day.filter((h) => h.status === 'open' || (h.acceptedAt !== undefined && h.acceptedAt >= end))
      .length,
    withDifferences: differences.length,
    differences
  }
}

export function attendanceSection(a: AttendanceDay | undefined): AttendanceSection {
  if (!a || !a.rows.length) return { recorded: false, onPost: [], late: 0, absent: 0, absentNames: [] }
  const present = a.rows.filter((r) => !r.absent)
  return {
    recorded: true,
    onPost: present
      .map((r) => ({
        post: r.post,
        staffName: r.staffName,
        from: r.from,
        to: r.to,
        late: r.late,
        lateMinutes: r.lateMinutes
      }))
      .sort((x, y) => x.post.localeCompare(y.post) || (x.from ?? 0) - (y.from ?? 0)),
    late: present.filter((r) => r.late).length,
    absent: a.rows.filter((r) => r.absent).length,
    absentNames: a.rows.filter((r) => r.absent).map((r) => `${r.staffName}（${r.post}）`)
  }
}

const LEVEL_RANK = { bad: 0, warn: 1, ok: 2, info: 3 } as const

/** The day's notable events: what went wrong or needed a decision, in time order (worst kept when there are too many). */
export function notableEvents(
  s: ReportSources,
  patrol: PatrolSection,
  handovers: HandoverSection
): NotableEvent[] {
  const { d0, now } = s
  const end = d0 + DAY_MS
  const ev: NotableEvent[] = []
  for (const v of s.visitors)
    if (v.blockHit && inDay(v.inAt, d0))
      ev.push({
        at: v.inAt,
        kind: 'gate',
        level: v.blockOverride ? 'bad' : 'warn',
        text: v.blockOverride
          ? `${v.gate} 黑名单访客 ${v.name} 被放行：${v.blockOverride}`
          : `${v.gate} 黑名单访客 ${v.name} 未放行`
      })
  for (const v of s.vehicles)
    if (v.blockHit && v.inAt !== undefined && inDay(v.inAt, d0))
      ev.push({
        at: v.inAt,
        kind: 'gate',
        level: v.blockOverride ? 'bad' : 'warn',
        text: v.blockOverride
          ? `${v.gate} 黑名单车辆 ${v.plate} 被放行：${v.blockOverride}`
          : `${v.gate} 黑名单车辆 ${v.plate} 未放行`
      })
  const planName = new Map(s.plans.map((p) => [p._id, p.name]))
  const rs = bySlot(s.rounds)
  for (const p of s.plans)
    for (const slot of slotsOn(p, d0)) {
      const state = slotState(rs.get(slotKey(p._id, slot.start)), slot, now)
      if (state === 'missed')
        ev.push({
          at: slot.start,
          kind: 'patrol',
          level: 'bad',
          text: `漏巡：${planName.get(p._id) ?? ''} ${localClock(slot.start)}-${localClock(slot.end)}`
        })
    }
  for (const f of patrol.flagged)
    ev.push({
      at: f.at,
      kind: 'patrol',
      level: 'warn',
      text: `打点${f.level}：${f.checkpoint}（${f.staffName}）`
    })
  for (const i of s.incidents) {
    if (inDay(i.reportedAt, d0) && (i.emergency || i.severity === 'urgent' || i.severity === 'high'))
      ev.push({
        at: i.reportedAt,
        kind: 'incident',
        level: i.emergency ? 'bad' : 'warn',
        text: `${i.emergency ? '紧急报事' : '报事'}：${i.categoryLabel}${i.place ? ` · ${i.place}` : ''}`
      })
    if (inDay(i.dueAt, d0) && openAt(i, i.dueAt + 1) && openAt(i, Math.min(end, now)))
      ev.push({ at: i.dueAt, kind: 'incident', level: 'bad', text: `报事超时未处理：${i.categoryLabel}` })
  }
  for (const t of s.tasks)
    for (const h of t.history)
      if (inDay(h.at, d0) && isRejection(h.what))
        ev.push({ at: h.at, kind: 'task', level: 'warn', text: `任务返工：${t.title}（${h.byName}）` })
  for (const d of handovers.differences)
    ev.push({
      at: d.at,
      kind: 'handover',
      level: 'warn',
      text: `${d.post} 交接有差异：${d.lines.join('；')}`
    })
  for (const r of s.attendance?.rows ?? []) {
    if (r.absent)
      ev.push({
        at: r.scheduledFrom ?? d0,
        kind: 'attendance',
        level: 'bad',
        text: `缺勤：${r.staffName}（${r.post}）`
      })
    else if (r.late)
      ev.push({
        at: r.from ?? r.scheduledFrom ?? d0,
        kind: 'attendance',
        level: 'warn',
        text: `迟到${r.lateMinutes ? ` ${r.lateMinutes} 分钟` : ''}：${r.staffName}（${r.post}）`
      })
  }
  const kept = ev
    .sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.at - b.at)
    .slice(0, EVENTS_MAX)
  return kept.sort((a, b) => a.at - b.at || LEVEL_RANK[a.level] - LEVEL_RANK[b.level])
}

/** The whole report of one estate and day. */
export function computeReport(s: ReportSources): DailyReport {
  const gate = gateSection(s)
  const patrol = patrolSection(s)
  const incidents = incidentSection(s)
  const tasks = taskSection(s)
  const handovers = handoverSection(s)
  const attendance = attendanceSection(s.attendance)
  const body = { gate, patrol, incidents, tasks, handovers, attendance }
  return {
    estateId: s.estate._id,
    estateName: s.estate.name,
    day: s.day,
    timeZone: s.estate.timeZone ?? 'Asia/Shanghai',
    generatedAt: s.now,
    stored: false,
    headlines: headlinesOf(body),
    ...body,
    events: notableEvents(s, patrol, handovers)
  }
}
