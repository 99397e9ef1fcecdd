/** What patrol's actions answer: stored records turned into the contract's shapes. */
import type { CheckpointOut, PlanOut, RoundOut, RouteOut, ScanOut } from '../../domain/contract'
import type { Checkpoint, Plan, Round, Route, Scan } from '../../domain/patrol/model'
import { evaluateRound, routeOfRound } from '../../domain/patrol/rules'
import { placeOf } from '../../domain/patrol/setup'
import { nameIn, type World } from './repo'

export function checkpointOut(c: Checkpoint): CheckpointOut {
  return {
    id: c._id,
    name: c.name,
    place: placeOf(c),
    code: c.code,
    hasPosition: !!c.position,
    position: c.position,
    questions: c.questions,
    nfcTagId: c.nfcTagId,
    signedTag: c.signedTag || undefined
  }
}

export function routeOut(r: Route): RouteOut {
  return {
    id: r._id,
    name: r.name,
    checkpointIds: r.checkpointIds,
    ordered: r.ordered,
    v: r._v,
    byName: r.byName,
    updatedAt: r.updatedAt
  }
}

export function planOut(p: Plan): PlanOut {
  return {
    id: p._id,
    name: p.name,
    routeId: p.routeId,
    days: p.days,
    start: p.start,
    end: p.end,
    everyMinutes: p.everyMinutes,
    minMinutes: p.minMinutes,
    maxMinutes: p.maxMinutes,
    roles: p.roles,
    active: p.active,
    v: p._v,
    byName: p.byName,
    updatedAt: p.updatedAt
  }
}

export function scanOut(s: Scan): ScanOut {
  return {
    id: s._id,
    roundId: s.roundId,
    checkpointId: s.checkpointId,
    checkpointName: s.checkpointName,
    method: s.method,
    deviceTime: s.deviceTime,
    serverTime: s.serverTime,
    anomalies: s.anomalies,
    outOfOrder: s.outOfOrder,
    evidence: s.evidence,
    staffName: s.staffName
  }
}

/** A round with its evaluation against the route and limits it started with (else its plan's as they are now). */
export function roundOut(w: World, r: Round, scans: readonly Scan[], now: number): RoundOut {
  const plan = w.plans.get(r.planId)
  const route = routeOfRound(r, w.routes.get(r.routeId))
  const evaluation = evaluateRound(
    plan ?? { minMinutes: 0, maxMinutes: 24 * 60 },
    route ?? { checkpointIds: [] },
    r,
    scans,
    nameIn(w),
    now
  )
  return {
    id: r._id,
    planId: r.planId,
    planName: plan?.name ?? '',
    routeId: r.routeId,
    route: route && { name: route.name, checkpointIds: route.checkpointIds, ordered: route.ordered },
    slotStart: r.slotStart,
    slotEnd: r.slotEnd,
    status: r.status,
    staffName: r.staffName,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    endReason: r.endReason,
    scannedIds: scans.map((s) => s.checkpointId),
    evaluation
  }
}
