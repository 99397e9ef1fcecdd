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
