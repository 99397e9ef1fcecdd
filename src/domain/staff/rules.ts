/**
 * Rules of staff accounts: bind codes, who may grant which role, shifts, and what a person
 * sees of themselves and of colleagues. Pure: time and randomness are passed in.
 */
import type { BindCode, Estate, Shift, Staff } from '../entities'
import type { EstateBrief, StaffListItem, StaffSelf } from '../contract'
import type { ErrorCode } from '../errors'
import { maskPhone } from '../privacy'
import type { Role } from '../roles'

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

/** The roles of a new person, once each; null when the caller may not grant them (admin by an admin only). */
export function grantableRoles(callerRoles: readonly Role[], wanted: readonly Role[]): Role[] | null {
  const roles = [...new Set(wanted)]
  if (roles.includes('admin') && !callerRoles.includes('admin')) return null
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
    bound: !!s.openid,
    active: s.active
  }
}
