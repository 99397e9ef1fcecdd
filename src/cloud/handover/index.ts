import { defineHandlers } from '../kit'
import * as handover from './handover'

/** The shift handover (交接班): the outgoing guard's list, the next guard's acceptance, the supervisor's day. */
export const HANDOVER_HANDLERS = defineHandlers({
  'handover.draft': handover.draft,
  'handover.submit': handover.submit,
  'handover.pending': handover.pending,
  'handover.accept': handover.accept,
  'handover.day': handover.day
})
