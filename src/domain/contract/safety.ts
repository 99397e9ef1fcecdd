/**
 * Lone-worker safety on patrol (报平安 · 求助): the walker's check-ins and panic button, the
 * alerts the supervisors and the guards on duty see and acknowledge, and the timer's cheap
 * check of due check-ins (`cron.safety`). The patrol subpackage and the safety subpackage load
 * these actions (src/pages/patrol/model, src/pages/safety/model). Rules: src/domain/safety.
 */
import * as v from 'valibot'
import type { Role } from '../roles'
import { MANAGER_ROLES } from '../roles'
import type { AlertKind, SafetyPosition } from '../safety/rules'
import { action, defineActions, devicePosition, id, optText } from './define'
import { PATROL_ROLES } from './patrol'

/** Who is alerted and may acknowledge: the estate's managers and the guards (on duty: the inbox). */
export const SAFETY_WATCH_ROLES: readonly Role[] = ['guard', ...MANAGER_ROLES]

/** An alert as the app shows it. */
export interface AlertOut {
  id: string
  kind: AlertKind
  staffName: string
  at: number
  title: string
  /** when, last position, last checkpoint, acknowledgement: the lines shown under the title */
  lines: string[]
  position?: SafetyPosition
  mapUrl?: string
  status: 'open' | 'acked'
  ackByName?: string
  ackAt?: number
  ackNote?: string
}

/** The walker's check-in state: the estate's rhythm and the round being watched. */
export interface SafetyMine {
  checkInMinutes: number
  graceMinutes: number
  watch?: { roundId: string; lastAt: number; dueAt: number; alertAt: number; status: string }
}

export interface CheckInOut {
  /** whether the check-in counted (a flagged phone time on a queued one does not) */
  counted: boolean
  dueAt?: number
  alertAt?: number
}

export interface SafetyTimerOut {
  /** due watches looked at */
  checked: number
  /** alerts raised */
  alerted: number
}

const roundId = () => id()

export const SAFETY_ACTIONS = defineActions({
  'safety.mine': action<SafetyMine>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: PATROL_ROLES,
    scope: 'estate',
    write: false,
    summary: '报平安：本小区的间隔与我正在巡的轮次何时该报'
  }),
  'safety.checkIn': action<CheckInOut>()({
    fn: 'staff',
    input: v.strictObject({ roundId: roundId(), position: v.optional(devicePosition()) }),
    access: PATROL_ROLES,
    scope: 'estate',
    write: true,
    summary: '报平安：巡更途中按「我安全」'
  }),
  'safety.panic': action<AlertOut>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      roundId: v.optional(roundId()),
      position: v.optional(devicePosition())
    }),
    access: PATROL_ROLES,
    scope: 'estate',
    write: true,
    summary: '求助：长按求助按钮，立即通知主管和在岗门岗'
  }),
  'safety.alerts': action<{ open: AlertOut[]; recent: AlertOut[] }>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: SAFETY_WATCH_ROLES,
    scope: 'estate',
    write: false,
    summary: '安全告警：未确认的和最近确认的'
  }),
  'safety.ack': action<AlertOut>()({
    fn: 'staff',
    input: v.strictObject({ alertId: id(), note: optText(100) }),
    access: SAFETY_WATCH_ROLES,
    scope: 'estate',
    write: true,
    summary: '安全告警：确认已处理（记录谁、何时、备注）'
  })
})

/** The minute timer's action (the `cron` function's second trigger): due check-ins only. */
export const SAFETY_TIMER_ACTIONS = defineActions({
  'cron.safety': action<SafetyTimerOut>()({
    fn: 'cron',
    input: v.strictObject({}),
    access: 'system',
    scope: 'none',
    write: false,
    summary: '定时（每分钟）：巡更报平安超时的，告警主管和在岗门岗'
  })
})
