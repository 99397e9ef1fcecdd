/** A person's own record, and the staff list a supervisor keeps: adding people, bind codes. */
import { randomInt } from 'node:crypto'
import { AppError } from '../../domain/errors'
import { BIND_CODE_TTL_MS } from '../../domain/entities'
import type { BindCodeOut, ParsedInputOf, StaffListItem, StaffSelf } from '../../domain/contract'
import { grantableRoles, makeBindCode, staffListItem, staffSelf } from '../../domain/staff/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import { BIND_CODES, STAFF, StaffRepo } from './repo'

export async function profile(_: Record<string, never>, ctx: Ctx): Promise<StaffSelf> {
  const { staff } = requireCaller(ctx)
  return staffSelf(staff, await new StaffRepo(ctx).estates(staff.estateIds))
}

export async function list(_: Record<string, never>, ctx: Ctx): Promise<StaffListItem[]> {
  return (await new StaffRepo(ctx).ofEstate(requireEstate(ctx)._id)).map(staffListItem)
}

async function issueCode(ctx: Ctx, staffId: string): Promise<BindCodeOut> {
  const estate = requireEstate(ctx)
  const caller = requireCaller(ctx)
  const repo = new StaffRepo(ctx)
  // A clash in a 31^8 space is rare; try again rather than fail the supervisor.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = makeBindCode(randomInt)
    try {
      const doc = await repo.insert(BIND_CODES, {
        _id: code,
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
  input: ParsedInputOf<'staff.create'>,
  ctx: Ctx
): Promise<{ staff: StaffListItem; bindCode: BindCodeOut }> {
  const estate = requireEstate(ctx)
  const caller = requireCaller(ctx)
  const roles = grantableRoles(caller.staff.roles, input.roles)
  if (!roles) throw new AppError('FORBIDDEN', '只有管理员可以设置管理员岗位')
  const repo = new StaffRepo(ctx)
  if ((await repo.withPhone(input.phone)).some((s) => s.estateIds.includes(estate._id)))
    throw new AppError('DUPLICATE', '这个手机号已经登记在本小区的员工里')
  const staff = await repo.insert(STAFF, {
    _id: ctx.newId(),
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

export async function bindCode(input: ParsedInputOf<'staff.bindCode'>, ctx: Ctx): Promise<BindCodeOut> {
  const estate = requireEstate(ctx)
  const staff = await new StaffRepo(ctx).get(STAFF, input.staffId)
  // Another estate's staff is reported as missing: no probing of who works where.
  if (!staff || !staff.estateIds.includes(estate._id)) throw new AppError('NOT_FOUND', '本小区没有这位员工')
  if (staff.openid) throw new AppError('ALREADY_BOUND', '这位员工已经绑定了微信')
  return issueCode(ctx, staff._id)
}
