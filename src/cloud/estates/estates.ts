/**
 * Estates: an admin creates one (and works in it from then on, so every screen shows it);
 * a manager edits the estates they work in. Settings start from the domain's defaults.
 */
import { AppError } from '../../domain/errors'
import type { EstateDetail, EstateItem, ParsedInputOf } from '../../domain/contract'
import type { Estate } from '../../domain/entities'
import {
  DEFAULT_TIME_ZONE,
  isTimeZone,
  settingsProblem,
  settingsWithDefaults
} from '../../domain/estates/settings'
import { hasAnyRole } from '../../domain/roles'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { badInput, check, type Patch } from '../kit'
import { estateOut, gateOut } from './out'
import { ESTATES, EstatesRepo, STAFF } from './repo'

function timeZoneOf(tz: string | undefined): string {
  if (!tz) return DEFAULT_TIME_ZONE
  if (!isTimeZone(tz)) throw badInput('timeZone', `不认识的时区“${tz}”，一般填 Asia/Shanghai`)
  return tz
}

export async function list(_: Record<string, never>, ctx: Ctx): Promise<EstateItem[]> {
  const { staff } = requireCaller(ctx)
  const repo = new EstatesRepo(ctx)
  const estates = hasAnyRole(staff.roles, ['admin'])
    ? await repo.allEstates()
    : await repo.estatesIn(staff.estateIds)
  return estates.map(estateOut)
}

export async function create(input: ParsedInputOf<'estates.create'>, ctx: Ctx): Promise<EstateItem> {
  const { staff } = requireCaller(ctx)
  const repo = new EstatesRepo(ctx)
  const settings = settingsWithDefaults(input.settings)
  check(settingsProblem(settings))
  const timeZone = timeZoneOf(input.timeZone)
  if (await repo.get(ESTATES, input.id)) throw new AppError('DUPLICATE', '这个小区编号已被使用，请重新新建')
  const estate = await repo.insert(ESTATES, {
    _id: input.id,
    name: input.name,
    company: input.company,
    address: input.address ?? '',
    timeZone,
    settings
  })
  // The admin works in the estate they made: it shows in their estate switcher and every screen.
  const me = await repo.staff(staff._id)
  if (me && !me.estateIds.includes(estate._id))
    await repo.update(STAFF, me, { estateIds: [...me.estateIds, estate._id] })
  await ctx.audit('estates', estate._id)
  return estateOut(estate)
}

export async function update(input: ParsedInputOf<'estates.update'>, ctx: Ctx): Promise<EstateItem> {
  const repo = new EstatesRepo(ctx)
  const have = await repo.get(ESTATES, requireEstate(ctx)._id)
  if (!have) throw new AppError('NOT_FOUND', '没有找到这个小区')
  const patch: Patch<Estate> = {}
  if (input.name !== undefined) patch.name = input.name
  if (input.company !== undefined) patch.company = input.company
  if (input.address !== undefined) patch.address = input.address
  if (input.timeZone !== undefined) patch.timeZone = timeZoneOf(input.timeZone)
  if (input.settings !== undefined) {
    const settings = { ...have.settings, ...input.settings }
    check(settingsProblem(settings))
    patch.settings = settings
  }
  const saved = await repo.update(ESTATES, have, patch, '小区信息刚被别人修改过，请刷新后再改')
  await ctx.audit('estates', saved._id)
  return estateOut(saved)
}

export async function detail(_: Record<string, never>, ctx: Ctx): Promise<EstateDetail> {
  const estate = requireEstate(ctx)
  const repo = new EstatesRepo(ctx)
  const [places, rooms] = await Promise.all([repo.places(estate._id), repo.roomCount(estate._id)])
  const gates = places.map(gateOut).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'gate' ? -1 : 1))
  return { estate: estateOut(estate), gates, rooms }
}
