/**
 * Patrol rules, pure and with time passed in: which scan a round accepts, how far a scan can
 * be trusted (evidence), and how a round measures up to its plan.
 */
import type {
  Checkpoint,
  Evidence,
  EvidenceLevel,
  Plan,
  Position,
  Question,
  Round,
  Route,
  ScanMethod
} from './model'
import { hasAnyRole, MANAGER_ROLES, type Role } from '../roles'

// ---- QR tokens and typed codes ----
/** A checkpoint's QR carries `GWT-C:<checkpointId>.<signature>`; the server signs and checks it. */
export function checkpointQr(checkpointId: string, sig: string): string {
  return `GWT-C:${checkpointId}.${sig}`
}
export function parseCheckpointQr(text: string): { checkpointId: string; sig: string } | undefined {
  const m = /^GWT-C:([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,64})$/.exec(text.trim())
  return m ? { checkpointId: m[1], sig: m[2] } : undefined
}
/** Typed codes use letters and digits nobody confuses (no 0/O, 1/I/L). */
export const CODE_CHARS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export function checkpointCode(random: () => number, length = 4): string {
  let s = ''
  for (let i = 0; i < length; i++) s += CODE_CHARS[Math.floor(random() * CODE_CHARS.length)]
  return s
}

// ---- answers ----
/** The labels of the answers that are anomalies. A yes/no question's "no" is one unless told otherwise. */
export function anomaliesOf(questions: readonly Question[], answers: Record<string, string>): string[] {
  const out: string[] = []
  for (const q of questions) {
    const a = answers[q.key]
    if (a === undefined || a === '') continue
    const w = q.anomalyWhen
    if (q.kind === 'yesno' && a === (w?.equals ?? 'no')) out.push(`${q.label}：否`)
    else if (q.kind === 'choice' && w?.equals !== undefined && a === w.equals) out.push(`${q.label}：${a}`)
    else if (q.kind === 'number') {
      const n = Number(a)
      if (Number.isFinite(n) && ((w?.min !== undefined && n < w.min) || (w?.max !== undefined && n > w.max)))
        out.push(`${q.label}：${a}`)
    } else if (q.kind === 'note' && w?.equals === 'any') out.push(`${q.label}：${a}`)
  }
  return out
}

// ---- accepting a scan ----
export type ScanVerdict =
  | { ok: true; outOfOrder: boolean; note?: string }
  | { ok: false; code: 'WRONG_POINT' | 'REPEAT' | 'ROUND_CLOSED'; reason: string }

export function acceptScan(
  route: Pick<Route, 'checkpointIds' | 'ordered' | 'name'>,
  scanned: readonly string[],
  checkpointId: string,
  names: (id: string) => string | undefined,
  otherRoute?: string
): ScanVerdict {
  const name = names(checkpointId) ?? '这个巡更点'
  if (!route.checkpointIds.includes(checkpointId))
    return {
      ok: false,
      code: 'WRONG_POINT',
      reason: otherRoute
        ? `「${name}」属于「${otherRoute}」，不在本路线「${route.name}」上`
        : `「${name}」不在本路线「${route.name}」上`
    }
  if (scanned.includes(checkpointId))
    return { ok: false, code: 'REPEAT', reason: `「${name}」本轮已经打过点了` }
  if (!route.ordered) return { ok: true, outOfOrder: false }
  const expected = route.checkpointIds.find((id) => !scanned.includes(id))
  if (expected === checkpointId) return { ok: true, outOfOrder: false }
  return {
    ok: true,
    outOfOrder: true,
    note: `按顺序应先到「${names(expected ?? '') ?? '上一个点'}」，已记录为顺序不符`
  }
}

// ---- evidence ----
/** Metres between two positions (haversine). */
export function distanceM(a: Position, b: Position): number {
  const R = 6_371_000
  const rad = (x: number) => (x * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * R * Math.asin(Math.sqrt(h))
}

/** Faster than this between points, on foot, is not walking. */
export const MAX_WALK_MPS = 3
export const SKEW_FLAG_MS = 5 * 60_000

export interface ScanFacts {
  method: ScanMethod
  /**
   * An NFC scan whose tag signed this tap (NTAG 424 DNA SUN: MAC and a counter above the last,
   * checked by the server). Without it an NFC scan shows only that the phone knew the tag's id,
   * which any copy of the id does.
   */
  signedTag?: boolean
  deviceTime: number
  serverTime: number
  position?: Position & { accuracyM: number }
}
export interface PrevScan {
  checkpointId: string
  deviceTime: number
  position?: Position & { accuracyM: number }
  checkpointPosition?: Position
}

/** How far a scan can be trusted, with its reasons in Chinese. Suspicious scans are flagged, never refused. */
export function rateEvidence(
  scan: ScanFacts,
  point: Pick<Checkpoint, 'position'>,
  prev?: PrevScan
): Evidence {
  const signed = scan.method === 'nfc' && scan.signedTag === true
  let score = signed ? 95 : scan.method === 'qr' ? 75 : scan.method === 'nfc' ? 60 : 40
  const reasons: string[] = [
    signed
      ? 'NFC 防伪标签（本次读数已验证）'
      : scan.method === 'nfc'
        ? 'NFC 标签编号（编号可被复制）'
        : scan.method === 'qr'
          ? '现场扫码'
          : '手输编号（无法证明到场）'
  ]
  let suspicious = false
  const p = scan.position
  if (point.position) {
    if (!p) {
      score -= 10
      reasons.push('没有定位')
    } else {
      const d = distanceM(p, point.position)
      if (p.accuracyM > 100) {
        score -= 10
        reasons.push(`定位精度差（±${Math.round(p.accuracyM)}米）`)
      }
      if (d <= point.position.radiusM + Math.min(p.accuracyM, 50)) {
        score += 10
        reasons.push(`距巡更点 ${Math.round(d)} 米`)
      } else {
        score -= 30
        suspicious = d > point.position.radiusM + p.accuracyM + 50
        reasons.push(`距巡更点 ${Math.round(d)} 米，超出范围（${point.position.radiusM} 米）`)
      }
      if (p.accuracyM === 0) {
        suspicious = true
        reasons.push('定位精度为 0，疑似模拟定位')
      }
    }
  }
  if (prev?.position && p) {
    const moved = distanceM(prev.position, p)
    const apart =
      prev.checkpointPosition && point.position
        ? distanceM(prev.checkpointPosition, point.position)
        : undefined
    if (moved < 0.5 && apart !== undefined && apart > 20) {
      suspicious = true
      reasons.push('与上一个点的定位完全相同，疑似模拟定位')
    }
    const secs = (scan.deviceTime - prev.deviceTime) / 1000
    const need = apart ?? moved
    if (secs >= 0 && need > 30 && need / Math.max(secs, 1) > MAX_WALK_MPS) {
      suspicious = true
      reasons.push(`${Math.round(secs)} 秒走了 ${Math.round(need)} 米，快于步行`)
    }
  } else if (prev && scan.deviceTime - prev.deviceTime < 5_000 && prev.checkpointId) {
    score -= 10
    reasons.push('与上一个点相隔不到 5 秒')
  }
  const skew = Math.abs(scan.serverTime - scan.deviceTime)
  if (skew > SKEW_FLAG_MS && scan.serverTime - scan.deviceTime < 0) {
    suspicious = true
    reasons.push(`手机时间比服务器快 ${Math.round(skew / 60_000)} 分钟`)
  }
  score = Math.max(0, Math.min(100, score - (suspicious ? 30 : 0)))
  const level: EvidenceLevel = suspicious
    ? 'suspicious'
    : score >= 80
      ? 'strong'
      : score >= 60
        ? 'ok'
        : 'weak'
  return { level, score, reasons }
}

// ---- evaluating a round ----
export interface RoundFacts {
  slotStart: number
  slotEnd: number
  startedAt?: number
  endedAt?: number
  status: string
  /** the route and limits the round started with, when it kept them: they win over the current ones */
  route?: Pick<Route, 'checkpointIds'>
  limits?: Pick<Plan, 'minMinutes' | 'maxMinutes'>
}

/**
 * The route a round is walked and judged against: the copy it kept when it started, else (a
 * round started before rounds kept one) the route as it is now.
 */
export function routeOfRound<R extends Pick<Route, 'name' | 'checkpointIds' | 'ordered'>>(
  round: { route?: Pick<Route, 'name' | 'checkpointIds' | 'ordered'> },
  current: R | undefined
): Pick<Route, 'name' | 'checkpointIds' | 'ordered'> | undefined {
  return round.route ?? current
}
export interface ScanLite {
  checkpointId: string
  deviceTime: number
  outOfOrder: boolean
  anomalies: string[]
  evidence: Evidence
}
export interface RoundEvaluation {
  coverage: number
  scanned: number
  expected: number
  missed: string[]
  outOfOrder: number
  lateStart: boolean
  overrun: boolean
  tooFast: boolean
  incomplete: boolean
  anomalies: number
  suspicious: number
  /** what a supervisor reads first, in Chinese */
  flags: string[]
}

/** Minutes after the slot opens before a start counts as late. */
export const LATE_GRACE_MIN = 15

// ---- starting a round ----
/** Whether a person walks a plan: one of the plan's roles (巡逻/门岗), or a supervisor, who sees every plan. */
export function walksPlan(roles: readonly Role[], plan: Pick<Plan, 'roles'>): boolean {
  return hasAnyRole(roles, plan.roles) || hasAnyRole(roles, MANAGER_ROLES)
}

/**
 * Who may add to or end a round: only its walker scans into it and ends it. A supervisor may end
 * someone else's round left open (a phone lost, a person gone home), and must say why; a
 * supervisor never scans into it. The refusal in Chinese, or undefined when allowed.
 */
export function roundActRefusal(
  round: Pick<Round, 'staffId' | 'staffName'>,
  who: { _id: string; roles: readonly Role[] },
  act: 'scan' | 'end',
  reason?: string
): { code: 'FORBIDDEN' | 'INVALID_INPUT'; message: string } | undefined {
  if (round.staffId && round.staffId === who._id) return undefined
  const walker = round.staffName ?? '别人'
  if (act === 'scan') return { code: 'FORBIDDEN', message: `这一轮由${walker}在巡，只有${walker}本人能打点` }
  if (!hasAnyRole(who.roles, MANAGER_ROLES))
    return { code: 'FORBIDDEN', message: `这一轮由${walker}在巡，只有${walker}本人或主管能结束` }
  if (!reason?.trim()) return { code: 'INVALID_INPUT', message: `原因：结束${walker}的这一轮，请写明原因` }
  return undefined
}

/** A round may be started at most this many minutes before its slot opens. */
export const EARLY_START_MIN = 30

/** Whether a round of the slot opening at `slotStart` may be started at `at` (at most 30 minutes early). */
export function canStartRound(slotStart: number, at: number): boolean {
  return at >= slotStart - EARLY_START_MIN * 60_000
}

/** How a card of today's rounds reads: a due round not started past the grace period is late. */
export function roundCardState<S extends string>(
  card: { state: S | 'due' | 'upcoming'; slotStart: number },
  now: number
): S | 'due' | 'upcoming' | 'late' {
  return card.state === 'due' && now > card.slotStart + LATE_GRACE_MIN * 60_000 ? 'late' : card.state
}

/** Whether a card offers 开始巡更: due, or coming up and within the early-start window. */
export function cardStartable(card: { state: string; slotStart: number }, now: number): boolean {
  return card.state === 'due' || (card.state === 'upcoming' && canStartRound(card.slotStart, now))
}

/**
 * Whether a card on today's list offers 开始巡更. Near a slot boundary a plan shows its open slot
 * and the next one (already inside the early-start window): only one of them may offer the button,
 * the open slot while it lasts, so a guard never starts the next round with the current one unwalked.
 */
export function offersStart(
  card: { planId: string; state: string; slotStart: number },
  cards: readonly { planId: string; state: string; slotStart: number; slotEnd: number }[],
  now: number
): boolean {
  if (!cardStartable(card, now)) return false
  if (card.state !== 'upcoming') return true
  return !cards.some(
    (o) => o.planId === card.planId && o.slotStart < card.slotStart && o.state === 'due' && now < o.slotEnd
  )
}

export function evaluateRound(
  planNow: Pick<Plan, 'minMinutes' | 'maxMinutes'>,
  routeNow: Pick<Route, 'checkpointIds'>,
  round: RoundFacts,
  scans: readonly ScanLite[],
  names: (id: string) => string,
  now: number
): RoundEvaluation {
  // a round that kept its route and limits is judged by them: a later edit does not move it
  const route = round.route ?? routeNow
  const plan = round.limits ?? planNow
  const done = new Set(scans.map((s) => s.checkpointId))
  const missedIds = route.checkpointIds.filter((id) => !done.has(id))
  const expected = route.checkpointIds.length
  const scanned = expected - missedIds.length
  const started = round.startedAt ?? scans[0]?.deviceTime
  const ended =
    round.endedAt ?? (round.status === 'inProgress' ? undefined : scans[scans.length - 1]?.deviceTime)
  const minutes = started !== undefined && ended !== undefined ? (ended - started) / 60_000 : undefined
  const lateStart =
    started !== undefined
      ? started > round.slotStart + LATE_GRACE_MIN * 60_000
      : now > round.slotStart + LATE_GRACE_MIN * 60_000
  const overrun =
    minutes !== undefined
      ? minutes > plan.maxMinutes
      : started !== undefined && (now - started) / 60_000 > plan.maxMinutes
  const tooFast = minutes !== undefined && scanned > 1 && minutes < plan.minMinutes
  const closed = round.status !== 'inProgress' || now >= round.slotEnd
  const incomplete = closed && missedIds.length > 0
  const outOfOrder = scans.filter((s) => s.outOfOrder).length
  const anomalies = scans.reduce((n, s) => n + s.anomalies.length, 0)
  const suspicious = scans.filter((s) => s.evidence.level === 'suspicious').length
  const flags: string[] = []
  if (round.status === 'missed') flags.push('漏巡')
  if (lateStart && round.status !== 'missed') flags.push('迟到开始')
  if (incomplete && round.status !== 'missed')
    flags.push(`漏点 ${missedIds.length} 个：${missedIds.map(names).join('、')}`)
  if (outOfOrder) flags.push(`顺序不符 ${outOfOrder} 次`)
  if (tooFast) flags.push(`用时 ${Math.round(minutes!)} 分钟，少于计划的 ${plan.minMinutes} 分钟`)
  if (overrun) flags.push(`超时（计划 ${plan.maxMinutes} 分钟内）`)
  if (anomalies) flags.push(`异常 ${anomalies} 项`)
  if (suspicious) flags.push(`可疑打点 ${suspicious} 个`)
  return {
    coverage: expected ? Math.round((scanned / expected) * 100) : 0,
    scanned,
    expected,
    missed: missedIds,
    outOfOrder,
    lateStart,
    overrun,
    tooFast,
    incomplete,
    anomalies,
    suspicious,
    flags
  }
}
