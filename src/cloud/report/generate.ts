/**
 * The sweep's report step: at or after its report hour (estate setting `reportHour`, default
 * 8) each estate gets yesterday's report stored once (collection `reports`, id estate@day).
 * Safe to run again and to race: a stored report is left as it is, a lost insert race is
 * someone else's identical work, and a comment written first is kept.
 */
import type { Estate } from '../../domain/entities'
import { reportHourOf } from '../../domain/estates/settings'
import { DAY_MS, localDate, localHour, startOfLocalDate } from '../../domain/time'
import { MAX_OFFLINE_MS } from '../../domain/time/eventTime'
import type { Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import { computeDay } from './build'
import { REPORTS, ReportRepo, reportId } from './repo'

/** Whether an estate's report of yesterday is due at `now`. */
export function reportDue(estate: Pick<Estate, 'settings'>, now: number): boolean {
  return localHour(now) >= reportHourOf(estate.settings)
}

/** Stores one estate's report of `day` unless stored already; true when this call stored it. */
export async function generateOne(ctx: Ctx, estate: Estate, day: string): Promise<boolean> {
  const repo = new ReportRepo({ ...ctx, db: ctx.store })
  const have = await repo.stored(estate._id, day)
  if (have?.report) return false
  const { stored: _s, comment: _c, ...report } = await computeDay(ctx, estate, day)
  if (have) return (await repo.tryUpdate(REPORTS, have, { report })) !== null
  try {
    await repo.insert(REPORTS, { _id: reportId(estate._id, day), estateId: estate._id, day, report })
    return true
  } catch (e) {
    // a comment or another sweep got there first: the next hour sees the document and fills it
    if (e instanceof DuplicateKeyError) return false
    throw e
  }
}

/**
 * A past day's report, stored when the day is final: over MAX_OFFLINE_MS (72 h) ago, no phone
 * can still send a record of it (a later one is stored at the server's time). Else computed only.
 */
export async function storeIfFinal(ctx: Ctx, estate: Estate, day: string) {
  const final = startOfLocalDate(day) + DAY_MS + MAX_OFFLINE_MS <= ctx.now
  if (final) await generateOne(ctx, estate, day)
  const doc = await new ReportRepo({ ...ctx, db: ctx.store }).stored(estate._id, day)
  return doc?.report ?? (await computeDay(ctx, estate, day))
}

/** Missing final reports of the last BACKFILL_DAYS days one sweep stores per estate (the trend reads them). */
export const BACKFILL_PER_SWEEP = 5
export const BACKFILL_DAYS = 30

/**
 * Every estate whose report hour has come: yesterday's report stored (the count answered), then
 * up to BACKFILL_PER_SWEEP missing final days of the last month. Stops when the budget is spent.
 */
export async function generateReports(ctx: Ctx, outOfTime: () => boolean): Promise<number> {
  const estates = await new ReportRepo({ ...ctx, db: ctx.store }).estates()
  const day = localDate(ctx.now - DAY_MS)
  let n = 0
  for (const e of estates) {
    if (outOfTime()) break
    if (!reportDue(e, ctx.now)) continue
    if (await generateOne(ctx, e, day)) n++
  }
  // then the final days of the last month not stored yet (a new estate, an hour the timer missed)
  for (const e of estates) {
    if (outOfTime()) break
    const repo = new ReportRepo({ ...ctx, db: ctx.store })
    const days = Array.from({ length: BACKFILL_DAYS }, (_, i) =>
      localDate(ctx.now - (BACKFILL_DAYS - i) * DAY_MS)
    )
    const have = new Set(
      (await repo.storedBetween(e._id, days[0], days[days.length - 1]))
        .filter((d) => d.report)
        .map((d) => d.day)
    )
    const todo = days
      .filter((d) => !have.has(d) && startOfLocalDate(d) + DAY_MS + MAX_OFFLINE_MS <= ctx.now)
      .slice(-BACKFILL_PER_SWEEP)
    for (const d of todo) {
      if (outOfTime()) break
      await generateOne(ctx, e, d)
    }
  }
  return n
}
