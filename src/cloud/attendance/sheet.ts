/**
 * The monthly attendance sheet (考勤表) as .xlsx: one row per person per day (everyone scheduled
 * or clocked in that month, or the one person asked for), with post, schedule, in, out, late and
 * early minutes, absence and flags. write-excel-file is bundled into the admin function.
 */
import writeXlsxFile from 'write-excel-file/node'
import type { Row, SheetData } from 'write-excel-file/node'
import { daysOfMonth, SHEET_HEADER, sheetDay, type SheetRow } from '../../domain/attendance/schedule'
import type { AttendanceSheetOut, ParsedInputOf } from '../../domain/contract'
import { localDate } from '../../domain/time'
import { requireEstate, type Ctx } from '../context'
import { dayRowsOf, readSpan } from './day'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const

/** The sheet's data rows of a month (`staffId`: one person only). */
export async function monthRows(
  ctx: Ctx,
  estateId: string,
  month: string,
  staffId?: string
): Promise<SheetRow[]> {
  const days = daysOfMonth(month, localDate(ctx.now))
  if (!days.length) return []
  const span = await readSpan(ctx, estateId, days[0], days[days.length - 1])
  const byDay = days.map((d) => ({ date: d, rows: dayRowsOf(span, d, ctx.now) }))
  const ids = new Set(byDay.flatMap((d) => d.rows.map((r) => r.staffId)))
  if (staffId) {
    ids.clear()
    ids.add(staffId)
  }
  const people = [...ids]
    .map((id) => ({ id, name: span.names.get(id) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id))
  return byDay.flatMap((d) => sheetDay(d.date, d.rows, people))
}

export function sheetData(rows: SheetRow[]): SheetData {
  const head: Row = SHEET_HEADER.map((v) => ({ value: v, fontWeight: 'bold' as const }))
  const cell = (v: string | number) => ({ value: v })
  return [
    head,
    ...rows.map((r): Row => [
      cell(r.date),
      cell(r.staffName),
      cell(r.post),
      cell(r.scheduled),
      cell(r.in),
      cell(r.out),
      cell(r.lateMin),
      cell(r.earlyMin),
      cell(r.absent ? '是' : ''),
      cell(r.flags)
    ])
  ]
}

export async function monthXlsx(
  input: ParsedInputOf<'attendance.monthXlsx'>,
  ctx: Ctx
): Promise<AttendanceSheetOut> {
  const estate = requireEstate(ctx)
  const rows = await monthRows(ctx, estate._id, input.month, input.staffId)
  const buf = await writeXlsxFile(sheetData(rows), {
    sheet: '考勤',
    columns: [
      { width: 12 },
      { width: 10 },
      { width: 12 },
      { width: 20 },
      { width: 12 },
      { width: 12 },
      {},
      {},
      {},
      { width: 40 }
    ]
  }).toBuffer()
  return {
    filename: `${estate.name}-考勤-${input.month}.xlsx`,
    data: Buffer.from(buf).toString('base64'),
    mime: XLSX_MIME,
    rows: rows.length
  }
}
