/**
 * The gate board's words: how long someone has been inside, and the handover list a guard
 * copies to the next shift. Pure (the time is passed in). Tested in test/unit/domain/gate/board.test.ts.
 */
import type { VehicleItem, VisitorItem } from '../contract'
import { VISITOR_CASE_LABELS } from './entities'
import { formatPlate } from './plates'
import { localClock } from '../time'
import { formatWhen } from '../dates'

/** 「25分钟」, 「2小时」, 「1小时5分」; '' when the entry time is not known. */
export function stayText(inAt: number | undefined, now: number): string {
  if (inAt === undefined) return ''
  const m = Math.max(0, Math.round((now - inAt) / 60_000))
  return m < 60 ? `${m}分钟` : `${Math.floor(m / 60)}小时${m % 60 ? `${m % 60}分` : ''}`
}

type HandoverVisitor = Pick<
  VisitorItem,
  'name' | 'room' | 'company' | 'case' | 'inAt' | 'idDeposited' | 'idDesc' | 'cardNo'
>
type HandoverVehicle = Pick<VehicleItem, 'plate' | 'inAt' | 'icCardNo'>

/** Who and what is inside, as text for the next shift (a time of another day says which: 昨天 21:40). */
export function handoverText(
  visitors: readonly HandoverVisitor[],
  vehicles: readonly HandoverVehicle[],
  gateName: string,
  now: number
): string {
  const lines = [`${gateName}交班清单 ${localClock(now)}`, `园内访客 ${visitors.length} 位：`]
  for (const v of visitors)
    lines.push(
      `- ${v.name}（${v.room ?? v.company ?? VISITOR_CASE_LABELS[v.case]}）${formatWhen(v.inAt, now)}进入${v.idDeposited ? '，押' + v.idDesc : ''}${v.cardNo ? '，来访卡' + v.cardNo : ''}`
    )
  lines.push(`园内外来车辆 ${vehicles.length} 辆：`)
  for (const x of vehicles)
    lines.push(
      `- ${formatPlate(x.plate)} ${x.inAt ? formatWhen(x.inAt, now) : ''}入场${x.icCardNo ? '，IC卡' + x.icCardNo : ''}`
    )
  return lines.join('\n')
}

type OverstayVisitor = Pick<VisitorItem, 'name' | 'room' | 'company' | 'inAt' | 'gate' | 'byName' | 'phone'>

/** The supervisor's overstay card: its title and one line pair per visitor still inside past the limit. */
export function overstayLines(
  visitors: readonly OverstayVisitor[],
  overstayHours: number,
  now: number
): { title: string; rows: { title: string; detail: string }[] } {
  return {
    title: `${visitors.length} 位访客超过${overstayHours}小时未离开`,
    rows: visitors.map((v) => ({
      title: `${v.name} · ${v.room ?? v.company ?? ''}`,
      detail: `${formatWhen(v.inAt, now)} 从${v.gate}进入 · 登记人 ${v.byName}${v.phone ? ' · ' + v.phone : ''}`
    }))
  }
}
