import * as v from 'valibot'
import type { Envelope } from '../../domain/errors'
import { AppError, errorEnvelope } from '../../domain/errors'
import type { OpRecord } from '../../domain/entities'
import type { DataPort } from '../data/port'
import type { Identity } from '../context'
import type { Shared } from './lookups'
import { opSchema, quiet, type RawRequest } from './request'

/** Most operations one call may carry; each is still its own transaction. */
export const MAX_BATCH = 25

/**
 * Reads that walk a whole day or more: at most one per batch (a batch of 25 day-log CSVs took
 * 2.3 s and 17 MB while a health check waited behind it). A second is answered HEAVY_BUSY.
 */
export const HEAVY_ACTIONS: ReadonlySet<string> = new Set([
  'gate.dayLogCsv',
  // a day's report computed, every estate's, 30 days of them, or written as a workbook
  'report.day',
  'report.compare',
  'report.trend',
  'report.xlsx',
  // a month of every post's people
  'attendance.monthXlsx'
])

type One = (req: RawRequest, identity: Identity, shared: Shared) => Promise<Envelope<unknown>>

/**
 * A batch answers with one envelope per item, in order: one refused item never stops the
 * others, and every item is checked (identity, role, input, estate) exactly as if alone.
 */
export async function dispatchBatch(
  store: DataPort,
  now: () => number,
  req: RawRequest,
  identity: Identity,
  dispatchOne: One
): Promise<Envelope<unknown>> {
  const batch = req.batch
  const at = now()
  if (!Array.isArray(batch) || batch.length === 0 || batch.length > MAX_BATCH)
    return errorEnvelope(new AppError('INVALID_INPUT', `一次最多上传${MAX_BATCH}条记录`), at)
  const items = batch.map((item) =>
    item && typeof item === 'object' && !Array.isArray(item) ? (item as RawRequest) : {}
  )
  // The caller and estates are read once for the batch, the op records of all items in one query.
  const opIds = [
    ...new Set(
      items.flatMap((one) => {
        const r = v.safeParse(opSchema, one.op)
        return r.success ? [r.output.id] : []
      })
    )
  ]
  const shared: Shared = { estates: new Map() }
  if (opIds.length)
    shared.ops = quiet(
      store
        .find<OpRecord & { [k: string]: unknown }>('ops', {
          where: { _id: { in: opIds } },
          orderBy: [['_id', 'asc']],
          limit: MAX_BATCH
        })
        .then((page) => new Map(page.items.map((o) => [o._id, o])))
    )
  const results: Envelope<unknown>[] = []
  let heavy = false
  for (const one of items) {
    const isHeavy = typeof one.action === 'string' && HEAVY_ACTIONS.has(one.action)
    if (isHeavy && heavy) {
      results.push(errorEnvelope(new AppError('HEAVY_BUSY'), now()))
      continue
    }
    heavy ||= isHeavy
    // other callers' requests are answered between the items of a batch
    await new Promise<void>((resolve) => setImmediate(resolve))
    results.push(
      await dispatchOne({ ...one, batch: undefined, sentAt: one.sentAt ?? req.sentAt }, identity, shared)
    )
  }
  return { ok: true as const, data: results, serverTime: now() }
}
