/**
 * A person's own record, and the staff a supervisor keeps: adding people, editing them,
 * disabling them, bind codes (first and re-issued) and the devices they are signed in on.
 */
import { randomInt } from 'node:crypto'
import { AppError } from '../../domain/errors'
import { BIND_CODE_TTL_MS, type Staff } from '../../domain/entities'
import type {
  BindCodeOut,
  ParsedInputOf,
  SessionItem,
  StaffDisabledOut,
  StaffListItem,
  StaffSelf
} from '../../domain/contract'
import {
  disableProblem,
  grantableRoles,
  makeBindCode,
  manageProblem,
  releasedTask,
  staffEdit,
  staffListItem,
  staffSelf
} from '../../domain/staff/rules'
import { handBackDept } from '../../domain/work/incidents'
import { deptsOf } from '../../domain/work/model'
import type { SessionDoc } from '../../domain/entities'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import { badInput } from '../kit'
import { BIND_CODES, SESSIONS, STAFF, StaffRepo, TASKS } from './repo'

export async function profile(_: Record<string, never>, ctx: Ctx): Promise<StaffSelf> {
  const { staff } = requireCaller(ctx)
  return staffSelf(staff, await new StaffRepo(ctx).estates(staff.estateIds))
}

export async function list(_: Record<string, never>, ctx: Ctx): Promise<StaffListItem[]> {
  return (await new StaffRepo(ctx).ofEstate(requireEstate(ctx)._id)).map(staffListItem)
}

/** A person of the caller's estate whom the caller may manage; another estate's is NOT_FOUND. */
async function managed(repo: StaffRepo, ctx: Ctx, staffId: string): Promise<Staff> {
  const estate = requireEstate(ctx)
  const staff = await repo.get(STAFF, staffId)
  // Another estate's staff is reported as missing: no probing of who works where.
  if (!staff || !staff.estateIds.includes(estate._id)) throw new AppError('NOT_FOUND', '本小区没有这位员工')
  const p = manageProblem(requireCaller(ctx).staff, staff)
  if (p) throw new AppError(p.code, p.message)
  return staff
}

/** A new code for this person, the only one that binds from now on (`staff.bindCode` names it). */
async function issueCode(ctx: Ctx, repo: StaffRepo, staff: Staff): Promise<BindCodeOut> {
  const estate = requireEstate(ctx)
  const caller = requireCaller(ctx)
  // A clash in a 31^8 space is rare; try again rather than fail the supervisor.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = makeBindCode(randomInt)
    try {
      const doc = await repo.insert(BIND_CODES, {
        _id: code,
        staffId: staff._id,
        estateId: estate._id,
        createdBy: caller.staff._id,
        expiresAt: ctx.now + BIND_CODE_TTL_MS
      })
      // the person's record names its latest code: of two re-issues at once, one wins
      await repo.update(STAFF, staff, { bindCode: code }, '刚刚已经为这位员工生成过绑定码，请刷新')
      await ctx.audit('bindcodes', code)
      return { code, staffId: staff._id, expiresAt: doc.expiresAt }
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
  const bindCode = await issueCode(ctx, repo, staff)
  const stored = (await repo.get(STAFF, staff._id)) ?? staff
  return { staff: staffListItem(stored), bindCode }
}

/**
 * A new bind code for a person of this estate: the first one again, or after a lost phone.
 * The person's WeChat binding and every session end at once; earlier codes stop binding.
 */
export async function bindCode(input: ParsedInputOf<'staff.bindCode'>, ctx: Ctx): Promise<BindCodeOut> {
  const repo = new StaffRepo(ctx)
  let staff = await managed(repo, ctx, input.staffId)
  if (!staff.active) throw new AppError('CONFLICT', '这位员工已停用，不能生成绑定码')
  if (staff._id === requireCaller(ctx).staff._id)
    throw new AppError('FORBIDDEN', '不能给自己生成绑定码，请由其他主管或管理员生成')
  if (staff.openid || staff.boundAt) {
    staff = (await repo.signOutEverywhere(staff)).staff
    await ctx.audit('staff', staff._id)
  }
  return issueCode(ctx, repo, staff)
}

export async function update(input: ParsedInputOf<'staff.update'>, ctx: Ctx): Promise<StaffListItem> {
  const repo = new StaffRepo(ctx)
  const caller = requireCaller(ctx).staff
  const staff = await managed(repo, ctx, input.staffId)
  const step = staffEdit(caller, staff, input)
  if (!step.ok) throw step.field ? badInput(step.field, step.message) : new AppError(step.code, step.message)
  const { patch } = step
  if (patch.phone !== undefined && patch.phone !== staff.phone) {
    const estates = patch.estateIds ?? staff.estateIds
    const clash = (await repo.withPhone(patch.phone)).some(
      (s) => s._id !== staff._id && s.estateIds.some((e) => estates.includes(e))
    )
    if (clash) throw new AppError('DUPLICATE', '这个手机号已经登记在本小区的员工里')
  }
  if (patch.estateIds) {
    const found = await repo.estates(patch.estateIds)
    if (found.length !== patch.estateIds.length) throw badInput('estateIds', '有小区不存在')
  }
  if (Object.keys(patch).length === 0) return staffListItem(staff)
  const updated = await repo.update(STAFF, staff, patch, '这位员工的资料刚被别人修改，请刷新')
  await ctx.audit('staff', staff._id)
  return staffListItem(updated)
}

/**
 * Disables a person: refused on their next request (the dispatcher reads `active` on every
 * call), their WeChat unbound and sessions revoked, the tasks they hold back to the pool.
 */
export async function disable(input: ParsedInputOf<'staff.disable'>, ctx: Ctx): Promise<StaffDisabledOut> {
  const repo = new StaffRepo(ctx)
  const caller = requireCaller(ctx).staff
  const staff = await managed(repo, ctx, input.staffId)
  const p = disableProblem(caller, staff)
  if (p) throw new AppError(p.code, p.message)
  const out = await repo.signOutEverywhere(staff)
  const disabled = await repo.update(
    STAFF,
    out.staff,
    { active: false, disabledAt: ctx.now, disabledBy: caller._id },
    '这位员工刚被别人修改，请刷新'
  )
  // read after the person is disabled: a grab that passed its identity check just before is
  // caught here or, if it lands later still, by the hourly sweep (releaseHeldOfDisabled)
  const releasedTasks = await releaseHeld(repo, ctx, disabled, caller)
  await ctx.audit('staff', staff._id)
  return { staff: staffListItem(disabled), releasedTasks, endedSessions: out.endedSessions }
}

/** The tasks a disabled person still holds, back to their pools with a note; how many. */
async function releaseHeld(
  repo: StaffRepo,
  ctx: Ctx,
  staff: Staff,
  by: { _id: string; name: string }
): Promise<number> {
  const tasks = await repo.heldTasks(staff._id, staff.estateIds)
  const depts = deptsOf(staff.roles)
  const released = await Promise.all(
    tasks.map(async (t) => {
      const cur = await repo.get(TASKS, t._id)
      if (!cur || cur.assigneeId !== staff._id) return 0
      const dept = handBackDept(cur, undefined, depts)
      if (!(await repo.tryUpdate(TASKS, cur, releasedTask(cur, dept, by, staff.name, ctx.now)))) return 0
      await ctx.audit('tasks', t._id)
      return 1
    })
  )
  return released.reduce<number>((a, b) => a + b, 0)
}

/** How far back the sweep looks for people disabled with a task still on them. */
export const DISABLED_RECHECK_MS = 7 * 24 * 3600 * 1000

/**
 * The hourly safety net for a grab that raced a disable: tasks still held by anyone disabled
 * in the last week go back to their pools, recorded as done by the person who disabled them.
 */
export async function releaseHeldOfDisabled(ctx: Ctx): Promise<number> {
  const repo = new StaffRepo(ctx)
  const gone = await repo.recentlyDisabled(ctx.now - DISABLED_RECHECK_MS)
  let n = 0
  for (const s of gone) {
    const by = (s.disabledBy && (await repo.get(STAFF, s.disabledBy))) || { _id: 'system', name: '系统' }
    n += await releaseHeld(repo, ctx, s, by)
  }
  return n
}

function sessionItem(s: SessionDoc, current: string | undefined): SessionItem {
  return {
    id: s._id,
    via: s.via,
    device: s.device ?? (s.via === 'wechat' ? '微信' : s.via === 'demo' ? '演示登录' : '浏览器'),
    createdAt: s.createdAt,
    expiresAt: s.expiresAt,
    current: s._id === current
  }
}

export async function sessions(input: ParsedInputOf<'staff.sessions'>, ctx: Ctx): Promise<SessionItem[]> {
  const repo = new StaffRepo(ctx)
  const staff = await managed(repo, ctx, input.staffId)
  return (await repo.liveSessions(staff._id)).map((s) => sessionItem(s, ctx.caller?.sessionId))
}

export async function revokeSession(
  input: ParsedInputOf<'staff.revokeSession'>,
  ctx: Ctx
): Promise<{ revoked: boolean }> {
  const repo = new StaffRepo(ctx)
  const staff = await managed(repo, ctx, input.staffId)
  const s = await repo.get(SESSIONS, input.sessionId)
  if (!s || s.staffId !== staff._id) throw new AppError('NOT_FOUND', '没有找到这个登录设备')
  if (s.revokedAt) return { revoked: false }
  await repo.update(SESSIONS, s, { revokedAt: ctx.now })
  await ctx.audit('sessions', s._id)
  return { revoked: true }
}

export async function mySessions(_: Record<string, never>, ctx: Ctx): Promise<SessionItem[]> {
  const caller = requireCaller(ctx)
  return (await new StaffRepo(ctx).liveSessions(caller.staff._id)).map((s) =>
    sessionItem(s, caller.sessionId)
  )
}
