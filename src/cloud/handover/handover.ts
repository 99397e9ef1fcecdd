/**
 * The shift handover: the list a post hands over (built from the server's data), the handover
 * itself (a record from the outbox, made online or offline), the next guard's acceptance (one
 * wins), and the supervisor's day. Rules in src/domain/handover/rules.ts.
 */
import { AppError } from '../../domain/errors'
import type { HandoverDraft, HandoverOut, ParsedInputOf } from '../../domain/contract'
import {
  buildItems,
  differences,
  gateOfPost,
  unknownChecks,
  type Handover
} from '../../domain/handover/rules'
import { localDate } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { today as patrolToday } from '../patrol'
import { HANDOVERS, HandoverRepo } from './repo'

export function handoverOut(h: Handover): HandoverOut {
  return {
    id: h._id,
    post: h.post,
    day: h.day,
    fromName: h.fromName,
    at: h.at,
    items: h.items,
    note: h.note,
    status: h.status,
    toName: h.toName,
    acceptedAt: h.acceptedAt,
    checks: h.checks,
    acceptNote: h.acceptNote,
    differences: h.checks ? differences(h.items, h.checks) : []
  }
}

export async function draft(input: ParsedInputOf<'handover.draft'>, ctx: Ctx): Promise<HandoverDraft> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new HandoverRepo(ctx)
  const [gates, since, inside, desk, incidents, rounds] = await Promise.all([
    repo.gateNames(estate._id),
    repo.shiftStart(staff._id, estate._id),
    repo.inside(estate._id),
    repo.passesAndSlips(estate._id),
    repo.reportedBy(staff._id, estate._id),
    staff.roles.includes('patrol') || staff.roles.includes('guard') ? patrolToday({}, ctx) : []
  ])
  const blocked = await repo.blockHits(estate._id, since)
  const gate = gateOfPost(input.post, gates)
  const items = buildItems(
    { ...inside, ...desk, blocked, rounds, incidents },
    { gate, since, now: ctx.now, today: localDate(ctx.now) }
  )
  return { post: input.post, gate, since, items, at: ctx.now }
}

export async function submit(input: ParsedInputOf<'handover.submit'>, ctx: Ctx): Promise<HandoverOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new HandoverRepo(ctx)
  if (await repo.get(HANDOVERS, input.id)) throw new AppError('DUPLICATE', '这次交班已经记录过了')
  const deviceAt = ctx.op?.deviceTime ?? ctx.now
  const h = await repo.insert(HANDOVERS, {
    _id: input.id,
    estateId: estate._id,
    post: input.post,
    // the day the guard handed over (an offline handover arrives later)
    day: localDate(Math.min(deviceAt, ctx.now)),
    fromId: staff._id,
    fromName: staff.name,
    at: ctx.now,
    deviceAt,
    items: input.items,
    ...(input.note ? { note: input.note } : {}),
    status: 'open'
  })
  await ctx.audit('handovers', h._id)
  return handoverOut(h)
}

export async function pending(
  input: ParsedInputOf<'handover.pending'>,
  ctx: Ctx
): Promise<HandoverOut | null> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const open = await new HandoverRepo(ctx).openAt(estate._id, input.post)
  // one's own handover is for the next person, unless nobody else has taken over since
  const next = open.find((h) => h.fromId !== staff._id) ?? open[0]
  return next ? handoverOut(next) : null
}

export async function accept(input: ParsedInputOf<'handover.accept'>, ctx: Ctx): Promise<HandoverOut> {
  requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new HandoverRepo(ctx)
  const h = await repo.getInEstate(HANDOVERS, input.handoverId, '没有找到这份交班')
  if (h.status !== 'open') throw new AppError('CONFLICT', `这份交班已由${h.toName ?? '其他人'}接班`)
  const unknown = unknownChecks(h.items, input.checks)
  if (unknown.length)
    throw new AppError('INVALID_INPUT', '填写的内容有误：交班里没有这一项', [
      { field: 'checks', message: `交班里没有：${unknown.join('、')}` }
    ])
  // version-checked: of two guards accepting at once, the second finds it moved on
  const done = await repo.tryUpdate(HANDOVERS, h, {
    status: 'accepted',
    toId: staff._id,
    toName: staff.name,
    acceptedAt: ctx.now,
    deviceAcceptedAt: ctx.op?.deviceTime ?? ctx.now,
    checks: input.checks,
    ...(input.note ? { acceptNote: input.note } : {})
  })
  if (!done) throw new AppError('CONFLICT', '这份交班刚刚已被其他人接班')
  await ctx.audit('handovers', h._id)
  return handoverOut(done)
}

export async function day(input: ParsedInputOf<'handover.day'>, ctx: Ctx): Promise<HandoverOut[]> {
  const estate = requireEstate(ctx)
  return (await new HandoverRepo(ctx).ofDay(estate._id, input.date)).map(handoverOut)
}
