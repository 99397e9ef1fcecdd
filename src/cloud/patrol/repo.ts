/**
 * Patrol's stored records and the named queries its handlers use. Reads by id and writes go
 * through the kit's `Repo` (the transaction of a write), queries through the store.
 */
import type { Doc } from '../../domain/entities'
import type { Checkpoint, Plan, Round, Route, Scan } from '../../domain/patrol/model'
import { DuplicateKeyError } from '../data/port'
import { coll, Repo, type Coll } from '../kit'

export const CHECKPOINTS = coll<Checkpoint>('checkpoints')
export const ROUTES = coll<Route>('routes')
export const PLANS = coll<Plan>('plans')
export const ROUNDS = coll<Round>('rounds')
export const SCANS = coll<Scan>('scans')

/** A checkpoint's NTAG 424 DNA SUN keys (hex) and the last read counter accepted. Never sent out. */
export interface TagKeys extends Doc {
  estateId: string
  meta: string
  file: string
  /** -1 until the first tap */
  lastCounter: number
}
export const TAG_KEYS = coll<TagKeys>('tagkeys')
/** `<plan>@<slotStart>`: the claim that makes one round per plan slot. */
export interface RoundSlot extends Doc {
  roundId: string
}
export const ROUND_SLOTS = coll<RoundSlot>('roundslots')
/** `<roundId>@<checkpointId>`: the claim that makes one counted scan per point of a round. */
export interface ScanPoint extends Doc {
  scanId: string
}
export const SCAN_POINTS = coll<ScanPoint>('scanpoints')

/** Everything a round is checked against: the estate's active points, routes and plans by id. */
export interface World {
  checkpoints: Map<string, Checkpoint>
  routes: Map<string, Route>
  plans: Map<string, Plan>
}
/** A point's name, also for points removed since. */
export const nameIn = (w: World) => (id: string) => w.checkpoints.get(id)?.name ?? '已删除的点'

type Setup = Checkpoint | Route | Plan

export class PatrolRepo extends Repo {
  /** An estate's active points, routes or plans, oldest first. */
  active<T extends Setup>(c: Coll<T>, estateId: string): Promise<T[]> {
    return this.all(c, { where: { estateId, active: true }, orderBy: [['createdAt', 'asc']] })
  }

  /** An estate's stopped (停用) or removed points, routes or plans, oldest first. */
  stopped<T extends Setup>(c: Coll<T>, estateId: string): Promise<T[]> {
    return this.all(c, { where: { estateId, active: false }, orderBy: [['createdAt', 'asc']] })
  }

  /** The estate's active points, routes and plans, read at once. */
  async world(estateId: string): Promise<World> {
    const [c, r, p] = await Promise.all([
      this.active(CHECKPOINTS, estateId),
      this.active(ROUTES, estateId),
      this.active(PLANS, estateId)
    ])
    return {
      checkpoints: new Map(c.map((x) => [x._id, x])),
      routes: new Map(r.map((x) => [x._id, x])),
      plans: new Map(p.map((x) => [x._id, x]))
    }
  }

  /** The scans of these rounds, oldest first by the phone's clock. */
  async scansOf(roundIds: readonly string[]): Promise<Scan[]> {
    if (!roundIds.length) return []
    const got = await this.allIn(SCANS, 'roundId', roundIds, { orderBy: [['deviceTime', 'asc']] })
    return got.sort((a, b) => a.deviceTime - b.deviceTime)
  }

  /** How many scans a round has. */
  scanCount(roundId: string): Promise<number> {
    return this.count(SCANS, { roundId })
  }

  /** An estate's rounds whose slot starts in [from, to), by slot. */
  roundsBetween(estateId: string, from: number, to: number): Promise<Round[]> {
    return this.all(ROUNDS, {
      where: { estateId, slotStart: { gte: from, lt: to } },
      orderBy: [['slotStart', 'asc']]
    })
  }

  /** The round of a plan's slot, found by query (the slot claim is what holds). */
  forSlot(estateId: string, planId: string, slotStart: number): Promise<Round | undefined> {
    return this.first(ROUNDS, { estateId, planId, slotStart }, [['slotStart', 'asc']])
  }

  /** The estate's active point with this typed code. */
  pointByCode(estateId: string, code: string): Promise<Checkpoint | undefined> {
    return this.first(CHECKPOINTS, { estateId, active: true, code }, [['createdAt', 'asc']])
  }

  /** The estate's point registered with this NFC tag (active or not: the caller says). */
  pointByTag(estateId: string, nfcTagId: string): Promise<Checkpoint | undefined> {
    return this.first(CHECKPOINTS, { estateId, nfcTagId }, [['createdAt', 'asc']])
  }

  /** The estate's signed (SUN) tags' keys: a handful per estate. */
  tagKeys(estateId: string): Promise<TagKeys[]> {
    return this.all(TAG_KEYS, { where: { estateId }, orderBy: [['_id', 'asc']] })
  }

  /** Whether no active point of the estate has this code. */
  async codeFree(estateId: string, code: string): Promise<boolean> {
    return (await this.count(CHECKPOINTS, { estateId, active: true, code })) === 0
  }

  /** Which of these rounds exist (by id). */
  async existingRounds(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set()
    const got = await this.allIn(ROUNDS, '_id', ids, { orderBy: [['_id', 'asc']] })
    return new Set(got.map((r) => r._id))
  }

  /**
   * One round per plan slot: the slot is claimed as a document id (`roundslots/<plan>@<start>`)
   * in the caller's transaction. Returns the round that holds the slot: `roundId` when this call
   * won it, another round's id when that one did.
   */
  async claimSlot(planId: string, slotStart: number, roundId: string): Promise<string> {
    const id = `${planId}@${slotStart}`
    try {
      await this.insert(ROUND_SLOTS, { _id: id, roundId })
      return roundId
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e
      const held = await this.get(ROUND_SLOTS, id)
      return held?.roundId ?? roundId
    }
  }

  /**
   * One scan per point of a round: the point is claimed as a document id
   * (`scanpoints/<roundId>@<checkpointId>`) in the caller's transaction. True when this scan won
   * it; false when another scan holds it.
   */
  async claimPoint(roundId: string, checkpointId: string, scanId: string): Promise<boolean> {
    try {
      // No look before the insert: a duplicate key is the answer (the claim is made once).
      await this.insert(SCAN_POINTS, { _id: `${roundId}@${checkpointId}`, scanId }, { fresh: true })
      return true
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e
      return false
    }
  }
}
