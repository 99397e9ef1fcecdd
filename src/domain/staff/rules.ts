/**
 * Rules of staff accounts: bind codes, who may grant which role, shifts, and what a person
 * sees of themselves and of colleagues. Pure: time and randomness are passed in.
 */
import type { BindCode, Estate, Shift, Staff } from '../entities'
import type { EstateBrief, StaffListItem, StaffSelf } from '../contract'
import type { ErrorCode } from '../errors'
import { maskPhone } from '../privacy'
import { ROLES, type Role } from '../roles'

/** No 0/O, 1/I/L: a code read out over the phone must not be misheard. */
export const BIND_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const BIND_CODE_LENGTH = 8

/** A new bind code from `randomInt(n)` (a uniform integer in [0, n)). */
export function makeBindCode(randomInt: (n: number) => number): string {
  let s = ''
  for (let i = 0; i < BIND_CODE_LENGTH; i++) s += BIND_CODE_ALPHABET[randomInt(BIND_CODE_ALPHABET.length)]
  return s
}

/** A code as typed: case does not matter (the alphabet is upper case). */
export function normalizeBindCode(typed: string): string {
  return typed.toUpperCase()
}

/** Why a bind code cannot bind now, or null when it can. */
export function bindCodeProblem(
  bc: Pick<BindCode, 'usedAt' | 'expiresAt'> | null | undefined,
  now: number
): Extract<ErrorCode, 'BIND_CODE_INVALID' | 'BIND_CODE_USED' | 'BIND_CODE_EXPIRED'> | null {
  if (!bc) return 'BIND_CODE_INVALID'
  if (bc.usedAt) return 'BIND_CODE_USED'
  if (bc.expiresAt <= now) return 'BIND_CODE_EXPIRED'
  return null
}

/** The roles of a new person, once each; null when the caller may not grant them (none above the caller's own). */
export function grantableRoles(callerRoles: readonly Role[], wanted: readonly Role[]): Role[] | null {
  const roles = [...new Set(wanted)]
  const top = topRank(callerRoles)
  if (roles.some((r) => roleRank(r) > top)) return null
  return roles
}

/** Why this person cannot end this shift, or null: only their own open shift of this estate. */
export function shiftEndProblem(
  s: Pick<Shift, 'estateId' | 'staffId' | 'status'> | null | undefined,
  staffId: string,
  estateId: string
): 'NOT_FOUND' | 'CONFLICT' | null {
  if (!s || s.estateId !== estateId || s.staffId !== staffId) return 'NOT_FOUND'
  if (s.status !== 'on') return 'CONFLICT'
  return null
}

/** The id of a person's open-shift marker in an estate: one open shift per person and estate. */
export function openShiftMarkId(staffId: string, estateId: string): string {
  return `${staffId}@${estateId}`
}

export function estateBrief(e: Pick<Estate, '_id' | 'name' | 'company'>): EstateBrief {
  return { id: e._id, name: e.name, company: e.company }
}

/** A person's own record, with the estates found of theirs in the order they hold them. */
export function staffSelf(s: Staff, estates: readonly Estate[]): StaffSelf {
  const byId = new Map(estates.map((e) => [e._id, e]))
  const mine = s.estateIds.flatMap((id) => {
    const e = byId.get(id)
    return e ? [estateBrief(e)] : []
  })
  return { id: s._id, name: s.name, phone: s.phone, roles: s.roles, estates: mine }
}

/** A colleague as a supervisor's list shows them: the phone masked, the OPENID only as "bound". */
export function staffListItem(s: Staff): StaffListItem {
  return {
    id: s._id,
    name: s.name,
    phone: maskPhone(s.phone),
    roles: s.roles,
    bound: !!s.openid || !!s.boundAt,
    active: s.active,
    estateIds: s.estateIds,
    pending: s.active && !s.openid && !s.boundAt
  }
}

// ---- the staff lifecycle: editing, disabling, re-issuing, sessions ----

/** 0: on-site roles, 1: supervisor, 2: admin. Nobody grants a role above their own. */
export function roleRank(r: Role): number {
  return r === 'admin' ? 2 : r === 'supervisor' ? 1 : 0
}
export function topRank(roles: readonly Role[]): number {
  return roles.reduce((m, r) => Math.max(m, roleRank(r)), -1)
}

/** The roles a caller may hand out, in the app's order: the staff form offers only these. */
export function offerableRoles(callerRoles: readonly Role[]): Role[] {
  const top = topRank(callerRoles)
  return ROLES.filter((r) => roleRank(r) <= top)
}

/**
 * Why `caller` may not manage `target` at all (edit, disable, re-issue, revoke), or null: a
 * person of a higher role than the caller's is out of reach. Managing oneself goes through
 * `editProblem` (roles and estates of one's own are never changed by oneself).
 */
export function manageProblem(
  caller: Pick<Staff, 'roles'>,
  target: Pick<Staff, 'roles'>
): { code: 'FORBIDDEN'; message: string } | null {
  if (topRank(target.roles) > topRank(caller.roles))
    return { code: 'FORBIDDEN', message: '不能管理岗位比您高的员工' }
  return null
}

export interface StaffEdit {
  name?: string
  phone?: string
  roles?: Role[]
  estateIds?: string[]
}

/**
 * What an edit of `target` by `caller` stores, or why it cannot: nobody changes their own roles
 * or estates, nobody grants a role above their own, and a supervisor moves people only among
 * the estates they hold themselves (estates of the person's the supervisor does not hold are
 * kept). A person keeps at least one estate and one role.
 */
export function staffEdit(
  caller: Pick<Staff, '_id' | 'roles' | 'estateIds'>,
  target: Pick<Staff, '_id' | 'roles' | 'estateIds'>,
  edit: StaffEdit
):
  | { ok: true; patch: StaffEdit }
  | { ok: false; code: 'FORBIDDEN' | 'INVALID_INPUT'; message: string; field?: string } {
  const self = caller._id === target._id
  const reach = manageProblem(caller, target)
  if (reach) return { ok: false, ...reach }
  const patch: StaffEdit = {}
  if (edit.name !== undefined) patch.name = edit.name
  if (edit.phone !== undefined) patch.phone = edit.phone
  if (edit.roles) {
    const roles = [...new Set(edit.roles)]
    const same = roles.length === target.roles.length && roles.every((r) => target.roles.includes(r))
    if (!same) {
      if (self) return { ok: false, code: 'FORBIDDEN', message: '不能修改自己的岗位' }
      const top = topRank(caller.roles)
      if (roles.some((r) => roleRank(r) > top))
        return { ok: false, code: 'FORBIDDEN', message: '不能授予比自己高的岗位' }
      patch.roles = roles
    }
  }
  if (edit.estateIds) {
    const wanted = [...new Set(edit.estateIds)]
    const same =
      wanted.length === target.estateIds.length && wanted.every((e) => target.estateIds.includes(e))
    if (!same) {
      if (self) return { ok: false, code: 'FORBIDDEN', message: '不能修改自己的任职小区' }
      const admin = caller.roles.includes('admin')
      const mine = (e: string) => admin || caller.estateIds.includes(e)
      if (wanted.some((e) => !mine(e)))
        return { ok: false, code: 'FORBIDDEN', message: '只能把员工安排到您任职的小区' }
      // what the caller cannot see stays as it was
      const kept = target.estateIds.filter((e) => !mine(e))
      const estateIds = [...kept, ...wanted.filter((e) => !kept.includes(e))]
      if (estateIds.length === 0)
        return { ok: false, code: 'INVALID_INPUT', message: '至少保留一个任职小区', field: 'estateIds' }
      patch.estateIds = estateIds
    }
  }
  return { ok: true, patch }
}

/**
 * Why `caller` may not disable `target`, or null. Disabling reaches every estate of the person,
 * so a supervisor disables only people who work in none but the supervisor's own estates (else
 * they take the person off their estate, or an admin disables them).
 */
export function disableProblem(
  caller: Pick<Staff, '_id' | 'roles'> & { estateIds?: readonly string[] },
  target: Pick<Staff, '_id' | 'roles' | 'active'> & { estateIds?: readonly string[] }
): { code: 'FORBIDDEN' | 'CONFLICT'; message: string } | null {
  if (caller._id === target._id) return { code: 'FORBIDDEN', message: '不能停用自己的账号' }
  const reach = manageProblem(caller, target)
  if (reach) return reach
  if (!target.active) return { code: 'CONFLICT', message: '这位员工已经停用了' }
  const mine = caller.estateIds ?? []
  if (!caller.roles.includes('admin') && (target.estateIds ?? []).some((e) => !mine.includes(e)))
    return { code: 'FORBIDDEN', message: '这位员工还在其他小区任职：请把他移出本小区，或请管理员停用' }
  return null
}

/** Task statuses that hold a person: the ones a disabled person's tasks leave. */
export const HELD_TASK_STATUSES = ['assigned', 'accepted', 'inProgress'] as const

/**
 * A held task of a disabled person back to its pool: open, nobody assigned, `dept` the pool
 * (the task's own, else its work's department, else the person's; may stay empty, then the
 * supervisor assigns it), with a line in its history saying why.
 */
export function releasedTask<
  H extends { at: number; by: string; byName: string; what: string; note?: string },
  P extends string
>(
  t: { history: H[]; dept?: P },
  dept: P | undefined,
  by: { _id: string; name: string },
  personName: string,
  now: number
): { status: 'open'; assigneeId: undefined; assigneeName: undefined; dept: P | undefined; history: H[] } {
  const line = {
    at: now,
    by: by._id,
    byName: by.name,
    what: '退回任务池',
    note: `${personName} 的账号已停用，任务退回待抢单`
  } as H
  return {
    status: 'open',
    assigneeId: undefined,
    assigneeName: undefined,
    dept: t.dept ?? dept,
    history: [...t.history, line]
  }
}

/** Where a session was made: the server's mode then (demo sign-in exists only in demo mode). */
export type SessionMode = 'demo' | 'production'

/**
 * Why a stored session no longer lets anyone in, or null: revoked, expired, or made in demo mode
 * on a server that now runs in production (sessions from before modes were recorded count as
 * demo ones when they were a demo sign-in).
 */
export function sessionProblem(
  s: { revokedAt?: number; expiresAt: number; mode?: SessionMode; via: string },
  now: number,
  serverDemo: boolean
): 'SESSION_EXPIRED' | 'DEMO_DISABLED' | null {
  if (s.revokedAt || s.expiresAt <= now) return 'SESSION_EXPIRED'
  const mode = s.mode ?? (s.via === 'demo' ? 'demo' : 'production')
  if (mode === 'demo' && !serverDemo) return 'DEMO_DISABLED'
  return null
}

/** A short name of the device from its User-Agent: what 我的 and the staff list show. */
export function deviceName(ua: string | undefined): string {
  if (!ua) return '未知设备'
  const os = /iPhone|iPad/.test(ua)
    ? 'iPhone'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'Mac'
          : /Linux/.test(ua)
            ? 'Linux'
            : ''
  const app = /MicroMessenger/.test(ua)
    ? '微信'
    : /Edg\//.test(ua)
      ? 'Edge'
      : /Chrome|Chromium/.test(ua)
        ? 'Chrome'
        : /Firefox/.test(ua)
          ? 'Firefox'
          : /Safari/.test(ua)
            ? 'Safari'
            : ''
  return [os, app].filter(Boolean).join(' · ') || '浏览器'
}
