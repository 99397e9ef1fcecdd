/**
 * Rooms from a property company's spreadsheet: the header row mapped to our columns (the
 * Chinese names companies use), each row checked with its row number and a reason, and the
 * checked rows compared with the rooms already stored (new, changed, unchanged). Pure: the
 * cloud function turns the file's bytes into a table of cells (src/cloud/estates/sheet.ts)
 * and hands it here.
 */
import { CN_PHONE } from '../privacy'

/** Our columns; `owner` and `phone` may be absent from the sheet. */
export type RoomColumn = 'building' | 'unit' | 'room' | 'owner' | 'phone'

/** Header names a sheet may use for each column (compared without spaces, case-insensitive). */
export const ROOM_HEADERS: Record<RoomColumn, readonly string[]> = {
  building: ['楼栋', '栋', '楼号', '楼栋号', '栋号', '幢', '楼', 'building'],
  unit: ['单元', '单元号', 'unit'],
  room: ['房号', '房间', '房间号', '室', '门牌号', 'room'],
  owner: ['业主', '业主姓名', '姓名', '户主', 'owner', 'ownername'],
  phone: ['电话', '手机', '手机号', '联系电话', '业主电话', '电话号码', 'phone', 'mobile']
}

export const COLUMN_LABELS: Record<RoomColumn, string> = {
  building: '楼栋',
  unit: '单元',
  room: '房号',
  owner: '业主',
  phone: '电话'
}

/** Rows one import takes (a 5,000-room estate is one file). */
export const MAX_IMPORT_ROWS = 10_000
/** Rooms written per commit call: a CloudBase transaction stays small; the app calls again for the rest. */
export const IMPORT_BATCH = 500
/** Largest file accepted (bytes): its base64 must fit a request body of 256 KB (WeChat's callFunction advice). */
export const MAX_IMPORT_BYTES = 180 * 1024

/** A checked row, ready to store. */
export interface RoomRow {
  /** 1-based row number in the sheet, header included (what a spreadsheet program shows) */
  row: number
  building: string
  /** '' when the estate's buildings have no units */
  unit: string
  no: string
  ownerName?: string
  ownerPhone?: string
}

export interface RowError {
  row: number
  reason: string
}

export type Cell = string | number | boolean | Date | null | undefined

export interface ParsedRooms {
  rows: RoomRow[]
  errors: RowError[]
  /** which of our columns the header named, by column index */
  columns: Partial<Record<RoomColumn, number>>
}

const squash = (s: string) => s.replace(/[\s\u3000:：*＊]/g, '').toLowerCase()

/** Which column each header cell names; null with the reason when building or room is missing. */
export function mapHeader(
  header: readonly Cell[]
): { columns: Partial<Record<RoomColumn, number>> } | { problem: string } {
  const columns: Partial<Record<RoomColumn, number>> = {}
  header.forEach((cell, i) => {
    const name = squash(cellText(cell))
    if (!name) return
    for (const col of Object.keys(ROOM_HEADERS) as RoomColumn[]) {
      if (columns[col] === undefined && ROOM_HEADERS[col].some((h) => squash(h) === name)) {
        columns[col] = i
        return
      }
    }
  })
  const missing = (['building', 'room'] as const).filter((c) => columns[c] === undefined)
  if (missing.length)
    return {
      problem: `第1行应是表头，缺少“${missing.map((c) => COLUMN_LABELS[c]).join('”“')}”列（可用的列名：楼栋/栋、单元、房号/房间、业主/业主姓名、电话/手机）`
    }
  return { columns }
}

/** A cell as text: numbers without a trailing ".0", trimmed, full-width digits and letters made half-width. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell)
  if (cell instanceof Date) return ''
  return String(cell)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .trim()
}

/** Building, unit and room as people write them: "1栋" → "1", "2单元" → "2", "101室" → "101". */
export function normalizePart(s: string, suffixes: readonly string[]): string {
  let t = s.replace(/\s+/g, '')
  for (const suf of suffixes) if (t.length > suf.length && t.endsWith(suf)) t = t.slice(0, -suf.length)
  return t.toUpperCase()
}

const PART = /^[0-9A-Za-z\u4e00-\u9fa5-]{1,16}$/

/** The key a room is stored under within its estate: re-importing the same room updates it. */
export function roomKey(r: Pick<RoomRow, 'building' | 'unit' | 'no'>): string {
  return `${r.building}|${r.unit}|${r.no}`
}

/** How the app writes a room: 1-1-101 (building-unit-room), or 1-101 where there are no units. */
export function roomLabel(r: Pick<RoomRow, 'building' | 'unit' | 'no'>): string {
  return r.unit ? `${r.building}-${r.unit}-${r.no}` : `${r.building}-${r.no}`
}

function checkRow(cells: readonly Cell[], row: number, cols: ParsedRooms['columns']): RoomRow | RowError {
  const at = (c: RoomColumn) => (cols[c] === undefined ? '' : cellText(cells[cols[c]!]))
  const building = normalizePart(at('building'), ['号楼', '栋', '幢', '楼', '座'])
  const unit = normalizePart(at('unit'), ['单元'])
  const no = normalizePart(at('room'), ['室', '号', '房'])
  const ownerName = at('owner').replace(/\s+/g, ' ')
  const ownerPhone = at('phone').replace(/[\s()（）]/g, '')
  const problems: string[] = []
  if (!building) problems.push('楼栋为空')
  else if (!PART.test(building)) problems.push(`楼栋“${building}”格式不正确`)
  if (unit && !PART.test(unit)) problems.push(`单元“${unit}”格式不正确`)
  if (!no) problems.push('房号为空')
  else if (!PART.test(no)) problems.push(`房号“${no}”格式不正确`)
  if (ownerName.length > 20) problems.push('业主姓名超过20个字')
  if (ownerPhone && !CN_PHONE.test(ownerPhone)) problems.push(`电话“${ownerPhone}”不是手机号或座机号`)
  if (problems.length) return { row, reason: problems.join('；') }
  return {
    row,
    building,
    unit,
    no,
    ...(ownerName ? { ownerName } : {}),
    ...(ownerPhone ? { ownerPhone } : {})
  }
}

/**
 * A sheet's cells (first row the header) as checked rooms and an error per bad row. Blank rows
 * are skipped; a room that appears twice is an error on its second row.
 */
export function parseRoomTable(table: readonly (readonly Cell[])[]): ParsedRooms | { problem: string } {
  const headerAt = table.findIndex((r) => r.some((c) => cellText(c)))
  if (headerAt < 0) return { problem: '表格是空的' }
  const head = mapHeader(table[headerAt])
  if ('problem' in head) return head
  const rows: RoomRow[] = []
  const errors: RowError[] = []
  const seen = new Map<string, number>()
  let count = 0
  for (let i = headerAt + 1; i < table.length; i++) {
    const cells = table[i]
    if (!cells.some((c) => cellText(c))) continue
    if (++count > MAX_IMPORT_ROWS) return { problem: `一次最多导入 ${MAX_IMPORT_ROWS} 行，请按楼栋分开导入` }
    const r = checkRow(cells, i + 1, head.columns)
    if ('reason' in r) {
      errors.push(r)
      continue
    }
    const key = roomKey(r)
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push({ row: r.row, reason: `与第${first}行是同一房间（${roomLabel(r)}）` })
      continue
    }
    seen.set(key, r.row)
    rows.push(r)
  }
  if (!rows.length && !errors.length) return { problem: '表格只有表头，没有房间' }
  return { rows, errors, columns: head.columns }
}

/** A stored room as far as an import compares it. */
export interface StoredRoom {
  building: string
  unit: string
  no: string
  ownerName?: string
  ownerPhone?: string
}

export type RoomChange = 'new' | 'updated' | 'unchanged'

/**
 * What importing `row` would do to the stored room of the same key: a blank owner or phone in
 * the sheet keeps what is stored (a sheet without those columns does not wipe them).
 */
export function roomChange(row: RoomRow, have: StoredRoom | undefined): RoomChange {
  if (!have) return 'new'
  const owner = row.ownerName ?? have.ownerName
  const phone = row.ownerPhone ?? have.ownerPhone
  return owner === have.ownerName && phone === have.ownerPhone ? 'unchanged' : 'updated'
}

export interface ImportPlan {
  counts: Record<RoomChange, number>
  /** rows to write, in sheet order (new and updated) */
  writes: { row: RoomRow; change: 'new' | 'updated' }[]
}

/** Compares checked rows with the stored rooms (by `roomKey`). */
export function planImport(rows: readonly RoomRow[], stored: ReadonlyMap<string, StoredRoom>): ImportPlan {
  const counts: Record<RoomChange, number> = { new: 0, updated: 0, unchanged: 0 }
  const writes: ImportPlan['writes'] = []
  for (const row of rows) {
    const change = roomChange(row, stored.get(roomKey(row)))
    counts[change]++
    if (change !== 'unchanged') writes.push({ row, change })
  }
  return { counts, writes }
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, CRLF or LF, commas or tabs decided by the header). */
export function parseCsv(text: string): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const firstLine = src.slice(0, Math.max(0, src.search(/\r?\n/)) || src.length)
  const sep = !firstLine.includes(',') && firstLine.includes('\t') ? '\t' : ','
  const out: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else field += c
    } else if (c === '"' && field === '') quoted = true
    else if (c === sep) {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++
      row.push(field)
      out.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    out.push(row)
  }
  return out
}

/** What kind of file the bytes are: an .xlsx is a zip ("PK\x03\x04"); an old .xls is refused by name. */
export function sheetKind(name: string, head: Uint8Array): 'xlsx' | 'csv' | { problem: string } {
  const lower = name.toLowerCase()
  const zip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
  if (lower.endsWith('.xls') || (head[0] === 0xd0 && head[1] === 0xcf))
    return { problem: '不支持旧版 .xls 文件，请在 Excel 或 WPS 里“另存为” .xlsx 或 .csv 后再导入' }
  if (zip) return 'xlsx'
  if (lower.endsWith('.xlsx')) return { problem: '文件不是有效的 .xlsx 表格' }
  return 'csv'
}
