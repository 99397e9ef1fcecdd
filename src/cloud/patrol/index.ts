import { defineHandlers } from '../kit'
import * as reports from './reports'
import * as rounds from './rounds'
import * as scans from './scans'
import * as setup from './setup'

export { alertsToday, dayOf } from './reports'
export { today } from './rounds'
export { markMissed } from './missed'

/**
 * The patrol area (巡更): rounds walked against plans, scans checked against the route and rated
 * for evidence, the supervisor's setup (points, routes, plans, QR sheet) and reports.
 */
export const PATROL_HANDLERS = defineHandlers({
  'patrol.refs': setup.refs,
  'patrol.checkpointSave': setup.checkpointSave,
  'patrol.checkpointSunKey': setup.checkpointSunKey,
  'patrol.routeSave': setup.routeSave,
  'patrol.planSave': setup.planSave,
  'patrol.planActive': setup.planActive,
  'patrol.checkpointRemove': setup.checkpointRemove,
  'patrol.qrSheet': setup.qrSheet,
  'patrol.today': rounds.today,
  'patrol.start': rounds.start,
  'patrol.end': rounds.end,
  'patrol.round': rounds.round,
  'patrol.scan': scans.scan,
  'patrol.day': reports.day,
  'patrol.week': reports.week
})
