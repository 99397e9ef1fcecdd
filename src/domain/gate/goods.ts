/**
 * Goods leaving the estate: what a guard must have checked before a release, and what a
 * finished check needs. The same list the server enforces, so the phone can say it first.
 */

export interface GoodsReleaseCheck {
  /** a system release pass, or else a paper slip's number */
  passId?: string
  slipNo?: string
  itemsMatch: boolean
  signatureOk: boolean
  stampOk: boolean
  authorityOk: boolean
  lorry: boolean
  lorryOpened?: boolean
}

/** Why these goods may not be released yet (empty: they may), each in Chinese. */
export function goodsReleaseProblems(c: GoodsReleaseCheck): string[] {
  const missing: string[] = []
  if (!c.passId && !c.slipNo) missing.push('没有放行条的物品不能放行')
  if (!c.itemsMatch) missing.push('物品与放行条不符')
  if (!c.signatureOk) missing.push('签名未核对')
  if (!c.stampOk) missing.push('未加盖管理中心印章')
  if (!c.authorityOk) missing.push('签名人无此权限')
  if (c.lorry && !c.lorryOpened) missing.push('货车未开箱检查')
  return missing
}

/** A check being recorded (released or refused): the items are named, a refusal says why. */
export function goodsCheckProblem(
  result: 'released' | 'refused',
  itemCount: number,
  reason: string
): string | undefined {
  if (!itemCount) return '请填写带出的物品'
  if (result === 'refused' && !reason.trim()) return '请选择或填写拒绝放行的原因'
  return undefined
}
