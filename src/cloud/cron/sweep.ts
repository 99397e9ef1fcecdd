/**
 * The hourly sweep (`cron.sweep`, run by the timer): expired bind codes and old idempotency
 * records removed, missed patrol rounds recorded, overdue work escalated, recurring tasks made.
 */
import type { SweepOut } from '../../domain/contract'
import type { BindCode, OpRecord } from '../../domain/entities'
import type { Ctx } from '../context'
import { coll, Repo, type Coll } from '../kit'
import { markMissed } from '../patrol'
import { escalate, recurring } from '../work'
import { releaseHeldOfDisabled } from '../staff/people'
import { inSets } from './sets'
import { localFileId, UPLOAD_TTL_MS, UPLOADS, type UploadDoc } from '../files/uploads'
import { GUESSES } from '../kit/guesses'
import { GUESS_WINDOW_MS } from '../../domain/guard/limits'
import { generateReports } from '../report'

/** Idempotency records older than this can no longer be replayed by any outbox. */
export const OP_RETENTION_MS = 30 * 24 * 3600 * 1000

const BIND_CODES = coll<BindCode>('bindcodes')
const OPS = coll<OpRecord>('ops')
/** A guessing counter of one window (src/cloud/kit/guesses.ts): dead once its window has passed. */
type GuessCounter = { _id: string; _v: number; createdAt: number; updatedAt: number; misses: number }
const GUESS_COUNTERS = coll<GuessCounter>(GUESSES)

/** True once the timer's budget is spent: the sweep stops between steps and the next hour carries on. */
export function outOfTime(ctx: Ctx): boolean {
  return ctx.deadline !== undefined && ctx.config.now() >= ctx.deadline
}

/**
 * Removes every document of `c` whose `field` is before `before`, a page at a time, each page
 * removed in parallel sets. Stops (false) when the budget runs out.
 */
async function removeBefore<T extends BindCode | OpRecord | GuessCounter>(
  ctx: Ctx,
  c: Coll<T>,
  field: 'expiresAt' | 'serverTime' | 'createdAt',
  before: number,
  pageSize: number,
  removed: () => void
): Promise<boolean> {
  const repo = new Repo(ctx)
  for (;;) {
    if (outOfTime(ctx)) return false
    const page = await repo.find(c, {
      where: { [field]: { lt: before } },
      orderBy: [[field, 'asc']],
      limit: pageSize
    })
    await inSets(page.items, async (d) => {
      if (await repo.remove(c, d._id)) removed()
    })
    if (!page.next) return true
  }
}

/**
 * Uploads nobody registered within UPLOAD_TTL_MS: their files are deleted through the storage
 * port (the local files folder, or cloud storage in calls of at most 50), then their records. A
 * file that could not be deleted keeps its record, so the next sweep tries again.
 *
 * A cloud file id is `cloud://<env>.<bucket>/<path>`, and nothing in a cloud function names the
 * bucket: it is taken from a file id this environment's storage has already proved (the newest
 * registered cloud upload, measured when it was registered). Until one photo has been registered
 * in an environment, its expired reservations wait.
 */
async function expireUploads(ctx: Ctx, removed: () => void): Promise<boolean> {
  const repo = new Repo(ctx)
  const storage = ctx.config.storage
  let prefix: Promise<string | undefined> | undefined
  const cloudPrefix = () =>
    (prefix ??= repo
      .first(UPLOADS, { kind: 'cloud', registered: true }, [['at', 'desc']])
      .then((u) =>
        u?.fileId && u.cloudPath && u.fileId.endsWith(`/${u.cloudPath}`)
          ? u.fileId.slice(0, u.fileId.length - u.cloudPath.length)
          : undefined
      ))
  let after: string | undefined
  for (;;) {
    if (outOfTime(ctx)) return false
    const page = await repo.find(UPLOADS, {
      where: { registered: false, at: { lt: ctx.now - UPLOAD_TTL_MS } },
      orderBy: [['at', 'asc']],
      limit: 200,
      after
    })
    // which record goes once which file is gone; without storage there are no bytes to delete
    const gone: UploadDoc[] = []
    const byFile = new Map<string, UploadDoc>()
    let waiting = 0
    for (const u of page.items) {
      if (!storage) gone.push(u)
      else if (u.kind === 'cloud') {
        const p = u.cloudPath ? await cloudPrefix() : undefined
        if (p) byFile.set(p + u.cloudPath, u)
        else waiting++
      } else byFile.set(localFileId(u.staffId, u.id), u)
    }
    if (storage && byFile.size) {
      const r = await storage.remove([...byFile.keys()])
      for (const id of r.removed) {
        const u = byFile.get(id)
        if (u) gone.push(u)
      }
      if (r.failed.length)
        ctx.config.log(
          '[cron] some expired uploads could not be deleted; the next sweep tries again',
          r.failed
        )
    }
    if (waiting)
      ctx.config.log(
        `[cron] ${waiting} expired cloud reservations wait: no registered photo names the storage bucket yet`
      )
    await inSets(gone, async (u) => {
      if (await repo.remove(UPLOADS, u._id)) removed()
    })
    if (!page.next) return true
    after = page.next
  }
}

/**
 * Every step is safe to stop between and to run again: expired codes and old op records are
 * found by query, missed rounds and recurring tasks have ids that say which slot or day they
 * are, and an escalated task is marked. So a sweep that runs out of time just stops.
 */
export async function sweep(_: Record<string, never>, ctx: Ctx): Promise<SweepOut> {
  const r: SweepOut = {
    expiredBindCodes: 0,
    prunedOps: 0,
    missedRounds: 0,
    escalated: 0,
    recurring: 0,
    expiredUploads: 0
  }
  const out = async (stoppedEarly: boolean): Promise<SweepOut> => {
    if (
      r.expiredBindCodes +
        r.prunedOps +
        r.missedRounds +
        r.escalated +
        r.recurring +
        (r.expiredUploads ?? 0) +
        (r.releasedTasks ?? 0) +
        (r.prunedGuesses ?? 0) +
        (r.reports ?? 0) >
      0
    )
      await ctx.audit('meta', 'sweep')
    if (stoppedEarly) {
      r.stoppedEarly = true
      ctx.config.log('[cron] sweep stopped at its time budget; the next run carries on', r)
    }
    return r
  }
  // expired bind codes and old op records: two different collections, removed at the same time
  const [codesDone, opsDone, guessesDone] = await Promise.all([
    removeBefore(ctx, BIND_CODES, 'expiresAt', ctx.now, 200, () => r.expiredBindCodes++),
    removeBefore(ctx, OPS, 'serverTime', ctx.now - OP_RETENTION_MS, 500, () => r.prunedOps++),
    // a counter outlives its window by one more window at most (a window starts when it is made)
    removeBefore(ctx, GUESS_COUNTERS, 'createdAt', ctx.now - 2 * GUESS_WINDOW_MS, 500, () => {
      r.prunedGuesses = (r.prunedGuesses ?? 0) + 1
    })
  ])
  if (!codesDone || !opsDone || !guessesDone || outOfTime(ctx)) return out(true)
  if (!(await expireUploads(ctx, () => (r.expiredUploads = (r.expiredUploads ?? 0) + 1)))) return out(true)
  r.missedRounds = await markMissed(ctx)
  if (outOfTime(ctx)) return out(true)
  r.escalated = await escalate(ctx)
  if (outOfTime(ctx)) return out(true)
  r.recurring = await recurring(ctx)
  if (outOfTime(ctx)) return out(true)
  r.releasedTasks = await releaseHeldOfDisabled(ctx)
  if (outOfTime(ctx)) return out(true)
  // yesterday's daily report of each estate whose report hour has come (one stored per day)
  r.reports = await generateReports(ctx, () => outOfTime(ctx))
  return out(outOfTime(ctx))
}
