import { defineHandlers } from '../kit'
import * as followup from './followup'
import * as inbox from './inbox'
import * as report from './report'
import * as supervise from './supervise'
import * as tasks from './tasks'

export { escalate, recurring } from './sweep'
export { emergenciesFor } from './emergencies'

/**
 * The work area: incidents and tasks in one loop. A report is routed by its category to a
 * department's pool as a task; the task's steps move the incident; completing it resolves the
 * incident and tells the reporter. Supervisors assign, review, follow up and read the board.
 */
export const WORK_HANDLERS = defineHandlers({
  'work.report': report.report,
  'work.reportMore': report.reportMore,
  'work.myIncidents': report.myIncidents,
  'work.incident': report.incident,
  'work.tasks': tasks.tasks,
  'work.taskAct': tasks.taskAct,
  'work.followUp': followup.followUp,
  'work.followUps': followup.followUps,
  'work.ownerPhone': followup.ownerPhone,
  'work.inbox': inbox.inbox,
  'work.inboxRead': inbox.inboxRead,
  'work.taskCreate': supervise.taskCreate,
  'work.taskReview': supervise.taskReview,
  'work.templateSave': supervise.templateSave,
  'work.templates': supervise.templates,
  'work.templateStop': supervise.templateStop,
  'work.board': supervise.board,
  'work.allTasks': supervise.allTasks
})
