/**
 * Schedules (排班) and what they make of the day's clock-ins: who should be at which post when
 * (a weekly pattern of shifts per post with the people assigned, and per-day changes), and,
 * against the shifts people clocked, late (迟到), early leave (早退) and absence (缺勤).
 * Pure: the day's instants come from the estate's time (China time, time.ts), `now` is passed in.
 */
import { DAY_MS, localClock, localDate, startOfLocalDate, weekday } from '../time'

const MIN = 60_000

/** One shift of a post's week: on `days` (0 = Sunday), from `start` to `end` ('HH:MM'); an end not after the start is the next day. */
export interface ScheduleSlot {
  id: string
  days: number[]
  start: string
  end: string
  staffIds: string[]
}
/** A day's change to one slot: other people that date ([] = nobody, the slot is off that day). */
export interface ScheduleOverride {
  date: string
  slotId: string
  staffIds: string[]
}
export interface PostSchedule {
  postId: string
  /** the post's name, as shifts record it */
  post: string
  slots: ScheduleSlot[]
  overrides?: ScheduleOverride[]
}

/** A person expected at a post: the scheduled instants. */
export interface Expected {
  post: string
  slotId: string
  staffId: string
  start: number
  end: number
}

/** A clocked shift as attendance reads it: event times (the device-time rule applied) and the flags in words. */
export interface Attended {
  shiftId: string
  staffId: string
  post: string
  inAt: number
  outAt?: number
  flags: string[]
}

export type DayStatus =
  'ok' | 'late' | 'early' | 'lateEarly' | 'absent' | 'notArrived' | 'upcoming' | 'onDuty' | 'unscheduled'

export const DAY_STATUS_LABELS: Record<DayStatus, string> = {
  ok: '正常',
  late: '迟到',
  early: '早退',
  lateEarly: '迟到、早退',
  absent: '缺勤',
  notArrived: '未到岗',
  upcoming: '未开始',
  onDuty: '在岗',
  unscheduled: '未排班上岗'
}

export interface DayRow {
  staffId: string
  post: string
  /** the scheduled shift; absent for a clock-in nobody scheduled */
  start?: number
  end?: number
  shiftId?: string
  inAt?: number
  outAt?: number
  lateMin: number
  earlyMin: number
  absent: boolean
  status: DayStatus
  flags: string[]
}

export interface JudgeOptions {
  /** minutes after the start (before the end) that are not yet late (early) */
  graceMin: number
  /** how early before its start a clock-in still counts for a scheduled shift */
  earlyInMin: number
  /** after the scheduled end, a shift still open is flagged 未下岗打卡 */
  noOutAfterMin: number
}
export const DEFAULT_JUDGE: JudgeOptions = { graceMin: 5, earlyInMin: 120, noOutAfterMin: 120 }

export const SLOTS_MAX = 12
export const SLOT_STAFF_MAX = 20
export const OVERRIDES_MAX = 62
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

/** Slot length in minutes (an end not after the start runs past midnight). */
export function slotMinutes(s: Pick<ScheduleSlot, 'start' | 'end'>): number {
  const a = minutesOf(s.start)
  const b = minutesOf(s.end)
  return b > a ? b - a : b + 1440 - a
}

/** '周一 周三' for days [1, 3]. */
export function daysText(days: number[]): string {
  const names = ['日', '一', '二', '三', '四', '五', '六']
  if (days.length === 7) return '每天'
  return [...days]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => `周${names[d]}`)
    .join(' ')
}

/** A schedule's problem in Chinese, or undefined (the contract checks shapes; this checks meaning). */
export function scheduleProblem(slots: ScheduleSlot[]): { field: string; message: string } | undefined {
  const ids = new Set<string>()
  for (const s of slots) {
    if (ids.has(s.id)) return { field: 'slots', message: '班次重复' }
    ids.add(s.id)
    if (!s.days.length) return { field: 'slots', message: `${s.start}-${s.end} 没有选择星期` }
    if (s.start === s.end) return { field: 'slots', message: '班次的开始和结束时间不能相同' }
    if (new Set(s.staffIds).size !== s.staffIds.length)
      return { field: 'slots', message: '同一班次里人员重复' }
  }
  return undefined
}

/** Who is expected where on the estate's day `date` ('YYYY-MM-DD'): slots starting that day (a night shift runs into the next). */
export function expectedOn(date: string, schedules: PostSchedule[]): Expected[] {
  const day0 = startOfLocalDate(date)
  if (Number.isNaN(day0)) return []
  const wd = weekday(day0)
  const out: Expected[] = []
  for (const sc of schedules) {
    for (const slot of sc.slots) {
      if (!slot.days.includes(wd)) continue
      const change = sc.overrides?.find((o) => o.date === date && o.slotId === slot.id)
      const people = change ? change.staffIds : slot.staffIds
      const start = day0 + minutesOf(slot.start) * MIN
      const end = start + slotMinutes(slot) * MIN
      for (const staffId of people) out.push({ post: sc.post, slotId: slot.id, staffId, start, end })
    }
  }
  return out.sort(
    (a, b) => a.start - b.start || a.post.localeCompare(b.post) || a.staffId.localeCompare(b.staffId)
  )
}

function statusOf(late: number, early: number): DayStatus {
  if (late && early) return 'lateEarly'
  if (late) return 'late'
  if (early) return 'early'
  return 'ok'
}

/**
 * The day's attendance: each expected person matched to one of their shifts (the one at that
 * post first, else at any post, whose clock-in is nearest the start and falls between
 * `earlyInMin` before the start and the end), late and early minutes beyond the grace, absence
 * once the slot has ended with no clock-in; then the day's clock-ins nobody scheduled.
 * `shifts`: the people's shifts around the day (from a day before to a day after); `now`: the
 * judging time (a slot not yet over is 未到岗 or 未开始, not 缺勤).
 */
export function judgeDay(
  date: string,
  expected: Expected[],
  shifts: Attended[],
  now: number,
  opts: JudgeOptions = DEFAULT_JUDGE
): DayRow[] {
  const used = new Set<string>()
  const grace = opts.graceMin * MIN
  const rows: DayRow[] = []
  for (const e of expected) {
    const fits = shifts.filter(
      (s) =>
        !used.has(s.shiftId) &&
        s.staffId === e.staffId &&
        s.inAt >= e.start - opts.earlyInMin * MIN &&
        s.inAt < e.end
    )
    const near = (a: Attended, b: Attended) => Math.abs(a.inAt - e.start) - Math.abs(b.inAt - e.start)
    const match = fits.filter((s) => s.post === e.post).sort(near)[0] ?? fits.sort(near)[0]
    if (!match) {
      const status: DayStatus = now >= e.end ? 'absent' : now >= e.start + grace ? 'notArrived' : 'upcoming'
      rows.push({
        staffId: e.staffId,
        post: e.post,
        start: e.start,
        end: e.end,
        lateMin: 0,
        earlyMin: 0,
        absent: status === 'absent',
        status,
        flags: []
      })
      continue
    }
    used.add(match.shiftId)
    const lateMin = match.inAt > e.start + grace ? Math.floor((match.inAt - e.start) / MIN) : 0
    const earlyMin =
      match.outAt !== undefined && match.outAt < e.end - grace ? Math.floor((e.end - match.outAt) / MIN) : 0
    const flags = [...match.flags]
    if (match.post !== e.post) flags.push(`在「${match.post}」上岗`)
    if (match.outAt === undefined && now >= e.end + opts.noOutAfterMin * MIN) flags.push('未下岗打卡')
    const base = statusOf(lateMin, earlyMin)
    rows.push({
      staffId: e.staffId,
      post: e.post,
      start: e.start,
      end: e.end,
      shiftId: match.shiftId,
      inAt: match.inAt,
      ...(match.outAt !== undefined ? { outAt: match.outAt } : {}),
      lateMin,
      earlyMin,
      absent: false,
      status: match.outAt === undefined && now < e.end && base === 'ok' ? 'onDuty' : base,
      flags
    })
  }
  const day0 = startOfLocalDate(date)
  for (const s of shifts) {
    if (used.has(s.shiftId) || s.inAt < day0 || s.inAt >= day0 + DAY_MS) continue
    rows.push({
      staffId: s.staffId,
      post: s.post,
      shiftId: s.shiftId,
      inAt: s.inAt,
      ...(s.outAt !== undefined ? { outAt: s.outAt } : {}),
      lateMin: 0,
      earlyMin: 0,
      absent: false,
      status: 'unscheduled',
      flags: [...s.flags]
    })
  }
  return rows.sort(
    (a, b) => (a.start ?? a.inAt ?? 0) - (b.start ?? b.inAt ?? 0) || a.staffId.localeCompare(b.staffId)
  )
}

/** 'HH:MM', or '次日HH:MM' for an instant after the estate's day `date`. */
export function clockOnDay(t: number, date: string): string {
  const d = localDate(t)
  if (d === date) return localClock(t)
  return d > date ? `次日${localClock(t)}` : `前日${localClock(t)}`
}

/** One line of the monthly sheet: a person's day. */
export interface SheetRow {
  date: string
  staffId: string
  staffName: string
  post: string
  scheduled: string
  in: string
  out: string
  lateMin: number
  earlyMin: number
  absent: boolean
  flags: string
}

export const SHEET_HEADER = [
  '日期',
  '姓名',
  '岗位',
  '排班',
  '上岗',
  '下岗',
  '迟到(分钟)',
  '早退(分钟)',
  '缺勤',
  '异常'
] as const

/**
 * The sheet's rows of one day: one per person of `people` (everyone in the month's sheet, so
 * each has a row every day; a day with nothing is 休), their rows of the day merged (two
 * shifts: posts and times joined, minutes added).
 */
export function sheetDay(date: string, rows: DayRow[], people: { id: string; name: string }[]): SheetRow[] {
  return people.map((p) => {
    const mine = rows.filter((r) => r.staffId === p.id)
    const join = (xs: string[]) => [...new Set(xs.filter(Boolean))].join('、')
    if (!mine.length)
      return {
        date,
        staffId: p.id,
        staffName: p.name,
        post: '',
        scheduled: '休',
        in: '',
        out: '',
        lateMin: 0,
        earlyMin: 0,
        absent: false,
        flags: ''
      }
    return {
      date,
      staffId: p.id,
      staffName: p.name,
      post: join(mine.map((r) => r.post)),
      scheduled:
        join(
          mine.map((r) =>
            r.start !== undefined && r.end !== undefined
              ? `${clockOnDay(r.start, date)}-${clockOnDay(r.end, date)}`
              : ''
          )
        ) || '未排班',
      in: join(mine.map((r) => (r.inAt !== undefined ? clockOnDay(r.inAt, date) : ''))),
      out: join(mine.map((r) => (r.outAt !== undefined ? clockOnDay(r.outAt, date) : ''))),
      lateMin: mine.reduce((n, r) => n + r.lateMin, 0),
      earlyMin: mine.reduce((n, r) => n + r.earlyMin, 0),
      absent: mine.some((r) => r.absent),
      flags: join(
        mine.flatMap((r) => [
          ...(r.status === 'notArrived' || r.status === 'unscheduled' ? [DAY_STATUS_LABELS[r.status]] : []),
          ...r.flags
        ])
      )
    }
  })
}

/** The estate's days of a month 'YYYY-MM', up to `lastDay` (today, for the running month). */
export function daysOfMonth(month: string, lastDay?: string): string[] {
  const out: string[] = []
  const first = startOfLocalDate(`${month}-01`)
  if (Number.isNaN(first)) return out
  for (let t = first; localDate(t).startsWith(month); t += DAY_MS) {
    const d = localDate(t)
    if (lastDay && d > lastDay) break
    out.push(d)
  }
  return out
}
