/**
 * What gate clients see of stored records: phones masked in lists (whole only on the one
 * record and for the desk that made a pass), ID hashes never; and the one-line detail of a
 * record in the day log.
 */
import type {
  BlockEntryOut,
  GateLogItem,
  GoodsSlipOut,
  OwnerVehicleOut,
  PassOut,
  PermitOut,
  VehicleItem,
  VisitorItem,
  VisitorOut
} from '../../domain/contract'
import { maskName, maskPhone, maskPlate } from '../../domain/privacy'
import { timeDoubt } from '../../domain/time/eventTime'
import { describeId } from '../../domain/gate/idtypes'
import { isOverstay, permitProblem } from '../../domain/gate/machines'
import {
  GATE_EVENT_LABELS,
  VISITOR_CASE_LABELS,
  VEHICLE_CASE_LABELS,
  visitorCaseOf,
  type BlockEntry,
  type ConstructionPermit,
  type GateEvent,
  type GoodsCheck,
  type GoodsSlip,
  type OwnerVehicle,
  type VehicleVisit,
  type Visitor,
  type VisitorPass
} from '../../domain/gate/entities'

export function visitorItem(v: Visitor, now: number, limitMs: number): VisitorItem {
  return {
    id: v._id,
    name: v.name,
    phone: maskPhone(v.phone),
    // records stored before the cases had words carry the SOP letter
    case: visitorCaseOf(v.case) ?? v.case,
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
    ...(v.inTimeFlag ? { inTimeFlag: v.inTimeFlag } : {}),
    ...(v.outTimeFlag ? { outTimeFlag: v.outTimeFlag } : {}),
    byName: v.byName,
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
    outByName: v.outByName,
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
    ...(x.inTimeFlag ? { inTimeFlag: x.inTimeFlag } : {}),
    ...(x.outTimeFlag ? { outTimeFlag: x.outTimeFlag } : {}),
    byName: x.byName,
    overstay:
      x.status === 'inside' &&
      x.kind === 'outside' &&
      x.inAt !== undefined &&
      isOverstay(x.inAt, now, limitMs),
    blockHit: x.blockHit
  }
}

/** What a guard's look-up by code shows: masked name and plate, no phone, no note. */
export function passGlimpse(p: VisitorPass): PassOut {
  return {
    ...passOut(p),
    visitorName: maskName(p.visitorName),
    visitorPhone: undefined,
    // the guard asks "your phone ends with 5678?": four digits, not the number
    phoneLast4: p.visitorPhone?.slice(-4),
    plate: maskPlate(p.plate),
    note: undefined
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
    byName: p.byName,
    usedAt: p.usedAt,
    visitorId: p.visitorId
  }
}

export function goodsSlipOut(p: GoodsSlip): GoodsSlipOut {
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
    byName: p.byName,
    checkedAt: p.checkedAt
  }
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
    byName: b.byName,
    at: b.createdAt
  }
}

/** The block-list match and the guard's reason for letting it in, as the supervisor reads them. */
function blockParts(x: { blockHit?: { reason: string }; blockOverride?: string; reason?: string }): string[] {
  if (!x.blockHit) return []
  // a refusal for the list already says 黑名单 in its reason
  if (x.reason?.startsWith('黑名单')) return []
  return [`黑名单：${x.blockHit.reason}`, ...(x.blockOverride ? [`放行原因：${x.blockOverride}`] : [])]
}

export function visitorDetail(
  v: Pick<Visitor, 'case' | 'room' | 'company' | 'phone' | 'people' | 'reason' | 'status'> &
    Partial<Pick<Visitor, 'blockHit' | 'blockOverride' | 'roomUnknown'>>
): string {
  const parts: string[] = [VISITOR_CASE_LABELS[visitorCaseOf(v.case) ?? v.case]]
  if (v.room) parts.push(`访 ${v.room}${v.roomUnknown ? '（房号未核实）' : ''}`)
  if (v.company) parts.push(v.company)
  if (v.phone) parts.push(maskPhone(v.phone))
  if (v.people > 1) parts.push(`${v.people}人`)
  if (v.status === 'redirected') parts.push('已指引到会所')
  if (v.reason) parts.push(`原因：${v.reason}`)
  parts.push(...blockParts(v))
  return parts.join(' · ')
}

export function vehicleDetail(
  x: Pick<VehicleVisit, 'case' | 'room' | 'driver' | 'deliverTo' | 'reason'> &
    Partial<Pick<VehicleVisit, 'blockHit' | 'blockOverride'>>
): string {
  const parts: string[] = [VEHICLE_CASE_LABELS[x.case]]
  if (x.room) parts.push(x.room)
  if (x.deliverTo) parts.push(`送货到 ${x.deliverTo}`)
  if (x.driver) parts.push(`驾驶人 ${x.driver}`)
  if (x.reason) parts.push(`原因：${x.reason}`)
  parts.push(...blockParts(x))
  return parts.join(' · ')
}

export function logItem(e: GateEvent): GateLogItem {
  return {
    id: e._id,
    at: e.at,
    type: e.type,
    event: e.event,
    eventLabel: GATE_EVENT_LABELS[e.event],
    gate: e.gate,
    by: e.by,
    byName: e.byName,
    refId: e.refId,
    subject: e.subject,
    detail: e.detail,
    ...(e.timeFlag ? { timeFlag: e.timeFlag, timeDoubt: timeDoubt(e.timeFlag) } : {})
  }
}

/** A goods check's log line: the slip, the room, what left, the lorry, the reason. */
export function goodsDetail(g: GoodsCheck, passCode?: string): string {
  const items = g.items.map((i) => `${i.name}×${i.qty}`).join('、')
  return [
    passCode ? `放行条 ${passCode}` : g.slipNo ? `纸质放行条 ${g.slipNo}` : '无放行条',
    g.room,
    items,
    g.lorry ? (g.lorryOpened ? '货车已开箱' : '货车未开箱') : '',
    g.reason ? `原因：${g.reason}` : ''
  ]
    .filter(Boolean)
    .join(' · ')
}
