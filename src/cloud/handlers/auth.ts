import { AppError } from '../../domain/errors'
import { BIND_CODE_TTL_MS, SESSION_TTL_MS, type BindCode, type Estate, type SessionDoc, type Staff } from '../../domain/entities'
import type { DemoAccount, SessionOut } from '../../domain/contract'
import type { Ctx } from '../context'
import { signToken } from '../session'
import { staffSelf, type D } from './common'

async function openSession(ctx: Ctx, staff: Staff, via: 'demo' | 'wechat'): Promise<SessionOut> {
  // In WeChat the caller is known on every call from its OPENID: no token needed.
  if (ctx.identity.kind === 'openid') return { staff: await staffSelf(ctx.store, staff), via }
  const sid = ctx.newId()
  const expiresAt = ctx.now + SESSION_TTL_MS
  await ctx.db.insert<D<SessionDoc>>('sessions', {
    _id: sid,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    staffId: staff._id,
    expiresAt,
    via
  })
  const token = signToken({ sid, staffId: staff._id, exp: expiresAt }, ctx.config.sessionSecret)
  return { token, expiresAt, staff: await staffSelf(ctx.store, staff), via }
}

async function openidOf(ctx: Ctx, wxCode: string | undefined): Promise<string> {
  if (ctx.identity.kind === 'openid') return ctx.identity.openid
  if (!ctx.config.exchangeWxCode) throw new AppError('WX_LOGIN_FAILED', '服务器未配置微信登录（AppID/AppSecret）')
  if (!wxCode) throw new AppError('INVALID_INPUT', '缺少微信登录凭证')
  try {
    return await ctx.config.exchangeWxCode(wxCode)
  } catch (e) {
    ctx.config.log('wx code exchange failed', e)
    throw new AppError('WX_LOGIN_FAILED')
  }
}

export async function demoAccounts(_: Record<string, never>, ctx: Ctx): Promise<DemoAccount[]> {
  if (!ctx.config.demo) throw new AppError('DEMO_DISABLED')
  const page = await ctx.store.find<D<Staff>>('staff', { where: { demo: true }, orderBy: [['createdAt', 'asc']], limit: 50 })
  const names = new Map<string, string>()
  const out: DemoAccount[] = []
  for (const s of page.items) {
    if (!s.active) continue
    const eid = s.estateIds[0]
    if (eid && !names.has(eid)) names.set(eid, (await ctx.store.get<D<Estate>>('estates', eid))?.name ?? '')
    out.push({ staffId: s._id, name: s.name, roles: s.roles, estateName: names.get(eid) ?? '' })
  }
  return out
}

export async function demoLogin(input: { staffId: string }, ctx: Ctx): Promise<SessionOut> {
  if (!ctx.config.demo) throw new AppError('DEMO_DISABLED')
  const staff = await ctx.store.get<D<Staff>>('staff', input.staffId)
  if (!staff || !staff.demo) throw new AppError('NOT_FOUND', '没有这位演示员工')
  if (!staff.active) throw new AppError('STAFF_DISABLED')
  const out = await openSession(ctx, staff, 'demo')
  await ctx.audit('sessions', staff._id)
  return out
}

export async function wxLogin(input: { wxCode?: string }, ctx: Ctx): Promise<SessionOut> {
  if (ctx.caller) return openSession(ctx, ctx.caller.staff, 'wechat')
  const openid = await openidOf(ctx, input.wxCode)
  const page = await ctx.store.find<D<Staff>>('staff', { where: { openid }, limit: 1 })
  const staff = page.items[0]
  if (!staff) throw new AppError('NOT_BOUND')
  if (!staff.active) throw new AppError('STAFF_DISABLED')
  return openSession(ctx, staff, 'wechat')
}

export async function bind(input: { code: string; wxCode?: string }, ctx: Ctx): Promise<SessionOut> {
  if (ctx.caller) throw new AppError('ALREADY_BOUND')
  const openid = await openidOf(ctx, input.wxCode)
  const code = input.code.toUpperCase()
  const taken = await ctx.store.find<D<Staff>>('staff', { where: { openid }, limit: 1 })
  if (taken.items.length) throw new AppError('ALREADY_BOUND')
  const staff = await ctx.store.transaction(async (tx) => {
    const bc = await tx.get<D<BindCode>>('bindcodes', code)
    if (!bc) throw new AppError('BIND_CODE_INVALID')
    if (bc.usedAt) throw new AppError('BIND_CODE_USED')
    if (bc.expiresAt <= ctx.now) throw new AppError('BIND_CODE_EXPIRED')
    const s = await tx.get<D<Staff>>('staff', bc.staffId)
    if (!s || !s.active) throw new AppError('STAFF_DISABLED')
    if (s.openid) throw new AppError('BIND_CODE_USED', '该员工已绑定其他微信，请联系主管')
    const used = await tx.update<D<BindCode>>('bindcodes', code, bc._v, { usedAt: ctx.now, updatedAt: ctx.now })
    const bound = await tx.update<D<Staff>>('staff', s._id, s._v, { openid, updatedAt: ctx.now })
    if (!used || !bound) throw new AppError('CONFLICT')
    await ctx.audit('staff', s._id)
    return bound
  })
  return openSession(ctx, staff, 'wechat')
}

export async function logout(_: Record<string, never>, ctx: Ctx): Promise<{ done: true }> {
  const sid = ctx.caller?.sessionId
  if (sid) {
    const s = await ctx.store.get<D<SessionDoc>>('sessions', sid)
    if (s && !s.revokedAt) await ctx.store.update<D<SessionDoc>>('sessions', sid, s._v, { revokedAt: ctx.now })
    await ctx.audit('sessions', sid)
  }
  return { done: true }
}

export { BIND_CODE_TTL_MS }
