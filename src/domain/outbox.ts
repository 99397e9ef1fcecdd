/**
 * The outbox's rules, pure: which queued operations may go now, how long to wait after a
 * failure, and what a server answer means for an operation. The store (src/stores/outbox.ts)
 * keeps the entries on the device and does the sending.
 */
import type { ErrorCode } from './errors'
import type { FunctionName } from './contract/define'

export type EntryStatus = 'pending' | 'sending' | 'refused'

export interface OutboxEntry {
  /** The client id: time-ordered, and the server's idempotency key. */
  id: string
  /** Place in the queue: the first id it had (an edited operation gets a new id, keeps its place). */
  order: string
  action: string
  fn: FunctionName
  input: unknown
  estateId?: string
  /** Who recorded it: only that person's session may send it. */
  staffId: string
  /** Device clock when the person tapped. */
  deviceTime: number
  /** Operations on the same record go to the server in the order they were made. */
  record: string
  /** What a person reads in the sync list, e.g. 上岗：东门岗. */
  summary: string
  status: EntryStatus
  attempts: number
  /** Not before this device time (backoff). */
  nextAt: number
  lastError?: { code: string; message: string; at: number }
}

/** What an answer from the server means for the operation. */
export type Verdict = 'applied' | 'retry' | 'refused' | 'auth'

const RETRY: ReadonlySet<string> = new Set<ErrorCode>([
  'NETWORK',
  'INTERNAL',
  'RATE_LIMITED',
  'SERVER_MISCONFIGURED'
])
const AUTH: ReadonlySet<string> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'STAFF_DISABLED',
  'NOT_BOUND',
  // a demo session or demo person on a production server: sign in again
  'DEMO_DISABLED'
])

export function verdictOf(code: string | undefined): Verdict {
  if (code === undefined) return 'applied'
  if (RETRY.has(code)) return 'retry'
  if (AUTH.has(code)) return 'auth'
  return 'refused'
}

export const BACKOFF = { baseMs: 2_000, capMs: 5 * 60_000 }

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … up to 5 min, each between half and all of it. */
export function backoffMs(attempts: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}

/**
 * The next operations to send: this person's, due, in id order, one function per request,
 * at most one per record per request, and never one whose record has an earlier operation
 * still waiting or refused (a refused operation blocks its record until the person resends
 * or discards it). So a record's operations reach the server strictly in order.
 */
export function nextBatch(
  entries: readonly OutboxEntry[],
  opts: { staffId: string; now: number; max: number }
): OutboxEntry[] {
  const sorted = [...entries].sort(byOrder)
  const blocked = new Set<string>()
  const out: OutboxEntry[] = []
  for (const e of sorted) {
    if (e.staffId !== opts.staffId) continue
    const ready = e.status === 'pending' && e.nextAt <= opts.now && !blocked.has(e.record)
    blocked.add(e.record)
    if (!ready) continue
    if (out.length > 0 && out[0].fn !== e.fn) continue
    out.push(e)
    if (out.length >= opts.max) break
  }
  return out
}

export function byOrder(a: OutboxEntry, b: OutboxEntry): number {
  return a.order < b.order ? -1 : a.order > b.order ? 1 : 0
}

/** When the earliest waiting operation of this person is due (for the timer). */
export function nextDue(entries: readonly OutboxEntry[], staffId: string): number | undefined {
  let t: number | undefined
  for (const e of entries)
    if (e.staffId === staffId && e.status === 'pending')
      t = t === undefined ? e.nextAt : Math.min(t, e.nextAt)
  return t
}

/** weapp gives each user 10 MB of storage; we warn at half of it. */
export const STORAGE_LIMIT_BYTES = 10 * 1024 * 1024
export const STORAGE_WARN_BYTES = 5 * 1024 * 1024

/** Bytes the entry takes in storage (UTF-8 of its JSON), near enough to warn in time. */
export function entryBytes(e: OutboxEntry): number {
  const s = JSON.stringify(e)
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3
  }
  return n
}
