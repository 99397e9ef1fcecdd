/**
 * The report page's charts as numbers the page draws with plain Views (CSS bars: no chart
 * library in the package): heights and widths in % of the largest value.
 */
import type { DailyReport, FigureKey, ReportTrend } from '../../../domain/report/types'

/** `n` as a % of `max` (0 when there is nothing), at least `floor` for a non-zero value so it shows. */
export function pct(n: number, max: number, floor = 2): number {
  if (!(max > 0) || !(n > 0)) return 0
  return Math.max(floor, Math.round((n / max) * 100))
}

export interface HourBar {
  hour: number
  visitors: number
  vehicles: number
  /** heights in % of the busiest hour (visitors and cars stacked) */
  visitorsPct: number
  vehiclesPct: number
}

/** Visitors and cars by hour, stacked, scaled to the busiest hour. */
export function hourBars(r: DailyReport): HourBar[] {
  const rows = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    visitors: r.gate.visitorsByHour[hour] ?? 0,
    vehicles: r.gate.vehiclesByHour[hour] ?? 0
  }))
  const max = Math.max(0, ...rows.map((x) => x.visitors + x.vehicles))
  return rows.map((x) => ({
    ...x,
    visitorsPct: pct(x.visitors, max, 0),
    vehiclesPct: pct(x.vehicles, max, 0)
  }))
}

export interface Segment {
  key: string
  label: string
  count: number
  /** share of the whole in % (the segments of a bar add up to 100, rounding aside) */
  pct: number
  tone: 'ok' | 'warn' | 'bad' | 'plain'
}

/** The day's rounds as one bar: done on time, late, incomplete, missed. */
export function patrolSegments(r: DailyReport): Segment[] {
  const p = r.patrol
  const onTime = Math.max(0, p.done - p.late)
  const parts: Omit<Segment, 'pct'>[] = [
    { key: 'onTime', label: '按时完成', count: onTime, tone: 'ok' },
    { key: 'late', label: '迟到', count: p.late, tone: 'warn' },
    { key: 'incomplete', label: '未走完', count: p.incomplete, tone: 'warn' },
    { key: 'missed', label: '漏巡', count: p.missed, tone: 'bad' }
  ]
  const total = parts.reduce((s, x) => s + x.count, 0)
  return parts.map((x) => ({ ...x, pct: total ? (x.count / total) * 100 : 0 }))
}

export interface RowBar {
  key: string
  label: string
  count: number
  pct: number
}

/** New incidents by category, largest first, widths in % of the largest. */
export function categoryBars(r: DailyReport): RowBar[] {
  const list = [...r.incidents.byCategory].sort((a, b) => b.count - a.count)
  const max = Math.max(0, ...list.map((c) => c.count))
  return list.map((c) => ({ key: c.category, label: c.label, count: c.count, pct: pct(c.count, max) }))
}

export interface DeptBars {
  dept: string
  label: string
  done: number
  late: number
  rejected: number
  donePct: number
  latePct: number
  rejectedPct: number
}

/** Tasks per department: done, late, rejected, each in % of the largest figure of any department. */
export function deptBars(r: DailyReport): DeptBars[] {
  const max = Math.max(0, ...r.tasks.byDept.flatMap((d) => [d.done, d.late, d.rejected]))
  return r.tasks.byDept.map((d) => ({
    dept: d.dept,
    label: d.label,
    done: d.done,
    late: d.late,
    rejected: d.rejected,
    donePct: pct(d.done, max),
    latePct: pct(d.late, max),
    rejectedPct: pct(d.rejected, max)
  }))
}

export interface TrendBar {
  day: string
  value: number | null
  pct: number
}

/** One figure of an estate over its days (oldest first), in % of the largest; no figure: null, no bar. */
export function trendBars(t: ReportTrend, key: FigureKey): TrendBar[] {
  const values = t.points.map((p) => p.values[key])
  const max = Math.max(0, ...values.map((v) => v ?? 0))
  return t.points.map((p, i) => ({ day: p.day, value: values[i], pct: pct(values[i] ?? 0, max) }))
}

/** The trend's last value, its average over the days with a figure, and how many days had one. */
export function trendSummary(bars: readonly TrendBar[]) {
  const have = bars.filter((b): b is TrendBar & { value: number } => b.value !== null)
  const avg = have.length ? have.reduce((s, b) => s + b.value, 0) / have.length : null
  return { last: bars[bars.length - 1]?.value ?? null, avg, days: have.length }
}
