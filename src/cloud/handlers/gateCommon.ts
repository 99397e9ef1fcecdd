/**
 * What the gate handlers share: mapping stored records to what clients see (phones masked in
 * lists), the peppered ID hash, block-list matching, the gate event log and the time an
 * event happened.
 */
import { createHmac } from 'node:crypto'
import { AppError } from '../../domain/errors'
import type {
  BlockEntryOut,
  BlockHitOut,
  GoodsPassOut,
  OwnerVehicleOut,
  PassOut,
  PermitOut,
  VehicleItem,
  VisitorItem,
  VisitorOut
} from '../../domain/contract'
import { maskPhone } from '../../domain/privacy'
import { describeId } from '../../domain/gate/idtypes'
import { blockMatches, type BlockCandidate } from '../../domain/gate/block'
import { DEFAULT_OVERSTAY_MS, isOverstay, permitProblem } from '../../domain/gate/machines'
import {
  VISITOR_CASE_LABELS,
  VEHICLE_CASE_LABELS,
  type BlockEntry,
  type ConstructionPermit,
  type GateEvent,
  type GateEventType,
  type GateLogType,
  type GoodsPass,
  type OwnerVehicle,
  type VehicleVisit,
  type Visitor,
  type VisitorPass
} from '../../domain/gate/entities'
import { localDate } from '../../domain/time'
import type { Estate } from '../../domain/entities'
import { requireCaller, type Ctx } from '../context'
import type { D } from './common'

export function badInput(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `填写的内容有误：${message}`, [{ field, message }])
}

/**
 * When the thing happened: the phone's clock, unless it is flagged as off by more than five
 * minutes. A check-in saved offline at 23:50 and synced after midnight still happened at 23:50.
 */
export function eventTime(ctx: Ctx): number {
  return ctx.op && !ctx.op.skewFlag ? ctx.op.deviceTime : ctx.now
}

export function overstayMs(estate: Estate): number {
  const h = estate.settings?.overstayHours
  return typeof h === 'number' && h > 0 ? h * 3600_000 : DEFAULT_OVERSTAY_MS
}

/** The salt a phone hashes an ID number with before it leaves the phone (one per estate). */
export function deviceIdSalt(ctx: Ctx, estateId: string): string {
  return createHmac('sha256', `${ctx.config.idSalt}:device`).update(estateId).digest('hex').slice(0, 32)
}
/** What the server stores: the device hash peppered with a key only the server has. */
export function pepperIdHash(ctx: Ctx, deviceHash: string): string {
  return createHmac('sha256', `${ctx.config.idSalt}:pepper`).update(deviceHash).digest('hex')
}

export function visitorItem(v: Visitor, now: number, limitMs: number): VisitorItem {
  return {
    id: v._id,
    name: v.name,
    phone: maskPhone(v.phone),
    case: v.case,
    room: v.room,
    company: v.company,
    people: v.people,
    plate: v.plate,
    cardNo: v.cardNo,
    idDeposited: v.idDeposited,
    idDesc: describeId(v.idDoc),
    status: v.status,
    gate: v.gate,
    inAt: v.inAt,
    outAt: v.outAt,
    guardName: v.guardName,
    overstay: v.status === 'inside' && isOverstay(v.inAt, now, limitMs),
    reason: v.reason,
    construction: v.construction,
    blockHit: v.blockHit
  }
}

export function visitorOut(v: Visitor, now: number, limitMs: number): VisitorOut {
  return {
    ...visitorItem(v, now, limitMs),
    phone: v.phone ?? '',
    source: v.source,
    passId: v.passId,
    contact: v.contact,
    appointment: v.appointment,
    hostCall: v.hostCall,
    idDoc: { type: v.idDoc.type, last4: v.idDoc.last4 },
    deviceInAt: v.deviceInAt,
    outGuardName: v.outGuardName,
    idReturned: v.idReturned,
    cardCollected: v.cardCollected,
    scriptRunId: v.scriptRunId
  }
}

export function vehicleItem(x: VehicleVisit, now: number, limitMs: number): VehicleItem {
  return {
    id: x._id,
    plate: x.plate,
    kind: x.kind,
    case: x.case,
    room: x.room,
    driver: x.driver,
    passengers: x.passengers,
    deliverTo: x.deliverTo,
    idDeposited: x.idDeposited,
    icCardNo: x.icCardNo,
    status: x.status,
    reason: x.reason,
    gate: x.gate,
    inAt: x.inAt,
    outAt: x.outAt,
    guardName: x.guardName,
    overstay: x.status === 'inside' && x.kind === 'outside' && x.inAt !== undefined && isOverstay(x.inAt, now, limitMs),
    blockHit: x.blockHit
  }
}

export function passOut(p: VisitorPass, wholePhone = false): PassOut {
  return {
    id: p._id,
    code: p.code,
    visitorName: p.visitorName,
    visitorPhone: p.visitorPhone ? (wholePhone ? p.visitorPhone : maskPhone(p.visitorPhone)) : undefined,
    room: p.room,
    people: p.people,
    plate: p.plate,
    validFrom: p.validFrom,
    validTo: p.validTo,
    note: p.note,
    status: p.status,
    createdByName: p.createdByName,
    usedAt: p.usedAt,
    visitorId: p.visitorId
  }
}

export function goodsPassOut(p: GoodsPass): GoodsPassOut {
  return {
    id: p._id,
    code: p.code,
    holderKind: p.holderKind,
    holderName: p.holderName,
    room: p.room,
    items: p.items,
    signer: p.signer,
    date: p.date,
    note: p.note,
    status: p.status,
    issuedByName: p.issuedByName,
    checkedAt: p.checkedAt
  }
}

/** A goods pass is for one local day. */
export function goodsPassProblem(p: GoodsPass, estateId: string, at: number): string | undefined {
  if (p.estateId !== estateId) return '这张放行条不是本小区的'
  if (p.status === 'released') return '这张放行条已放行过'
  if (p.status === 'refused') return '这张放行条已被拒绝'
  if (p.status === 'revoked') return '这张放行条已作废'
  const today = localDate(at)
  if (p.date !== today) return p.date < today ? `放行条日期是 ${p.date}，已过期` : `放行条日期是 ${p.date}，还没到日期`
  return undefined
}

export function ownerVehicleOut(o: OwnerVehicle): OwnerVehicleOut {
  return { id: o._id, plate: o.plate, room: o.room, ownerName: o.ownerName }
}

export function permitOut(p: ConstructionPermit, now: number): PermitOut {
  return {
    id: p._id,
    no: p.no,
    holderName: p.holderName,
    idLast4: p.idLast4,
    company: p.company,
    room: p.room,
    validFrom: p.validFrom,
    validTo: p.validTo,
    problem: permitProblem(p, now)
  }
}

export function blockEntryOut(b: BlockEntry): BlockEntryOut {
  return {
    id: b._id,
    kind: b.kind,
    name: b.name,
    phone: b.phone ? maskPhone(b.phone) : undefined,
    idLast4: b.idLast4,
    hasIdHash: !!b.idHash,
    plate: b.plate,
    reason: b.reason,
    addedByName: b.addedByName,
    at: b.createdAt
  }
}

/** Active block-list entries of the estate (a few hundred at most). */
export async function activeBlocklist(ctx: Ctx, estateId: string): Promise<D<BlockEntry>[]> {
  const page = await ctx.store.find<D<BlockEntry>>('blocklist', {
    where: { estateId, active: true },
    orderBy: [['createdAt', 'desc']],
    limit: 1000
  })
  return page.items
}

/** Matches against the full list; `idHash` in the candidate must already be peppered. */
export async function blockHits(ctx: Ctx, estateId: string, c: BlockCandidate): Promise<BlockHitOut[]> {
  const rules = (await activeBlocklist(ctx, estateId)).map((b) => ({
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

/**
 * One line of the day's gate log, in the same transaction as the record it describes. Its id
 * comes from that record, which the handler has just made or moved (so it is inserted without
 * a look first; should it exist, the operation fails as a duplicate, as before).
 */
export async function logEvent(
  ctx: Ctx,
  e: { estateId: string; type: GateLogType; event: GateEventType; gate: string; refId: string; subject: string; detail: string; at: number }
): Promise<void> {
  const { staff } = requireCaller(ctx)
  await ctx.db.insert<D<GateEvent>>('gateevents', {
    _id: `${e.refId}.${e.event}`,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: e.estateId,
    at: e.at,
    day: localDate(e.at),
    type: e.type,
    event: e.event,
    gate: e.gate,
    guardId: staff._id,
    guardName: staff.name,
    refId: e.refId,
    subject: e.subject,
    detail: e.detail
  }, { fresh: true })
}

export function visitorDetail(v: Pick<Visitor, 'case' | 'room' | 'company' | 'phone' | 'people' | 'reason' | 'status'>): string {
  const parts: string[] = [VISITOR_CASE_LABELS[v.case]]
  if (v.room) parts.push(`访 ${v.room}`)
  if (v.company) parts.push(v.company)
  if (v.phone) parts.push(maskPhone(v.phone))
  if (v.people > 1) parts.push(`${v.people}人`)
  if (v.status === 'redirected') parts.push('已指引到会所')
  if (v.reason) parts.push(`原因：${v.reason}`)
  return parts.join(' · ')
}

export function vehicleDetail(x: Pick<VehicleVisit, 'case' | 'room' | 'driver' | 'deliverTo' | 'reason'>): string {
  const parts: string[] = [VEHICLE_CASE_LABELS[x.case]]
  if (x.room) parts.push(x.room)
  if (x.deliverTo) parts.push(`送货到 ${x.deliverTo}`)
  if (x.driver) parts.push(`驾驶人 ${x.driver}`)
  if (x.reason) parts.push(`原因：${x.reason}`)
  return parts.join(' · ')
}
