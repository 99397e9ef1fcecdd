/**
 * The guard's goods check on the phone: the items typed for a paper slip, and the check it
 * records (against a system pass, or a slip). The checklist itself is goods.ts. Pure: the page
 * passes what it holds. Tested in test/unit/domain/gate/goodsForm.test.ts.
 */
import type { GoodsSlipOut, InputOf } from '../contract'
import type { GoodsItem } from './entities'
import { goodsCheckProblem, type GoodsReleaseCheck } from './goods'

/** Items as typed: unnamed rows dropped, a quantity at least 1 (1 when not a number). */
export function typedGoodsItems(rows: readonly { name: string; qty: string }[]): GoodsItem[] {
  return rows
    .filter((i) => i.name.trim())
    .map((i) => ({ name: i.name.trim(), qty: Math.max(1, Math.floor(Number(i.qty) || 1)) }))
}

export interface GoodsCheckForm extends Omit<GoodsReleaseCheck, 'passId' | 'slipNo'> {
  /** a paper slip: its number, who carries, which room, the items as typed */
  slipNo: string
  holder: string
  room: string
  rows: readonly { name: string; qty: string }[]
  photoIds: string[]
  reason: string
}

type Pass = Pick<GoodsSlipOut, 'id' | 'holderName' | 'room' | 'items'>

/** The release check's pass part: the system pass, else the slip's number (blank: none). */
export function releaseSource(
  pass: Pass | undefined,
  slipNo: string
): Pick<GoodsReleaseCheck, 'passId' | 'slipNo'> {
  return { passId: pass?.id, slipNo: pass ? undefined : slipNo.trim() || undefined }
}

export type GoodsCheckInput = Omit<InputOf<'gate.goodsCheck'>, 'id' | 'gate'>

/** The check to record, or the problem (in Chinese) that stops it. */
export function goodsCheckRequest(
  f: GoodsCheckForm,
  pass: Pass | undefined,
  result: 'released' | 'refused'
): { input: GoodsCheckInput } | { problem: string } {
  const items = pass ? pass.items : typedGoodsItems(f.rows)
  const problem = goodsCheckProblem(result, items.length, f.reason)
  if (problem) return { problem }
  return {
    input: {
      ...releaseSource(pass, f.slipNo),
      holderName: pass ? pass.holderName : f.holder.trim() || undefined,
      room: pass ? pass.room : f.room.trim() || undefined,
      items,
      lorry: f.lorry,
      lorryOpened: f.lorry ? f.lorryOpened : undefined,
      signatureOk: f.signatureOk,
      stampOk: f.stampOk,
      authorityOk: f.authorityOk,
      itemsMatch: f.itemsMatch,
      photoIds: f.photoIds,
      result,
      reason: result === 'refused' ? f.reason.trim() : undefined
    }
  }
}
