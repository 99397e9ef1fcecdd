/**
 * A patrol day and week as a supervisor reads them: every slot of every plan with its round (if
 * one was walked), what counts as late or missed, coverage per route and day. Pure: the plans,
 * routes, rounds and scans are passed in (test/unit/domain/patrol/day.test.ts).
 */
import { DAY_MS } from '../time'
import type { Plan, Round, RoundStatus, Route } from './model'
import { evaluateRound, LATE_GRACE_MIN, type ScanLite } from './rules'
import { slotsBetween, slotsOn, type PlanSchedule, type Slot } from './slots'
import { timeDoubt } from '../time/eventTime'

/** How a slot reads: its round's status, or due, late (not started past the grace), upcoming, missed. */
export type SlotState = 'upcoming' | 'due' | 'late' | RoundStatus

/** The key of a plan's slot: one round per plan and slot start. */
export const slotKey = (planId: string, slotStart: number) => `${planId}@${slotStart}`

/** Rounds by their slot's key. */
export function bySlot<R extends Pick<Round, 'planId' | 'slotStart'>>(rounds: readonly R[]): Map<string, R> {
  return new Map(rounds.map((r) => [slotKey(r.planId, r.slotStart), r]))
}

export function slotState(
  r: Pick<Round, 'status'> | undefined,
  s: Pick<Slot, 'start' | 'end'>,
  now: number
): SlotState {
  if (r) return r.status
  if (s.start > now) return 'upcoming'
  if (now >= s.end) return 'missed'
  return now > s.start + LATE_GRACE_MIN * 60_000 ? 'late' : 'due'
}

/**
 * Late: nobody has started yet past the grace time, or it was started after it. A missed round
 * is missed, not also late.
 */
export function countsLate(
  r: Pick<Round, 'startedAt'> | undefined,
  s: Pick<Slot, 'start'>,
  state: SlotState
): boolean {
  return state === 'late' || (r?.startedAt !== undefined && r.startedAt > s.start + LATE_GRACE_MIN * 60_000)
}

type PlanLite = Pick<
  Plan,
  '_id' | 'name' | 'routeId' | 'days' | 'start' | 'end' | 'everyMinutes' | 'minMinutes' | 'maxMinutes'
> &
  Partial<Pick<Plan, 'active' | 'scheduleFrom'>>
type RoundLite = Pick<
  Round,
  | '_id'
  | 'planId'
  | 'slotStart'
  | 'slotEnd'
  | 'status'
  | 'startedAt'
  | 'endedAt'
  | 'staffName'
  | 'timeFlag'
  | 'route'
  | 'limits'
>

/**
 * A plan's slots of the day starting `d0`, each with its round, and the plan's rounds of that
 * day that sit on no slot of its schedule now (walked before the plan was changed or stopped):
 * those keep their own slot, so an edit never drops a walked round from its day. By start.
 */
export function planDay<R extends Pick<Round, 'planId' | 'slotStart' | 'slotEnd'>>(
  p: PlanLite,
  d0: number,
  rs: ReadonlyMap<string, R>
): { slot: Slot; round?: R }[] {
  const rows: { slot: Slot; round?: R }[] = slotsOn(p, d0).map((slot) => ({
    slot,
    round: rs.get(slotKey(p._id, slot.start))
  }))
  const onSlot = new Set(rows.map((x) => x.slot.start))
  for (const r of rs.values())
    if (r.planId === p._id && !onSlot.has(r.slotStart) && r.slotStart >= d0 && r.slotStart < d0 + DAY_MS)
      rows.push({ slot: { planId: p._id, start: r.slotStart, end: r.slotEnd }, round: r })
  return rows.sort((a, b) => a.slot.start - b.slot.start)
}

/** Today's missed and late slots, from plans and rounds alone (what the supervisor's home card shows). */
export function dayAlerts(
  plans: readonly PlanLite[],
  rounds: readonly RoundLite[],
  d0: number,
  now: number
): { missed: number; late: number } {
  const rs = bySlot(rounds)
  let missed = 0
  let late = 0
  for (const p of plans)
    for (const { slot: s, round: r } of planDay(p, d0, rs)) {
      const state = slotState(r, s, now)
      if (state === 'missed') missed++
      if (countsLate(r, s, state)) late++
    }
  return { missed, late }
}

export interface DayRow {
  planId: string
  slotStart: number
  slotEnd: number
  state: SlotState
  roundId?: string
  staffName?: string
  coverage: number
  flags: string[]
}
export interface DayReport {
  plans: { planId: string; planName: string; routeName: string; rounds: DayRow[] }[]
  counts: {
    done: number
    inProgress: number
    late: number
    missed: number
    incomplete: number
    coverage: number
    anomalies: number
    suspicious: number
  }
}

/** Every slot of the day starting `d0`, with its round evaluated; coverage over the slots begun by `now`. */
export function dayReport(
  plans: readonly PlanLite[],
  routes: ReadonlyMap<string, Pick<Route, 'name' | 'checkpointIds'>>,
  rounds: readonly RoundLite[],
  scansByRound: ReadonlyMap<string, readonly ScanLite[]>,
  nameOf: (checkpointId: string) => string,
  d0: number,
  now: number
): DayReport {
  const rs = bySlot(rounds)
  const counts = {
    done: 0,
    inProgress: 0,
    late: 0,
    missed: 0,
    incomplete: 0,
    coverage: 0,
    anomalies: 0,
    suspicious: 0
  }
  let covered = 0
  let slotsPast = 0
  const out: DayReport['plans'] = []
  for (const p of plans) {
    const route = routes.get(p.routeId)
    const rows: DayRow[] = []
    const slots = planDay(p, d0, rs)
    // a stopped plan is on its day only with the rounds it had
    if (p.active === false && !slots.length) continue
    for (const { slot: s, round: r } of slots) {
      const state = slotState(r, s, now)
      const ev = r
        ? evaluateRound(p, route ?? { checkpointIds: [] }, r, scansByRound.get(r._id) ?? [], nameOf, now)
        : undefined
      const flags = [
        ...(ev?.flags ??
          (state === 'missed' ? ['漏巡'] : state === 'late' ? ['已过开始时间，还没人开始'] : [])),
        // a start or end whose phone time was not believed: the judgement rests on the server's
        ...(r?.timeFlag ? [timeDoubt(r.timeFlag)] : [])
      ]
      rows.push({
        planId: p._id,
        slotStart: s.start,
        slotEnd: s.end,
        state,
        roundId: r?._id,
        staffName: r?.staffName,
        coverage: ev?.coverage ?? 0,
        flags
      })
      if (state === 'done') counts.done++
      if (state === 'inProgress') counts.inProgress++
      if (countsLate(r, s, state)) counts.late++
      if (state === 'missed') counts.missed++
      if (state === 'abandoned' || ev?.incomplete) counts.incomplete++
      counts.anomalies += ev?.anomalies ?? 0
      counts.suspicious += ev?.suspicious ?? 0
      if (s.start <= now) {
        slotsPast++
        covered += ev?.coverage ?? 0
      }
    }
    out.push({
      planId: p._id,
      planName: p.active === false ? `${p.name}（已停用）` : p.name,
      routeName: route?.name ?? '',
      rounds: rows
    })
  }
  counts.coverage = slotsPast ? Math.round(covered / slotsPast) : 0
  return { plans: out, counts }
}

/**
 * A route's coverage on each of the seven days ending on the day starting `end`: the mean over
 * the slots begun by `now` of the share of its points scanned (a missed slot counts 0), null for
 * a day without slots. `scanned` is how many scans each round has.
 */
export function weekCoverage(
  route: Pick<Route, '_id' | 'checkpointIds'>,
  plans: readonly PlanLite[],
  rounds: ReadonlyMap<string, Pick<Round, '_id' | 'route'>>,
  scanned: ReadonlyMap<string, number>,
  end: number,
  now: number
): (number | null)[] {
  return Array.from({ length: 7 }, (_, i) => {
    const d0 = end - (6 - i) * DAY_MS
    let sum = 0
    let n = 0
    for (const p of plans) {
      if (p.routeId !== route._id) continue
      for (const s of slotsOn(p, d0)) {
        if (s.start > now) continue
        n++
        const r = rounds.get(slotKey(p._id, s.start))
        // out of the points the round had to walk (its kept route), else the route's now
        const points = (r?.route ?? route).checkpointIds.length
        if (r && points) sum += Math.min(100, ((scanned.get(r._id) ?? 0) / points) * 100)
      }
    }
    return n ? Math.round(sum / n) : null
  })
}

/** The slots of the last day whose window closed by `now` and that have no round: to be recorded missed. */
export function missedSlots(
  plans: readonly PlanSchedule[],
  rounds: readonly Pick<Round, 'planId' | 'slotStart'>[],
  now: number
): Slot[] {
  const taken = new Set(rounds.map((r) => slotKey(r.planId, r.slotStart)))
  return plans.flatMap((p) =>
    slotsBetween(p, now - DAY_MS, now).filter((s) => s.end <= now && !taken.has(slotKey(p._id, s.start)))
  )
}

/** The id of the round recording a missed slot: a second sweep finds it. */
export const missedRoundId = (planId: string, slotStart: number) => `missed-${planId}-${slotStart}`
