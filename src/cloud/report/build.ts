/**
 * A day's report of one estate: the stored one when the timer (or nothing yet) made it,
 * otherwise computed from the day's records now. Reads run at once; each is bounded by the
 * estate and the day (repo.ts).
 */
import type { Estate } from '../../domain/entities'
import { computeReport } from '../../domain/report/compute'
import type { DailyReport } from '../../domain/report/types'
import { DAY_MS, localDate, startOfLocalDate } from '../../domain/time'
import type { Ctx } from '../context'
import { badInput } from '../kit'
import { PatrolRepo } from '../patrol/repo'
import { attendanceDay } from './attendance'
import { ReportRepo, type ReportDoc } from './repo'

/** The day's start, or a refusal: not a date, or a day not over yet (日报 is for days that ended). */
export function pastDay(date: string, now: number, field = 'date'): number {
  const d0 = startOfLocalDate(date)
  if (Number.isNaN(d0) || localDate(d0) !== date) throw badInput(field, '日期：不是有效的日期')
  if (d0 + DAY_MS > now) throw badInput(field, '这一天还没过完，日报要到第二天才有')
  return d0
}

/** Computes the report from the day's records (does not store it). */
export async function computeDay(ctx: Ctx, estate: Estate, day: string): Promise<DailyReport> {
  const d0 = startOfLocalDate(day)
  const repo = new ReportRepo({ ...ctx, db: ctx.store })
  const patrol = new PatrolRepo({ ...ctx, db: ctx.store })
  const e = estate._id
  const [
    gateEvents,
    visitors,
    vehicles,
    goodsChecks,
    world,
    rounds,
    incidents,
    tasks,
    handovers,
    attendance
  ] = await Promise.all([
    repo.gateEvents(e, d0),
    repo.visitors(e, d0),
    repo.vehicles(e, d0),
    repo.goodsChecks(e, d0),
    patrol.world(e),
    patrol.roundsBetween(e, d0, d0 + DAY_MS),
    repo.incidents(e, d0),
    repo.tasks(e, d0),
    repo.handovers(e, day),
    attendanceDay(ctx, e, day)
  ])
  const scans = await patrol.scansOf(rounds.map((r) => r._id))
  return computeReport({
    estate,
    day,
    d0,
    now: ctx.now,
    gateEvents,
    visitors,
    vehicles,
    goodsChecks,
    plans: [...world.plans.values()],
    routes: world.routes,
    rounds,
    scans,
    incidents,
    tasks,
    handovers,
    attendance
  })
}

/** The report as the app reads it: stored (with the comment) when there is one, else computed now. */
export function fromStored(doc: ReportDoc | null, fresh?: DailyReport): DailyReport | undefined {
  const comment = doc?.comment ? { comment: doc.comment } : {}
  if (doc?.report) return { ...doc.report, stored: true, ...comment }
  return fresh && { ...fresh, ...comment }
}

export async function reportOf(ctx: Ctx, estate: Estate, day: string): Promise<DailyReport> {
  const doc = await new ReportRepo({ ...ctx, db: ctx.store }).stored(estate._id, day)
  return fromStored(doc) ?? fromStored(doc, await computeDay(ctx, estate, day))!
}
