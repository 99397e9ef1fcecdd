/**
 * The shift handover (交接班) as pure rules: the list an outgoing guard hands over, built from
 * what is open at their post (the server's data online, the phone's cached board offline), and
 * the incoming guard's check of it, item by item, with the differences it shows. Time is passed
 * in. Tested in test/unit/domain/handover/rules.test.ts.
 */
import { DAY_MS, localClock, localDate } from '../time'

/** What a handover lists, in the order it is shown. */
export const HANDOVER_KEYS = [
  'visitors',
  'vehicles',
  'passes',
  'slips',
  'blocked',
  'rounds',
  'incidents'
] as const
export type HandoverKey = (typeof HANDOVER_KEYS)[number]

export const HANDOVER_LABELS: Record<HandoverKey, string> = {
  visitors: '园内访客',
  vehicles: '园内外来车辆',
  passes: '今日未用通行证',
  slips: '今日未用放行条',
  blocked: '本班黑名单事件',
  rounds: '未完成巡更',
  incidents: '我报的未结报事'
}
const UNITS: Record<HandoverKey, string> = {
  visitors: '位',
  vehicles: '辆',
  passes: '张',
  slips: '张',
  blocked: '起',
  rounds: '轮',
  incidents: '件'
}

/** The most lines an item carries (the count stays whole). */
export const ITEM_LINES_MAX = 20
export const LINE_MAX = 60

/** One thing handed over: how many, and a line for each (who, which car, which round). */
export interface HandoverItem {
  key: HandoverKey
  count: number
  lines: string[]
}

/** The incoming guard's word on one item: the number found, or a short note, or both. */
export interface ItemCheck {
  key: HandoverKey
  found?: number
  note?: string
}

/** A difference the incoming guard noted: 「园内访客：交 3 位，实 2 位」. */
export interface Difference {
  key: HandoverKey
  listed: number
  found?: number
  note?: string
  text: string
}

// ---- what the list is built from: the fields it needs of each record ----
export interface VisitorFact {
  name: string
  room?: string
  company?: string
  gate: string
  inAt: number
}
export interface VehicleFact {
  plate: string
  gate: string
  inAt?: number
}
export interface PassFact {
  code: string
  visitorName: string
  room: string
  status: string
  validFrom: number
  validTo: number
}
export interface SlipFact {
  code: string
  holderName: string
  room: string
  status: string
  date: string
}
export interface BlockedFact {
  subject: string
  gate: string
  at: number
  reason: string
}
export interface RoundFact {
  planName: string
  slotStart: number
  state: string
}
export interface IncidentFact {
  categoryLabel: string
  place?: string
  status: string
  reportedAt: number
}

export interface BoardFacts {
  visitors: readonly VisitorFact[]
  vehicles: readonly VehicleFact[]
  passes?: readonly PassFact[]
  slips?: readonly SlipFact[]
  blocked?: readonly BlockedFact[]
  rounds?: readonly RoundFact[]
  incidents?: readonly IncidentFact[]
}

/** The gate a post stands at: 东门岗 → 东门; a post that is no gate's (地库岗亭) has none. */
export function gateOfPost(post: string, gates: readonly string[]): string | undefined {
  if (gates.includes(post)) return post
  const bare = post.replace(/岗$/, '')
  return gates.includes(bare) ? bare : undefined
}

/**
 * A time on a handover line: 21:40 on the day it is handed over; 昨天 21:40 (明天, 12月3日) on
 * another, so the morning guard does not read a visitor of last night as one of this morning.
 */
export function handoverClock(t: number, now: number): string {
  const day = localDate(t)
  const prefix =
    day === localDate(now)
      ? ''
      : day === localDate(now - DAY_MS)
        ? '昨天 '
        : day === localDate(now + DAY_MS)
          ? '明天 '
          : `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日 `
  return prefix + localClock(t)
}

const cut = (s: string) => (s.length > LINE_MAX ? s.slice(0, LINE_MAX - 1) + '…' : s)
const OPEN_INCIDENT = new Set(['reported', 'assigned', 'accepted', 'inProgress', 'reopened'])
const UNFINISHED_ROUND = new Set(['due', 'inProgress'])

function item(key: HandoverKey, lines: string[]): HandoverItem {
  return { key, count: lines.length, lines: lines.slice(0, ITEM_LINES_MAX).map(cut) }
}

/**
 * The handover list of a post: what is open there now. `gate` narrows visitors, vehicles and
 * block-list events to the post's gate (a post with no gate hands over the estate's);
 * `since` is the shift's start (block-list events of the shift); `today` the local day.
 */
export function buildItems(
  facts: BoardFacts,
  opts: { gate?: string; since: number; now: number; today: string }
): HandoverItem[] {
  const atGate = (g: string) => !opts.gate || g === opts.gate
  const { now } = opts
  return [
    item(
      'visitors',
      facts.visitors
        .filter((v) => atGate(v.gate))
        .sort((a, b) => a.inAt - b.inAt)
        .map((v) => `${v.name}（${v.room ?? v.company ?? '访客'}）${handoverClock(v.inAt, now)}进入`)
    ),
    item(
      'vehicles',
      facts.vehicles
        .filter((x) => atGate(x.gate))
        .map((x) => `${x.plate}${x.inAt !== undefined ? ` ${handoverClock(x.inAt, now)}入场` : ''}`)
    ),
    item(
      'passes',
      (facts.passes ?? [])
        .filter((p) => p.status === 'active' && p.validTo >= now && p.validFrom <= now + 86_400_000)
        .map((p) => `${p.visitorName} → ${p.room}（${p.code}）至${handoverClock(p.validTo, now)}`)
    ),
    item(
      'slips',
      (facts.slips ?? [])
        .filter((s) => s.status === 'issued' && s.date === opts.today)
        .map((s) => `${s.holderName} · ${s.room}（${s.code}）`)
    ),
    item(
      'blocked',
      (facts.blocked ?? [])
        .filter((b) => atGate(b.gate) && b.at >= opts.since)
        .sort((a, b) => a.at - b.at)
        .map((b) => `${handoverClock(b.at, now)} ${b.subject}：${b.reason}`)
    ),
    item(
      'rounds',
      (facts.rounds ?? [])
        .filter((r) => UNFINISHED_ROUND.has(r.state))
        .map(
          (r) =>
            `${r.planName} ${handoverClock(r.slotStart, now)}${r.state === 'inProgress' ? ' 巡更中' : ' 未开始'}`
        )
    ),
    item(
      'incidents',
      (facts.incidents ?? [])
        .filter((i) => OPEN_INCIDENT.has(i.status))
        .map((i) => `${i.categoryLabel}${i.place ? ' · ' + i.place : ''} ${handoverClock(i.reportedAt, now)}`)
    )
  ]
}

/** How many things are still open in a list (下岗 asks first when there are any). */
export function openCount(items: readonly HandoverItem[]): number {
  return items.reduce((n, i) => n + i.count, 0)
}

/** 「园内访客 2 位」 */
export function itemTitle(i: Pick<HandoverItem, 'key' | 'count'>): string {
  return `${HANDOVER_LABELS[i.key]} ${i.count} ${UNITS[i.key]}`
}

/** The one-line question before going off shift with things open; '' when nothing is. */
export function confirmText(items: readonly HandoverItem[]): string {
  const open = items.filter((i) => i.count > 0)
  if (!open.length) return ''
  return `还有未结事项：${open.map(itemTitle).join('、')}。确认交班并下岗？`
}

/** The differences of a check: an item whose found count is not its listed count, or with a note. */
export function differences(items: readonly HandoverItem[], checks: readonly ItemCheck[]): Difference[] {
  const out: Difference[] = []
  for (const i of items) {
    const c = checks.find((x) => x.key === i.key)
    if (!c) continue
    const note = c.note?.trim() || undefined
    const counted = c.found !== undefined && c.found !== i.count
    if (!counted && !note) continue
    const u = UNITS[i.key]
    const parts = [`${HANDOVER_LABELS[i.key]}：交 ${i.count} ${u}`]
    if (c.found !== undefined) parts.push(`实 ${c.found} ${u}`)
    if (note) parts.push(note)
    out.push({ key: i.key, listed: i.count, found: c.found, note, text: parts.join('，') })
  }
  return out
}

/** Checks that name an item the handover does not list: the input is refused with these keys. */
export function unknownChecks(items: readonly HandoverItem[], checks: readonly ItemCheck[]): HandoverKey[] {
  return checks.filter((c) => !items.some((i) => i.key === c.key)).map((c) => c.key)
}

// ---- offline: the phone's cached board with its waiting records laid over it ----

/** A waiting outbox entry as the handover reads it. */
export interface WaitingOp {
  action: string
  input: unknown
  deviceTime: number
}

/**
 * Visitors and outside vehicles inside as this phone knows them: the cached board, plus check-ins
 * and vehicles-in still waiting to upload, less check-outs and vehicles-out still waiting.
 */
export function insideWithWaiting(
  board: {
    visitors: readonly (VisitorFact & { id: string })[]
    vehicles: readonly (VehicleFact & { id: string })[]
  },
  ops: readonly WaitingOp[],
  gate: string
): { visitors: VisitorFact[]; vehicles: VehicleFact[] } {
  const visitors = new Map<string, VisitorFact>(board.visitors.map((v) => [v.id, v]))
  const vehicles = new Map<string, VehicleFact>(board.vehicles.map((v) => [v.id, v]))
  for (const op of ops) {
    const i = (op.input ?? {}) as Record<string, unknown>
    const str = (k: string) => (typeof i[k] === 'string' ? (i[k] as string) : undefined)
    if (op.action === 'gate.checkIn' && str('id') && i.result === 'admitted')
      visitors.set(str('id')!, {
        name: str('name') ?? '访客',
        room: str('room'),
        company: str('company'),
        gate: str('gate') ?? gate,
        inAt: op.deviceTime
      })
    else if (op.action === 'gate.checkOut' && str('visitorId')) visitors.delete(str('visitorId')!)
    else if (op.action === 'gate.vehicleIn' && str('id') && i.case !== 'owner' && i.result === 'admitted')
      vehicles.set(str('id')!, { plate: str('plate') ?? '', gate: str('gate') ?? gate, inAt: op.deviceTime })
    else if (op.action === 'gate.vehicleOut') {
      const visit = str('visitId')
      const plate = str('plate')
      for (const [k, x] of vehicles) if (k === visit || (!visit && x.plate === plate)) vehicles.delete(k)
    }
  }
  return { visitors: [...visitors.values()], vehicles: [...vehicles.values()] }
}

/** A handover as stored (collection `handovers`): open until the next guard at the post accepts it. */
export interface Handover {
  _id: string
  _v: number
  createdAt: number
  updatedAt: number
  estateId: string
  post: string
  /** local day it was handed over, YYYY-MM-DD */
  day: string
  fromId: string
  fromName: string
  /** server time it arrived, and the phone's time it was made (offline it arrives later) */
  at: number
  deviceAt: number
  items: HandoverItem[]
  note?: string
  status: 'open' | 'accepted'
  toId?: string
  toName?: string
  acceptedAt?: number
  deviceAcceptedAt?: number
  checks?: ItemCheck[]
  acceptNote?: string
}
