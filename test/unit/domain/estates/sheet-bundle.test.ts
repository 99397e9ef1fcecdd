/**
 * The spreadsheet reader as the cloud function carries it: src/cloud/estates/sheet.ts bundled
 * by esbuild with build-cloud's options (node16, CommonJS, minified, only wx-server-sdk left
 * out), so read-excel-file is inside the bundle, then run on a real .xlsx and a GBK CSV.
 */
import { buildSync } from 'esbuild'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { readTable as readTableType } from '../../../../src/cloud/estates/sheet'
import { csvText, gbk, xlsx } from './sheets'

const root = resolve(__dirname, '../../../..')
let dir: string
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('read-excel-file is bundled into the cloud function and reads .xlsx and GBK CSV there', async () => {
  dir = mkdtempSync(join(tmpdir(), 'gwt-sheet-bundle-'))
  const outfile = join(dir, 'sheet.js')
  buildSync({
    entryPoints: [resolve(root, 'src/cloud/estates/sheet.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    external: ['wx-server-sdk'],
    logLevel: 'silent'
  })
  const { readTable } = require(outfile) as { readTable: typeof readTableType }
  const rows = [
    ['楼栋', '单元', '房号'],
    [1, 1, 101]
  ]
  expect(await readTable('a.xlsx', await xlsx(rows))).toEqual([
    ['楼栋', '单元', '房号'],
    [1, 1, 101]
  ])
  expect(await readTable('a.csv', gbk(csvText(rows)))).toEqual([
    ['楼栋', '单元', '房号'],
    ['1', '1', '101']
  ])
})
