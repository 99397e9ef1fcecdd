/**
 * The daily report (日报): one estate's day in figures, as the cloud computes it (src/domain/report/
 * compute.ts) from the day's records, stores it (collection `reports`, one per estate and day) and
 * the report page, the share picture and the .xlsx show it. Every hourly array has 24 entries,
 * index = the hour of the estate's local day (0 = 00:00-00:59).
 */
import type { Dept } from '../work/model'

/** The figures a report leads with, compared between estates and over 30 days. */
export const FIGURE_KEYS = [
  'missedRounds',
  'overdueIncidents',
  'absent',
  'blockHits',
  'lateTasks',
  'flaggedScans',
  'handoverDifferences',
  'lateRounds',
  'lateArrivals',
  'rejectedTasks',
  'openIncidents',
  'refusals',
  'insideAtClose',
  'coveragePct',
  'newIncidents',
  'visitors',
  'vehicles'
] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]

/**
 * How a figure reads: `bad` needs someone today, `warn` is worth a look, `ok` is fine, `info` is
 * only a count (visitors, cars). Headlines are ordered bad → warn → ok → info, then by FIGURE_KEYS.
 */
export type Level = 'bad' | 'warn' | 'ok' | 'info'

export interface Headline {
  key: FigureKey
  /** Chinese label, e.g. 漏巡 */
  label: string
  /** the number; coveragePct is 0-100, or null when nothing was planned (no figure) */
  value: number | null
  /** as shown: '3', '92%', '—' */
  display: string
  level: Level
}

export interface GateSection {
  /** visitors let in (访客进入) and cars in (车辆入场) */
  visitorsIn: number
  vehiclesIn: number
  visitorsByHour: number[]
  vehiclesByHour: number[]
  /** still inside at the end of the day (entered on or before the day, not left by its end) */
  insideAtClose: { visitors: number; vehicles: number }
  /** visitors let in on a pre-registered pass; goods released on a slip of the system */
  passesUsed: number
  slipsUsed: number
  /** goods released (with or without a slip) */
  goodsReleased: number
  /** visitors, cars and goods not let through (未放行, 拒绝放行) */
  refusals: number
  /** block-list matches, and of them the ones let in with the guard's written reason */
  blockHits: number
  blockOverrides: number
}

export interface PatrolSection {
  /** rounds whose slot fell in the day (any status) */
  planned: number
  done: number
  /** started after the slot began by more than the grace, or ended after the slot */
  late: number
  /** nobody walked it */
  missed: number
  /** ended before all checkpoints (incomplete or abandoned) */
  incomplete: number
  /** checkpoints scanned of the checkpoints planned, in %; null when nothing was planned */
  coveragePct: number | null
  checkpointsPlanned: number
  checkpointsScanned: number
  /** scans whose evidence is weak or suspicious, or whose time was not believed */
  flaggedScans: number
  scansByHour: number[]
  /** the flagged scans themselves (first ones, for the page and the sheet) */
  flagged: { at: number; checkpoint: string; staffName: string; level: string; reason: string }[]
}

export interface IncidentSection {
  /** reported during the day */
  new: number
  newByHour: number[]
  /** new by category, largest first */
  byCategory: { category: string; label: string; count: number }[]
  /** open at the end of the day (reported on or before it, not done by its end) */
  openCount: number
  /** of the open ones, past their due time at the end of the day */
  overdue: number
  /** the open ones, oldest first (at most OPEN_LIST_MAX) with their age at the end of the day */
  open: { id: string; title: string; category: string; ageHours: number; overdue: boolean }[]
}

export interface TaskDeptFigures {
  /** 'none': tasks given to a person without a department */
  dept: Dept | 'none'
  label: string
  /** finished during the day */
  done: number
  /** finished after their due time, or still not finished and past due at the end of the day */
  late: number
  /** sent back for rework during the day (验收不通过 / 退回) */
  rejected: number
}
export interface TaskSection {
  done: number
  late: number
  rejected: number
  byDept: TaskDeptFigures[]
}

export interface HandoverSection {
  count: number
  accepted: number
  /** handed over and not taken over by the end of the day */
  open: number
  withDifferences: number
  /** each handover with a difference: post, who, and one line per difference */
  differences: { post: string; at: number; fromName: string; toName?: string; lines: string[] }[]
}

/**
 * Attendance (考勤) of the day as the attendance area gives it; the report only reads it.
 * `recorded: false` when the estate has no attendance records for the day: the page says 未记录.
 */
export interface AttendanceSection {
  recorded: boolean
  /** who was on which post */
  onPost: {
    post: string
    staffName: string
    from?: number
    to?: number
    late: boolean
    lateMinutes?: number
  }[]
  late: number
  absent: number
  absentNames: string[]
}

/** What the attendance area provides for one estate and day (its figures, not its records). */
export interface AttendanceDay {
  rows: {
    staffId: string
    staffName: string
    post: string
    /** the scheduled start and end, if any */
    scheduledFrom?: number
    scheduledTo?: number
    /** clock-in and clock-out */
    from?: number
    to?: number
    late: boolean
    lateMinutes?: number
    absent: boolean
    earlyLeave?: boolean
  }[]
}

export type EventKind = 'gate' | 'patrol' | 'incident' | 'task' | 'handover' | 'attendance'
/** One of the day's notable events, in time order. */
export interface NotableEvent {
  at: number
  kind: EventKind
  level: Level
  text: string
}

export interface ReportComment {
  text: string
  by: string
  byName: string
  at: number
}

export interface DailyReport {
  estateId: string
  estateName: string
  /** the local day, YYYY-MM-DD */
  day: string
  timeZone: string
  /** when the figures were computed */
  generatedAt: number
  /** true when read from the stored report (cron or a previous request), false when computed now */
  stored: boolean
  comment?: ReportComment
  /** the headline figures, worst first */
  headlines: Headline[]
  gate: GateSection
  patrol: PatrolSection
  incidents: IncidentSection
  tasks: TaskSection
  handovers: HandoverSection
  attendance: AttendanceSection
  /** notable events in time order (at most EVENTS_MAX) */
  events: NotableEvent[]
}

/** One estate in the side-by-side view of a day. */
export interface CompareRow {
  estateId: string
  estateName: string
  /** worst first: the estate's bad figures count most, then warnings */
  score: number
  headlines: Headline[]
}

/** One day of an estate's trend: every figure's value, null where there is none. */
export interface TrendPoint {
  day: string
  values: Record<FigureKey, number | null>
  /** not stored yet and not computed by this read (every value null): the hourly sweep fills it in */
  missing?: true
}
export interface ReportTrend {
  estateId: string
  estateName: string
  points: TrendPoint[]
}

export const OPEN_LIST_MAX = 20
export const EVENTS_MAX = 60
export const FLAGGED_LIST_MAX = 20
export const COMMENT_MAX = 200
export const TREND_DAYS_MAX = 30
