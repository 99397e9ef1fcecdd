/** What a supervisor reads of patrol: today's alerts (home card), a day's slots, the week's coverage. */
import type { Estate } from '../../domain/entities'
import type { ParsedInputOf, PatrolDay, PatrolWeek } from '../../domain/contract'
import { bySlot, dayAlerts, dayReport, weekCoverage } from '../../domain/patrol/day'
import type { Scan } from '../../domain/patrol/model'
import { DAY_MS, dayStart, localDate, startOfLocalDate } from '../../domain/time'
import { requireEstate, type Ctx } from '../context'
import { badInput } from '../kit'
import { nameIn, PatrolRepo, PLANS } from './repo'

/** Scans per round in the order they come. */
function byRound(scans: readonly Scan[]): Map<string, Scan[]> {
  const m = new Map<string, Scan[]>()
  for (const s of scans) {
    const list = m.get(s.roundId)
    if (list) list.push(s)
    else m.set(s.roundId, [s])
  }
  return m
}

/**
 * Today's missed and late rounds for the supervisor's home card: from the plans and the rounds
 * alone (no scans are read, so it stays cheap on every home load). Counts as the day does.
 */
export async function alertsToday(ctx: Ctx, estate: Estate): Promise<{ missed: number; late: number }> {
  const repo = new PatrolRepo(ctx)
  const d0 = dayStart(ctx.now)
  const [plans, rounds] = await Promise.all([
    repo.active(PLANS, estate._id),
    repo.roundsBetween(estate._id, d0, d0 + DAY_MS)
  ])
  return dayAlerts(plans, rounds, d0, ctx.now)
}

/** Every slot of a day, with its round if walked. */
export async function dayOf(ctx: Ctx, estate: Estate, date: string): Promise<PatrolDay> {
  const d0 = startOfLocalDate(date)
  if (Number.isNaN(d0)) throw badInput('date', '日期：不是有效的日期')
  const repo = new PatrolRepo(ctx)
  const [w, rounds] = await Promise.all([
    repo.world(estate._id),
    repo.roundsBetween(estate._id, d0, d0 + DAY_MS)
  ])
  // a plan stopped since keeps the rounds it had on this day
  const [scans, stopped] = await Promise.all([
    repo.scansOf(rounds.map((r) => r._id)).then(byRound),
    rounds.some((r) => !w.plans.has(r.planId)) ? repo.stopped(PLANS, estate._id) : Promise.resolve([])
  ])
  const plans = [...w.plans.values(), ...stopped]
  return { date, ...dayReport(plans, w.routes, rounds, scans, nameIn(w), d0, ctx.now) }
}

export async function day(input: ParsedInputOf<'patrol.day'>, ctx: Ctx): Promise<PatrolDay> {
  return dayOf(ctx, requireEstate(ctx), input.date)
}

/** How many scans each round has, counted in sets (the scans themselves are not loaded). */
async function scanCounts(repo: PatrolRepo, roundIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  for (let k = 0; k < roundIds.length; k += 25) {
    const ids = roundIds.slice(k, k + 25)
    const ns = await Promise.all(ids.map((id) => repo.scanCount(id)))
    ids.forEach((id, i) => out.set(id, ns[i]))
  }
  return out
}

export async function week(input: ParsedInputOf<'patrol.week'>, ctx: Ctx): Promise<PatrolWeek> {
  const estate = requireEstate(ctx)
  const end = startOfLocalDate(input.endDate)
  if (Number.isNaN(end)) throw badInput('endDate', '日期：不是有效的日期')
  const repo = new PatrolRepo(ctx)
  const days = Array.from({ length: 7 }, (_, i) => localDate(end - (6 - i) * DAY_MS))
  const [w, rounds] = await Promise.all([
    repo.world(estate._id),
    repo.roundsBetween(estate._id, end - 6 * DAY_MS, end + DAY_MS)
  ])
  // coverage needs only how many points each round has: count them, do not load the scans
  const counted = await scanCounts(
    repo,
    rounds.filter((r) => r.status !== 'missed').map((r) => r._id)
  )
  const plans = [...w.plans.values()]
  const slots = bySlot(rounds)
  const routes = [...w.routes.values()].map((route) => ({
    routeId: route._id,
    routeName: route.name,
    coverage: weekCoverage(route, plans, slots, counted, end, ctx.now)
  }))
  return { days, routes }
}
