/** The sweep's patrol step: slots whose window closed with nobody on them are recorded as missed rounds. */
import type { Estate } from '../../domain/entities'
import { missedRoundId, missedSlots } from '../../domain/patrol/day'
import type { Slot } from '../../domain/patrol/slots'
import { DAY_MS, dayStart } from '../../domain/time'
import type { Ctx } from '../context'
import { coll } from '../kit'
import { inSets } from '../cron/sets'
import { PatrolRepo, PLANS, ROUNDS } from './repo'

const ESTATES = coll<Estate>('estates')

/**
 * Rounds whose window closed in the last day with nobody on them are recorded as missed. Per
 * estate: the plans and rounds are read at once, which of the missed ids exist already with one
 * query per hundred, then the slots are claimed and recorded in sets (each set two round trips:
 * the claim, then the round). The slot claim still guarantees one round per plan slot: a round
 * started at the same moment holds the slot, and that slot is not missed.
 */
export async function markMissed(ctx: Ctx): Promise<number> {
  // The cron has no transaction: the repository reads and writes the store.
  const repo = new PatrolRepo({ ...ctx, db: ctx.store })
  let n = 0
  const estates = await repo.all(ESTATES, { orderBy: [['_id', 'asc']] })
  for (const e of estates) {
    const [plans, rounds] = await Promise.all([
      repo.active(PLANS, e._id),
      repo.roundsBetween(e._id, dayStart(ctx.now) - 3 * DAY_MS, ctx.now + DAY_MS)
    ])
    if (!plans.length) continue
    const byId = new Map(plans.map((p) => [p._id, p]))
    const open = missedSlots(plans, rounds, ctx.now)
    const done = await repo.existingRounds(open.map((s) => missedRoundId(s.planId, s.start)))
    const todo = open.filter((s) => !done.has(missedRoundId(s.planId, s.start)))
    await inSets(todo, async (s: Slot) => {
      const id = missedRoundId(s.planId, s.start)
      // a round started at the same moment holds the slot: not missed
      if ((await repo.claimSlot(s.planId, s.start, id)) !== id) return
      const p = byId.get(s.planId)!
      await repo.insert(ROUNDS, {
        _id: id,
        estateId: e._id,
        planId: p._id,
        routeId: p.routeId,
        slotStart: s.start,
        slotEnd: s.end,
        status: 'missed'
      })
      n++
    })
  }
  return n
}
