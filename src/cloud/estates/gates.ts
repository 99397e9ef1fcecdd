/**
 * Gates and posts (岗亭) of an estate. One collection for both: each is a named place where a
 * guard stands and clocks in; `kind` says whether the guard's gate picker offers it. Names are
 * unique among the estate's active places; removal is soft (records name the gate they were at).
 */
import { AppError } from '../../domain/errors'
import type { GateItem, ParsedInputOf } from '../../domain/contract'
import { placeName } from '../../domain/estates/settings'
import { normalizeBssid } from '../../domain/attendance/place'
import { requireEstate, type Ctx } from '../context'
import { badInput } from '../kit'
import { gateOut } from './out'
import { EstatesRepo, GATES } from './repo'

export async function gateSave(input: ParsedInputOf<'estates.gateSave'>, ctx: Ctx): Promise<GateItem> {
  const estate = requireEstate(ctx)
  const repo = new EstatesRepo(ctx)
  const name = placeName(input.name)
  if (!name) throw badInput('name', '请填写名称')
  const same = (await repo.places(estate._id)).find((g) => g.name === name && g._id !== input.id)
  if (same) throw new AppError('DUPLICATE', `本小区已有“${name}”`)
  const saved = await repo.saveInEstate(GATES, input.id, {
    name,
    kind: input.kind,
    active: true,
    // attendance (src/domain/attendance/place.ts): set when sent, unchanged when omitted
    ...(input.position !== undefined ? { position: input.position } : {}),
    ...(input.wifi !== undefined ? { wifi: input.wifi.map((b) => normalizeBssid(b) ?? b) } : {})
  })
  await ctx.audit('gates', saved._id)
  return gateOut(saved)
}

export async function gateRemove(
  input: ParsedInputOf<'estates.gateRemove'>,
  ctx: Ctx
): Promise<{ removed: true }> {
  const repo = new EstatesRepo(ctx)
  const have = await repo.getInEstate(GATES, input.id, '没有找到这个大门或岗亭')
  if (have.active === false) throw new AppError('NOT_FOUND', '这个大门或岗亭已经停用了')
  await repo.update(GATES, have, { active: false })
  await ctx.audit('gates', have._id)
  return { removed: true }
}
