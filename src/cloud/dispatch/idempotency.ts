import { createHash } from 'node:crypto'
import type { ActionName } from '../../domain/contract'
import { CLOCK_SKEW_FLAG_MS, type OpRecord } from '../../domain/entities'
import { AppError, isAppError } from '../../domain/errors'
import { maskFreeText } from '../../domain/privacy'
import { judgeEventTime } from '../../domain/time/eventTime'
import { DuplicateKeyError, type DataPort } from '../data/port'
import type { Ctx } from '../context'

type OpDoc = OpRecord & { [k: string]: unknown }

/** Stable JSON for hashing: object keys sorted at every depth. */
export function stable(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stable).join(',')}]`
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((x as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(x) ?? 'null'
}

/** What a retry must repeat exactly: the action, the parsed input and the estate. */
export function requestHash(action: ActionName, input: unknown, estateId: string | undefined): string {
  return createHash('sha256').update(stable({ action, input, estateId })).digest('hex')
}

/**
 * A write's op as the handler sees it: the device's id and clock, how far that clock is off,
 * and the record's time by the event-time rule (`since`: when the caller's session began).
 */
export function opOf(
  op: { id: string; deviceTime: number },
  sentAt: unknown,
  now: number,
  since?: number
): NonNullable<Ctx['op']> {
  const sent = typeof sentAt === 'number' && Number.isFinite(sentAt) ? sentAt : undefined
  const skewMs = (sent ?? now) - now
  const { at, flag } = judgeEventTime({ deviceTime: op.deviceTime, sentAt: sent, now, since })
  return { ...op, skewMs, skewFlag: Math.abs(skewMs) > CLOCK_SKEW_FLAG_MS, at, timeFlag: flag }
}

/**
 * What the op log keeps of a result for 30 days: the result with every whole mobile and ID
 * number in it masked (a pass's visitor phone, a note). A retry is answered with it: the same
 * record ids, states and times, the numbers as every list shows them.
 */
export function keptResult(x: unknown): unknown {
  if (typeof x === 'string') return maskFreeText(x)
  if (Array.isArray(x)) return x.map(keptResult)
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, val] of Object.entries(x)) out[k] = keptResult(val)
    return out
  }
  return x
}

/** One write operation, run at most once per op id. */
export interface Once {
  store: DataPort
  op: NonNullable<Ctx['op']>
  action: ActionName
  hash: string
  /** The caller's staff id; undefined: nobody signed in. */
  actorId: string | undefined
  now: number
  /** The op record as read before the transaction, with the caller. */
  before: Promise<OpRecord | null> | undefined
}

/** The handler's part: its run, and the audit records it left, written beside the op record. */
export interface Work {
  run(db: DataPort): Promise<unknown>
  audits(db: DataPort): Promise<unknown>[]
}

export interface Answer {
  ok: true
  data: unknown
  serverTime: number
  replayed?: true
}

/**
 * The idempotency log (Stripe's pattern): the first result is stored with the operation in
 * one transaction and replayed for a retry; the same op id with another request or another
 * caller is IDEMPOTENCY_MISMATCH.
 */
export async function runOnce(o: Once, work: Work): Promise<Answer> {
  const { store, op, now } = o
  const replay = (seen: OpRecord): Answer => {
    if (seen.hash !== o.hash || seen.actorId !== o.actorId) throw new AppError('IDEMPOTENCY_MISMATCH')
    return { ok: true, data: seen.result, serverTime: seen.serverTime, replayed: true }
  }
  const before = await o.before
  if (before) return replay(before)
  let attempts = 0
  try {
    return await store.transaction(async (tx) => {
      // A retried attempt (a write conflict: maybe this very operation, sent twice at once,
      // committed meanwhile) looks again, inside its snapshot.
      if (++attempts > 1) {
        const seen = await tx.get<OpDoc>('ops', op.id)
        if (seen) return replay(seen)
      }
      const data = await work.run(tx)
      await Promise.all([
        ...work.audits(tx),
        tx.insert<OpDoc>(
          'ops',
          {
            _id: op.id,
            createdAt: now,
            updatedAt: now,
            actorId: o.actorId ?? 'anonymous',
            action: o.action,
            hash: o.hash,
            result: keptResult(data),
            serverTime: now,
            deviceTime: op.deviceTime,
            skewMs: op.skewMs,
            skewFlag: op.skewFlag,
            timeFlag: op.timeFlag
          },
          { fresh: true }
        )
      ])
      return { ok: true as const, data, serverTime: now }
    })
  } catch (e) {
    // Refused, or the op record is there already: the same operation may have committed
    // between the first look and this transaction's snapshot. Then it is a replay.
    if (isAppError(e) || (e instanceof DuplicateKeyError && e.coll === 'ops')) {
      const seen = await store.get<OpDoc>('ops', op.id)
      if (seen) return replay(seen)
    }
    throw e
  }
}
