import type { HomeToday } from '../../domain/contract'
import type { Ctx } from '../context'
import { defineHandlers } from '../kit'
import { HandoverRepo } from './repo'
import * as handover from './handover'

/** The shift handover (交接班): the outgoing guard's list, the next guard's acceptance, the supervisor's day. */
export const HANDOVER_HANDLERS = defineHandlers({
  'handover.draft': handover.draft,
  'handover.submit': handover.submit,
  'handover.pending': handover.pending,
  'handover.accept': handover.accept,
  'handover.day': handover.day
})

/** The estate's handovers waiting for someone to take over, oldest first: the home page's 接班 buttons. */
export async function openHandovers(
  ctx: Ctx,
  estateId: string
): Promise<NonNullable<HomeToday['handovers']>> {
  const open = await new HandoverRepo(ctx).openIn(estateId)
  return open.map((h) => ({ id: h._id, post: h.post, fromName: h.fromName, at: h.at }))
}
