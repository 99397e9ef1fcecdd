/**
 * Records the cloud tests start from, made through the real actions (so they are what the app
 * would store): an incident, a task, a checkpoint, a route, a plan, a round, a visitor, and a
 * second estate with one person per role. Each takes the fields a test is about as overrides.
 */
import type { Harness } from '../cloud/harness'
import type { ActionName, InputOf, OutputOf } from '../../src/domain/contract'
import { ROLES, type Role } from '../../src/domain/roles'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import type { Who } from './caller'
import { expectRefused } from './expect'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

let n = 0
/** A fresh id for a record: unique in the run, valid for the contract's `id()`. */
export const uid = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`

/** The demo plan (全天巡逻: every two hours from 00:00, estate time) and its slot at `now`. */
export const DEMO_PLAN = 'demo-plan-day'
export const DEMO_ROUTE = 'demo-route-1'
/** The demo route's points in order, with their typed codes. */
export const DEMO_POINTS = [
  { id: 'demo-cp-1', name: '1栋大堂', code: 'K2M3' },
  { id: 'demo-cp-2', name: '地下车库入口', code: 'K2M4' },
  { id: 'demo-cp-3', name: '消防泵房', code: 'K2M5' },
  { id: 'demo-cp-4', name: '东门围墙', code: 'K2M6' }
] as const
const CHINA = 8 * HOUR
export const slotAt = (now: number, everyMinutes = 120) => now - ((now + CHINA) % (everyMinutes * MINUTE))

/** A one-tap report (a light out, by the guard unless said). */
export function incident(
  h: Harness,
  extra: Partial<InputOf<'work.report'>> = {},
  who: Who = 'guard'
): Promise<OutputOf<'work.report'>> {
  return h.as(who).call('work.report', { id: uid('inc'), category: 'light', place: '车库B区', ...extra })
}

/** A task a supervisor gives the demo cleaner, due in an hour, no photo needed (override any of it). */
export function task(
  h: Harness,
  extra: Partial<InputOf<'work.taskCreate'>> = {},
  who: Who = 'supervisor'
): Promise<OutputOf<'work.taskCreate'>> {
  return h.as(who).call('work.taskCreate', {
    id: uid('task'),
    title: '大堂保洁',
    type: 'cleaning',
    place: '1栋大堂',
    checklist: [],
    priority: 'normal',
    photoRequired: false,
    assigneeId: 'demo-cleaner',
    dueAt: h.clock.now + HOUR,
    ...extra
  })
}

export function checkpoint(
  h: Harness,
  extra: Partial<InputOf<'patrol.checkpointSave'>> = {},
  who: Who = 'supervisor'
): Promise<OutputOf<'patrol.checkpointSave'>> {
  return h.as(who).call('patrol.checkpointSave', { id: uid('cp'), name: '2栋天台', questions: [], ...extra })
}

export function route(
  h: Harness,
  checkpointIds: string[],
  extra: Partial<InputOf<'patrol.routeSave'>> = {},
  who: Who = 'supervisor'
): Promise<OutputOf<'patrol.routeSave'>> {
  return h
    .as(who)
    .call('patrol.routeSave', { id: uid('route'), name: '天台路线', checkpointIds, ordered: false, ...extra })
}

export function plan(
  h: Harness,
  routeId: string,
  extra: Partial<InputOf<'patrol.planSave'>> = {},
  who: Who = 'supervisor'
): Promise<OutputOf<'patrol.planSave'>> {
  return h.as(who).call('patrol.planSave', {
    id: uid('plan'),
    name: '夜巡',
    routeId,
    days: [0, 1, 2, 3, 4, 5, 6],
    start: '00:00',
    end: '23:59',
    everyMinutes: 120,
    minMinutes: 5,
    maxMinutes: 60,
    roles: ['patrol', 'guard'],
    ...extra
  })
}

/** A round of the demo plan's current slot, started by the patrol person unless said. */
export function round(
  h: Harness,
  who: Who = 'patrol',
  extra: Partial<InputOf<'patrol.start'>> = {}
): Promise<OutputOf<'patrol.start'>> {
  return h
    .as(who)
    .call('patrol.start', { id: uid('round'), planId: DEMO_PLAN, slotStart: slotAt(h.clock.now), ...extra })
}

/** A scan by typed code (the demo points' codes are in DEMO_POINTS). */
export function scan(
  h: Harness,
  roundId: string,
  value: string,
  extra: Partial<InputOf<'patrol.scan'>> = {},
  who: Who = 'patrol'
): Promise<OutputOf<'patrol.scan'>> {
  return h
    .as(who)
    .call('patrol.scan', { id: uid('scan'), roundId, method: 'typed', value, answers: {}, ...extra })
}

/** A walk-in owner's guest, admitted at 东门 by the guard. */
export function visitor(
  h: Harness,
  extra: Partial<InputOf<'gate.checkIn'>> = {},
  who: Who = 'guard'
): Promise<OutputOf<'gate.checkIn'>> {
  return h.as(who).call('gate.checkIn', {
    id: uid('v'),
    gate: '东门',
    source: 'walkin',
    case: 'ownerGuest',
    name: '王小明',
    idDoc: { type: 'none', last4: '' },
    idDeposited: false,
    people: 1,
    room: '1-1-101',
    result: 'admitted',
    ...extra
  } as InputOf<'gate.checkIn'>)
}

/** The second estate of a test (otherEstate). */
export interface OtherEstate {
  id: string
  /** the role's person working only there */
  person: (r: Role) => string
  /** the role's person working in both estates */
  both: (r: Role) => string
  /**
   * Called in e2 by `who`, the action does not find this estate's record: NOT_FOUND with a
   * Chinese message, nothing stored (expectRefused).
   */
  notFound<A extends ActionName>(
    who: Who,
    action: A,
    input: InputOf<A> | Record<string, unknown>
  ): Promise<string>
}

/**
 * A second estate, `e2`, with one person per role working only there (`<role>-e2`), and a
 * `<role>-both` for each role working in both estates.
 */
export const OTHER_ESTATE = 'e2'
export async function otherEstate(h: Harness): Promise<OtherEstate> {
  await h.addEstate(OTHER_ESTATE, '别的小区')
  for (const r of ROLES) {
    await h.addStaff(`${r}-e2`, r === 'admin' ? ['admin', 'supervisor'] : [r], [OTHER_ESTATE])
    await h.addStaff(`${r}-both`, [r], [DEMO_ESTATE_ID, OTHER_ESTATE])
  }
  return {
    id: OTHER_ESTATE,
    person: (r) => `${r}-e2`,
    both: (r) => `${r}-both`,
    notFound: (who, action, input) =>
      expectRefused(h, who, action, input, 'NOT_FOUND', undefined, { estateId: OTHER_ESTATE })
  }
}
