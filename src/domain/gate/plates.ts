/**
 * Chinese licence plates. Ordinary plates have 7 characters (province, issuing letter, 5);
 * new-energy plates have 8 (small cars: D/F then 5; large vehicles: 5 digits then D/F).
 * I and O are never used, to avoid confusion with 1 and 0.
 */
export const PROVINCES = [
  '京',
  '津',
  '沪',
  '渝',
  '冀',
  '豫',
  '云',
  '辽',
  '黑',
  '湘',
  '皖',
  '鲁',
  '新',
  '苏',
  '浙',
  '赣',
  '鄂',
  '桂',
  '甘',
  '晋',
  '蒙',
  '陕',
  '吉',
  '闽',
  '贵',
  '粤',
  '青',
  '藏',
  '川',
  '宁',
  '琼'
] as const

const P = `[${PROVINCES.join('')}]`
const L = '[A-HJ-NP-Z]'
const AN = '[A-HJ-NP-Z0-9]'
const ORDINARY = new RegExp(`^${P}${L}${AN}{4}(${AN}|[挂学警])$`)
const NEV_SMALL = new RegExp(`^${P}${L}[DF]${AN}\\d{4}$`)
const NEV_LARGE = new RegExp(`^${P}${L}\\d{5}[DF]$`)

export type PlateKind = 'ordinary' | 'newEnergy'

/** Upper case, no spaces, dots or dashes: 粤b·12345 → 粤B12345. */
export function normalizePlate(raw: string): string {
  return raw.replace(/[\s·•.\-_]/g, '').toUpperCase()
}

export function plateKind(raw: string): PlateKind | undefined {
  const p = normalizePlate(raw)
  if (NEV_SMALL.test(p) || NEV_LARGE.test(p)) return 'newEnergy'
  if (ORDINARY.test(p)) return 'ordinary'
  return undefined
}

/** A Chinese message for what is wrong, or undefined when the plate is valid. */
export function plateProblem(raw: string): string | undefined {
  const p = normalizePlate(raw)
  if (!p) return '请填写车牌号'
  if (!(PROVINCES as readonly string[]).includes(p[0])) return '车牌第一位应为省份简称，如 粤'
  if (!/^[A-Z]$/.test(p[1] ?? '')) return '车牌第二位应为字母'
  if (/[IO]/.test(p.slice(1))) return '车牌中没有字母 I 和 O，请检查是否为数字 1 或 0'
  if (p.length < 7) return '车牌号位数不够（普通车牌7位，新能源8位）'
  if (p.length > 8) return '车牌号位数太多'
  if (!plateKind(p))
    return p.length === 8 ? '新能源车牌格式不正确（如 粤BD12345）' : '车牌格式不正确（如 粤B12345）'
  return undefined
}

/** 粤B·12345 for display. */
export function formatPlate(raw: string): string {
  const p = normalizePlate(raw)
  return p.length >= 3 ? `${p.slice(0, 2)}·${p.slice(2)}` : p
}
