/** Sign-in: demo accounts, WeChat, binding a WeChat with a code, the first setup, sign-out. */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto'
import { AppError, isAppError } from '../../domain/errors'
import { ANY_ESTATE } from '../../domain/guard/limits'
import {
  BIND_CODE_TTL_MS,
  SESSION_TTL_MS,
  type BindCode,
  type SessionVia,
  type Staff
} from '../../domain/entities'
import type { DemoAccount, ParsedInputOf, SessionOut, SetupOut } from '../../domain/contract'
import {
  bindCodeProblem,
  deviceName,
  makeBindCode,
  normalizeBindCode,
  staffSelf
} from '../../domain/staff/rules'
import type { Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import { guarded, type Guesser } from '../kit/guesses'
import { signToken } from '../session'
import { BIND_CODES, ESTATES, META, OPENIDS, SESSIONS, STAFF, StaffRepo } from './repo'

/**
 * A bind code tried by a WeChat or a browser: a guess (domain/guard/limits.ts), per source (the
 * OPENID, or the IP on our server) and for the whole server, where it slows and never locks.
 */
const bindGuesser = (personKey: string): Guesser => ({ kind: 'bind', personKey, estateId: ANY_ESTATE })
const isWrongCode = (e: unknown) => isAppError(e) && e.code === 'BIND_CODE_INVALID'

async function selfOf(repo: StaffRepo, staff: Staff) {
  return staffSelf(staff, await repo.estates(staff.estateIds))
}

async function openSession(ctx: Ctx, staff: Staff, via: SessionVia, device?: string): Promise<SessionOut> {
  const repo = new StaffRepo(ctx)
  // In WeChat the caller is known on every call from its OPENID: no token needed.
  if (ctx.identity.kind === 'openid') return { staff: await selfOf(repo, staff), via }
  const sid = ctx.newId()
  const expiresAt = ctx.now + SESSION_TTL_MS
  // the server's mode now: a session made in demo mode is refused once the server runs in production
  const mode = ctx.config.demo ? 'demo' : 'production'
  await repo.insert(SESSIONS, { _id: sid, staffId: staff._id, expiresAt, via, mode, device })
  const token = signToken({ sid, staffId: staff._id, exp: expiresAt }, ctx.config.sessionSecret)
  return { token, expiresAt, staff: await selfOf(repo, staff), via }
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

/** The demo people the login page offers; none on a production server (no error: the page just shows none). */
export async function demoAccounts(_: Record<string, never>, ctx: Ctx): Promise<DemoAccount[]> {
  if (!ctx.config.demo) return []
  const repo = new StaffRepo(ctx)
  const people = (await repo.demoPeople()).filter((s) => s.active)
  const estates = await repo.estates([...new Set(people.flatMap((s) => s.estateIds.slice(0, 1)))])
  const names = new Map(estates.map((e) => [e._id, e.name]))
  return people.map((s) => ({
    staffId: s._id,
    name: s.name,
    roles: s.roles,
    estateName: names.get(s.estateIds[0]) ?? ''
  }))
}

export async function demoLogin(input: { staffId: string }, ctx: Ctx): Promise<SessionOut> {
  if (!ctx.config.demo) throw new AppError('DEMO_DISABLED')
  const staff = await new StaffRepo(ctx).get(STAFF, input.staffId)
  if (!staff || !staff.demo) throw new AppError('NOT_FOUND', '没有这位演示员工')
  if (!staff.active) throw new AppError('STAFF_DISABLED')
  const out = await openSession(ctx, staff, 'demo')
  await ctx.audit('sessions', staff._id)
  return out
}

export async function wxLogin(input: { wxCode?: string }, ctx: Ctx): Promise<SessionOut> {
  if (ctx.caller) return openSession(ctx, ctx.caller.staff, 'wechat')
  const openid = await openidOf(ctx, input.wxCode)
  const staff = await new StaffRepo(ctx).withOpenid(openid)
  if (!staff) throw new AppError('NOT_BOUND')
  if (!staff.active) throw new AppError('STAFF_DISABLED')
  return openSession(ctx, staff, 'wechat')
}

/**
 * One WeChat, one staff record: the OPENID is claimed as a document id inside the binding
 * transaction, so two concurrent binds of the same WeChat cannot both succeed.
 */
async function claimOpenid(tx: StaffRepo, openid: string, staffId: string): Promise<void> {
  const had = await tx.get(OPENIDS, openid)
  // a claim released by a re-issue or a disable can be taken again
  if (had?.releasedAt) {
    if (!(await tx.tryUpdate(OPENIDS, had, { staffId, releasedAt: undefined })))
      throw new AppError('ALREADY_BOUND')
    return
  }
  if (had) throw new AppError('ALREADY_BOUND')
  try {
    await tx.insert(OPENIDS, { _id: openid, staffId })
  } catch (e) {
    if (e instanceof DuplicateKeyError) throw new AppError('ALREADY_BOUND')
    throw e
  }
}

/** The bind code as stored and its person, or why it cannot be used: used, expired, superseded, disabled. */
async function usableCode(tx: StaffRepo, code: string, now: number): Promise<{ bc: BindCode; s: Staff }> {
  const bc = await tx.get(BIND_CODES, code)
  const problem = bindCodeProblem(bc, now)
  if (problem || !bc) throw new AppError(problem ?? 'BIND_CODE_INVALID')
  const s = await tx.get(STAFF, bc.staffId)
  if (!s || !s.active) throw new AppError('STAFF_DISABLED')
  if (s.bindCode && s.bindCode !== bc._id)
    throw new AppError('BIND_CODE_INVALID', '这个绑定码已作废，请使用主管最新给您的绑定码')
  return { bc, s }
}

/**
 * Sign-in without WeChat (the browser version on a site's own server): the one-time bind code
 * opens a session on this device, listed in 我的 and in the staff list, where it can be ended.
 */
export async function codeLogin(input: ParsedInputOf<'auth.codeLogin'>, ctx: Ctx): Promise<SessionOut> {
  if (ctx.identity.kind === 'openid')
    throw new AppError('INVALID_INPUT', '在微信里请点「微信一键登录」，再输入绑定码')
  const code = normalizeBindCode(input.code)
  // counted per source (the caller's IP), never per the device name it sends: that one it can change
  const source = ctx.identity.kind === 'none' ? ctx.identity.source : undefined
  const staff = await guarded(
    ctx,
    bindGuesser(source ?? 'ip:unknown'),
    () =>
      new StaffRepo(ctx).transaction(async (tx) => {
        const { bc, s } = await usableCode(tx, code, ctx.now)
        const used = await tx.tryUpdate(BIND_CODES, bc, { usedAt: ctx.now })
        const signed = await tx.tryUpdate(STAFF, s, { boundAt: ctx.now })
        if (!used || !signed) throw new AppError('CONFLICT')
        await tx.audit(signed, 'sessions', s._id, bc.estateId)
        return signed
      }),
    isWrongCode
  )
  return openSession(ctx, staff, 'code', deviceName(input.device))
}

export async function bind(input: { code: string; wxCode?: string }, ctx: Ctx): Promise<SessionOut> {
  if (ctx.caller) throw new AppError('ALREADY_BOUND')
  const openid = await openidOf(ctx, input.wxCode)
  const code = normalizeBindCode(input.code)
  const repo = new StaffRepo(ctx)
  if (await repo.withOpenid(openid)) throw new AppError('ALREADY_BOUND')
  const staff = await guarded(
    ctx,
    bindGuesser(`wx:${openid}`),
    () => bindWith(repo, code, openid, ctx),
    isWrongCode
  )
  return openSession(ctx, staff, 'wechat')
}

async function bindWith(repo: StaffRepo, code: string, openid: string, ctx: Ctx): Promise<Staff> {
  return repo.transaction(async (tx) => {
    const { bc, s } = await usableCode(tx, code, ctx.now)
    if (s.openid) throw new AppError('BIND_CODE_USED', '该员工已绑定其他微信，请联系主管')
    await claimOpenid(tx, openid, s._id)
    const used = await tx.tryUpdate(BIND_CODES, bc, { usedAt: ctx.now })
    const bound = await tx.tryUpdate(STAFF, s, { openid, boundAt: ctx.now })
    if (!used || !bound) throw new AppError('CONFLICT')
    await tx.audit(bound, 'staff', s._id, bc.estateId)
    return bound
  })
}

function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}

/**
 * The first deployment: with the SETUP_TOKEN of the function's environment, the company's
 * first estate and its first admin. In WeChat (or with a wx code) the caller's WeChat becomes
 * that admin; on our own server without WeChat (`npm run setup`) the admin gets a one-time
 * bind code instead, to sign in with on the H5 login page. Recorded as `meta/setup` in the
 * same transaction, so it works once, even when two calls race.
 */
export async function setup(input: ParsedInputOf<'auth.setup'>, ctx: Ctx): Promise<SetupOut> {
  const token = ctx.config.setupToken
  if (!token) throw new AppError('SETUP_DISABLED')
  if (!sameSecret(input.setupToken, token)) {
    ctx.config.log('[auth] setup refused: wrong SETUP_TOKEN')
    throw new AppError('SETUP_TOKEN_INVALID')
  }
  if (ctx.caller) throw new AppError('ALREADY_BOUND')
  const wechat = ctx.identity.kind === 'openid' || !!input.wxCode
  const openid = wechat ? await openidOf(ctx, input.wxCode) : undefined
  const estateId = ctx.newId()
  const staffId = ctx.newId()
  const code = wechat ? undefined : makeBindCode(randomInt)
  try {
    const admin = await new StaffRepo(ctx).transaction(async (tx) => {
      if (await tx.get(META, 'setup')) throw new AppError('SETUP_DONE')
      await tx.insert(META, { _id: 'setup', at: ctx.now, estateId, staffId })
      await tx.insert(ESTATES, {
        _id: estateId,
        name: input.estateName,
        company: input.company,
        address: input.estateAddress ?? '',
        settings: { overstayHours: 4 }
      })
      if (openid) await claimOpenid(tx, openid, staffId)
      const staff = await tx.insert(STAFF, {
        _id: staffId,
        name: input.adminName,
        phone: input.adminPhone,
        roles: ['admin'],
        estateIds: [estateId],
        active: true,
        ...(openid ? { openid, boundAt: ctx.now } : { bindCode: code })
      })
      if (code)
        await tx.insert(BIND_CODES, {
          _id: code,
          staffId,
          estateId,
          createdBy: staffId,
          expiresAt: ctx.now + BIND_CODE_TTL_MS
        })
      await tx.audit(staff, 'estates', estateId, estateId)
      return staff
    })
    if (code)
      return {
        staff: await selfOf(new StaffRepo(ctx), admin),
        via: 'code',
        bindCode: { code, staffId, expiresAt: ctx.now + BIND_CODE_TTL_MS }
      }
    return await openSession(ctx, admin, 'wechat')
  } catch (e) {
    if (e instanceof DuplicateKeyError && e.coll === 'meta') throw new AppError('SETUP_DONE')
    throw e
  }
}

export async function logout(_: Record<string, never>, ctx: Ctx): Promise<{ done: true }> {
  const sid = ctx.caller?.sessionId
  if (sid) {
    const repo = new StaffRepo(ctx)
    const s = await repo.get(SESSIONS, sid)
    if (s && !s.revokedAt) await repo.tryUpdate(SESSIONS, s, { revokedAt: ctx.now })
    await ctx.audit('sessions', sid)
  }
  return { done: true }
}
