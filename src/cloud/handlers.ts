import type { ActionName } from '../domain/contract'
import { mergeHandlers, type HandlerMap } from './kit'
import { CRON_HANDLERS } from './cron'
import { ESTATES_HANDLERS } from './estates'
import { FILES_HANDLERS } from './files'
import { GATE_HANDLERS } from './gate'
import { HANDOVER_HANDLERS } from './handover'
import { ATTENDANCE_HANDLERS } from './attendance'
import { PATROL_HANDLERS } from './patrol'
import { SAFETY_HANDLERS } from './safety'
import { REPORT_HANDLERS } from './report'
import { SCRIPTS_HANDLERS } from './scripts'
import { STAFF_HANDLERS } from './staff'
import { WORK_HANDLERS } from './work'

export type { Handler } from './kit'

/**
 * Every action in the contract has exactly one handler: a missing one fails the type check
 * (the annotation), one handled by two areas fails at load (`mergeHandlers`).
 */
export const HANDLERS: HandlerMap<ActionName> = mergeHandlers(
  STAFF_HANDLERS,
  SCRIPTS_HANDLERS,
  FILES_HANDLERS,
  GATE_HANDLERS,
  PATROL_HANDLERS,
  WORK_HANDLERS,
  ESTATES_HANDLERS,
  HANDOVER_HANDLERS,
  ATTENDANCE_HANDLERS,
  SAFETY_HANDLERS,
  REPORT_HANDLERS,
  CRON_HANDLERS
)
