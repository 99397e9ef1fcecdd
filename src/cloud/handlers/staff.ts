import { AppError } from '../../domain/errors'
import { BIND_CODE_TTL_MS, type BindCode, type Staff } from '../../domain/entities'
import type { BindCodeOut, StaffListItem, StaffSelf } from '../../domain/contract'
import type { Role } from '../../domain/roles'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import { newBindCode, staffListItem, staffSelf, type D } from './common'

export async function profile(_: Record<string, never>, ctx: Ctx): Promise<StaffSelf> {
  return staffSelf(ctx.store, requireCaller(ctx).staff)
}

export async function list(_: Record<string, never>, ctx: Ctx): Promise<StaffListItem[]> {
  const estate = requireEstate(ctx)
  const out: StaffListItem[] = []
  let after: string | undefined
  do {
    const page = await ctx.store.find<D<Staff>>('staff', {
      where: { estateIds: { has: estate._id } },
      orderBy: [['createdAt', 'asc']],
      limit: 200,
      after
    })
    out.push(...page.items.map(staffListItem))
    after = page.next
  } while (after)
  return out
}

async function issueCode(ctx: Ctx, staffId: string): Promise<BindCodeOut> {
  const estate = requireEstate(ctx)
  const caller = requireCaller(ctx)
  // A clash in a 31^8 space is rare; try again rather than fail the supervisor.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newBindCode()
    try {
      const doc = await ctx.db.insert<D<BindCode>>('bindcodes', {
        _id: code,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        staffId,
        estateId: estate._id,
        createdBy: caller.staff._id,
        expiresAt: ctx.now + BIND_CODE_TTL_MS
      })
      await ctx.audit('bindcodes', code)
      return { code, staffId, expiresAt: doc.expiresAt }
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e
    }
  }
  throw new AppError('INTERNAL')
}

export async function create(
  input: { name: string; phone: string; roles: Role[] },
  ctx: Ctx
): Promise<{ staff: StaffListItem; bindCode: BindCodeOut }> {
  const estate = requireEstate(ctx)
  const caller = requireCaller(ctx)
  const roles = [...new Set(input.roles)]
  if (roles.includes('admin') && !caller.staff.roles.includes('admin'))
    throw new AppError('FORBIDDEN', '只有管理员可以设置管理员岗位')
  const same = await ctx.store.find<D<Staff>>('staff', { where: { phone: input.phone }, limit: 5 })
  if (same.items.some((s) => s.estateIds.includes(estate._id)))
    throw new AppError('DUPLICATE', '这个手机号已经登记在本小区的员工里')
  const staff = await ctx.db.insert<D<Staff>>('staff', {
    _id: ctx.newId(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    name: input.name,
    phone: input.phone,
    roles,
    estateIds: [estate._id],
    active: true
  })
  await ctx.audit('staff', staff._id)
  const bindCode = await issueCode(ctx, staff._id)
  return { staff: staffListItem(staff), bindCode }
}

export async function bindCode(input: { staffId: string }, ctx: Ctx): Promise<BindCodeOut> {
  const estate = requireEstate(ctx)
  const staff = await ctx.db.get<D<Staff>>('staff', input.staffId)
  // Another estate's staff is reported as missing: no probing of who works where.
  if (!staff || !staff.estateIds.includes(estate._id)) throw new AppError('NOT_FOUND', '本小区没有这位员工')
  if (staff.openid) throw new AppError('ALREADY_BOUND', '这位员工已经绑定了微信')
  return issueCode(ctx, staff._id)
}
