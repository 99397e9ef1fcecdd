/**
 * Lone-worker safety on patrol: a round's watch (made when the round starts, ended with it),
 * the walker's check-ins and panic alerts, the timer's and the home page's check of due
 * check-ins, and the acknowledgement (one wins). Rules in src/domain/safety/rules.ts.
 */
import { AppError } from '../../domain/errors'
import type { AlertOut, CheckInOut, ParsedInputOf, SafetyMine, SafetyTimerOut } from '../../domain/contract'
import type { Round, Scan } from '../../domain/patrol/model'
import {
  afterCheckIn,
  alertLines,
  alertTitle,
  checkInTime,
  endWatch,
  isMissed,
  mapLink,
  missedAlertId,
  safetyOf,
  safetyOn,
  startWatch,
  type SafetyAlert,
  type Watch
} from '../../domain/safety/rules'
import { hasAnyRole } from '../../domain/roles'
import { SAFETY_WATCH_ROLES } from '../../domain/contract/safety'
import { DuplicateKeyError } from '../data/port'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { coll, timed } from '../kit'
import { tell } from '../work/inbox'
import { ALERTS, SafetyRepo, WATCHES } from './repo'

const SCANS = coll<Scan>('scans')

export function alertOut(a: SafetyAlert): AlertOut {
  return {
    id: a._id,
    kind: a.kind,
    staffName: a.staffName,
    at: a.at,
    title: alertTitle(a),
    lines: alertLines(a),
    ...(a.position ? { position: a.position, mapUrl: mapLink(a.position) } : {}),
    status: a.status,
    ...(a.status === 'acked' ? { ackByName: a.ackByName, ackAt: a.ackAt, ackNote: a.ackNote } : {})
  }
}

/** A round just started (patrol.start, in its transaction): its watch, when the estate has check-ins on. */
export async function watchRound(ctx: Ctx, round: Round): Promise<void> {
  const s = safetyOf(requireEstate(ctx).settings)
  if (!safetyOn(s) || !round.staffId) return
  await new SafetyRepo(ctx).insert(WATCHES, {
    _id: round._id,
    estateId: round.estateId,
    roundId: round._id,
    staffId: round.staffId,
    staffName: round.staffName ?? '',
    intervalMinutes: s.checkInMinutes,
    graceMinutes: s.graceMinutes,
    ...startWatch(round.startedAt ?? ctx.now, s)
  })
}

/** A round ended (patrol.end, in its transaction): no more check-ins are due. */
export async function unwatchRound(ctx: Ctx, roundId: string): Promise<void> {
  const repo = new SafetyRepo(ctx)
  const w = await repo.get(WATCHES, roundId)
  if (w && w.status !== 'ended') await repo.update(WATCHES, w, endWatch(w))
}

/** The round's last scan (its checkpoint and position), for an alert. */
async function lastScan(repo: SafetyRepo, roundId: string | undefined): Promise<Scan | undefined> {
  if (!roundId) return undefined
  return (await repo.find(SCANS, { where: { roundId }, orderBy: [['deviceTime', 'desc']], limit: 1 }))
    .items[0]
}

/** Where the walker was last: the newer of the last check-in's position and the last scan's. */
function lastKnown(w: Watch | undefined, scan: Scan | undefined) {
  const fromScan = scan?.position ? { position: scan.position, positionAt: scan.deviceTime } : undefined
  const fromWatch = w?.position ? { position: w.position, positionAt: w.positionAt ?? w.lastAt } : undefined
  const where =
    fromScan && fromWatch
      ? fromScan.positionAt >= fromWatch.positionAt
        ? fromScan
        : fromWatch
      : (fromScan ?? fromWatch)
  return {
    ...(where ? { position: where.position, positionAt: where.positionAt } : {}),
    ...(scan ? { checkpointName: scan.checkpointName, checkpointAt: scan.deviceTime } : {})
  }
}

/** The inbox item, the home banner's source and the WeChat message go to the managers and the guards on duty. */
async function spread(ctx: Ctx, a: SafetyAlert): Promise<void> {
  const people = await new SafetyRepo({ ...ctx, db: ctx.store }).toTell(a.estateId, a.staffId)
  await tell(ctx, a.estateId, people, { kind: 'safety', title: alertTitle(a), refId: a._id })
}

/**
 * Raises the alerts of every check-in missed now (of one estate, or all for the timer): the
 * alert's id names the round and the missed time, so the timer and a home read racing make one.
 */
export async function raiseDue(ctx: Ctx, estateId?: string): Promise<SafetyTimerOut> {
  const repo = new SafetyRepo(ctx)
  const due = (await repo.dueWatches(ctx.now, estateId)).filter((w) => isMissed(w, ctx.now))
  let alerted = 0
  for (const w of due) {
    const scan = await lastScan(repo, w.roundId)
    let fresh = true
    try {
      const a = await repo.insert(
        ALERTS,
        {
          _id: missedAlertId(w.roundId, w.alertAt),
          estateId: w.estateId,
          kind: 'missed',
          staffId: w.staffId,
          staffName: w.staffName,
          roundId: w.roundId,
          at: w.dueAt,
          lastCheckInAt: w.lastAt,
          ...lastKnown(w, scan),
          status: 'open'
        },
        { fresh: true }
      )
      await spread(ctx, a)
      alerted++
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e
      fresh = false
    }
    // a check-in that arrived meanwhile wins: the version moved on and the watch is left as it is
    await repo.tryUpdate(WATCHES, w, { status: 'alerted' })
    if (fresh) await ctx.audit('safetyalerts', missedAlertId(w.roundId, w.alertAt))
  }
  return { checked: due.length, alerted }
}

/** The minute timer (`cron.safety`): only the indexed query of due check-ins, across estates. */
export async function timer(_: Record<string, never>, ctx: Ctx): Promise<SafetyTimerOut> {
  return raiseDue(ctx)
}

/** A home or inbox read of someone who is alerted: their estate's due check-ins first (an open screen sees them at once). */
export async function raiseDueFor(ctx: Ctx): Promise<void> {
  const estate = ctx.estate
  if (!estate || !ctx.caller || !hasAnyRole(ctx.caller.staff.roles, SAFETY_WATCH_ROLES)) return
  try {
    await raiseDue(ctx, estate._id)
  } catch (e) {
    // the timer carries on; the read is answered
    ctx.config.log('[safety] due check-ins on read failed', e)
  }
}

/** The estate's open alerts for the home banner. */
export async function openAlertsOf(
  ctx: Ctx,
  estateId: string
): Promise<{ id: string; title: string; lines: string[]; at: number }[]> {
  return (await new SafetyRepo(ctx).openAlerts(estateId)).map((a) => ({
    id: a._id,
    title: alertTitle(a),
    lines: alertLines(a),
    at: a.at
  }))
}

export async function mine(_: Record<string, never>, ctx: Ctx): Promise<SafetyMine> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const s = safetyOf(estate.settings)
  const w = await new SafetyRepo(ctx).watchOf(staff._id, estate._id)
  return {
    ...s,
    ...(w
      ? {
          watch: {
            roundId: w.roundId,
            lastAt: w.lastAt,
            dueAt: w.dueAt,
            alertAt: w.alertAt,
            status: w.status
          }
        }
      : {})
  }
}

export async function checkIn(input: ParsedInputOf<'safety.checkIn'>, ctx: Ctx): Promise<CheckInOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new SafetyRepo(ctx)
  const w = await repo.get(WATCHES, input.roundId)
  if (w && w.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这一轮巡更')
  // check-ins off, or the round unknown (started with them off): nothing to keep
  if (!w) return { counted: false }
  if (w.staffId !== staff._id) throw new AppError('FORBIDDEN', '只能为自己报平安')
  const op = ctx.op!
  const at = checkInTime({
    deviceTime: op.deviceTime,
    sentAt: ctx.now + op.skewMs,
    now: ctx.now,
    at: op.at,
    flag: op.timeFlag
  })
  const s = { checkInMinutes: w.intervalMinutes, graceMinutes: w.graceMinutes }
  const next = afterCheckIn(w, at, ctx.now, s)
  const when = at ?? timed(ctx).at
  const newer = input.position && (w.positionAt === undefined || when >= w.positionAt)
  const updated = await repo.update(
    WATCHES,
    w,
    {
      ...next,
      ...(newer ? { position: input.position, positionAt: when } : {}),
      ...(at === undefined ? { doubtfulAt: op.deviceTime } : {})
    },
    '刚刚已经报过平安了'
  )
  await ctx.audit('safetywatches', w._id)
  return updated.status === 'ended'
    ? { counted: at !== undefined }
    : { counted: at !== undefined, dueAt: updated.dueAt, alertAt: updated.alertAt }
}

export async function panic(input: ParsedInputOf<'safety.panic'>, ctx: Ctx): Promise<AlertOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new SafetyRepo(ctx)
  const [seen, named] = await Promise.all([
    repo.get(ALERTS, input.id),
    input.roundId ? repo.get(WATCHES, input.roundId) : undefined
  ])
  if (seen) throw new AppError('DUPLICATE', '这次求助已经发出了')
  const w =
    named && named.estateId === estate._id && named.staffId === staff._id
      ? named
      : await repo.watchOf(staff._id, estate._id)
  const scan = await lastScan(repo, w?.roundId)
  const { at, timeFlag } = timed(ctx)
  const known = lastKnown(w, scan)
  const a = await repo.insert(ALERTS, {
    _id: input.id,
    estateId: estate._id,
    kind: 'panic',
    staffId: staff._id,
    staffName: staff.name,
    ...(w ? { roundId: w.roundId, lastCheckInAt: w.lastAt } : {}),
    at,
    ...known,
    ...(input.position ? { position: input.position, positionAt: at } : {}),
    status: 'open',
    ...(timeFlag ? { timeFlag } : {})
  })
  await Promise.all([spread(ctx, a), ctx.audit('safetyalerts', a._id)])
  return alertOut(a)
}

export async function alerts(
  _: Record<string, never>,
  ctx: Ctx
): Promise<{ open: AlertOut[]; recent: AlertOut[] }> {
  const estate = requireEstate(ctx)
  await raiseDueFor(ctx)
  const repo = new SafetyRepo(ctx)
  const [open, recent] = await Promise.all([repo.openAlerts(estate._id), repo.recentAlerts(estate._id)])
  return { open: open.map(alertOut), recent: recent.filter((a) => a.status === 'acked').map(alertOut) }
}

export async function ack(input: ParsedInputOf<'safety.ack'>, ctx: Ctx): Promise<AlertOut> {
  requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new SafetyRepo(ctx)
  const a = await repo.getInEstate(ALERTS, input.alertId, '没有找到这条安全告警')
  if (a.status !== 'open') throw new AppError('CONFLICT', `这条告警已由${a.ackByName ?? '其他人'}确认`)
  // version-checked: of two people acknowledging at once, the second finds it moved on
  const done = await repo.tryUpdate(ALERTS, a, {
    status: 'acked',
    ackById: staff._id,
    ackByName: staff.name,
    ackAt: ctx.now,
    ...(input.note ? { ackNote: input.note } : {})
  })
  if (!done) throw new AppError('CONFLICT', '这条告警刚刚已被其他人确认')
  await ctx.audit('safetyalerts', a._id)
  return alertOut(done)
}
