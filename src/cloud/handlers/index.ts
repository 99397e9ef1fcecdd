import type { ActionName, OutputOf, ParsedInputOf } from '../../domain/contract'
import type { Ctx } from '../context'
import * as auth from './auth'
import * as cron from './cron'
import * as files from './files'
import * as gate from './gate'
import * as gateAdmin from './gateAdmin'
import * as home from './home'
import * as patrol from './patrol'
import * as scripts from './scripts'
import * as shift from './shift'
import * as staff from './staff'
import * as work from './work'

export type Handler<A extends ActionName> = (input: ParsedInputOf<A>, ctx: Ctx) => Promise<OutputOf<A>>

/** Every action in the contract must have exactly one handler: the type enforces it. */
export const HANDLERS: { [A in ActionName]: Handler<A> } = {
  'auth.demoAccounts': auth.demoAccounts,
  'auth.demoLogin': auth.demoLogin,
  'auth.wxLogin': auth.wxLogin,
  'auth.bind': auth.bind,
  'auth.setup': auth.setup,
  'auth.logout': auth.logout,
  'me.profile': staff.profile,
  'home.today': home.today,
  'shift.start': shift.start,
  'shift.end': shift.end,
  'staff.list': staff.list,
  'staff.create': staff.create,
  'staff.bindCode': staff.bindCode,
  'scripts.recordRun': scripts.recordRun,
  'scripts.ack': scripts.ack,
  'scripts.myAcks': scripts.myAcks,
  'scripts.ackStatus': scripts.ackStatus,
  'scripts.runs': scripts.runs,
  'files.register': files.register,
  'gate.refs': gate.refs,
  'gate.board': gate.board,
  'gate.blockCheck': gate.blockCheck,
  'gate.checkIn': gate.checkIn,
  'gate.checkOut': gate.checkOut,
  'gate.visitor': gate.visitor,
  'gate.passCheck': gate.passCheck,
  'gate.vehicleIn': gate.vehicleIn,
  'gate.vehicleOut': gate.vehicleOut,
  'gate.goodsPassCheck': gate.goodsPassCheck,
  'gate.goodsCheck': gate.goodsCheck,
  'gate.passCreate': gateAdmin.passCreate,
  'gate.passRevoke': gateAdmin.passRevoke,
  'gate.passes': gateAdmin.passes,
  'gate.goodsIssue': gateAdmin.goodsIssue,
  'gate.goodsRevoke': gateAdmin.goodsRevoke,
  'gate.goodsPasses': gateAdmin.goodsPasses,
  'gate.blockSave': gateAdmin.blockSave,
  'gate.blockRemove': gateAdmin.blockRemove,
  'gate.ownerVehicleSave': gateAdmin.ownerVehicleSave,
  'gate.ownerVehicleRemove': gateAdmin.ownerVehicleRemove,
  'gate.permitSave': gateAdmin.permitSave,
  'gate.permitRemove': gateAdmin.permitRemove,
  'gate.dayLog': gateAdmin.dayLog,
  'gate.dayLogCsv': gateAdmin.dayLogCsv,
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
}
