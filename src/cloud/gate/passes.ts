/**
 * Passes the front desk makes: visitor passes (six-digit codes, a window of at most 31 days,
 * used once at the gate) and goods release slips (for one day); their lists, revoking them,
 * and the guard's look-up of a visitor pass by its code.
 */
import type { Doc } from '../../domain/entities'
import { AppError, isAppError } from '../../domain/errors'
import type { GoodsSlipOut, ParsedInputOf, PassCheckOut, PassOut } from '../../domain/contract'
import { GOODS_SLIP, PASS, passProblem, step, type Transition } from '../../domain/gate/machines'
import { goodsIssueProblem, passWindowProblem } from '../../domain/gate/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { check, type Coll, type Patch } from '../kit'
import { guarded, type Guesser } from '../kit/guesses'
import { goodsSlipOut, passGlimpse, passOut } from './out'
import { EstatesRepo } from '../estates/repo'
import { roomCheck, ROOM_UNKNOWN_MESSAGE } from '../../domain/estates/roomPick'
import { GateRepo, GOODS_SLIPS, PASSES } from './repo'

export async function passCreate(input: ParsedInputOf<'gate.passCreate'>, ctx: Ctx): Promise<PassOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new GateRepo(ctx)
  check(passWindowProblem(input.validFrom, input.validTo, ctx.now))
  const [had, roomIs] = await Promise.all([
    repo.get(PASSES, input.id),
    new EstatesRepo(ctx).roomKnown(estate._id, input.room)
  ])
  if (had) throw new AppError('DUPLICATE', '这张通行证已经建过了')
  // the room is one of the estate's (when it has any), as at the gate; sent late from offline: flagged
  const roomVerdict = roomCheck({
    room: input.room,
    ...roomIs,
    queuedMs: ctx.op ? ctx.now + ctx.op.skewMs - ctx.op.deviceTime : 0,
    admitted: true
  })
  if (roomVerdict === 'refuse')
    throw new AppError('ROOM_UNKNOWN', ROOM_UNKNOWN_MESSAGE, [
      { field: 'room', message: ROOM_UNKNOWN_MESSAGE }
    ])
  const code = await repo.freshCode('visitor', estate._id)
  const pass = await repo.insert(PASSES, {
    _id: input.id,
    estateId: estate._id,
    code,
    visitorName: input.visitorName,
    visitorPhone: input.visitorPhone || undefined,
    room: input.room,
    ...(roomVerdict === 'flag' ? { roomUnknown: true } : {}),
    people: input.people,
    plate: input.plate,
    validFrom: input.validFrom,
    validTo: input.validTo,
    note: input.note || undefined,
    status: 'active',
    by: staff._id,
    byName: staff.name
  })
  await ctx.audit('passes', pass._id)
  return passOut(pass, true)
}

/** Withdraws a pass or slip of this estate, if its state allows it. */
async function revoke<T extends Doc & { estateId: string; status: string }>(
  ctx: Ctx,
  coll: Coll<T>,
  revokeOf: Transition<T['status']>,
  id: string,
  messages: { missing: string; moved: string }
): Promise<T> {
  const repo = new GateRepo(ctx)
  const pass = await repo.getInEstate(coll, id, messages.missing)
  const t = step(revokeOf, pass.status)
  if (!t.ok) throw new AppError('CONFLICT', t.reason)
  const updated = await repo.update(coll, pass, { status: t.to } as unknown as Patch<T>, messages.moved)
  await ctx.audit(coll.name, pass._id)
  return updated
}

export async function passRevoke(input: { passId: string }, ctx: Ctx): Promise<PassOut> {
  const missing = '没有找到这张通行证'
  return passOut(
    await revoke(ctx, PASSES, PASS.revoke, input.passId, { missing, moved: '这张通行证刚被使用或修改' })
  )
}

export async function passes(_: Record<string, never>, ctx: Ctx): Promise<PassOut[]> {
  return (await new GateRepo(ctx).recentPasses(requireEstate(ctx)._id)).map((p) => passOut(p))
}

/** A look-up by code counts as a guess: a wrong code is a miss (domain/guard/limits.ts). */
export function gateGuesser(ctx: Ctx, kind: 'pass' | 'goods' | 'visitor'): Guesser {
  const { staff } = requireCaller(ctx)
  return { kind, personKey: staff._id, staffName: staff.name, estateId: requireEstate(ctx)._id }
}
export const isMiss = (e: unknown) => isAppError(e) && e.code === 'NOT_FOUND'

/**
 * The guard's look-up by code, under the guessing limits. It answers what the guard needs
 * before admitting: the name and plate masked (the guard compares them with the person and
 * the car in front of him), room, people, validity and state; no phone, no note. The check-in
 * takes the name and plate from the pass itself.
 */
export async function passCheck(input: { code: string }, ctx: Ctx): Promise<PassCheckOut> {
  const estate = requireEstate(ctx)
  const repo = new GateRepo(ctx)
  const pass = await guarded(
    ctx,
    gateGuesser(ctx, 'pass'),
    async () => {
      const found = await repo.passByCode(estate._id, input.code)
      if (!found)
        throw new AppError(
          'NOT_FOUND',
          '没有这个通行码的通行证，请核对6位数字；若是其他小区的通行证，本小区不能使用'
        )
      return found
    },
    isMiss
  )
  return {
    pass: passGlimpse(pass),
    problem: passProblem(pass, estate._id, ctx.now),
    blockHits: await repo.blockHits(estate._id, {
      name: pass.visitorName,
      phone: pass.visitorPhone,
      plate: pass.plate
    })
  }
}

export async function goodsIssue(input: ParsedInputOf<'gate.goodsIssue'>, ctx: Ctx): Promise<GoodsSlipOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new GateRepo(ctx)
  check(goodsIssueProblem(input.date, ctx.now))
  if (await repo.get(GOODS_SLIPS, input.id)) throw new AppError('DUPLICATE', '这张放行条已经开过了')
  const code = await repo.freshCode('goods', estate._id)
  const pass = await repo.insert(GOODS_SLIPS, {
    _id: input.id,
    estateId: estate._id,
    code,
    holderKind: input.holderKind,
    holderName: input.holderName,
    room: input.room,
    items: input.items,
    signer: input.signer,
    date: input.date,
    note: input.note || undefined,
    status: 'issued',
    by: staff._id,
    byName: staff.name
  })
  await ctx.audit('goodspasses', pass._id)
  return goodsSlipOut(pass)
}

export async function goodsRevoke(input: { passId: string }, ctx: Ctx): Promise<GoodsSlipOut> {
  const missing = '没有找到这张放行条'
  return goodsSlipOut(
    await revoke(ctx, GOODS_SLIPS, GOODS_SLIP.revoke, input.passId, {
      missing,
      moved: '这张放行条刚被门岗处理'
    })
  )
}

export async function goodsSlips(_: Record<string, never>, ctx: Ctx): Promise<GoodsSlipOut[]> {
  return (await new GateRepo(ctx).recentGoodsSlips(requireEstate(ctx)._id)).map(goodsSlipOut)
}
