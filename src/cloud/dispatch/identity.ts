import { AppError } from '../../domain/errors'
import type { SessionDoc, Staff } from '../../domain/entities'
import type { DataPort } from '../data/port'
import type { Caller, Identity, ServerConfig } from '../context'
import { verifyToken } from '../session'

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
    if (!staff.active) throw new AppError('STAFF_DISABLED')
    return { staff, via: 'wechat' }
  }
  if (identity.kind === 'token') {
    const p = verifyToken(identity.token, config.sessionSecret)
    if (!p) throw new AppError('UNAUTHENTICATED', '登录信息无效，请重新登录')
    if (p.exp <= now) throw new AppError('SESSION_EXPIRED')
    const s = await store.get<SessionDoc & { [k: string]: unknown }>('sessions', p.sid)
    if (!s || s.revokedAt || s.expiresAt <= now || s.staffId !== p.staffId)
      throw new AppError('SESSION_EXPIRED')
    const staff = await store.get<Staff & { [k: string]: unknown }>('staff', p.staffId)
    if (!staff) throw new AppError('SESSION_EXPIRED')
    if (!staff.active) throw new AppError('STAFF_DISABLED')
    return { staff, via: s.via, sessionId: s._id }
  }
  return undefined
}
