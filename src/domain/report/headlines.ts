/**
 * The report's headline figures and how each reads (bad, warn, ok, info), worst first; the
 * side-by-side order of estates and the trend's values come from the same figures.
 */
import type {
  AttendanceSection,
  CompareRow,
  DailyReport,
  FigureKey,
  GateSection,
  HandoverSection,
  Headline,
  IncidentSection,
  Level,
  PatrolSection,
  TaskSection
} from './types'
import { FIGURE_KEYS } from './types'

export const FIGURE_LABELS: Record<FigureKey, string> = {
  missedRounds: '漏巡',
  overdueIncidents: '超时报事',
  absent: '缺勤',
  blockHits: '黑名单',
  lateTasks: '逾期任务',
  flaggedScans: '存疑打点',
  handoverDifferences: '交接差异',
  lateRounds: '迟巡',
  lateArrivals: '迟到',
  rejectedTasks: '返工',
  openIncidents: '未结报事',
  refusals: '未放行',
  insideAtClose: '日终在园',
  coveragePct: '巡更覆盖',
  newIncidents: '新报事',
  visitors: '访客',
  vehicles: '车辆'
}

/** Any of these above zero needs someone today. */
const BAD_IF_ANY: readonly FigureKey[] = ['missedRounds', 'overdueIncidents', 'absent']
/** Any of these above zero is worth a look. */
const WARN_IF_ANY: readonly FigureKey[] = [
  'blockHits',
  'lateTasks',
  'flaggedScans',
  'handoverDifferences',
  'lateRounds',
  'lateArrivals',
  'rejectedTasks',
  'openIncidents',
  'insideAtClose'
]
/** Patrol coverage below these percentages is bad, or a warning. */
export const COVERAGE_BAD = 80
export const COVERAGE_WARN = 95

interface Body {
  gate: GateSection
  patrol: PatrolSection
  incidents: IncidentSection
  tasks: TaskSection
  handovers: HandoverSection
  attendance: AttendanceSection
}

/** Every figure's value; null where there is none (no attendance recorded, no patrol planned). */
export function figuresOf(b: Body): Record<FigureKey, number | null> {
  const att = b.attendance.recorded
  return {
    missedRounds: b.patrol.missed,
    overdueIncidents: b.incidents.overdue,
    absent: att ? b.attendance.absent : null,
    blockHits: b.gate.blockHits,
    lateTasks: b.tasks.late,
    flaggedScans: b.patrol.flaggedScans,
    handoverDifferences: b.handovers.withDifferences,
    lateRounds: b.patrol.late,
    lateArrivals: att ? b.attendance.late : null,
    rejectedTasks: b.tasks.rejected,
    openIncidents: b.incidents.openCount,
    refusals: b.gate.refusals,
    insideAtClose: b.gate.insideAtClose.visitors + b.gate.insideAtClose.vehicles,
    coveragePct: b.patrol.coveragePct,
    newIncidents: b.incidents.new,
    visitors: b.gate.visitorsIn,
    vehicles: b.gate.vehiclesIn
  }
}

export function levelOf(key: FigureKey, value: number | null): Level {
  if (value === null) return 'info'
  if (key === 'coveragePct') return value < COVERAGE_BAD ? 'bad' : value < COVERAGE_WARN ? 'warn' : 'ok'
  if (BAD_IF_ANY.includes(key)) return value > 0 ? 'bad' : 'ok'
  if (WARN_IF_ANY.includes(key)) return value > 0 ? 'warn' : 'ok'
  return 'info'
}

const RANK: Record<Level, number> = { bad: 0, warn: 1, ok: 2, info: 3 }

/** The headlines, worst first (bad, warn, ok, info; within a level in FIGURE_KEYS order). */
export function headlinesFrom(values: Record<FigureKey, number | null>): Headline[] {
  return FIGURE_KEYS.map((key) => {
    const value = values[key]
    const display =
      value === null
        ? key === 'absent' || key === 'lateArrivals'
          ? '未记录'
          : '—'
        : key === 'coveragePct'
          ? `${value}%`
          : String(value)
    return { key, label: FIGURE_LABELS[key], value, display, level: levelOf(key, value) }
  }).sort((a, b) => RANK[a.level] - RANK[b.level] || FIGURE_KEYS.indexOf(a.key) - FIGURE_KEYS.indexOf(b.key))
}

export function headlinesOf(b: Body): Headline[] {
  return headlinesFrom(figuresOf(b))
}

/** The values of a report's headlines by key. */
export function valuesOf(headlines: readonly Headline[]): Record<FigureKey, number | null> {
  const out = {} as Record<FigureKey, number | null>
  for (const k of FIGURE_KEYS) out[k] = headlines.find((h) => h.key === k)?.value ?? null
  return out
}

/**
 * How bad a day reads, for putting estates worst first: each bad figure weighs 1000, each
 * warning 10, and within that the bad figures' sizes count (3 missed rounds before 1).
 */
export function scoreOf(headlines: readonly Headline[]): number {
  let s = 0
  for (const h of headlines) {
    if (h.level === 'bad') s += 1000 + (h.key === 'coveragePct' ? 100 - (h.value ?? 100) : (h.value ?? 0))
    else if (h.level === 'warn') s += 10
  }
  return s
}

/** Estates side by side, worst first (ties by name). */
export function compareRows(
  reports: readonly Pick<DailyReport, 'estateId' | 'estateName' | 'headlines'>[]
): CompareRow[] {
  return reports
    .map((r) => ({
      estateId: r.estateId,
      estateName: r.estateName,
      score: scoreOf(r.headlines),
      headlines: r.headlines
    }))
    .sort((a, b) => b.score - a.score || a.estateName.localeCompare(b.estateName))
}
