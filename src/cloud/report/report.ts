/**
 * The report's actions: a day (stored or computed now), the supervisor's comment (a write from
 * the outbox), estates side by side, an estate's trend, and the .xlsx.
 */
import type { ParsedInputOf, XlsxOut } from '../../domain/contract'
import { compareRows, valuesOf } from '../../domain/report/headlines'
import type { CompareRow, DailyReport, ReportComment, ReportTrend } from '../../domain/report/types'
import { DAY_MS, localDate } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { inSets } from '../cron/sets'
import { pastDay, reportOf } from './build'
import { storeIfFinal } from './generate'
import { REPORTS, ReportRepo, reportId } from './repo'
import { reportXlsx } from './xlsx'

/** The most estates one side-by-side reads (a manager's estates; each is a day's report). */
export const COMPARE_MAX = 20

export async function day(input: ParsedInputOf<'report.day'>, ctx: Ctx): Promise<DailyReport> {
  pastDay(input.date, ctx.now)
  return reportOf(ctx, requireEstate(ctx), input.date)
}

/**
 * The supervisor's comment on a day's report, kept on the day's stored document (made here when
 * the timer has not stored the report yet; the timer then keeps the comment). Its time is the
 * event-time rule's (ctx.op.at); a second comment replaces the first.
 */
export async function comment(input: ParsedInputOf<'report.comment'>, ctx: Ctx): Promise<ReportComment> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  pastDay(input.date, ctx.now)
  const repo = new ReportRepo(ctx)
  const c: ReportComment = {
    text: input.comment,
    by: staff._id,
    byName: staff.name,
    at: ctx.op?.at ?? ctx.now
  }
  const id = reportId(estate._id, input.date)
  const have = await repo.get(REPORTS, id)
  if (have) await repo.update(REPORTS, have, { comment: c }, '日报刚被别人改过，请再提交一次')
  else await repo.insert(REPORTS, { _id: id, estateId: estate._id, day: input.date, comment: c })
  return c
}

export async function compare(input: ParsedInputOf<'report.compare'>, ctx: Ctx): Promise<CompareRow[]> {
  const { staff } = requireCaller(ctx)
  pastDay(input.date, ctx.now)
  const estates = await new ReportRepo({ ...ctx, db: ctx.store }).estates(
    staff.estateIds.slice(0, COMPARE_MAX)
  )
  const reports: DailyReport[] = []
  await inSets(estates, async (e) => {
    reports.push(await reportOf(ctx, e, input.date))
  })
  return compareRows(reports)
}

/** Days a trend read computes itself when they are not stored (each is a day's reads, ~0.2 s at a year's history). */
export const TREND_COMPUTE_MAX = 5

/**
 * The last `days` days up to yesterday: stored reports where the timer made them; of the rest,
 * the newest TREND_COMPUTE_MAX computed now (and stored when the day is final), older ones
 * marked missing (the hourly sweep fills them in, generate.ts).
 */
export async function trend(input: ParsedInputOf<'report.trend'>, ctx: Ctx): Promise<ReportTrend> {
  const estate = requireEstate(ctx)
  const days = Array.from({ length: input.days }, (_, i) => localDate(ctx.now - (input.days - i) * DAY_MS))
  const stored = await new ReportRepo({ ...ctx, db: ctx.store }).storedBetween(
    estate._id,
    days[0],
    days[days.length - 1]
  )
  const byDay = new Map(stored.filter((d) => d.report).map((d) => [d.day, d.report!]))
  const todo = days.filter((d) => !byDay.has(d)).slice(-TREND_COMPUTE_MAX)
  await inSets(todo, async (day) => {
    byDay.set(day, await storeIfFinal(ctx, estate, day))
  })
  const points: ReportTrend['points'] = days.map((day) => {
    const r = byDay.get(day)
    return r ? { day, values: valuesOf(r.headlines) } : { day, values: valuesOf([]), missing: true }
  })
  return { estateId: estate._id, estateName: estate.name, points }
}

export async function xlsx(input: ParsedInputOf<'report.xlsx'>, ctx: Ctx): Promise<XlsxOut> {
  pastDay(input.date, ctx.now)
  const r = await reportOf(ctx, requireEstate(ctx), input.date)
  const data = await reportXlsx(r)
  return {
    filename: `日报-${r.estateName}-${r.day}.xlsx`,
    data: data.toString('base64'),
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  }
}
