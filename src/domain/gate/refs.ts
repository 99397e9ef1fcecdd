/**
 * The supervisor's gate reference forms (block list, owner cars, long-term permits), pure with
 * the date passed in: the first problem to show, in Chinese, or none.
 */
import { localDate } from '../time'
import { normalizePlate, plateProblem } from './plates'

const DAY = 86_400_000

/** YYYY-MM-DD n days later (estate dates). */
export function plusDays(date: string, n: number): string {
  return localDate(Date.parse(`${date}T12:00:00+08:00`) + n * DAY)
}

export interface BlockForm {
  kind: 'person' | 'plate'
  name: string
  phone: string
  idNumber: string
  idLast4: string
  plate: string
  reason: string
}
/** A block-list entry needs a reason; a plate must be a plate; a person needs something to match on. */
export function blockFormProblem(f: BlockForm): string | undefined {
  if (!f.reason.trim()) return '请写明原因'
  if (f.kind === 'plate') return plateProblem(normalizePlate(f.plate))
  if (!f.name.trim() && !f.phone.trim() && !f.idNumber.trim() && !f.idLast4.trim())
    return '姓名、手机号、证件号至少填一项'
  return undefined
}

/** An owner's car: a valid plate and the room. */
export function ownerCarProblem(plate: string, room: string): string | undefined {
  return plateProblem(normalizePlate(plate)) ?? (room.trim() ? undefined : '请填写房号')
}

export interface PermitForm {
  no: string
  holderName: string
  idLast4: string
  company: string
  room: string
}
/** A long-term construction permit: every field, and the holder's last four ID characters. */
export function permitFormProblem(f: PermitForm): string | undefined {
  if (!f.no.trim() || !f.holderName.trim() || !f.company.trim() || !f.room.trim())
    return '编号、持证人、施工单位、房号都要填写'
  if (!/^[0-9A-Za-z]{4}$/.test(f.idLast4.trim())) return '证件号后四位应为4位'
  return undefined
}

/**
 * A permit's validity from estate dates (YYYY-MM-DD, inclusive): from the first day's start to
 * the last day's end; it may not end before today.
 */
export function permitWindow(
  from: string,
  to: string,
  today: string
): { ok: true; validFrom: number; validTo: number } | { ok: false; problem: string } {
  const validFrom = Date.parse(`${from}T00:00:00+08:00`)
  const validTo = Date.parse(`${to}T00:00:00+08:00`) + DAY - 1
  if (Number.isNaN(validFrom) || Number.isNaN(validTo)) return { ok: false, problem: '请选择有效期' }
  if (validTo < validFrom) return { ok: false, problem: '有效期：结束日期应不早于开始日期' }
  if (to < today) return { ok: false, problem: '有效期已经过去了' }
  return { ok: true, validFrom, validTo }
}
