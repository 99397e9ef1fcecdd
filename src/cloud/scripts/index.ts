import { defineHandlers } from '../kit'
import { ack, ackStatus, myAcks } from './acks'
import { recordRun, runs } from './runs'

/** The scripts area (话术): runs and read receipts. */
export const SCRIPTS_HANDLERS = defineHandlers({
  'scripts.recordRun': recordRun,
  'scripts.ack': ack,
  'scripts.myAcks': myAcks,
  'scripts.ackStatus': ackStatus,
  'scripts.runs': runs
})
