/**
 * Patrol actions (巡更): walking rounds in the `staff` function; setting up checkpoints,
 * routes and plans and reading how rounds went in `admin`.
 */
import * as v from 'valibot'
import { MANAGER_ROLES, ROLES, type Role } from '../roles'
import type { Checkpoint, Plan, Round, RoundStatus, Route, RouteCopy, Scan } from '../patrol/model'
import type { RoundEvaluation } from '../patrol/rules'
import type { DayReport, DayRow } from '../patrol/day'
import {
  action,
  defineActions,
  devicePosition,
  localDay,
  placePosition,
  clockTime,
  epochMs,
  id,
  optText,
  text,
  weekdays
} from './define'

/** A record's version as read (`_v`): what an edit sends back. */
const version = () =>
  v.pipe(v.number('版本号不正确'), v.integer('版本号不正确'), v.minValue(1, '版本号不正确'))

export const PATROL_ROLES: readonly Role[] = ['patrol', 'guard', 'supervisor', 'admin']

const questionSchema = () =>
  v.strictObject({
    key: v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,29}$/, '问题编号格式不正确')),
    label: text(40),
    kind: v.picklist(['yesno', 'choice', 'number', 'note'] as const, '问题类型不正确'),
    options: v.optional(v.pipe(v.array(text(20)), v.maxLength(10))),
    anomalyWhen: v.optional(
      v.strictObject({ equals: optText(20), min: v.optional(v.number()), max: v.optional(v.number()) })
    )
  })

export interface CheckpointOut extends Pick<
  Checkpoint,
  'name' | 'code' | 'position' | 'questions' | 'nfcTagId'
> {
  id: string
  /** the point's NFC tag signs each tap (NTAG 424 DNA SUN) */
  signedTag?: boolean
  /**
   * What a patrol phone gets instead of the tag id (and no position): the tag id's hash with the
   * estate's `nfcSalt` (domain/patrol/walk.ts: nfcTagHash), enough to match a tag held to it.
   */
  nfcTagHash?: string
  /** building, floor and area in one line */
  place: string
  hasPosition: boolean
}
/** Who saved a route or plan last and when, and its version: what an edit sends back as `v`. */
interface Edited {
  /** the version to send back with an edit */
  v: number
  byName?: string
  updatedAt: number
}
export interface RouteOut extends Pick<Route, 'name' | 'checkpointIds' | 'ordered'>, Edited {
  id: string
}
export interface PlanOut
  extends
    Pick<
      Plan,
      'name' | 'routeId' | 'days' | 'start' | 'end' | 'everyMinutes' | 'minMinutes' | 'maxMinutes' | 'roles'
    >,
    Edited {
  id: string
  /** false: stopped (停用); only managers are sent stopped plans (`PatrolRefs.stoppedPlans`) */
  active: boolean
}
export interface PatrolRefs {
  checkpoints: CheckpointOut[]
  /** the estate's salt of `nfcTagHash` (patrol phones only) */
  nfcSalt?: string
  routes: RouteOut[]
  /** the plans in force */
  plans: PlanOut[]
  /** managers: the stopped plans (停用), to re-enable */
  stoppedPlans?: PlanOut[]
  /** managers: what a new plan starts from (the estate's patrol settings) */
  planDefaults?: { everyMinutes: number; minMinutes: number; maxMinutes: number }
  at: number
}
export interface RoundOut extends Pick<
  Round,
  | 'planId'
  | 'routeId'
  | 'slotStart'
  | 'slotEnd'
  | 'status'
  | 'staffName'
  | 'startedAt'
  | 'endedAt'
  | 'endReason'
> {
  id: string
  /** the route the round is walked against: the one it started with (a later edit does not move it) */
  route?: RouteCopy
  planName: string
  scannedIds: string[]
  evaluation: RoundEvaluation
}
/** A slot on the patrol person's home: due now or next, with its round if one was started. */
export interface RoundCard {
  planId: string
  planName: string
  routeName: string
  slotStart: number
  slotEnd: number
  state: 'due' | 'upcoming' | RoundStatus
  round?: RoundOut
}
export interface ScanOut extends Pick<
  Scan,
  | 'roundId'
  | 'checkpointId'
  | 'checkpointName'
  | 'method'
  | 'deviceTime'
  | 'serverTime'
  | 'anomalies'
  | 'outOfOrder'
  | 'evidence'
  | 'staffName'
> {
  id: string
}
/** A slot of the supervisor's day and its round: the domain's own row (domain/patrol/day.ts). */
export type DayRound = DayRow
/** The supervisor's patrol day: the domain's report for one estate date. */
export type PatrolDay = DayReport & { date: string }
export interface RoundDetail {
  round: RoundOut
  routeName: string
  /** every checkpoint of the route in order, then any scanned off it */
  checkpoints: { checkpointId: string; checkpointName: string; scan?: ScanOut }[]
}
export interface PatrolWeek {
  days: string[]
  routes: { routeId: string; routeName: string; coverage: (number | null)[] }[]
}
export interface QrSheetItem {
  checkpointId: string
  name: string
  place: string
  code: string
  qr: string
}

export const PATROL_ACTIONS = defineActions({
  'patrol.refs': action<PatrolRefs>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: PATROL_ROLES,
    scope: 'estate',
    write: false,
    summary: '巡更：巡更点、路线、计划（离线用）'
  }),
  'patrol.today': action<RoundCard[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: PATROL_ROLES,
    scope: 'estate',
    write: false,
    summary: '巡更：现在和接下来要巡的轮次'
  }),
  'patrol.start': action<RoundOut>()({
    fn: 'staff',
    input: v.strictObject({ id: id(), planId: id(), slotStart: epochMs() }),
    access: PATROL_ROLES,
    scope: 'estate',
    write: true,
    summary: '巡更：开始一轮'
  }),
  'patrol.scan': action<ScanOut>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      roundId: id(),
      method: v.picklist(['nfc', 'qr', 'typed'] as const, '打点方式不正确'),
      /** the QR text (qr), the NFC tag id (nfc) or the typed code (typed) */
      value: text(120),
      position: v.optional(devicePosition()),
      answers: v.pipe(
        v.record(
          v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_]{0,29}$/)),
          v.pipe(v.string(), v.maxLength(200, '最多 200 个字'))
        ),
        v.check((o) => Object.keys(o).length <= 20, '最多 20 项')
      )
    }),
    access: PATROL_ROLES,
    scope: 'estate',
    write: true,
    summary: '巡更：打点'
  }),
  'patrol.end': action<RoundOut>()({
    fn: 'staff',
    input: v.strictObject({ roundId: id(), reason: optText(100) }),
    access: PATROL_ROLES,
    scope: 'estate',
    write: true,
    summary: '巡更：结束一轮'
  }),
  'patrol.checkpointSave': action<CheckpointOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      name: text(30),
      building: optText(20),
      floor: optText(10),
      area: optText(30),
      position: v.optional(placePosition()),
      questions: v.pipe(v.array(questionSchema()), v.maxLength(10, '最多10个问题')),
      nfcTagId: optText(64),
      /**
       * An NTAG 424 DNA tag's SUN keys (32 hex digits each: SDMMetaReadKey, SDMFileReadKey),
       * both or neither; stored server-side only, never sent back. `sunOff` turns SUN off.
       */
      sunMetaKey: v.optional(v.pipe(v.string(), v.regex(/^[0-9A-Fa-f]{32}$/, '应为32位十六进制密钥'))),
      sunFileKey: v.optional(v.pipe(v.string(), v.regex(/^[0-9A-Fa-f]{32}$/, '应为32位十六进制密钥'))),
      sunOff: v.optional(v.boolean())
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：新增或修改巡更点'
  }),
  'patrol.checkpointSunKey': action<CheckpointOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      /** both keys (a new or re-keyed tag), or `sunOff`; never sent back: the point says signedTag */
      sunMetaKey: v.optional(v.pipe(v.string(), v.regex(/^[0-9A-Fa-f]{32}$/, '应为32位十六进制密钥'))),
      sunFileKey: v.optional(v.pipe(v.string(), v.regex(/^[0-9A-Fa-f]{32}$/, '应为32位十六进制密钥'))),
      sunOff: v.optional(v.boolean())
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：设置巡更点的 NFC 防伪密钥'
  }),
  'patrol.routeSave': action<RouteOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      /** the version the edit was made on (RouteOut.v); none for a new route */
      v: v.optional(version()),
      name: text(30),
      checkpointIds: v.pipe(v.array(id()), v.minLength(1, '至少一个巡更点'), v.maxLength(100, '最多100个点')),
      ordered: v.boolean()
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：新增或修改巡更路线'
  }),
  'patrol.planSave': action<PlanOut>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      /** the version the edit was made on (PlanOut.v); none for a new plan */
      v: v.optional(version()),
      name: text(30),
      routeId: id(),
      days: weekdays(),
      start: clockTime(),
      end: clockTime(),
      everyMinutes: v.pipe(v.number(), v.integer(), v.minValue(10, '间隔至少10分钟'), v.maxValue(1440)),
      minMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)),
      maxMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1440)),
      roles: v.pipe(v.array(v.picklist(ROLES, '岗位不正确')), v.minLength(1, '至少一个岗位'))
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：新增或修改巡更计划'
  }),
  'patrol.planActive': action<PlanOut>()({
    fn: 'admin',
    input: v.strictObject({ id: id(), v: version(), active: v.boolean() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：停用或重新启用巡更计划'
  }),
  'patrol.checkpointRemove': action<{ id: string }>()({
    fn: 'admin',
    input: v.strictObject({ id: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：删除巡更点（不在任何路线上的）'
  }),
  'patrol.qrSheet': action<QrSheetItem[]>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：巡更点二维码（打印张贴）'
  }),
  'patrol.day': action<PatrolDay>()({
    fn: 'admin',
    input: v.strictObject({
      date: localDay()
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：当天各计划的巡更情况'
  }),
  'patrol.round': action<RoundDetail>()({
    fn: 'admin',
    input: v.strictObject({ roundId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：一轮巡更的打点时间线'
  }),
  'patrol.week': action<PatrolWeek>()({
    fn: 'admin',
    input: v.strictObject({
      endDate: localDay()
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：一周各路线的覆盖率'
  })
})
