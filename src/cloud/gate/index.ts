import { defineHandlers } from '../kit'
import * as admin from './admin'
import * as board from './board'
import * as goods from './goods'
import * as lockouts from './lockouts'
import * as log from './log'
import * as passes from './passes'
import * as vehicles from './vehicles'
import * as visitors from './visitors'

export { todayCounts } from './board'

/**
 * The gate area: visitors, vehicles and goods at the gate, the desk's passes and release slips,
 * the board, the day log, and the reference data supervisors manage.
 */
export const GATE_HANDLERS = defineHandlers({
  'gate.refs': admin.refs,
  'gate.board': board.board,
  'gate.blockCheck': visitors.blockCheck,
  'gate.checkIn': visitors.checkIn,
  'gate.checkOut': visitors.checkOut,
  'gate.visitor': visitors.visitor,
  'gate.passCheck': passes.passCheck,
  'gate.vehicleIn': vehicles.vehicleIn,
  'gate.vehicleOut': vehicles.vehicleOut,
  'gate.goodsSlipCheck': goods.goodsSlipCheck,
  'gate.goodsCheck': goods.goodsCheck,
  'gate.passCreate': passes.passCreate,
  'gate.passRevoke': passes.passRevoke,
  'gate.passes': passes.passes,
  'gate.goodsIssue': passes.goodsIssue,
  'gate.goodsRevoke': passes.goodsRevoke,
  'gate.goodsSlips': passes.goodsSlips,
  'gate.blockSave': admin.blockSave,
  'gate.blockRemove': admin.blockRemove,
  'gate.ownerVehicleSave': admin.ownerVehicleSave,
  'gate.ownerVehicleRemove': admin.ownerVehicleRemove,
  'gate.permitSave': admin.permitSave,
  'gate.permitRemove': admin.permitRemove,
  'gate.dayLog': log.dayLog,
  'gate.dayLogCsv': log.dayLogCsv,
  'gate.ownerPhone': visitors.ownerPhone,
  'gate.visitorRecall': visitors.visitorRecall,
  'gate.lockouts': lockouts.lockouts,
  'gate.lockoutLift': lockouts.lockoutLift
})
