/**
 * The gate's actions (门岗): visitors, pre-registered passes, vehicles, goods release,
 * construction permits, block list and the day log. Guards' work is in the `staff`
 * function; what the front desk and supervisors manage is in `admin`.
 */
import * as v from 'valibot'
import { MANAGER_ROLES, type Role } from '../roles'
import { CN_PHONE } from '../privacy'
import { ID_TYPES, type IdRef } from '../gate/idtypes'
import { plateProblem, normalizePlate } from '../gate/plates'
import {
  VISITOR_CASES,
  VISITOR_CASE_OF_SOP_LETTER,
  visitorCaseOf,
  type GateEventType,
  type GateLogType,
  type HostCall,
  type VehicleCase,
  type VehicleKind,
  type VehicleRecordStatus,
  type VisitorCase,
  type VisitorSopLetter,
  type VisitorRecordStatus,
  type Construction
} from '../gate/entities'
import type { Doc } from '../entities'
import type { Lockout } from '../guard/entities'
import type { TimeFlag } from '../time/eventTime'
import type { ConstructionPermit, GoodsCheck, GoodsSlip, OwnerVehicle, VisitorPass } from '../gate/entities'
import { action, defineActions, localDay, clockTime, epochMs, id, optText, text } from './define'

/** Who works the gate. Supervisors and admins can stand in. */
export const GATE_ROLES: readonly Role[] = ['guard', 'supervisor', 'admin']
/** Who issues visitor passes and goods release passes. */
export const DESK_ROLES: readonly Role[] = ['service', 'supervisor', 'admin']

// ---- field schemas ----
export const plate = () =>
  v.pipe(
    v.string(),
    v.transform(normalizePlate),
    v.check((p) => !plateProblem(p), '车牌号格式不正确（如 粤B12345，新能源 粤BD12345）')
  )
const optPhone = () =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((p) => p === '' || CN_PHONE.test(p), '请填写11位手机号或带区号的座机')
    )
  )
/** What the device sends of an ID: type, last four characters and sha256(estate salt + number). */
export const idDocSchema = () =>
  v.strictObject({
    type: v.picklist(ID_TYPES, '证件类型不正确'),
    last4: v.pipe(
      v.string(),
      v.trim(),
      v.toUpperCase(),
      v.regex(/^[0-9A-Z]{0,4}$/, '证件号后四位格式不正确')
    ),
    hash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, '证件摘要格式不正确')))
  })
const sixDigits = (what: string) => v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, `${what}是6位数字`))
/**
 * A visitor case by its word. A check-in queued by a phone still on the lettered cases (A-E)
 * is read as the case's word, so it is not refused after the update.
 */
const SOP_LETTERS = Object.keys(VISITOR_CASE_OF_SOP_LETTER) as VisitorSopLetter[]
const visitorCase = () =>
  v.pipe(
    v.picklist([...VISITOR_CASES, ...SOP_LETTERS], '来访类型不正确'),
    v.transform((c): VisitorCase => visitorCaseOf(c))
  )
const yesNo = () => v.picklist(['yes', 'no'] as const, '应为是或否')
const count = (max: number) =>
  v.pipe(v.number(), v.integer('应为整数'), v.minValue(1, '至少1'), v.maxValue(max, `最多${max}`))
const goodsItems = () =>
  v.pipe(
    v.array(v.strictObject({ name: text(30), qty: count(9999) })),
    v.minLength(1, '至少一件物品'),
    v.maxLength(50, '最多50种物品')
  )

// ---- outputs ----
export interface BlockHitOut {
  entryId: string
  kind: 'person' | 'plate'
  /** what matched: 身份证号 / 手机号 / 姓名+证件后四位 / 车牌 */
  matchedBy: string
  reason: string
}
/** A visitor in a list: phone masked, overstay computed by the server. */
export interface VisitorItem {
  id: string
  name: string
  phone: string
  case: VisitorCase
  room?: string
  company?: string
  people: number
  plate?: string
  cardNo?: string
  idDeposited: boolean
  idDesc: string
  status: VisitorRecordStatus
  gate: string
  inAt: number
  outAt?: number
  /** why the phone's time of the check-in / exit was not kept (the time is the server's) */
  inTimeFlag?: TimeFlag
  outTimeFlag?: TimeFlag
  byName: string
  overstay: boolean
  reason?: string
  construction?: Construction
  blockHit?: { entryId: string; reason: string }
}
/** The whole record (phone in full): only for the one record. */
export interface VisitorOut extends VisitorItem {
  source: 'walkin' | 'pass'
  passId?: string
  contact?: string
  appointment?: 'yes' | 'no'
  hostCall?: HostCall
  idDoc: Omit<IdRef, 'hash'>
  deviceInAt: number
  outByName?: string
  idReturned?: boolean
  cardCollected?: boolean
  scriptRunId?: string
}
export interface PassOut extends Omit<VisitorPass, keyof Doc | 'estateId' | 'by' | 'visitorPhone'> {
  id: string
  /** masked except for the desk that made it */
  visitorPhone?: string
  /** the guard's look-up by code: the phone's last four digits only */
  phoneLast4?: string
}
/** The owner of a room, to call from the gate: the whole number, one room at a time. */
export interface OwnerPhoneOut {
  room: string
  ownerName?: string
  phone: string
}
/**
 * A returning visitor, recognised by the phone the guard types: the name masked (the check-in
 * with `recallId` stores the earlier record's own name), the last room or company visited.
 */
export interface VisitorRecallOut {
  /** the earlier visitor record; the check-in sends it as `recallId` */
  id: string
  name: string
  case: VisitorCase
  room?: string
  company?: string
  contact?: string
  /** when that visit began */
  lastAt: number
}
/** A lockout after too many wrong codes, as the supervisor sees it. */
export interface LockoutOut extends Pick<
  Lockout,
  'kind' | 'scope' | 'staffName' | 'misses' | 'lockedAt' | 'until'
> {
  id: string
}
export interface PassCheckOut {
  pass: PassOut
  /** why it cannot be used now (Chinese), absent when it can */
  problem?: string
  blockHits: BlockHitOut[]
}
export interface VehicleItem {
  id: string
  plate: string
  kind: VehicleKind
  case: VehicleCase
  room?: string
  driver?: string
  passengers?: string
  deliverTo?: string
  idDeposited: boolean
  icCardNo?: string
  status: VehicleRecordStatus
  reason?: string
  gate: string
  inAt?: number
  outAt?: number
  /** why the phone's time of the entry / exit was not kept (the time is the server's) */
  inTimeFlag?: TimeFlag
  outTimeFlag?: TimeFlag
  byName: string
  overstay: boolean
  blockHit?: { entryId: string; reason: string }
}
export interface GoodsSlipOut extends Omit<GoodsSlip, keyof Doc | 'estateId' | 'by' | 'checkId'> {
  id: string
}
export interface GoodsSlipCheckOut {
  pass: GoodsSlipOut
  problem?: string
}
export interface GoodsCheckOut extends Omit<GoodsCheck, keyof Doc | 'estateId' | 'deviceAt' | 'by'> {
  id: string
}
export interface OwnerVehicleOut extends Pick<OwnerVehicle, 'plate' | 'room' | 'ownerName'> {
  id: string
}
export interface PermitOut extends Omit<ConstructionPermit, keyof Doc | 'estateId'> {
  id: string
  /** why it cannot be used now, absent when valid */
  problem?: string
}
export interface BlockEntryOut {
  id: string
  kind: 'person' | 'plate'
  name?: string
  /** masked */
  phone?: string
  idLast4?: string
  hasIdHash: boolean
  plate?: string
  reason: string
  byName: string
  at: number
}
/** What a guard's phone keeps for working offline. */
export interface GateRefs {
  /** salt the device uses to hash an ID number before it leaves the phone */
  idSalt: string
  overstayHours: number
  gates: string[]
  ownerVehicles: OwnerVehicleOut[]
  blocklist: BlockEntryOut[]
  permits: PermitOut[]
  /** server time the refs were read */
  at: number
}
export interface GateBoard {
  visitors: VisitorItem[]
  vehicles: VehicleItem[]
  /** owner cars on record as inside (absent in boards cached before it existed) */
  ownerCarsInside?: { id: string; plate: string; inAt?: number; gate: string }[]
  counts: {
    visitorsIn: number
    visitorsOut: number
    visitorsRefused: number
    insideNow: number
    overstay: number
    vehiclesInside: number
    vehiclesIn: number
    vehiclesOut: number
    passesChecked: number
    goodsChecked: number
  }
  overstayHours: number
  at: number
}
export interface GateLogItem {
  id: string
  at: number
  type: GateLogType
  event: GateEventType
  eventLabel: string
  gate: string
  by: string
  byName: string
  refId: string
  subject: string
  detail: string
  /** why the phone's time was not kept; `timeDoubt` is the supervisor's words for it */
  timeFlag?: TimeFlag
  /** 时间存疑（reason）, or absent */
  timeDoubt?: string
}
export interface GateLogPage {
  items: GateLogItem[]
  next?: string
  /** first page only: the filtered day's events per hour of estate time (24 numbers) */
  hours?: number[]
  /** first page only: how many events match in all */
  total?: number
}
export interface CsvOut {
  filename: string
  csv: string
  rows: number
  /** true when the day had more rows than one export holds */
  truncated: boolean
}

const logFilter = {
  date: localDay(),
  gate: v.optional(text(32)),
  type: v.optional(v.picklist(['visitor', 'vehicle', 'goods'] as const, '类型不正确')),
  by: v.optional(id()),
  from: v.optional(clockTime()),
  to: v.optional(clockTime())
}

export const GATE_ACTIONS = defineActions({
  // ---------------- guards ----------------
  'gate.refs': action<GateRefs>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: GATE_ROLES,
    scope: 'estate',
    write: false,
    summary: '门岗：离线要用的资料（业主车辆、黑名单、施工证、证件摘要盐）'
  }),
  'gate.board': action<GateBoard>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: GATE_ROLES,
    scope: 'estate',
    write: false,
    summary: '门岗：园内访客与外来车辆、今日统计'
  }),
  'gate.blockCheck': action<BlockHitOut[]>()({
    fn: 'staff',
    input: v.strictObject({
      name: optText(20),
      phone: optPhone(),
      idLast4: v.optional(
        v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[0-9A-Z]{0,4}$/, '证件号后四位格式不正确'))
      ),
      idHash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, '证件摘要格式不正确'))),
      plate: v.optional(plate())
    }),
    access: GATE_ROLES,
    scope: 'estate',
    write: false,
    summary: '门岗：登记前查黑名单（含证件号摘要）'
  }),
  'gate.checkIn': action<VisitorOut>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      gate: text(32),
      source: v.picklist(['walkin', 'pass'] as const, '来源不正确'),
      passId: v.optional(id()),
      case: visitorCase(),
      name: text(20),
      phone: optPhone(),
      idDoc: idDocSchema(),
      idDeposited: v.boolean(),
      cardNo: optText(20),
      people: count(50),
      plate: v.optional(plate()),
      room: optText(32),
      company: optText(40),
      contact: optText(20),
      appointment: v.optional(yesNo()),
      hostCall: v.optional(v.picklist(['agreed', 'refused', 'noAnswer'] as const, '联系结果不正确')),
      construction: v.optional(
        v.strictObject({
          kind: v.picklist(['temporary', 'longTerm'] as const, '施工类型不正确'),
          tempPassNo: optText(20),
          days: v.optional(
            v.pipe(v.number(), v.integer(), v.minValue(1, '至少1天'), v.maxValue(3, '临时施工证最长3天'))
          ),
          permitNo: optText(30)
        })
      ),
      result: v.picklist(['admitted', 'refused', 'redirected'] as const, '结果不正确'),
      reason: optText(100),
      /** why a block-listed visitor is let in anyway: required when the block list matches */
      blockOverride: optText(100),
      scriptRunId: v.optional(id()),
      /** a returning visitor recognised by phone: the name shown masked is that record's own */
      recallId: v.optional(id())
    }),
    access: GATE_ROLES,
    scope: 'estate',
    write: true,
    summary: '门岗：访客登记（进入、未放行或指引）'
  }),
  'gate.visitorRecall': action<VisitorRecallOut | null>()({
    fn: 'staff',
    input: v.strictObject({
      phone: v.pipe(
        v.string(),
        v.trim(),
        v.check((p) => CN_PHONE.test(p), '请填写11位手机号或带区号的座机')
      )
    }),
    access: GATE_ROLES,
    scope: 'estate',
    write: false,
    summary: '门岗：按手机号认出本小区的老访客（姓名打码、上次去的房号；输错次数有限）'
  }),
  'gate.checkOut': action<VisitorOut>()({
    fn: 'staff',
    input: v.strictObject({
      visitorId: id(),
      gate: text(32),
      idReturned: v.boolean(),
      cardCollected: v.boolean()
    }),
    access: GATE_ROLES,
    scope: 'estate',
    write: true,
    summary: '门岗：访客离开'
  }),
  'gate.visitor': action<VisitorOut>()({
    fn: 'staff',
    input: v.strictObject({ visitorId: id() }),
    access: GATE_ROLES,
    scope: 'estate',
    write: false,
    summary: '门岗：一条访客记录（完整手机号）'
  }),
  'gate.passCheck': action<PassCheckOut>()({
    fn: 'staff',
    input: v.strictObject({ code: sixDigits('通行码') }),
    access: GATE_ROLES,
    scope: 'estate',
    write: false,
    summary: '门岗：按6位通行码（或二维码）查预约通行证'
  }),
  'gate.vehicleIn': action<VehicleItem>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      gate: text(32),
      plate: plate(),
      case: v.picklist(['owner', 'business', 'viewing', 'delivery'] as const, '车辆类型不正确'),
      driver: optText(20),
      passengers: optText(60),
      deliverTo: optText(32),
      idDoc: v.optional(idDocSchema()),
      idDeposited: v.boolean(),
      icCardNo: optText(20),
      result: v.picklist(['admitted', 'refused', 'redirected'] as const, '结果不正确'),
      reason: optText(100),
      /** why a block-listed vehicle is let in anyway: required when the block list matches */
      blockOverride: optText(100)
    }),
    access: GATE_ROLES,
    scope: 'estate',
    write: true,
    summary: '门岗：车辆入场（业主车一键，外来车按话术）'
  }),
  'gate.vehicleOut': action<VehicleItem>()({
    fn: 'staff',
    // visitId: the stay being closed when the phone knows it; otherwise the plate's open stay
    // is closed, or (a car that came in before the system) an exit-only record is made with `id`.
    input: v.strictObject({
      id: id(),
      gate: text(32),
      plate: plate(),
      visitId: v.optional(id()),
      driver: optText(20),
      passengers: optText(60),
      idReturned: v.optional(v.boolean()),
      cardCollected: v.optional(v.boolean())
    }),
    access: GATE_ROLES,
    scope: 'estate',
    write: true,
    summary: '门岗：车辆出场'
  }),
  'gate.goodsSlipCheck': action<GoodsSlipCheckOut>()({
    fn: 'staff',
    input: v.strictObject({ code: sixDigits('放行条编号') }),
    access: GATE_ROLES,
    scope: 'estate',
    write: false,
    summary: '门岗：按编号（或二维码）查物品放行条'
  }),
  'gate.goodsCheck': action<GoodsCheckOut>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      gate: text(32),
      passId: v.optional(id()),
      slipNo: optText(30),
      holderName: optText(20),
      room: optText(32),
      items: goodsItems(),
      lorry: v.boolean(),
      lorryOpened: v.optional(v.boolean()),
      signatureOk: v.boolean(),
      stampOk: v.boolean(),
      authorityOk: v.boolean(),
      itemsMatch: v.boolean(),
      photoIds: v.pipe(v.array(id()), v.maxLength(9, '最多9张照片')),
      result: v.picklist(['released', 'refused'] as const, '结果不正确'),
      reason: optText(100)
    }),
    access: GATE_ROLES,
    scope: 'estate',
    write: true,
    summary: '门岗：物品出门检查（放行或拒绝）'
  }),

  // ---------------- front desk and supervisors ----------------
  'gate.passCreate': action<PassOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      visitorName: text(20),
      visitorPhone: optPhone(),
      room: text(32),
      people: count(50),
      plate: v.optional(plate()),
      validFrom: epochMs(),
      validTo: epochMs(),
      note: optText(100)
    }),
    access: DESK_ROLES,
    scope: 'estate',
    write: true,
    summary: '前台：预约访客通行证（二维码和6位码）'
  }),
  'gate.passRevoke': action<PassOut>()({
    fn: 'admin',
    input: v.strictObject({ passId: id() }),
    access: DESK_ROLES,
    scope: 'estate',
    write: true,
    summary: '前台：作废通行证'
  }),
  'gate.passes': action<PassOut[]>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: DESK_ROLES,
    scope: 'estate',
    write: false,
    summary: '前台：最近的预约通行证'
  }),
  'gate.goodsIssue': action<GoodsSlipOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      holderKind: v.picklist(['owner', 'contractor'] as const, '类型不正确'),
      holderName: text(20),
      room: text(32),
      items: goodsItems(),
      signer: text(20),
      date: localDay(),
      note: optText(100)
    }),
    access: DESK_ROLES,
    scope: 'estate',
    write: true,
    summary: '前台：开物品放行条'
  }),
  'gate.goodsRevoke': action<GoodsSlipOut>()({
    fn: 'admin',
    input: v.strictObject({ passId: id() }),
    access: DESK_ROLES,
    scope: 'estate',
    write: true,
    summary: '前台：作废物品放行条'
  }),
  'gate.goodsSlips': action<GoodsSlipOut[]>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: DESK_ROLES,
    scope: 'estate',
    write: false,
    summary: '前台：最近的物品放行条'
  }),
  'gate.blockSave': action<BlockEntryOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      kind: v.picklist(['person', 'plate'] as const, '类型不正确'),
      name: optText(20),
      phone: optPhone(),
      idLast4: v.optional(
        v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^([0-9A-Z]{4})?$/, '证件号后四位应为4位'))
      ),
      idHash: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, '证件摘要格式不正确'))),
      plate: v.optional(plate()),
      reason: text(100)
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：加入或修改黑名单'
  }),
  'gate.blockRemove': action<{ removed: true }>()({
    fn: 'admin',
    input: v.strictObject({ entryId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：移出黑名单'
  }),
  'gate.ownerVehicleSave': action<OwnerVehicleOut>()({
    fn: 'admin',
    input: v.strictObject({ id: id(), plate: plate(), room: text(32), ownerName: optText(20) }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：登记业主车辆到房号'
  }),
  'gate.ownerVehicleRemove': action<{ removed: true }>()({
    fn: 'admin',
    input: v.strictObject({ vehicleId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：删除业主车辆'
  }),
  'gate.permitSave': action<PermitOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      no: text(30),
      holderName: text(20),
      idLast4: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[0-9A-Z]{4}$/, '证件号后四位应为4位')),
      company: text(40),
      room: text(32),
      validFrom: epochMs(),
      validTo: epochMs()
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：登记长期施工许可证'
  }),
  'gate.permitRemove': action<{ removed: true }>()({
    fn: 'admin',
    input: v.strictObject({ permitId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：注销施工许可证'
  }),
  'gate.dayLog': action<GateLogPage>()({
    fn: 'admin',
    input: v.strictObject({ ...logFilter, after: v.optional(v.pipe(v.string(), v.maxLength(500))) }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：当天门岗记录（可按岗亭、类型、时间、门岗筛选）'
  }),
  'gate.dayLogCsv': action<CsvOut>()({
    fn: 'admin',
    input: v.strictObject(logFilter),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：导出当天门岗记录为 CSV'
  }),
  'gate.ownerPhone': action<OwnerPhoneOut>()({
    fn: 'staff',
    input: v.strictObject({ room: text(32) }),
    access: GATE_ROLES,
    scope: 'estate',
    // a read, but each one is audited: lists show phones masked, this gives the whole number
    write: false,
    summary: '门岗：打电话给业主前取这一户业主的完整电话（每次记入操作记录）'
  }),
  'gate.lockouts': action<LockoutOut[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：输错通行码、放行条编号或绑定码太多次而锁定的人（正在锁定的）'
  }),
  'gate.lockoutLift': action<LockoutOut>()({
    fn: 'staff',
    input: v.strictObject({
      lockoutId: v.pipe(v.string(), v.maxLength(200), v.regex(/^[a-z]+:[a-z]+:[^\s]+$/, '编号格式不正确'))
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：解除一个锁定（记入操作记录）'
  })
})
