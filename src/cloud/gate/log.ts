/**
 * The day's gate log for supervisors: pages of 50 in time order with the events per hour, and
 * the same lines as a CSV that opens in Excel. Filters: gate, type, guard, time of day.
 */
import type { CsvOut, GateLogPage, ParsedInputOf } from '../../domain/contract'
import { GATE_EVENT_LABELS } from '../../domain/gate/entities'
import { csvCell, hourRanges, logRange } from '../../domain/gate/rules'
import { CHINA_OFFSET_MS } from '../../domain/time'
import { timeDoubt } from '../../domain/time/eventTime'
import { requireEstate, type Ctx } from '../context'
import type { Where } from '../data/port'
import { badInput } from '../kit'
import { logItem } from './out'
import { GateRepo, LOG_PAGE } from './repo'

/** One CSV holds a busy day many times over; beyond it the export says it was cut. */
export const CSV_MAX_ROWS = 20_000
/**
 * The CSV is read a page at a time and the server turns to other requests between pages (a
 * health check stays under 100 ms during the heaviest export: test/cloud/hostile/heavy.test.ts).
 */
export const CSV_PAGE = 250

/** Lets the event loop answer other requests (I/O) before the next slice of heavy work. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

type LogFilter = Omit<ParsedInputOf<'gate.dayLog'>, 'after'>

function logQuery(
  estateId: string,
  f: LogFilter
): { where: Where; dayStart: number; gte: number; lt: number } {
  const range = logRange(f.date, f.from, f.to)
  if ('field' in range) throw badInput(range.field, range.message)
  const where: Where = { estateId, at: { gte: range.gte, lt: range.lt } }
  if (f.gate) where.gate = f.gate
  if (f.type) where.type = f.type
  if (f.by) where.by = f.by
  return { where, ...range }
}

export async function dayLog(input: ParsedInputOf<'gate.dayLog'>, ctx: Ctx): Promise<GateLogPage> {
  const repo = new GateRepo(ctx)
  const q = logQuery(requireEstate(ctx)._id, input)
  // the first page comes with the chart: events per hour, counted at the same time
  const [page, hours] = await Promise.all([
    repo.logPage(q.where, LOG_PAGE, input.after),
    input.after ? undefined : repo.hourly(q.where, hourRanges(q.dayStart, q.gte, q.lt))
  ])
  const out: GateLogPage = { items: page.items.map(logItem), next: page.next }
  if (hours) {
    out.hours = hours
    out.total = hours.reduce((a, b) => a + b, 0)
  }
  return out
}

function clockOf(at: number): string {
  return new Date(at + CHINA_OFFSET_MS).toISOString().slice(11, 19)
}

const TYPE_NAMES = { visitor: '访客', vehicle: '车辆', goods: '物品' } as const

export async function dayLogCsv(input: ParsedInputOf<'gate.dayLogCsv'>, ctx: Ctx): Promise<CsvOut> {
  const estate = requireEstate(ctx)
  const repo = new GateRepo(ctx)
  const { where } = logQuery(estate._id, input)
  const rows: string[] = [['时间', '事件', '对象', '详情', '岗亭', '门岗'].map(csvCell).join(',')]
  let after: string | undefined
  let n = 0
  let truncated = false
  for (;;) {
    await yieldToOthers()
    const page = await repo.logPage(where, CSV_PAGE, after)
    for (const e of page.items) {
      if (n >= CSV_MAX_ROWS) {
        truncated = true
        break
      }
      const cells = [
        `${input.date} ${clockOf(e.at)}`,
        GATE_EVENT_LABELS[e.event],
        e.subject,
        // a time the phone gave that was not believed: said in the line (the columns stay as they were)
        e.timeFlag ? `${e.detail} · ${timeDoubt(e.timeFlag)}` : e.detail,
        e.gate,
        e.byName
      ]
      rows.push(cells.map(csvCell).join(','))
      n++
    }
    if (truncated || !page.next) break
    after = page.next
  }
  const parts = [input.date, input.gate, input.type && TYPE_NAMES[input.type]].filter(Boolean)
  return {
    filename: `门岗记录-${estate.name}-${parts.join('-')}.csv`,
    // BOM: Excel opens UTF-8 CSV as Chinese only with it
    csv: `\uFEFF${rows.join('\r\n')}\r\n`,
    rows: n,
    truncated
  }
}
