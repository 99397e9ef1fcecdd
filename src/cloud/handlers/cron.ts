import { markMissed } from './patrol'
import { escalate, inSets, recurring } from './work'
import type { SweepOut } from '../../domain/contract'
import type { BindCode, OpRecord } from '../../domain/entities'
import type { Ctx } from '../context'
import type { D } from './common'

/** Idempotency records older than this can no longer be replayed by any outbox. */
export const OP_RETENTION_MS = 30 * 24 * 3600 * 1000

/** True once the timer's budget is spent: the sweep stops between steps and the next hour carries on. */
export function outOfTime(ctx: Ctx): boolean {
  return ctx.deadline !== undefined && ctx.config.now() >= ctx.deadline
}

/**
 * Every step is safe to stop between and to run again: expired codes and old op records are
 * found by query, missed rounds and recurring tasks have ids that say which slot or day they
 * are, and an escalated task is marked. So a sweep that runs out of time just stops.
 */
export async function sweep(_: Record<string, never>, ctx: Ctx): Promise<SweepOut> {
  let expiredBindCodes = 0
  let prunedOps = 0
  let missedRounds = 0
  let escalated = 0
  let made = 0
  const out = async (stoppedEarly: boolean): Promise<SweepOut> => {
    const r: SweepOut = { expiredBindCodes, prunedOps, missedRounds, escalated, recurring: made }
    if (expiredBindCodes + prunedOps + missedRounds + escalated + made > 0) await ctx.audit('meta', 'sweep')
    if (stoppedEarly) {
      r.stoppedEarly = true
      ctx.config.log('[cron] sweep stopped at its time budget; the next run carries on', r)
    }
    return r
  }
  for (;;) {
    if (outOfTime(ctx)) return out(true)
    const page = await ctx.store.find<D<BindCode>>('bindcodes', {
      where: { expiresAt: { lt: ctx.now } },
      orderBy: [['expiresAt', 'asc']],
      limit: 200
    })
    await inSets(page.items, async (c) => {
      if (await ctx.store.remove('bindcodes', c._id)) expiredBindCodes++
    })
    if (!page.next) break
  }
  for (;;) {
    if (outOfTime(ctx)) return out(true)
    const page = await ctx.store.find<D<OpRecord>>('ops', {
      where: { serverTime: { lt: ctx.now - OP_RETENTION_MS } },
      orderBy: [['serverTime', 'asc']],
      limit: 500
    })
    await inSets(page.items, async (o) => {
      if (await ctx.store.remove('ops', o._id)) prunedOps++
    })
    if (!page.next) break
  }
  if (outOfTime(ctx)) return out(true)
  missedRounds = await markMissed(ctx)
  if (outOfTime(ctx)) return out(true)
  escalated = await escalate(ctx)
  if (outOfTime(ctx)) return out(true)
  made = await recurring(ctx)
  return out(false)
}
