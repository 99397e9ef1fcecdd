import type { ActionName } from '../../domain/contract'
import { defineHandlers, mergeHandlers, type HandlerMap } from '../kit'
import { FILES_HANDLERS } from '../files'
import { GATE_HANDLERS } from '../gate'
import { SCRIPTS_HANDLERS } from '../scripts'
import { STAFF_HANDLERS } from '../staff'
import * as cron from './cron'
import * as patrol from './patrol'
import * as work from './work'

export type { Handler } from '../kit'

/** The areas not moved to `src/cloud/<area>/index.ts` yet. */
const NOT_MOVED = defineHandlers({
  'patrol.refs': patrol.refs,
  'patrol.today': patrol.today,
  'patrol.start': patrol.start,
  'patrol.scan': patrol.scan,
  'patrol.end': patrol.end,
  'patrol.checkpointSave': patrol.checkpointSave,
  'patrol.routeSave': patrol.routeSave,
  'patrol.planSave': patrol.planSave,
  'patrol.qrSheet': patrol.qrSheet,
  'patrol.day': patrol.day,
  'patrol.round': patrol.round,
  'patrol.week': patrol.week,
  'work.report': work.report,
  'work.reportMore': work.reportMore,
  'work.myIncidents': work.myIncidents,
  'work.incident': work.incident,
  'work.tasks': work.tasks,
  'work.taskAct': work.taskAct,
  'work.followUp': work.followUp,
  'work.followUps': work.followUps,
  'work.inbox': work.inbox,
  'work.inboxRead': work.inboxRead,
  'work.taskCreate': work.taskCreate,
  'work.taskReview': work.taskReview,
  'work.templateSave': work.templateSave,
  'work.board': work.board,
  'work.allTasks': work.allTasks,
  'cron.sweep': cron.sweep
})

/**
 * Every action in the contract has exactly one handler: a missing one fails the type check
 * (the annotation), one handled by two areas fails at load (`mergeHandlers`).
 */
export const HANDLERS: HandlerMap<ActionName> = mergeHandlers(
  STAFF_HANDLERS,
  SCRIPTS_HANDLERS,
  FILES_HANDLERS,
  GATE_HANDLERS,
  NOT_MOVED
)
