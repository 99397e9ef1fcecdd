import { randomInt } from 'node:crypto'
import type { Estate, Staff } from '../../domain/entities'
import type { EstateBrief, StaffListItem, StaffSelf } from '../../domain/contract'
import { maskPhone } from '../../domain/privacy'
import type { DataPort } from '../data/port'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type D<T> = T & { [k: string]: any }

/** No 0/O, 1/I/L: a code read out over the phone must not be misheard. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export function newBindCode(): string {
  let s = ''
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return s
}

export function estateBrief(e: Estate): EstateBrief {
  return { id: e._id, name: e.name, company: e.company }
}

export async function staffSelf(db: DataPort, s: Staff): Promise<StaffSelf> {
  const estates: EstateBrief[] = []
  for (const id of s.estateIds) {
    const e = await db.get<D<Estate>>('estates', id)
    if (e) estates.push(estateBrief(e))
  }
  return { id: s._id, name: s.name, phone: s.phone, roles: s.roles, estates }
}

export function staffListItem(s: Staff): StaffListItem {
  return { id: s._id, name: s.name, phone: maskPhone(s.phone), roles: s.roles, bound: !!s.openid, active: s.active }
}
