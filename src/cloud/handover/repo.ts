/**
 * The handover's stored records and the reads its list is built from: the post's gate records
 * (visitors and cars inside, today's passes and slips, block-list hits), the caller's open
 * shift, and the open incidents they reported.
 */
import type { Handover } from '../../domain/handover/rules'
import { dayStart } from '../../domain/time'
import { coll, Repo } from '../kit'
import { GOODS_SLIPS, PASSES, VEHICLE_VISITS, VISITORS } from '../gate/repo'
import { INCIDENTS } from '../work/repo'
import { OPEN_SHIFTS, SHIFTS } from '../staff/repo'
import { openShiftMarkId } from '../../domain/staff/rules'
import type { Gate } from '../../domain/entities'

export const HANDOVERS = coll<Handover>('handovers')
const GATES = coll<Gate>('gates')

/** The most a board read lists (as the gate board). */
const INSIDE_LIMIT = 500
/** Visitors or cars of one shift read for block-list hits (a gate sees far fewer in a shift). */
const BLOCKLIST_HITS_LIMIT = 500

export class HandoverRepo extends Repo {
  async gateNames(estateId: string): Promise<string[]> {
    return (await this.find(GATES, { where: { estateId }, orderBy: [['name', 'asc']], limit: 50 })).items
      .filter((g) => g.active !== false)
      .map((g) => g.name)
  }

  /** When the caller's open shift began (the marker first, as shift.start keeps it), else today's start. */
  async shiftStart(staffId: string, estateId: string): Promise<number> {
    const mark = await this.get(OPEN_SHIFTS, openShiftMarkId(staffId, estateId))
    const shift = mark?.shiftId ? await this.get(SHIFTS, mark.shiftId) : undefined
    return shift?.status === 'on' ? shift.startedAt : dayStart(this.now)
  }

  async inside(estateId: string) {
    const [visitors, vehicles] = await Promise.all([
      this.find(VISITORS, {
        where: { estateId, status: 'inside' },
        orderBy: [['inAt', 'asc']],
        limit: INSIDE_LIMIT
      }),
      this.find(VEHICLE_VISITS, {
        where: { estateId, status: 'inside', kind: 'outside' },
        orderBy: [['inAt', 'asc']],
        limit: INSIDE_LIMIT
      })
    ])
    return { visitors: visitors.items, vehicles: vehicles.items }
  }

  /** Recent passes and slips (the desk's lists): today's open ones are among them. */
  async passesAndSlips(estateId: string) {
    const [passes, slips] = await Promise.all([
      this.find(PASSES, { where: { estateId }, orderBy: [['createdAt', 'desc']], limit: 100 }),
      this.find(GOODS_SLIPS, { where: { estateId }, orderBy: [['createdAt', 'desc']], limit: 100 })
    ])
    return { passes: passes.items, slips: slips.items }
  }

  /** Visitors and cars recorded since `since` that matched the block list. */
  async blockHits(estateId: string, since: number) {
    const [visitors, vehicles] = await Promise.all([
      this.find(VISITORS, {
        where: { estateId, inAt: { gte: since } },
        orderBy: [['inAt', 'asc']],
        limit: BLOCKLIST_HITS_LIMIT
      }),
      this.find(VEHICLE_VISITS, {
        where: { estateId, inAt: { gte: since } },
        orderBy: [['inAt', 'asc']],
        limit: BLOCKLIST_HITS_LIMIT
      })
    ])
    return [
      ...visitors.items
        .filter((x) => x.blockHit)
        .map((x) => ({ subject: x.name, gate: x.gate, at: x.inAt, reason: x.blockHit?.reason ?? '' })),
      ...vehicles.items
        .filter((x) => x.blockHit)
        .map((x) => ({
          subject: x.plate,
          gate: x.gate,
          at: x.inAt ?? since,
          reason: x.blockHit?.reason ?? ''
        }))
    ]
  }

  /** The caller's own incidents of the last week, newest first (the open ones are handed over). */
  async reportedBy(staffId: string, estateId: string) {
    const items = (
      await this.find(INCIDENTS, {
        where: { reporterId: staffId, reportedAt: { gte: this.now - 7 * 86_400_000 } },
        orderBy: [['reportedAt', 'desc']],
        limit: 50
      })
    ).items
    return items.filter((i) => i.estateId === estateId)
  }

  /** The post's open handovers, oldest first. */
  async openAt(estateId: string, post: string): Promise<Handover[]> {
    return (
      await this.find(HANDOVERS, {
        where: { estateId, post, status: 'open' },
        orderBy: [['at', 'asc']],
        limit: 20
      })
    ).items
  }

  /** The estate's open handovers, oldest first (an estate has a few posts, each at most a few open). */
  async openIn(estateId: string): Promise<Handover[]> {
    return (
      await this.find(HANDOVERS, { where: { estateId, status: 'open' }, orderBy: [['at', 'asc']], limit: 50 })
    ).items
  }

  async ofDay(estateId: string, day: string): Promise<Handover[]> {
    return this.all(HANDOVERS, { where: { estateId, day }, orderBy: [['at', 'asc']], pageSize: 200 })
  }
}
