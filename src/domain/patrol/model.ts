/**
 * Patrol (巡更): checkpoints, routes, plans, rounds and scans. Pure data; when rounds are due
 * is in slots.ts, which scans a round accepts and how they are rated and evaluated in rules.ts,
 * the day and week a supervisor reads in day.ts.
 */
import type { Doc } from '../entities'
import type { Role } from '../roles'
import type { TimeFlag } from '../time/eventTime'

export interface Position {
  lat: number
  lng: number
}

export type QuestionKind = 'yesno' | 'choice' | 'number' | 'note'
export interface Question {
  key: string
  label: string
  kind: QuestionKind
  options?: string[]
  /** when the answer is an anomaly: yesno 'no' (default for yesno), a choice value, or a number outside [min, max] */
  anomalyWhen?: { equals?: string; min?: number; max?: number }
}

export interface Checkpoint extends Doc {
  estateId: string
  name: string
  place: { building?: string; floor?: string; area?: string }
  position?: Position & { radiusM: number }
  questions: Question[]
  /** typed fallback, e.g. 'K7M2': short, no 0/O/1/I */
  code: string
  nfcTagId?: string
  /** an NTAG 424 DNA tag that signs each tap (SUN); its keys are kept server-side only */
  signedTag?: boolean
  active: boolean
}

export interface Route extends Doc {
  estateId: string
  name: string
  checkpointIds: string[]
  /** points must be walked in this order */
  ordered: boolean
  active: boolean
  /** who saved it last (its `updatedAt` says when): named when a stale edit is refused */
  byName?: string
}

/** What a round keeps of its route when it starts: a later edit of the route does not move it. */
export type RouteCopy = Pick<Route, 'name' | 'checkpointIds' | 'ordered'>

export interface Plan extends Doc {
  estateId: string
  name: string
  routeId: string
  /** days of the week it runs, 0 = Sunday … 6 = Saturday (estate time) */
  days: number[]
  /** first round starts at `start`, then every `everyMinutes` until before `end`; end may be past midnight */
  start: string
  end: string
  everyMinutes: number
  /** a round should take between these */
  minMinutes: number
  maxMinutes: number
  roles: Role[]
  /** 停用: no slots while false; a stopped plan's rounds stay on their day */
  active: boolean
  /**
   * When the schedule (days, window, interval) in force took effect: set on creation, on a change
   * of the schedule and on re-enabling. Slots that closed before it belong to no schedule: they
   * are neither due nor missed (domain/patrol/slots.ts).
   */
  scheduleFrom?: number
  /** who saved it last (its `updatedAt` says when) */
  byName?: string
}

export type ScanMethod = 'nfc' | 'qr' | 'typed'
export const METHOD_LABELS: Record<ScanMethod, string> = { nfc: 'NFC', qr: '扫码', typed: '手输编号' }

export type RoundStatus = 'inProgress' | 'done' | 'incomplete' | 'abandoned' | 'missed'
export const ROUND_STATUS_LABELS: Record<RoundStatus | 'due' | 'upcoming' | 'late', string> = {
  due: '待巡',
  upcoming: '未开始',
  late: '已迟到',
  inProgress: '巡逻中',
  done: '已完成',
  incomplete: '未巡完',
  abandoned: '提前结束',
  missed: '漏巡'
}

export interface Round extends Doc {
  estateId: string
  planId: string
  routeId: string
  /** the slot this round is for */
  slotStart: number
  slotEnd: number
  status: RoundStatus
  staffId?: string
  staffName?: string
  startedAt?: number
  endedAt?: number
  endReason?: string
  /** the phone's start or end time was not believed: the server's is stored (domain/time/eventTime.ts) */
  timeFlag?: TimeFlag
  /**
   * The route and the plan's time limits as they were when the round started (rounds started
   * before these were kept are judged by the route and plan as they are now).
   */
  route?: RouteCopy
  limits?: Pick<Plan, 'minMinutes' | 'maxMinutes'>
}

export type EvidenceLevel = 'strong' | 'ok' | 'weak' | 'suspicious'
export const EVIDENCE_LABELS: Record<EvidenceLevel, string> = {
  strong: '可信',
  ok: '正常',
  weak: '较弱',
  suspicious: '可疑'
}

export interface Evidence {
  level: EvidenceLevel
  score: number
  reasons: string[]
}

export interface Scan extends Doc {
  estateId: string
  roundId: string
  checkpointId: string
  checkpointName: string
  method: ScanMethod
  deviceTime: number
  serverTime: number
  position?: Position & { accuracyM: number }
  answers: Record<string, string>
  anomalies: string[]
  outOfOrder: boolean
  evidence: Evidence
  staffId: string
  staffName: string
}
