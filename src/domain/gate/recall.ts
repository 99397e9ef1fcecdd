/**
 * A returning visitor, recognised by phone at the gate: the guard types the phone and sees the
 * name masked and the last room or company visited, filled into the walk-in. The check-in then
 * sends the earlier record's id and the server stores that record's own name unless the guard
 * typed another. Pure: the handler and the page both call these.
 */
import { DAY_MS, localDate } from '../time'
import { maskName } from '../privacy'
import { VISITOR_CASE_LABELS, type Visitor } from './entities'
import type { VisitorRecallOut } from '../contract'

/** A visit older than this is not recalled: a phone changes hands, a visitor moves on. */
export const RECALL_WINDOW_MS = 180 * DAY_MS

/** The earliest visit a look-up at `now` recalls. */
export function recallSince(now: number): number {
  return now - RECALL_WINDOW_MS
}

/** What the guard sees of the earlier visit: name masked, no phone, no ID. */
export function recallOut(
  v: Pick<Visitor, '_id' | 'name' | 'case' | 'room' | 'company' | 'contact' | 'inAt'>
): VisitorRecallOut {
  return {
    id: v._id,
    name: maskName(v.name),
    case: v.case,
    room: v.room || undefined,
    company: v.company || undefined,
    contact: v.contact || undefined,
    lastAt: v.inAt
  }
}

/**
 * The name to store for a check-in that names an earlier visit: that visit's own name when the
 * guard kept the masked one shown (or left it empty), else what the guard typed. The earlier
 * visit must be of the same phone, or it is not the same person and nothing is taken from it.
 */
export function recalledName(
  typed: string,
  phone: string | undefined,
  earlier: Pick<Visitor, 'name' | 'phone'> | undefined
): string {
  const t = typed.trim()
  if (!earlier || !phone || earlier.phone !== phone) return t
  return !t || t === maskName(earlier.name) ? earlier.name : t
}

/** The line the guard reads for a recognised visitor: masked name, the day and where they went. */
export function recallLine(r: VisitorRecallOut): string {
  const [, m, d] = localDate(r.lastAt).split('-')
  const where = r.room ? `到访 ${r.room}` : r.company ? `来访 ${r.company}` : VISITOR_CASE_LABELS[r.case]
  return `老访客 ${r.name} · 上次 ${Number(m)}月${Number(d)}日 ${where}`
}
