/**
 * Real spreadsheet files made in the test: an .xlsx written by write-excel-file, CSV in UTF-8
 * (with a BOM, as Excel saves "CSV UTF-8") and in GBK (as Excel and WPS save a Chinese CSV).
 */
import writeXlsxFile from 'write-excel-file/node'

let gbkTable: Map<string, number[]> | undefined
/** GBK bytes of `text`: the encoder is the inverse of Node's own GBK decoder (full ICU). */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map()
    const dec = new TextDecoder('gbk')
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue
        const ch = dec.decode(new Uint8Array([a, b]))
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b])
      }
  }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    if (code < 0x80) out.push(code)
    else {
      const bytes = gbkTable.get(ch)
      if (!bytes) throw new Error(`no GBK for ${ch}`)
      out.push(...bytes)
    }
  }
  return Buffer.from(out)
}

export type Rows = (string | number | null)[][]

/** CSV text of rows (fields with commas or quotes quoted). */
export function csvText(rows: Rows, eol = '\r\n'): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v)
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return rows.map((r) => r.map(field).join(',')).join(eol) + eol
}

export function utf8Bom(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
}

/** An .xlsx of one sheet; numbers stay numbers (as a company's sheet has them). */
export async function xlsx(rows: Rows): Promise<Buffer> {
  const data = rows.map((r) => r.map((v) => (v === null ? null : { value: v })))
  return writeXlsxFile(data as never).toBuffer()
}

/** `n` rooms: buildings of 2 units × 25 floors × 4 rooms (200 a building), every third with an owner. */
export function roomsSheet(n: number, header: string[] = ['楼栋', '单元', '房号', '业主姓名', '手机']): Rows {
  const rows: Rows = [header]
  for (let i = 0; i < n; i++) {
    const building = Math.floor(i / 200) + 1
    const unit = Math.floor((i % 200) / 100) + 1
    const floor = Math.floor((i % 100) / 4) + 1
    const no = floor * 100 + (i % 4) + 1
    const owner = i % 3 === 0
    rows.push([
      building,
      unit,
      no,
      owner ? `业主${i}` : null,
      owner ? `139${String(i).padStart(8, '0')}` : null
    ])
  }
  return rows
}

/** The file as the app sends it. */
export function asInput(name: string, bytes: Buffer): { name: string; data: string } {
  return { name, data: bytes.toString('base64') }
}
