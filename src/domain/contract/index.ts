import * as v from 'valibot'
import { ROLES, type Role } from '../roles'
import { action, defineActions, type ActionDef, type AnySchema } from './define'

export * from './define'
export * from './core'
export * from './staff'
export * from './scripts'
export * from './gate'
export * from './patrol'
export * from './work'
export * from './estates'
export * from './handover'
export * from './attendance'
export * from './safety'
export * from './report'
import { CORE_ACTIONS } from './core'
import { STAFF_ACTIONS } from './staff'
import { SCRIPTS_ACTIONS } from './scripts'
import { GATE_ACTIONS } from './gate'
import { PATROL_ACTIONS } from './patrol'
import { WORK_ACTIONS } from './work'
import { ESTATES_ACTIONS } from './estates'
import { HANDOVER_ACTIONS } from './handover'
import { ATTENDANCE_ACTIONS } from './attendance'
import { SAFETY_ACTIONS, SAFETY_TIMER_ACTIONS } from './safety'
import { REPORT_ACTIONS } from './report'

export interface SweepOut {
  expiredBindCodes: number
  prunedOps: number
  /** patrol rounds whose window closed with nobody walking them */
  missedRounds: number
  /** incidents and tasks past due, escalated to the supervisor */
  escalated: number
  /** tasks made today from recurring templates */
  recurring: number
  /** photo uploads nobody registered within a day, deleted */
  expiredUploads?: number
  /** guessing counters of windows long past, removed */
  prunedGuesses?: number
  /** tasks still held by someone disabled (a grab that raced the disable), back to the pool */
  releasedTasks?: number
  /** estates whose report of yesterday was stored (at their report hour) */
  reports?: number
  /** the timer's budget ran out before the end: the next run carries on */
  stoppedEarly?: boolean
}

/**
 * The whole API, each action declared once (in core.ts or its area's file). The dispatcher,
 * the authorization and bad-input tests read this object; the app's client reads only the
 * parts its package carries (src/stores/api.ts).
 */
/** The timer's own action (the `cron` function answers nothing else). */
export const CRON_ACTIONS = defineActions({
  'cron.sweep': action<SweepOut>()({
    fn: 'cron',
    input: v.strictObject({}),
    access: 'system',
    scope: 'none',
    write: false,
    summary: '定时：清理过期绑定码和旧的幂等记录，记漏巡，超时报事与任务告知主管，生成周期任务'
  })
})

export const ACTIONS = {
  ...CORE_ACTIONS,
  ...STAFF_ACTIONS,
  ...SCRIPTS_ACTIONS,
  ...GATE_ACTIONS,
  ...PATROL_ACTIONS,
  ...WORK_ACTIONS,
  ...ESTATES_ACTIONS,
  ...HANDOVER_ACTIONS,
  ...ATTENDANCE_ACTIONS,
  ...SAFETY_ACTIONS,
  ...SAFETY_TIMER_ACTIONS,
  ...REPORT_ACTIONS,
  ...CRON_ACTIONS
} as const

export type Actions = typeof ACTIONS
export type ActionName = keyof Actions
export type InputOf<A extends ActionName> = v.InferInput<Actions[A]['input']>
export type ParsedInputOf<A extends ActionName> = v.InferOutput<Actions[A]['input']>
export type OutputOf<A extends ActionName> =
  Actions[A] extends ActionDef<string, AnySchema, infer O> ? O : never

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[]

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}

/** Roles that pass an action's access rule, for UI gating; the server decides for real. */
export function rolesFor(name: ActionName): readonly Role[] {
  const a = ACTIONS[name].access
  if (a === 'public' || a === 'any') return ROLES
  if (a === 'system') return []
  return a
}

/** The request every transport carries. */
export interface Request<A extends ActionName = ActionName> {
  action: A
  input: InputOf<A>
  estateId?: string
  /** For writes: the client's operation id (the idempotency key) and its device time. */
  op?: { id: string; deviceTime: number }
  token?: string
}
