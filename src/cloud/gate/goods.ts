/**
 * Goods leaving the estate: the guard finds the release slip by its code and checks the goods
 * against it (the checklist is `goodsReleaseProblems` in the domain); the slip is used once.
 */
import { AppError } from '../../domain/errors'
import type { GoodsCheckOut, GoodsSlipCheckOut, ParsedInputOf } from '../../domain/contract'
import { GOODS_SLIP, step } from '../../domain/gate/machines'
import type { GoodsCheck, GoodsSlip } from '../../domain/gate/entities'
import { goodsDecisionProblem, goodsSlipProblem } from '../../domain/gate/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { check, timed, type New } from '../kit'
import { guarded } from '../kit/guesses'
import { goodsDetail, goodsSlipOut } from './out'
import { gateGuesser, isMiss } from './passes'
import { GateRepo, GOODS_CHECKS, GOODS_SLIPS } from './repo'

export async function goodsSlipCheck(input: { code: string }, ctx: Ctx): Promise<GoodsSlipCheckOut> {
  const estate = requireEstate(ctx)
  const repo = new GateRepo(ctx)
  const pass = await guarded(
    ctx,
    gateGuesser(ctx, 'goods'),
    async () => {
      const found = await repo.goodsSlipByCode(estate._id, input.code)
      if (!found)
        throw new AppError('NOT_FOUND', '没有这个编号的放行条，请核对；纸质放行条请按“无系统放行条”登记')
      return found
    },
    isMiss
  )
  return { pass: goodsSlipOut(pass), problem: goodsSlipProblem(pass, estate._id, ctx.now) }
}

export async function goodsCheck(input: ParsedInputOf<'gate.goodsCheck'>, ctx: Ctx): Promise<GoodsCheckOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new GateRepo(ctx)
  const { at, timeFlag } = timed(ctx)
  if (await repo.get(GOODS_CHECKS, input.id)) throw new AppError('DUPLICATE', '这次物品检查已经登记过了')
  check(goodsDecisionProblem(input))
  let pass: GoodsSlip | null = null
  if (input.passId) {
    pass = await repo.getInEstate(GOODS_SLIPS, input.passId, '没有找到这张放行条')
    const t = step(input.result === 'released' ? GOODS_SLIP.release : GOODS_SLIP.refuse, pass.status)
    if (!t.ok) throw new AppError('CONFLICT', t.reason)
    const problem = goodsSlipProblem(pass, estate._id, at)
    if (problem && input.result === 'released') throw new AppError('PASS_INVALID', problem)
  }
  const doc: New<GoodsCheck> = {
    _id: input.id,
    estateId: estate._id,
    gate: input.gate,
    passId: pass?._id,
    slipNo: input.slipNo || undefined,
    holderName: input.holderName || pass?.holderName,
    room: input.room || pass?.room,
    items: input.items,
    lorry: input.lorry,
    lorryOpened: input.lorry ? !!input.lorryOpened : undefined,
    signatureOk: input.signatureOk,
    stampOk: input.stampOk,
    authorityOk: input.authorityOk,
    itemsMatch: input.itemsMatch,
    photoIds: input.photoIds,
    result: input.result,
    reason: input.reason || undefined,
    at,
    deviceAt: ctx.op?.deviceTime ?? ctx.now,
    ...(timeFlag ? { timeFlag } : {}),
    by: staff._id,
    byName: staff.name
  }
  const saved = await repo.insert(GOODS_CHECKS, doc)
  if (pass) {
    const updated = await repo.tryUpdate(GOODS_SLIPS, pass, {
      status: input.result,
      checkId: saved._id,
      checkedAt: at
    })
    if (!updated) throw new AppError('CONFLICT', '这张放行条刚被其他门岗处理')
  }
  await repo.logEvent({
    estateId: estate._id,
    type: 'goods',
    event: saved.result === 'released' ? 'goodsReleased' : 'goodsRefused',
    gate: input.gate,
    refId: saved._id,
    subject: saved.holderName ?? '无放行条',
    detail: goodsDetail(saved, pass?.code),
    at,
    timeFlag
  })
  await ctx.audit('goodschecks', saved._id)
  return {
    id: saved._id,
    passId: saved.passId,
    slipNo: saved.slipNo,
    holderName: saved.holderName,
    room: saved.room,
    items: saved.items,
    lorry: saved.lorry,
    lorryOpened: saved.lorryOpened,
    signatureOk: saved.signatureOk,
    stampOk: saved.stampOk,
    authorityOk: saved.authorityOk,
    itemsMatch: saved.itemsMatch,
    photoIds: saved.photoIds,
    result: saved.result,
    reason: saved.reason,
    at: saved.at,
    ...(saved.timeFlag ? { timeFlag: saved.timeFlag } : {}),
    gate: saved.gate,
    byName: saved.byName
  }
}
