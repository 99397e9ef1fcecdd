/**
 * A day's (or a month's) attendance from the stored schedules and shifts: the supervisor's day,
 * the daily report's section (`attendanceDay`), the monthly sheet. Rules in
 * src/domain/attendance/schedule.ts.
 */
import { clockText, postNameOf } from '../../domain/attendance/place'
import {
  expectedOn,
  judgeDay,
  type Attended,
  type DayRow,
  type PostSchedule
} from '../../domain/attendance/schedule'
import type { AttendanceDayOut, AttendanceRowOut, ParsedInputOf } from '../../domain/contract'
import type { Gate, Shift } from '../../domain/entities'
import type { AttendanceDay } from '../../domain/report/types'
import { DAY_MS, startOfLocalDate } from '../../domain/time'
import { MAX_OFFLINE_MS } from '../../domain/time/eventTime'
import { requireEstate, type Ctx } from '../context'
import { badInput } from '../kit'
import { AttendanceRepo, type ScheduleDoc } from './repo'

/** The schedules by the posts' current names; a removed post's schedule no longer applies. */
export function postSchedules(docs: ScheduleDoc[], places: Gate[]): PostSchedule[] {
  const names = new Map(places.map((g) => [g._id, postNameOf(g.name)]))
  return docs.flatMap((d) => {
    const post = names.get(d.postId)
    return post ? [{ postId: d.postId, post, slots: d.slots, overrides: d.overrides }] : []
  })
}

/** A shift as attendance reads it: its clocks' event times (older shifts: the server's) and flags in words. */
export function attended(s: Shift): Attended {
  const inText = clockText(s.clockIn)
  const outText = clockText(s.clockOut)
  const outAt = s.clockOut?.at ?? s.endedAt
  return {
    shiftId: s._id,
    staffId: s.staffId,
    post: s.post,
    inAt: s.clockIn?.at ?? s.startedAt,
    ...(outAt !== undefined ? { outAt } : {}),
    flags: [...(inText ? [`上岗：${inText}`] : []), ...(outText ? [`下岗：${outText}`] : [])]
  }
}

export interface Span {
  schedules: PostSchedule[]
  shifts: Shift[]
  names: Map<string, string>
}

/**
 * Everything a span of days [first, last] is judged from, in one round trip: the shifts the
 * server saw from a day before the first (a night shift, a clock-in a little early) to a day
 * after the last plus the longest accepted offline wait (a clock-in queued offline).
 */
export async function readSpan(ctx: Ctx, estateId: string, first: string, last: string): Promise<Span> {
  const repo = new AttendanceRepo(ctx)
  const from = startOfLocalDate(first) - DAY_MS
  const to = startOfLocalDate(last) + 2 * DAY_MS + MAX_OFFLINE_MS
  const [places, docs, shifts, people] = await Promise.all([
    repo.places(estateId),
    repo.schedules(estateId),
    repo.shiftsBetween(estateId, from, to),
    repo.people(estateId)
  ])
  const names = new Map(people.map((p) => [p._id, p.name]))
  for (const s of shifts) if (!names.has(s.staffId)) names.set(s.staffId, s.staffName)
  return { schedules: postSchedules(docs, places), shifts, names }
}

/** The judged rows of one day of a span. */
export function dayRowsOf(span: Span, date: string, now: number): DayRow[] {
  const day0 = startOfLocalDate(date)
  const near = span.shifts.map(attended).filter((a) => a.inAt >= day0 - DAY_MS && a.inAt < day0 + 2 * DAY_MS)
  return judgeDay(date, expectedOn(date, span.schedules), near, now)
}

function rowOut(r: DayRow, names: Map<string, string>): AttendanceRowOut {
  return { ...r, staffName: names.get(r.staffId) ?? '' }
}

export async function day(input: ParsedInputOf<'attendance.day'>, ctx: Ctx): Promise<AttendanceDayOut> {
  const estate = requireEstate(ctx)
  if (Number.isNaN(startOfLocalDate(input.date))) throw badInput('date', '日期不正确')
  const span = await readSpan(ctx, estate._id, input.date, input.date)
  const rows = dayRowsOf(span, input.date, ctx.now).map((r) => rowOut(r, span.names))
  const scheduled = rows.filter((r) => r.start !== undefined)
  return {
    date: input.date,
    rows,
    counts: {
      scheduled: scheduled.length,
      present: rows.filter((r) => r.inAt !== undefined).length,
      late: rows.filter((r) => r.lateMin > 0).length,
      early: rows.filter((r) => r.earlyMin > 0).length,
      absent: rows.filter((r) => r.absent).length,
      flagged: rows.filter((r) => r.flags.length > 0).length
    }
  }
}

/**
 * The day's attendance for the daily report (src/cloud/report): who was on which post, late,
 * early, absent; undefined when the estate has no schedule and nobody clocked in that day.
 */
export async function attendanceDay(
  ctx: Ctx,
  estateId: string,
  date: string
): Promise<AttendanceDay | undefined> {
  if (Number.isNaN(startOfLocalDate(date))) return undefined
  const span = await readSpan(ctx, estateId, date, date)
  const rows = dayRowsOf(span, date, ctx.now)
  if (!rows.length) return undefined
  return {
    rows: rows.map((r) => ({
      staffId: r.staffId,
      staffName: span.names.get(r.staffId) ?? '',
      post: r.post,
      ...(r.start !== undefined ? { scheduledFrom: r.start, scheduledTo: r.end } : {}),
      ...(r.inAt !== undefined ? { from: r.inAt } : {}),
      ...(r.outAt !== undefined ? { to: r.outAt } : {}),
      late: r.lateMin > 0,
      ...(r.lateMin > 0 ? { lateMinutes: r.lateMin } : {}),
      absent: r.absent,
      ...(r.earlyMin > 0 ? { earlyLeave: true } : {})
    }))
  }
}
