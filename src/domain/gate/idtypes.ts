/**
 * Identity document types and what a record keeps of one. Kept apart from the hashing in
 * idcard.ts so the contract (loaded by every page) does not pull in SHA-256.
 */
export const ID_TYPES = ['idcard', 'passport', 'hkmo', 'taiwan', 'driving', 'other', 'none'] as const
export type IdType = (typeof ID_TYPES)[number]
export const ID_TYPE_LABELS: Record<IdType, string> = {
  idcard: '身份证',
  passport: '护照',
  hkmo: '港澳通行证',
  taiwan: '台胞证',
  driving: '驾驶证',
  other: '其他证件',
  none: '未出示证件'
}

export interface IdRef {
  type: IdType
  /** Last four characters, e.g. 123X. */
  last4: string
  /** sha256(salt + normalized number), hex; absent when no number was given. */
  hash?: string
}

/** 身份证 ····123X */
export function describeId(ref: IdRef | undefined): string {
  if (!ref || ref.type === 'none') return '未出示证件'
  return `${ID_TYPE_LABELS[ref.type]} ····${ref.last4}`
}
