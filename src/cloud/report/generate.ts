/**
 * The sweep's report step: at or after its report hour (estate setting `reportHour`, default
 * 8) each estate gets yesterday's report stored once (collection `reports`, id estate@day).
 * Safe to run again and to race: a stored report is left as it is, a lost insert race is
 * someone else's identical work, and a comment written first is kept.
 */
import type { Estate } from '../../domain/entities'
import { reportHourOf } from '../../domain/estates/settings'
import { DAY_MS, localDate, localHour } from '../../domain/time'
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

/** Every estate whose report hour has come: yesterday's report stored. Stops when the budget is spent. */
export async function generateReports(ctx: Ctx, outOfTime: () => boolean): Promise<number> {
  const estates = await new ReportRepo({ ...ctx, db: ctx.store }).estates()
  const day = localDate(ctx.now - DAY_MS)
  let n = 0
  for (const e of estates) {
    if (outOfTime()) break
    if (!reportDue(e, ctx.now)) continue
    if (await generateOne(ctx, e, day)) n++
  }
  return n
}
