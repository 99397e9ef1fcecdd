/**
 * Who is inside now and today's figures: the guard's board (and the supervisor's), and the
 * counts the home page's gate cards show.
 */
import type { GateBoard } from '../../domain/contract'
import type { Estate } from '../../domain/entities'
import { overstayCount, overstayLimitMs } from '../../domain/gate/rules'
import { requireEstate, type Ctx } from '../context'
import { vehicleItem, visitorItem } from './out'
import { GateRepo } from './repo'

/** The most a board lists; an estate with more people inside than this has other problems. */
export const BOARD_LIMIT = 500

export async function board(_: Record<string, never>, ctx: Ctx): Promise<GateBoard> {
  const estate = requireEstate(ctx)
  const repo = new GateRepo(ctx)
  const limit = overstayLimitMs(estate.settings)
  // the lists and the day's event counts at once; who is inside is counted from the lists
  // themselves (they are whole unless an estate has more than BOARD_LIMIT inside)
  const [visitors, vehicles, owners, day] = await Promise.all([
    repo.insideVisitors(estate._id, BOARD_LIMIT),
    repo.insideVehicles(estate._id, BOARD_LIMIT),
    repo.insideOwnerCars(estate._id, BOARD_LIMIT),
    repo.dayCounts(estate._id)
  ])
  const inside =
    visitors.next || vehicles.next
      ? await repo.insideCounts(estate._id, limit)
      : {
          insideNow: visitors.items.length,
          overstay: overstayCount(
            visitors.items.map((v) => v.inAt),
            ctx.now,
            limit
          ),
          vehiclesInside: vehicles.items.length
        }
  return {
    visitors: visitors.items.map((x) => visitorItem(x, ctx.now, limit)),
    vehicles: vehicles.items.map((x) => vehicleItem(x, ctx.now, limit)),
    ownerCarsInside: owners.items.map((x) => ({ id: x._id, plate: x.plate, inAt: x.inAt, gate: x.gate })),
    counts: { ...day, ...inside },
    overstayHours: limit / 3600_000,
    at: ctx.now
  }
}

/** Today's gate figures for the home cards: counts only, all at once (cheap with years of records). */
export async function todayCounts(ctx: Ctx, estate: Estate): Promise<GateBoard['counts']> {
  const repo = new GateRepo(ctx)
  const [day, inside] = await Promise.all([
    repo.dayCounts(estate._id),
    repo.insideCounts(estate._id, overstayLimitMs(estate.settings))
  ])
  return { ...day, ...inside }
}
