/**
 * The gate's stored records and the named queries its handlers use. Reads by id and writes go
 * through the kit's `Repo` (the transaction of a write); queries through the store.
 */
import { createHmac } from 'node:crypto'
import { AppError } from '../../domain/errors'
import type { BlockHitOut, GateBoard } from '../../domain/contract'
import type { Gate, Room } from '../../domain/entities'
import { labelParts } from '../../domain/estates/roomPick'
import { blockMatches, type BlockCandidate } from '../../domain/gate/block'
import type {
  BlockEntry,
  ConstructionPermit,
  GateEvent,
  GateEventType,
  GateLogType,
  GoodsCheck,
  GoodsSlip,
  OwnerVehicle,
  VehicleVisit,
  Visitor,
  VisitorPass
} from '../../domain/gate/entities'
import { passCode } from '../../domain/gate/machines'
import { dayStart, localDate } from '../../domain/time'
import type { TimeFlag } from '../../domain/time/eventTime'
import { requireCaller } from '../context'
import type { Page, Where } from '../data/port'
import { coll, Repo, type Coll } from '../kit'
import { ROOMS } from '../estates/repo'

export const VISITORS = coll<Visitor>('visitors')
export const VEHICLE_VISITS = coll<VehicleVisit>('vehiclevisits')
export const PASSES = coll<VisitorPass>('passes')
/** goods release slips; the collection keeps its first name (see data/schema.ts) */
export const GOODS_SLIPS = coll<GoodsSlip>('goodspasses')
export const GOODS_CHECKS = coll<GoodsCheck>('goodschecks')
export const GATE_EVENTS = coll<GateEvent>('gateevents')
/** Reference data a supervisor keeps: removed entries stay, with `active: false`. */
export type Kept<T> = T & { active: boolean }
export const BLOCKLIST = coll<Kept<BlockEntry>>('blocklist')
export const OWNER_VEHICLES = coll<Kept<OwnerVehicle>>('ownervehicles')
export const PERMITS = coll<Kept<ConstructionPermit>>('permits')
const GATES = coll<Gate>('gates')

/** The most a list of reference data (owner cars, permits, block list) holds. */
export const REFS_LIMIT = 1000
/** The most the desk's lists of passes show. */
export const LIST_LIMIT = 100
/** Lines per page of the day log. */
export const LOG_PAGE = 50

/** Today's event counts: what the board and the home cards show besides who is inside. */
export type DayCounts = Omit<GateBoard['counts'], 'insideNow' | 'overstay' | 'vehiclesInside'>

/** What a day-log line says; the guard and the time of writing are added here. */
export interface LogLine {
  estateId: string
  type: GateLogType
  event: GateEventType
  gate: string
  refId: string
  subject: string
  detail: string
  at: number
  /** why the phone's time was not kept (domain/time/eventTime.ts) */
  timeFlag?: TimeFlag
}

export class GateRepo extends Repo {
  // ---- ID hashes ----

  /** The salt a phone hashes an ID number with before it leaves the phone (one per estate). */
  deviceIdSalt(estateId: string): string {
    return createHmac('sha256', `${this.ctx.config.idSalt}:device`)
      .update(estateId)
      .digest('hex')
      .slice(0, 32)
  }
  /** What the server stores: the device hash peppered with a key only the server has. */
  pepperIdHash(deviceHash: string): string {
    return createHmac('sha256', `${this.ctx.config.idSalt}:pepper`).update(deviceHash).digest('hex')
  }

  // ---- reference data ----

  async gates(estateId: string): Promise<Gate[]> {
    return (await this.find(GATES, { where: { estateId }, orderBy: [['name', 'asc']], limit: 50 })).items
  }
  async ownerCars(estateId: string): Promise<OwnerVehicle[]> {
    return (
      await this.find(OWNER_VEHICLES, {
        where: { estateId, active: true },
        orderBy: [['plate', 'asc']],
        limit: REFS_LIMIT
      })
    ).items
  }
  /** The active owner cars with this plate (one, unless something went wrong: `limit` 2 shows it). */
  async ownerCarsWithPlate(estateId: string, plate: string, limit = 1): Promise<OwnerVehicle[]> {
    return (
      await this.find(OWNER_VEHICLES, {
        where: { estateId, active: true, plate },
        orderBy: [['plate', 'asc']],
        limit
      })
    ).items
  }
  async permits(estateId: string): Promise<ConstructionPermit[]> {
    return (
      await this.find(PERMITS, {
        where: { estateId, active: true },
        orderBy: [['no', 'asc']],
        limit: REFS_LIMIT
      })
    ).items
  }
  async permitsWithNo(estateId: string, no: string, limit = 1): Promise<ConstructionPermit[]> {
    return (
      await this.find(PERMITS, { where: { estateId, active: true, no }, orderBy: [['no', 'asc']], limit })
    ).items
  }
  /** Active block-list entries of the estate (a few hundred at most). */
  async blocklist(estateId: string): Promise<BlockEntry[]> {
    return (
      await this.find(BLOCKLIST, {
        where: { estateId, active: true },
        orderBy: [['createdAt', 'desc']],
        limit: REFS_LIMIT
      })
    ).items
  }
  /** Matches against the full list; `idHash` in the candidate must already be peppered. */
  async blockHits(estateId: string, c: BlockCandidate): Promise<BlockHitOut[]> {
    const rules = (await this.blocklist(estateId)).map((b) => ({
      id: b._id,
      kind: b.kind,
      name: b.name,
      phone: b.phone,
      idLast4: b.idLast4,
      idHash: b.idHash,
      plate: b.plate,
      reason: b.reason
    }))
    return blockMatches(rules, c)
  }

  // ---- visitors and vehicles ----

  /** Who is inside, longest first: one page of at most `limit`. */
  insideVisitors(estateId: string, limit: number): Promise<Page<Visitor>> {
    return this.find(VISITORS, { where: { estateId, status: 'inside' }, orderBy: [['inAt', 'asc']], limit })
  }
  /** Outside vehicles inside, longest first (owner cars are not watched). */
  insideVehicles(estateId: string, limit: number): Promise<Page<VehicleVisit>> {
    return this.find(VEHICLE_VISITS, {
      where: { estateId, status: 'inside', kind: 'outside' },
      orderBy: [['inAt', 'asc']],
      limit
    })
  }
  /** The latest visit of this phone to the estate since `since` (a returning visitor). */
  async lastVisitByPhone(estateId: string, phone: string, since: number): Promise<Visitor | undefined> {
    const page = await this.find(VISITORS, {
      where: { estateId, phone, inAt: { gte: since } },
      orderBy: [['inAt', 'desc']],
      limit: 1
    })
    return page.items[0]
  }
  /** The estate's room written as the guard writes it (1-1-101, or 1-101 without units). */
  async roomByLabel(estateId: string, label: string): Promise<Room | undefined> {
    const found = await Promise.all(
      labelParts(label).map((p) =>
        this.first(ROOMS, { estateId, building: p.building, unit: p.unit, no: p.no })
      )
    )
    return found.find(Boolean)
  }
  /** Owner cars on record as inside: the owner-car screen says whether a car is in. */
  insideOwnerCars(estateId: string, limit: number): Promise<Page<VehicleVisit>> {
    return this.find(VEHICLE_VISITS, {
      where: { estateId, status: 'inside', kind: 'owner' },
      orderBy: [['inAt', 'asc']],
      limit
    })
  }
  /** The stay of this plate still open, the latest should there be two. */
  openStay(estateId: string, plate: string): Promise<VehicleVisit | undefined> {
    return this.first(VEHICLE_VISITS, { estateId, plate, status: 'inside' }, [['inAt', 'desc']])
  }
  /** This plate's last exit. */
  lastExit(estateId: string, plate: string): Promise<VehicleVisit | undefined> {
    return this.first(VEHICLE_VISITS, { estateId, plate, status: 'left' }, [['outAt', 'desc']])
  }

  // ---- passes ----

  /** The record with this code: the live one if any, else the latest (to say why it cannot be used); both read at once. */
  private async byCode<T extends VisitorPass | GoodsSlip>(
    c: Coll<T>,
    estateId: string,
    code: string,
    live: string
  ): Promise<T | undefined> {
    const [active, latest] = await Promise.all([
      this.first(c, { estateId, code, status: live }, [['createdAt', 'desc']]),
      this.first(c, { estateId, code }, [['createdAt', 'desc']])
    ])
    return active ?? latest
  }
  passByCode(estateId: string, code: string): Promise<VisitorPass | undefined> {
    return this.byCode(PASSES, estateId, code, 'active')
  }
  goodsSlipByCode(estateId: string, code: string): Promise<GoodsSlip | undefined> {
    return this.byCode(GOODS_SLIPS, estateId, code, 'issued')
  }
  /** A six-digit code no other live pass of the estate has (codes of used passes may come back). */
  async freshCode(kind: 'visitor' | 'goods', estateId: string): Promise<string> {
    const c: Coll<VisitorPass | GoodsSlip> = kind === 'visitor' ? PASSES : GOODS_SLIPS
    const live = kind === 'visitor' ? 'active' : 'issued'
    for (let i = 0; i < 20; i++) {
      const code = passCode(this.ctx.config.random)
      if ((await this.count(c, { estateId, code, status: live })) === 0) return code
    }
    throw new AppError('INTERNAL', '生成通行码失败，请重试')
  }
  async recentPasses(estateId: string): Promise<VisitorPass[]> {
    return (
      await this.find(PASSES, { where: { estateId }, orderBy: [['createdAt', 'desc']], limit: LIST_LIMIT })
    ).items
  }
  async recentGoodsSlips(estateId: string): Promise<GoodsSlip[]> {
    return (
      await this.find(GOODS_SLIPS, {
        where: { estateId },
        orderBy: [['createdAt', 'desc']],
        limit: LIST_LIMIT
      })
    ).items
  }

  // ---- today's counts ----

  /**
   * Today's event counts (estate time), every count at once: cheap even with years of
   * records. Refused and redirected visitors are one count, released and refused goods another.
   */
  async dayCounts(estateId: string): Promise<DayCounts> {
    const since = dayStart(this.now)
    const events = (...event: GateEventType[]) =>
      this.count(GATE_EVENTS, {
        estateId,
        event: event.length === 1 ? event[0] : { in: event },
        at: { gte: since }
      })
    const [visitorsIn, visitorsOut, visitorsRefused, vehiclesIn, vehiclesOut, goodsChecked, passesUsed] =
      await Promise.all([
        events('visitorIn'),
        events('visitorOut'),
        // not let in: refused, or sent to the clubhouse to view a flat
        events('visitorRefused', 'visitorRedirected'),
        events('vehicleIn'),
        events('vehicleOut'),
        events('goodsReleased', 'goodsRefused'),
        this.count(PASSES, { estateId, status: 'used', usedAt: { gte: since } })
      ])
    return {
      visitorsIn,
      visitorsOut,
      visitorsRefused,
      vehiclesIn,
      vehiclesOut,
      passesChecked: passesUsed + goodsChecked,
      goodsChecked
    }
  }
  /** Visitors inside, of them overstaying (inside longer than `limitMs`), and outside vehicles inside. */
  async insideCounts(
    estateId: string,
    limitMs: number
  ): Promise<{ insideNow: number; overstay: number; vehiclesInside: number }> {
    const [insideNow, overstay, vehiclesInside] = await Promise.all([
      this.count(VISITORS, { estateId, status: 'inside' }),
      this.count(VISITORS, { estateId, status: 'inside', inAt: { lt: this.now - limitMs } }),
      this.count(VEHICLE_VISITS, { estateId, status: 'inside', kind: 'outside' })
    ])
    return { insideNow, overstay, vehiclesInside }
  }

  // ---- the day log ----

  /**
   * One line of the day's gate log, in the same transaction as the record it describes. Its id
   * comes from that record, which the handler has just made or moved (so it is inserted without
   * a look first; should it exist, the operation fails as a duplicate).
   */
  async logEvent(e: LogLine): Promise<GateEvent> {
    const { staff } = requireCaller(this.ctx)
    return this.insert(
      GATE_EVENTS,
      {
        _id: `${e.refId}.${e.event}`,
        estateId: e.estateId,
        at: e.at,
        day: localDate(e.at),
        type: e.type,
        event: e.event,
        gate: e.gate,
        by: staff._id,
        byName: staff.name,
        refId: e.refId,
        subject: e.subject,
        detail: e.detail,
        ...(e.timeFlag ? { timeFlag: e.timeFlag } : {})
      },
      { fresh: true }
    )
  }
  /** One page of the log in time order; a cursor that is not ours is INVALID_INPUT. */
  async logPage(where: Where, limit: number, after?: string): Promise<Page<GateEvent>> {
    try {
      return await this.find(GATE_EVENTS, { where, orderBy: [['at', 'asc']], limit, after })
    } catch (e) {
      if (e instanceof Error && e.message === 'bad cursor')
        throw new AppError('INVALID_INPUT', '填写的内容有误：翻页位置不正确，请刷新', [
          { field: 'after', message: '翻页位置不正确，请刷新' }
        ])
      throw e
    }
  }
  /** Events per range (an hour each), counted over the index (estate, time), all at once. */
  hourly(where: Where, ranges: readonly ({ gte: number; lt: number } | null)[]): Promise<number[]> {
    return Promise.all(
      ranges.map((r) => (r ? this.count(GATE_EVENTS, { ...where, at: r }) : Promise.resolve(0)))
    )
  }
}
