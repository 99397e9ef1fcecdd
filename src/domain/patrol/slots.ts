/**
 * When rounds are due. Plans are written in estate time (UTC+8, no daylight saving); a window
 * may cross midnight (20:00–06:00). A slot belongs to the day its window opened.
 */
import { DAY_MS as DAY, dayStart, weekday } from '../time'
import type { Plan } from './model'

export interface Slot {
  planId: string
  start: number
  /** the next slot's start (or the window's end): the round should be done by then */
  end: number
}

export function minutesOf(hm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hm)
  if (!m) throw new Error(`bad time ${hm}`)
  return +m[1] * 60 + +m[2]
}

export { weekday }

/**
 * A plan's schedule. A stopped plan (`active: false`) has no slots; one whose schedule took
 * effect at `scheduleFrom` has none that closed before then (they were nobody's to walk).
 */
export type PlanSchedule = Pick<Plan, '_id' | 'days' | 'start' | 'end' | 'everyMinutes'> &
  Partial<Pick<Plan, 'active' | 'scheduleFrom'>>

/** The slots of a plan whose window opens on the estate day containing `day`. */
export function slotsOn(plan: PlanSchedule, day: number): Slot[] {
  const d0 = dayStart(day)
  if (plan.active === false || !plan.days.includes(weekday(d0))) return []
  const from = plan.scheduleFrom ?? -Infinity
  const s = minutesOf(plan.start)
  let e = minutesOf(plan.end)
  if (e <= s) e += 24 * 60
  const every = Math.max(10, plan.everyMinutes)
  const out: Slot[] = []
  for (let m = s; m < e; m += every) {
    const end = d0 + Math.min(m + every, e) * 60_000
    if (end > from) out.push({ planId: plan._id, start: d0 + m * 60_000, end })
  }
  return out
}

/** Slots that overlap [from, to): yesterday's overnight windows included. */
export function slotsBetween(plan: PlanSchedule, from: number, to: number): Slot[] {
  const out: Slot[] = []
  for (let d = dayStart(from) - DAY; d < to; d += DAY)
    for (const s of slotsOn(plan, d)) if (s.end > from && s.start < to) out.push(s)
  return out
}

/** The slot open now, if any, and the next one to come (within two days). */
export function currentAndNext(plan: PlanSchedule, now: number): { current?: Slot; next?: Slot } {
  const slots = slotsBetween(plan, now - DAY, now + 2 * DAY)
  return { current: slots.find((s) => s.start <= now && now < s.end), next: slots.find((s) => s.start > now) }
}
