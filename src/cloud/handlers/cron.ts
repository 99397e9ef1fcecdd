import { markMissed } from './patrol'
import { escalate, recurring } from './work'
import type { SweepOut } from '../../domain/contract'
import type { BindCode, OpRecord } from '../../domain/entities'
import type { Ctx } from '../context'
import type { D } from './common'

/** Idempotency records older than this can no longer be replayed by any outbox. */
export const OP_RETENTION_MS = 30 * 24 * 3600 * 1000

export async function sweep(_: Record<string, never>, ctx: Ctx): Promise<SweepOut> {
  let expiredBindCodes = 0
  for (;;) {
    const page = await ctx.store.find<D<BindCode>>('bindcodes', {
      where: { expiresAt: { lt: ctx.now } },
      orderBy: [['expiresAt', 'asc']],
      limit: 200
    })
    for (const c of page.items) if (await ctx.store.remove('bindcodes', c._id)) expiredBindCodes++
    if (!page.next) break
  }
  let prunedOps = 0
  for (;;) {
    const page = await ctx.store.find<D<OpRecord>>('ops', {
      where: { serverTime: { lt: ctx.now - OP_RETENTION_MS } },
      orderBy: [['serverTime', 'asc']],
      limit: 500
    })
    for (const o of page.items) if (await ctx.store.remove('ops', o._id)) prunedOps++
    if (!page.next) break
  }
  const missedRounds = await markMissed(ctx)
  const escalated = await escalate(ctx)
  const made = await recurring(ctx)
  if (expiredBindCodes + prunedOps + missedRounds + escalated + made > 0) await ctx.audit('meta', 'sweep')
  return { expiredBindCodes, prunedOps, missedRounds, escalated, recurring: made }
}
