import { createHash, timingSafeEqual } from 'node:crypto'
import { AppError } from '../../domain/errors'
import {
  BIND_CODE_TTL_MS,
  SESSION_TTL_MS,
  type AuditRecord,
  type BindCode,
  type Estate,
  type SessionDoc,
  type Staff
} from '../../domain/entities'
import type { DemoAccount, ParsedInputOf, SessionOut } from '../../domain/contract'
import type { Ctx } from '../context'
import { DuplicateKeyError, type DataPort } from '../data/port'
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
  if (!ctx.config.exchangeWxCode)
    throw new AppError('WX_LOGIN_FAILED', '服务器未配置微信登录（AppID/AppSecret）')
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
  const page = await ctx.store.find<D<Staff>>('staff', {
    where: { demo: true },
    orderBy: [['createdAt', 'asc']],
    limit: 50
  })
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

/** An audit record written in the given transaction (these actions run their own). */
async function auditIn(
  tx: DataPort,
  ctx: Ctx,
  actor: Pick<Staff, '_id' | 'name'>,
  coll: string,
  docId: string,
  estateId?: string
) {
  await tx.insert<D<AuditRecord>>('audit', {
    _id: ctx.newId(),
    createdAt: ctx.now,
    updatedAt: ctx.now,
    at: ctx.now,
    actorId: actor._id,
    actorName: actor.name,
    action: ctx.action,
    coll,
    docId,
    estateId
  })
}

/**
 * One WeChat, one staff record: the OPENID is claimed as a document id inside the binding
 * transaction, so two concurrent binds of the same WeChat cannot both succeed.
 */
async function claimOpenid(tx: DataPort, ctx: Ctx, openid: string, staffId: string): Promise<void> {
  if (await tx.get('openids', openid)) throw new AppError('ALREADY_BOUND')
  try {
    await tx.insert('openids', { _id: openid, createdAt: ctx.now, updatedAt: ctx.now, staffId })
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw new AppError('ALREADY_BOUND')
    throw e
  }
}

export async function bind(input: { code: string; wxCode?: string }, ctx: Ctx): Promise<SessionOut> {
  if (ctx.caller) throw new AppError('ALREADY_BOUND')
  const openid = await openidOf(ctx, input.wxCode)
  const code = input.code.toUpperCase()
  // Records bound before the openids claims existed are found by query.
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
    await claimOpenid(tx, ctx, openid, s._id)
    const used = await tx.update<D<BindCode>>('bindcodes', code, bc._v, {
      usedAt: ctx.now,
      updatedAt: ctx.now
    })
    const bound = await tx.update<D<Staff>>('staff', s._id, s._v, { openid, updatedAt: ctx.now })
    if (!used || !bound) throw new AppError('CONFLICT')
    await auditIn(tx, ctx, bound, 'staff', s._id, bc.estateId)
    return bound
  })
  return openSession(ctx, staff, 'wechat')
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/**
 * The first deployment: with the SETUP_TOKEN of the function's environment, the caller's
 * WeChat becomes the first admin of the company's first estate. Recorded as `meta/setup`
 * in the same transaction, so it works once, even when two calls race.
 */
export async function setup(input: ParsedInputOf<'auth.setup'>, ctx: Ctx): Promise<SessionOut> {
  const token = ctx.config.setupToken
  if (!token) throw new AppError('SETUP_DISABLED')
  if (!sameSecret(input.setupToken, token)) {
    ctx.config.log('[auth] setup refused: wrong SETUP_TOKEN')
    throw new AppError('SETUP_TOKEN_INVALID')
  }
  if (ctx.caller) throw new AppError('ALREADY_BOUND')
  const openid = await openidOf(ctx, input.wxCode)
  const estateId = ctx.newId()
  const staffId = ctx.newId()
  const base = { createdAt: ctx.now, updatedAt: ctx.now }
  try {
    const admin = await ctx.store.transaction(async (tx) => {
      if (await tx.get('meta', 'setup')) throw new AppError('SETUP_DONE')
      await tx.insert('meta', { _id: 'setup', ...base, at: ctx.now, estateId, staffId })
      await tx.insert<D<Estate>>('estates', {
        _id: estateId,
        ...base,
        name: input.estateName,
        company: input.company,
        address: input.estateAddress ?? '',
        settings: { overstayHours: 4 }
      })
      await claimOpenid(tx, ctx, openid, staffId)
      const staff = await tx.insert<D<Staff>>('staff', {
        _id: staffId,
        ...base,
        name: input.adminName,
        phone: input.adminPhone,
        roles: ['admin'],
        estateIds: [estateId],
        active: true,
        openid
      })
      await auditIn(tx, ctx, staff, 'estates', estateId, estateId)
      return staff
    })
    return await openSession(ctx, admin, 'wechat')
  } catch (e) {
    if (e instanceof DuplicateKeyError && e.coll === 'meta') throw new AppError('SETUP_DONE')
    throw e
  }
}

export async function logout(_: Record<string, never>, ctx: Ctx): Promise<{ done: true }> {
  const sid = ctx.caller?.sessionId
  if (sid) {
    const s = await ctx.store.get<D<SessionDoc>>('sessions', sid)
    if (s && !s.revokedAt)
      await ctx.store.update<D<SessionDoc>>('sessions', sid, s._v, { revokedAt: ctx.now })
    await ctx.audit('sessions', sid)
  }
  return { done: true }
}

export { BIND_CODE_TTL_MS }
