/** Rounds walked against plans: today's cards, starting a plan's slot (once), ending it, one round in detail. */
import { AppError } from '../../domain/errors'
import type { ParsedInputOf, RoundCard, RoundDetail, RoundOut } from '../../domain/contract'
import { canStartRound, roundActRefusal, routeOfRound, walksPlan } from '../../domain/patrol/rules'
import { endProblem, missingPoints } from '../../domain/patrol/setup'
import { currentAndNext, slotsBetween } from '../../domain/patrol/slots'
import { roleNames } from '../../domain/roles'
import { DAY_MS } from '../../domain/time'
import type { Round } from '../../domain/patrol/model'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { badInput, check, eventTime, timed, timeFlagOf } from '../kit'
import { nameIn, PatrolRepo, PLANS, ROUNDS } from './repo'
import { roundOut, scanOut } from './views'
import { unwatchRound, watchRound } from '../safety'

/** The caller's plans' current and next slots, and any round still being walked past its slot. */
export async function today(_: Record<string, never>, ctx: Ctx): Promise<RoundCard[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new PatrolRepo(ctx)
  const [w, rounds] = await Promise.all([
    repo.world(estate._id),
    repo.roundsBetween(estate._id, ctx.now - 2 * DAY_MS, ctx.now + 2 * DAY_MS)
  ])
  const mine = [...w.plans.values()].filter((p) => walksPlan(staff.roles, p))
  const scans = await repo.scansOf(rounds.filter((r) => r.status === 'inProgress').map((r) => r._id))
  const cards: RoundCard[] = []
  for (const p of mine) {
    const { current, next } = currentAndNext(p, ctx.now)
    // a round still being walked past its slot stays on the list
    const open = rounds.filter((r) => r.planId === p._id && r.status === 'inProgress')
    const slots = [current, next].filter((s): s is NonNullable<typeof s> => !!s)
    for (const r of open)
      if (!slots.some((s) => s.start === r.slotStart))
        slots.unshift({ planId: p._id, start: r.slotStart, end: r.slotEnd })
    for (const s of slots) {
      const r = rounds.find((x) => x.planId === p._id && x.slotStart === s.start)
      cards.push({
        planId: p._id,
        planName: p.name,
        routeName: w.routes.get(p.routeId)?.name ?? '',
        slotStart: s.start,
        slotEnd: s.end,
        state: r ? r.status : s.start <= ctx.now ? 'due' : 'upcoming',
        round: r
          ? roundOut(
              w,
              r,
              scans.filter((x) => x.roundId === r._id),
              ctx.now
            )
          : undefined
      })
    }
  }
  return cards.sort((a, b) => a.slotStart - b.slotStart)
}

const slotTaken = (other: Round | null | undefined) =>
  new AppError(
    'CONFLICT',
    other?.status === 'missed' ? '这一轮已记为漏巡' : `这一轮已由${other?.staffName ?? '别人'}开始`
  )

export async function start(input: ParsedInputOf<'patrol.start'>, ctx: Ctx): Promise<RoundOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new PatrolRepo(ctx)
  const { at, timeFlag } = timed(ctx)
  // one round trip: the plan, the id and the slot's round are read at once; the checks keep their order
  const [plan, seen, taken, w] = await Promise.all([
    repo.get(PLANS, input.planId),
    repo.get(ROUNDS, input.id),
    repo.forSlot(estate._id, input.planId, input.slotStart),
    repo.world(estate._id)
  ])
  if (!plan || plan.estateId !== estate._id || !plan.active)
    throw new AppError('NOT_FOUND', '没有找到这个巡更计划')
  const route = w.routes.get(plan.routeId)
  if (!route) throw new AppError('NOT_FOUND', '这个计划的路线已删除，请主管改选路线')
  if (!walksPlan(staff.roles, plan))
    throw new AppError('FORBIDDEN', `「${plan.name}」不是你的巡更计划，由${roleNames(plan.roles)}巡`)
  const slot = slotsBetween(plan, input.slotStart - 1, input.slotStart + 1).find(
    (s) => s.start === input.slotStart
  )
  if (!slot) throw badInput('slotStart', '轮次：这个时间没有安排巡更')
  if (!canStartRound(slot.start, at)) throw new AppError('CONFLICT', '这一轮还没到时间（最多提前30分钟开始）')
  if (seen) throw new AppError('DUPLICATE', '这一轮已经开始了')
  if (taken) throw slotTaken(taken)
  // The query above is outside the transaction; the slot claim inside it is what holds.
  const holder = await repo.claimSlot(plan._id, slot.start, input.id)
  if (holder !== input.id) throw slotTaken(await repo.get(ROUNDS, holder))
  const round = await repo.insert(ROUNDS, {
    _id: input.id,
    estateId: estate._id,
    planId: plan._id,
    routeId: plan.routeId,
    slotStart: slot.start,
    slotEnd: slot.end,
    status: 'inProgress',
    staffId: staff._id,
    staffName: staff.name,
    startedAt: at,
    ...(timeFlag ? { timeFlag } : {}),
    // the round keeps its route and limits: a supervisor's later edit does not move it
    route: { name: route.name, checkpointIds: route.checkpointIds, ordered: route.ordered },
    limits: { minMinutes: plan.minMinutes, maxMinutes: plan.maxMinutes }
  })
  // lone-worker safety: the round's check-ins are due from its start (domain/safety)
  await Promise.all([ctx.audit('rounds', round._id), watchRound(ctx, round)])
  return roundOut(w, round, [], ctx.now)
}

export async function end(input: ParsedInputOf<'patrol.end'>, ctx: Ctx): Promise<RoundOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new PatrolRepo(ctx)
  const round = await repo.getInEstate(ROUNDS, input.roundId, '没有找到这一轮巡更')
  if (round.status !== 'inProgress') throw new AppError('ROUND_CLOSED')
  const refused = roundActRefusal(round, staff, 'end', input.reason)
  if (refused)
    throw refused.code === 'FORBIDDEN'
      ? new AppError('FORBIDDEN', refused.message)
      : badInput('reason', refused.message)
  const [w, scans] = await Promise.all([repo.world(estate._id), repo.scansOf([round._id])])
  const missing = missingPoints(routeOfRound(round, w.routes.get(round.routeId))?.checkpointIds ?? [], scans)
  check(endProblem(missing.map(nameIn(w)), input.reason))
  const updated = await repo.update(ROUNDS, round, {
    status: missing.length ? 'abandoned' : 'done',
    endedAt: eventTime(ctx, round.createdAt),
    endReason: input.reason || undefined,
    ...timeFlagOf(ctx, round.createdAt)
  })
  await Promise.all([ctx.audit('rounds', round._id), unwatchRound(ctx, round._id)])
  return roundOut(w, updated, scans, ctx.now)
}

/** One round with every point of its route (and any scanned off it), for the supervisor. */
export async function round(input: ParsedInputOf<'patrol.round'>, ctx: Ctx): Promise<RoundDetail> {
  const estate = requireEstate(ctx)
  const repo = new PatrolRepo(ctx)
  const r = await repo.getInEstate(ROUNDS, input.roundId, '没有找到这一轮巡更')
  const [w, scans] = await Promise.all([repo.world(estate._id), repo.scansOf([r._id])])
  const route = routeOfRound(r, w.routes.get(r.routeId))
  const ids = [
    ...(route?.checkpointIds ?? []),
    ...scans.map((s) => s.checkpointId).filter((id) => !route?.checkpointIds.includes(id))
  ]
  return {
    round: roundOut(w, r, scans, ctx.now),
    routeName: route?.name ?? '',
    checkpoints: ids.map((id) => {
      const s = scans.find((x) => x.checkpointId === id)
      return { checkpointId: id, checkpointName: nameIn(w)(id), scan: s && scanOut(s) }
    })
  }
}
