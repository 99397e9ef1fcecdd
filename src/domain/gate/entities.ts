/**
 * What the gate stores. Every record is created on the guard's phone first (its `_id` is the
 * client id) and reaches the server through the outbox. Whoever recorded a record is `by` /
 * `byName` on every gate record (`outBy` / `outByName` for an exit).
 */
import type { Doc } from '../entities'
import type { IdRef } from './idtypes'
import type { TimeFlag } from '../time/eventTime'
import type { GoodsSlipStatus, PassStatus, VehicleStatus } from './machines'

/**
 * Why a visitor comes: the five cases of the visitor SOP (gate.visitor script, step greet), whose
 * SOP sections are lettered A-E (the script's answers keep those letters; fromScript maps them).
 */
export const VISITOR_CASES = ['business', 'ownerGuest', 'viewing', 'canvassing', 'construction'] as const
export type VisitorCase = (typeof VISITOR_CASES)[number]
export const VISITOR_CASE_LABELS: Record<VisitorCase, string> = {
  business: '公司业务',
  ownerGuest: '业主访客',
  viewing: '看楼',
  canvassing: '推销',
  construction: '施工'
}

/** The SOP's section letters (the gate.visitor script sets them as its `case` answer). */
export type VisitorSopLetter = 'A' | 'B' | 'C' | 'D' | 'E'
export const VISITOR_CASE_OF_SOP_LETTER: Record<VisitorSopLetter, VisitorCase> = {
  A: 'business',
  B: 'ownerGuest',
  C: 'viewing',
  D: 'canvassing',
  E: 'construction'
}

/**
 * The visitor case of a stored or answered value: a case word, or an SOP letter (the script's
 * answer, and records stored before the cases were named) read as its word; else undefined.
 */
export function visitorCaseOf(value: VisitorCase | VisitorSopLetter): VisitorCase
export function visitorCaseOf(value: string | undefined): VisitorCase | undefined
export function visitorCaseOf(value: string | undefined): VisitorCase | undefined {
  if (!value) return undefined
  if ((VISITOR_CASES as readonly string[]).includes(value)) return value as VisitorCase
  return (VISITOR_CASE_OF_SOP_LETTER as Record<string, VisitorCase | undefined>)[value]
}

/** inside → left; refused and redirected (看楼 guided to the clubhouse) are final at once. */
export type VisitorRecordStatus = 'inside' | 'left' | 'refused' | 'redirected'
export const VISITOR_STATUS_LABELS: Record<VisitorRecordStatus, string> = {
  inside: '在园内',
  left: '已离开',
  refused: '未放行',
  redirected: '已指引到会所'
}

export type HostCall = 'agreed' | 'refused' | 'noAnswer'
export const HOST_CALL_LABELS: Record<HostCall, string> = {
  agreed: '同意',
  refused: '不同意',
  noAnswer: '联系不上'
}

export interface Construction {
  kind: 'temporary' | 'longTerm'
  /** temporary: the pass number handed out and when it expires (at most three days) */
  tempPassNo?: string
  expiresAt?: number
  /** long-term: the permit checked */
  permitId?: string
  permitNo?: string
}

export interface Visitor extends Doc {
  estateId: string
  /** gate (post) name where the guard stood */
  gate: string
  source: 'walkin' | 'pass'
  passId?: string
  case: VisitorCase
  name: string
  /** whole only on the record; lists mask it */
  phone?: string
  /** type, last four characters and the server's peppered hash: never the whole number */
  idDoc: IdRef
  idDeposited: boolean
  /** visitor card (来访卡) number handed out */
  cardNo?: string
  people: number
  plate?: string
  /** whom they visit: a room (ownerGuest, construction), or a company contact (business) */
  room?: string
  company?: string
  contact?: string
  appointment?: 'yes' | 'no'
  hostCall?: HostCall
  construction?: Construction
  status: VisitorRecordStatus
  /** why refused (or a note) */
  reason?: string
  /** time of check-in (or of the refusal), by the event-time rule (domain/time/eventTime.ts) */
  inAt: number
  deviceInAt: number
  /** why the phone's time of the check-in was not kept (inAt is then the server's) */
  inTimeFlag?: TimeFlag
  /** who recorded it (the guard, the desk, the supervisor) */
  by: string
  byName: string
  outAt?: number
  deviceOutAt?: number
  /** why the phone's time of the exit was not kept (outAt is then the server's) */
  outTimeFlag?: TimeFlag
  /** who recorded the exit */
  outBy?: string
  outByName?: string
  idReturned?: boolean
  cardCollected?: boolean
  /** the room is not one of the estate's: sent late from offline (kept, not refused) or not let in */
  roomUnknown?: boolean
  /** the block-list entry this visitor matched, if any (the guard was warned) */
  blockHit?: { entryId: string; reason: string }
  /** why the guard let a block-listed visitor in anyway (required then; the supervisor sees it) */
  blockOverride?: string
  /** the script run that produced this record */
  scriptRunId?: string
}

/** A pass made in advance by the front desk or a supervisor. */
export interface VisitorPass extends Doc {
  estateId: string
  /** six digits, unique among the estate's active passes */
  code: string
  visitorName: string
  visitorPhone?: string
  room: string
  /** the room is not one of the estate's imported rooms (the pass was made offline and sent late) */
  roomUnknown?: boolean
  people: number
  plate?: string
  validFrom: number
  validTo: number
  note?: string
  status: PassStatus
  /** who recorded it (the guard, the desk, the supervisor) */
  by: string
  byName: string
  usedAt?: number
  visitorId?: string
}

export type VehicleKind = 'owner' | 'outside'
export type VehicleCase = 'owner' | 'business' | 'viewing' | 'delivery'
export const VEHICLE_CASE_LABELS: Record<VehicleCase, string> = {
  owner: '业主车辆',
  business: '公司业务',
  viewing: '看楼',
  delivery: '帮业主送货'
}
export type VehicleRecordStatus = VehicleStatus | 'redirected'
export const VEHICLE_STATUS_LABELS: Record<VehicleRecordStatus, string> = {
  inside: '在园内',
  left: '已出场',
  refused: '未放行',
  redirected: '已指引到会所停车'
}

/** One vehicle's stay: entry (or a refusal) and, later, its exit. */
export interface VehicleVisit extends Doc {
  estateId: string
  plate: string
  kind: VehicleKind
  case: VehicleCase
  /** owner vehicles: the room it is registered to */
  room?: string
  ownerVehicleId?: string
  driver?: string
  passengers?: string
  /** delivery: which home */
  deliverTo?: string
  idDoc?: IdRef
  idDeposited: boolean
  /** parking IC card handed out */
  icCardNo?: string
  status: VehicleRecordStatus
  reason?: string
  gate: string
  /** absent when the car left without an entry on record (it came in before the system) */
  inAt?: number
  deviceInAt?: number
  /** why the phone's time of the entry was not kept (inAt is then the server's) */
  inTimeFlag?: TimeFlag
  /** who recorded it (the guard, the desk, the supervisor) */
  by: string
  byName: string
  outAt?: number
  deviceOutAt?: number
  /** why the phone's time of the exit was not kept (outAt is then the server's) */
  outTimeFlag?: TimeFlag
  outGate?: string
  /** who recorded the exit */
  outBy?: string
  outByName?: string
  idReturned?: boolean
  cardCollected?: boolean
  blockHit?: { entryId: string; reason: string }
  /** why the guard let a block-listed vehicle in anyway (required then; the supervisor sees it) */
  blockOverride?: string
}

/** A plate registered to a room (supervisors manage them). */
export interface OwnerVehicle extends Doc {
  estateId: string
  plate: string
  room: string
  ownerName?: string
}

export interface GoodsItem {
  name: string
  qty: number
}

/** 物品放行条: issued by the service desk or a supervisor, checked at the gate. */
export interface GoodsSlip extends Doc {
  estateId: string
  /** six digits on the slip and in its QR code */
  code: string
  holderKind: 'owner' | 'contractor'
  holderName: string
  room: string
  items: GoodsItem[]
  /** who authorised it (the owner or the management centre signer) */
  signer: string
  /** the local day it is valid for, YYYY-MM-DD */
  date: string
  note?: string
  status: GoodsSlipStatus
  /** who recorded it (the guard, the desk, the supervisor) */
  by: string
  byName: string
  checkId?: string
  checkedAt?: number
}

/** One check of goods leaving: with a goods slip in the system, a paper slip, or none (refused). */
export interface GoodsCheck extends Doc {
  estateId: string
  gate: string
  /** the goods slip checked (the field keeps its first name: stored checks and queued ops carry it) */
  passId?: string
  /** paper slip number when there is no goods slip in the system */
  slipNo?: string
  holderName?: string
  room?: string
  items: GoodsItem[]
  lorry: boolean
  /** lorry rear door opened and looked into */
  lorryOpened?: boolean
  signatureOk: boolean
  stampOk: boolean
  authorityOk: boolean
  itemsMatch: boolean
  photoIds: string[]
  result: 'released' | 'refused'
  reason?: string
  at: number
  deviceAt: number
  /** why the phone's time of the check was not kept (at is then the server's) */
  timeFlag?: TimeFlag
  /** who recorded it (the guard, the desk, the supervisor) */
  by: string
  byName: string
}

/** A long-term construction permit (施工许可证) registered by a supervisor. */
export interface ConstructionPermit extends Doc {
  estateId: string
  no: string
  holderName: string
  idLast4: string
  company: string
  room: string
  validFrom: number
  validTo: number
}

/** Block list: a person (name / phone / ID) or a plate the guard must be warned about. */
export interface BlockEntry extends Doc {
  estateId: string
  kind: 'person' | 'plate'
  name?: string
  phone?: string
  idLast4?: string
  /** the server's peppered hash of a whole ID number, when one was given */
  idHash?: string
  plate?: string
  reason: string
  /** who recorded it (the guard, the desk, the supervisor) */
  by: string
  byName: string
}

/** One line of the day's gate log: every gate event, for the supervisor's list and CSV. */
export type GateEventType =
  | 'visitorIn'
  | 'visitorOut'
  | 'visitorRefused'
  | 'visitorRedirected'
  | 'vehicleIn'
  | 'vehicleOut'
  | 'vehicleRefused'
  | 'goodsReleased'
  | 'goodsRefused'
export const GATE_EVENT_LABELS: Record<GateEventType, string> = {
  visitorIn: '访客进入',
  visitorOut: '访客离开',
  visitorRefused: '访客未放行',
  visitorRedirected: '访客指引到会所',
  vehicleIn: '车辆入场',
  vehicleOut: '车辆出场',
  vehicleRefused: '车辆未放行',
  goodsReleased: '物品放行',
  goodsRefused: '物品拒绝放行'
}
export const GATE_LOG_TYPES = ['visitor', 'vehicle', 'goods'] as const
export type GateLogType = (typeof GATE_LOG_TYPES)[number]

export interface GateEvent extends Doc {
  estateId: string
  /** the event's time by the event-time rule (the phone's when plausible, else the server's) */
  at: number
  /** why the phone's time was not kept: the line says 时间存疑（…） */
  timeFlag?: TimeFlag
  /** local day YYYY-MM-DD */
  day: string
  type: GateLogType
  event: GateEventType
  gate: string
  /** who recorded it (the guard, the desk, the supervisor) */
  by: string
  byName: string
  /** the visitor / vehicle visit / goods check */
  refId: string
  /** name or plate */
  subject: string
  /** masked phone, room, case… one line */
  detail: string
}
