/** Privacy helpers shared by client and cloud: nothing here ever keeps a whole number. */

/** 138****5678; short or odd input keeps only its last 2 characters visible. */
export function maskPhone(phone: string | undefined | null): string {
  if (!phone) return ''
  const p = phone.replace(/\s+/g, '')
  if (p.length >= 11) return `${p.slice(0, 3)}****${p.slice(-4)}`
  if (p.length <= 2) return '*'.repeat(p.length)
  return `${'*'.repeat(p.length - 2)}${p.slice(-2)}`
}

export const CN_MOBILE = /^1[3-9]\d{9}$/
/** Mobile or a landline with area code, e.g. 0755-12345678. */
export const CN_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

/** A name as a guard checking a pass sees it: 张*明, 李*, 欧**娜. */
export function maskName(name: string | undefined | null): string {
  const chars = Array.from((name ?? '').trim())
  if (chars.length <= 1) return chars.join('')
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** A plate with its middle hidden: 粤B***45 (the guard compares the car in front of him). */
export function maskPlate(plate: string | undefined | null): string | undefined {
  if (!plate) return undefined
  const chars = Array.from(plate)
  if (chars.length <= 4) return `${chars[0]}${'*'.repeat(chars.length - 1)}`
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`
}

const ID18_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID18_CHECK = '10X98765432'

/** A resident ID number of 18 characters whose last one is its checksum (GB 11643). */
export function isIdNumber18(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID18_WEIGHTS[i]
  return ID18_CHECK[sum % 11] === s[17].toUpperCase()
}

/** An old-style 15-digit ID number: area, a yymmdd birth date that exists, sequence. */
function isIdNumber15(s: string): boolean {
  if (!/^\d{15}$/.test(s)) return false
  const m = Number(s.slice(8, 10))
  const d = Number(s.slice(10, 12))
  return m >= 1 && m <= 12 && d >= 1 && d <= 31
}

/**
 * Free text as it is stored: whole ID numbers (18 characters with a valid checksum, or the
 * old 15 digits) and mobile numbers typed into a note, reason or comment are masked (the
 * first and last few characters stay, so a supervisor still sees that one was there).
 * Runs of digits are taken whole: part of a longer number is left alone.
 */
export function maskFreeText(text: string): string {
  // no lookbehind: the weapp target (ES2017) has none; the character before is kept instead
  return text.replace(
    /(^|[^\dA-Za-z+])(\d{17}[\dXx]|\d{15}|1[3-9]\d{9}|\+?86[-\s]?1[3-9]\d{9})(?=[^\dA-Za-z]|$)/g,
    (_, before: string, m: string) => `${before}${maskNumber(m)}`
  )
}

function maskNumber(m: string): string {
  if (m.length === 18 && isIdNumber18(m)) return `${m.slice(0, 3)}***********${m.slice(-4)}`
  if (m.length === 15 && isIdNumber15(m)) return `${m.slice(0, 3)}********${m.slice(-4)}`
  const mobile = m.replace(/[^\d]/g, '').slice(-11)
  if (CN_MOBILE.test(mobile)) return `${m.slice(0, m.length - 11)}${maskPhone(mobile)}`
  return m
}
