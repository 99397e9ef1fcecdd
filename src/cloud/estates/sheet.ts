/**
 * A spreadsheet's bytes as a table of cells, in the cloud function (never in the mini program):
 * .xlsx through read-excel-file (its Node entry; esbuild bundles it into the `admin` function),
 * .csv as text decoded UTF-8 (with or without a BOM) when the bytes are valid UTF-8, else GBK
 * (what Excel and WPS save a Chinese CSV as), then parsed by the domain's CSV reader.
 */
import { readSheet } from 'read-excel-file/node'
import { AppError } from '../../domain/errors'
import { parseCsv, sheetKind, type Cell } from '../../domain/estates/rooms'

/** Text of a CSV file: UTF-8 BOM, else valid UTF-8, else GBK (Node's full ICU decodes it). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/** The first sheet of an .xlsx, or the rows of a CSV, as cells; INVALID_INPUT with the reason otherwise. */
export async function readTable(name: string, bytes: Buffer): Promise<Cell[][]> {
  const kind = sheetKind(name, bytes.subarray(0, 8))
  if (typeof kind !== 'string') throw new AppError('INVALID_INPUT', kind.problem)
  if (kind === 'csv') {
    if (bytes.includes(0))
      throw new AppError('INVALID_INPUT', '文件不是文本格式的 .csv，请另存为 .xlsx 或 .csv')
    return parseCsv(decodeText(bytes))
  }
  try {
    return (await readSheet(bytes)) as Cell[][]
  } catch {
    throw new AppError('INVALID_INPUT', '读不出这个 .xlsx 文件，请在 Excel 或 WPS 里打开后重新保存再导入')
  }
}

/** The base64 the app sent, as bytes. */
export function fileBytes(data: string): Buffer {
  return Buffer.from(data, 'base64')
}
