/**
 * What the gate's cloud handlers decide, as pure functions (time passed in): the goods-release
 * checklist, a goods slip's day, the walk-in and vehicle checks, a pass's window, a block-list
 * entry, overstay, the day log's time range and the CSV cell. A problem is `{ field, message }`
 * (the handler answers INVALID_INPUT with it) or a message string.
 */
import type { EstateSettings } from '../entities'
import { DEFAULT_OVERSTAY_MS, isOverstay } from './machines'
import type { GoodsSlip } from './entities'
import { goodsReleaseProblems, type GoodsReleaseCheck } from './goods'
import { DAY_MS, localDate, startOfLocalDate } from '../time'

export interface FieldProblem {
  field: string
  message: string
}

/** How long a visitor may stay: the estate's setting in hours, else four hours. */
export function overstayLimitMs(settings: EstateSettings | undefined): number {
  const h = settings?.overstayHours
  return typeof h === 'number' && h > 0 ? h * 3600_000 : DEFAULT_OVERSTAY_MS
}

/** How many of these stays are overstays at `now`. */
export function overstayCount(inAts: readonly number[], now: number, limitMs: number): number {
  return inAts.filter((inAt) => isOverstay(inAt, now, limitMs)).length
}

/** A refusal (of a visitor, a vehicle, goods) is recorded only with its reason. */
export function refusalProblem(
  result: string,
  reason: string | undefined,
  label = '未放行'
): FieldProblem | undefined {
  return result === 'refused' && !reason ? { field: 'reason', message: `${label}：请写明原因` } : undefined
}

/**
 * A match on the block list means 禁止入场 unless the guard decides otherwise and says why
 * (the reason goes to the supervisor's day log). Not letting them in needs no reason beyond
 * the match itself.
 */
export function blockDecisionProblem(
  matched: boolean,
  result: string,
  override: string | undefined
): string | undefined {
  if (!matched || result !== 'admitted' || (override ?? '').trim()) return undefined
  return '黑名单上的人或车辆不能直接放行：请写明放行原因（报主管），或选择不放行'
}

/** The refusal's reason for someone or something turned away for the block list. */
export function blockRefusalReason(reason: string): string {
  return `黑名单：${reason}`.slice(0, 100)
}

/** What a walk-in or pass check-in must carry besides its schema. */
export function checkInProblem(input: {
  source: 'walkin' | 'pass'
  passId?: string
  case: string
  result: string
  reason?: string
  construction?: unknown
}): FieldProblem | undefined {
  const refusal = refusalProblem(input.result, input.reason)
  if (refusal) return refusal
  if (input.source === 'pass' && !input.passId)
    return { field: 'passId', message: '通行证：请先查到通行证再登记' }
  return undefined
}

/** A construction worker (case construction) is let in only with a temporary pass or a long-term permit. */
export function constructionNeeded(c: { case: string; result: string }): boolean {
  return c.case === 'construction' && c.result === 'admitted'
}
export const CONSTRUCTION_MISSING: FieldProblem = {
  field: 'construction',
  message: '施工人员：请选择临时施工或长期施工'
}

/** An ID the phone sends: none, or the last four with the phone's hash of the whole number. */
export function idDocProblem(
  d: { type: string; last4: string; hash?: string },
  field = 'idDoc'
): FieldProblem | undefined {
  if (d.type === 'none') return undefined
  if (!d.hash || d.last4.length !== 4)
    return { field, message: '证件：请输入完整的证件号码（手机上只保留后四位和摘要）' }
  return undefined
}

/**
 * The server's word on a goods check: refused without reason, or released with gaps in the
 * checklist (`goodsReleaseProblems`, the list the phone shows first).
 */
export function goodsDecisionProblem(
  c: GoodsReleaseCheck & { result: string; reason?: string }
): FieldProblem | undefined {
  const refusal = refusalProblem(c.result, c.reason, '拒绝放行')
  if (refusal) return refusal
  if (c.result !== 'released') return undefined
  const missing = goodsReleaseProblems(c)
  return missing.length ? { field: 'result', message: `放行：${missing.join('；')}，不能放行` } : undefined
}

/** Why a goods slip cannot be used at `at` in this estate (it is for one local day), if it cannot. */
export function goodsSlipProblem(
  p: Pick<GoodsSlip, 'estateId' | 'status' | 'date'>,
  estateId: string,
  at: number
): string | undefined {
  if (p.estateId !== estateId) return '这张放行条不是本小区的'
  if (p.status === 'released') return '这张放行条已放行过'
  if (p.status === 'refused') return '这张放行条已被拒绝'
  if (p.status === 'revoked') return '这张放行条已作废'
  const today = localDate(at)
  if (p.date !== today)
    return p.date < today ? `放行条日期是 ${p.date}，已过期` : `放行条日期是 ${p.date}，还没到日期`
  return undefined
}

/** A goods slip is issued for today or a later day. */
export function goodsIssueProblem(date: string, now: number): FieldProblem | undefined {
  return date < localDate(now) ? { field: 'date', message: '日期：不能早于今天' } : undefined
}

/** A visitor pass is for a visit, not a season ticket. */
export const PASS_MAX_DAYS = 31

/** A visitor pass's window: forwards, at most PASS_MAX_DAYS, not over already. */
export function passWindowProblem(validFrom: number, validTo: number, now: number): FieldProblem | undefined {
  if (validTo <= validFrom) return { field: 'validTo', message: '有效期：结束时间应晚于开始时间' }
  if (validTo - validFrom > PASS_MAX_DAYS * DAY_MS)
    return { field: 'validTo', message: `有效期：最长${PASS_MAX_DAYS}天` }
  if (validTo < now) return { field: 'validTo', message: '有效期：已经过去了' }
  return undefined
}

/** A block-list entry must be matchable: a plate, or a person by more than the ID's last four. */
export function blockEntryProblem(e: {
  kind: 'person' | 'plate'
  plate?: string
  name?: string
  phone?: string
  idHash?: string
  idLast4?: string
}): FieldProblem | undefined {
  if (e.kind === 'plate' && !e.plate) return { field: 'plate', message: '车牌：请填写车牌号' }
  if (e.kind === 'person' && !e.name && !e.phone && !e.idHash)
    return {
      field: 'name',
      message: e.idLast4
        ? '人员：只有证件后四位无法比对，请同时填写姓名'
        : '人员：姓名、手机号、证件号至少填一项'
    }
  return undefined
}

/** A permit's dates: the end not before the start. */
export function permitDatesProblem(validFrom: number, validTo: number): FieldProblem | undefined {
  return validTo < validFrom ? { field: 'validTo', message: '有效期：结束日期应不早于开始日期' } : undefined
}

/** A second exit of the same plate within this time is the same car, logged twice. */
export const RECENT_EXIT_MS = 10 * 60_000
/** An exit without an open stay repeats one logged a moment ago (by another guard). */
export function isRepeatedExit(lastOutAt: number | undefined, at: number): boolean {
  return lastOutAt !== undefined && at - lastOutAt < RECENT_EXIT_MS
}

function minutes(hm: string): number {
  const [h, m] = hm.split(':').map(Number)
  return h * 60 + m
}

/**
 * The instants of a day-log query: the estate's local day `date`, narrowed to `from`–`to`
 * (HH:mm, the `to` minute included: 08:00–08:59 means up to 08:59:59.999).
 */
export function logRange(
  date: string,
  from?: string,
  to?: string
): { dayStart: number; gte: number; lt: number } | FieldProblem {
  const dayStart = startOfLocalDate(date)
  if (Number.isNaN(dayStart)) return { field: 'date', message: '日期：不是有效的日期' }
  const gte = from ? dayStart + minutes(from) * 60_000 : dayStart
  const lt = to ? dayStart + (minutes(to) + 1) * 60_000 : dayStart + DAY_MS
  if (lt <= gte) return { field: 'to', message: '时间：结束时间应晚于开始时间' }
  return { dayStart, gte, lt }
}

/** The 24 hours of the day `dayStart` begins, each cut to `gte`–`lt` (empty hours: null). */
export function hourRanges(
  dayStart: number,
  gte: number,
  lt: number
): ({ gte: number; lt: number } | null)[] {
  return Array.from({ length: 24 }, (_, h) => {
    const a = Math.max(gte, dayStart + h * 3600_000)
    const b = Math.min(lt, dayStart + (h + 1) * 3600_000)
    return b <= a ? null : { gte: a, lt: b }
  })
}

/** A CSV cell: quoted when needed; a cell Excel would run as a formula (=, +, -, @) is text. */
export function csvCell(s: string | number): string {
  let t = String(s)
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
}
