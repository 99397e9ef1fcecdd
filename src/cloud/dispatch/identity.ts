import { AppError } from '../../domain/errors'
import type { SessionDoc, Staff } from '../../domain/entities'
import type { DataPort } from '../data/port'
import type { Caller, Identity, ServerConfig } from '../context'
import { verifyToken } from '../session'
import { sessionProblem } from '../../domain/staff/rules'

/** A person the caller is: active, and not a seeded demo person on a production server. */
function admitted(staff: Staff, config: ServerConfig): Staff {
  if (!staff.active) throw new AppError('STAFF_DISABLED')
  if (staff.demo && !config.demo) throw new AppError('DEMO_DISABLED', '演示账号在正式环境不能使用')
  return staff
}

/**
 * Who is calling, from the transport's identity only: a WeChat OPENID bound to a staff
 * record, or a session token (HTTP) whose session is live. Undefined: nobody known.
 */
export async function resolveCaller(
  store: DataPort,
  config: ServerConfig,
  identity: Identity,
  now: number
): Promise<Caller | undefined> {
  if (identity.kind === 'openid') {
    const page = await store.find<Staff & { [k: string]: unknown }>('staff', {
      where: { openid: identity.openid },
      limit: 1
    })
    const staff = page.items[0]
    if (!staff) return undefined
    return { staff: admitted(staff, config), via: 'wechat', since: staff.boundAt }
  }
  if (identity.kind === 'token') {
    const p = verifyToken(identity.token, config.sessionSecret)
    if (!p) throw new AppError('UNAUTHENTICATED', '登录信息无效，请重新登录')
    if (p.exp <= now) throw new AppError('SESSION_EXPIRED')
    const s = await store.get<SessionDoc & { [k: string]: unknown }>('sessions', p.sid)
    if (!s || s.staffId !== p.staffId) throw new AppError('SESSION_EXPIRED')
    // revoked (sign-out, a re-issue, a disable), expired, or made in demo mode on a production server
    const problem = sessionProblem(s, now, config.demo)
    if (problem === 'DEMO_DISABLED')
      throw new AppError('DEMO_DISABLED', '演示登录已失效：服务器已切换为正式模式，请重新登录')
    if (problem) throw new AppError(problem)
    const staff = await store.get<Staff & { [k: string]: unknown }>('staff', p.staffId)
    if (!staff) throw new AppError('SESSION_EXPIRED')
    return { staff: admitted(staff, config), via: s.via, sessionId: s._id, since: s.createdAt }
  }
  return undefined
}
