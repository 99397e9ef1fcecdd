/**
 * Identity documents at the gate. The whole number is never stored: a record keeps the
 * document type, the last four characters (what a guard reads back) and a salted SHA-256
 * hash, which is enough to match a block-list entry and nothing more.
 */
import { sha256Hex } from '../sha256'

export { ID_TYPES, ID_TYPE_LABELS, describeId, type IdType, type IdRef } from './idtypes'
import type { IdRef, IdType } from './idtypes'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase()
}

/** Mainland resident ID: 18 characters, a real date of birth, and the check digit. */
export function idCardProblem(raw: string): string | undefined {
  const n = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(n)) return '身份证号应为18位（最后一位可以是X）'
  const y = +n.slice(6, 10)
  const m = +n.slice(10, 12)
  const d = +n.slice(12, 14)
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return '身份证号中的出生日期不正确'
  const sum = WEIGHTS.reduce((s, w, i) => s + w * +n[i], 0)
  if (CHECK[sum % 11] !== n[17]) return '身份证号校验位不正确，请核对'
  return undefined
}

export function hashIdNumber(raw: string, salt: string): string {
  // our own SHA-256 over our own UTF-8 bytes: phones have no TextEncoder, iOS 11 no BigInt
  return sha256Hex(`${salt}:${normalizeIdNumber(raw)}`)
}

/**
 * What a record keeps of a document. For a resident ID the number must be valid; other
 * documents need at least four characters. Returns a Chinese problem instead when not.
 */
export function idRef(type: IdType, raw: string | undefined, salt: string): IdRef | { problem: string } {
  if (type === 'none') return { type, last4: '' }
  const n = normalizeIdNumber(raw ?? '')
  if (!n) return { problem: '请填写证件号码' }
  if (type === 'idcard') {
    const p = idCardProblem(n)
    if (p) return { problem: p }
  } else if (n.length < 4 || !/^[0-9A-Z-]+$/.test(n)) return { problem: '证件号码格式不正确' }
  return { type, last4: n.slice(-4), hash: hashIdNumber(n, salt) }
}
