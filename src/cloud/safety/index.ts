import { defineHandlers } from '../kit'
import * as safety from './safety'

export { watchRound, unwatchRound, raiseDueFor, openAlertsOf } from './safety'

/** Lone-worker safety on patrol: check-ins, panic, alerts and their acknowledgement, the minute timer. */
export const SAFETY_HANDLERS = defineHandlers({
  'safety.mine': safety.mine,
  'safety.checkIn': safety.checkIn,
  'safety.panic': safety.panic,
  'safety.alerts': safety.alerts,
  'safety.ack': safety.ack,
  'cron.safety': safety.timer
})
