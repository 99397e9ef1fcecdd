import {
  cellText,
  mapHeader,
  parseCsv,
  parseRoomTable,
  planImport,
  roomKey,
  roomLabel,
  sheetKind,
  type Cell,
  type ParsedRooms,
  type StoredRoom
} from '../../../../src/domain/estates/rooms'
import { decodeText, readTable } from '../../../../src/cloud/estates/sheet'
import { csvText, gbk, roomsSheet, utf8Bom, xlsx, type Rows } from './sheets'

const parsed = (t: readonly (readonly Cell[])[]): ParsedRooms => {
  const p = parseRoomTable(t)
  if ('problem' in p) throw new Error(p.problem)
  return p
}

describe('header', () => {
  it('maps the Chinese names a company uses, in any order, ignoring spaces and a trailing colon', () => {
    expect(mapHeader(['电话', ' 房 号 ', '栋', '单元：', '业主姓名'])).toEqual({
      columns: { phone: 0, room: 1, building: 2, unit: 3, owner: 4 }
    })
    expect(mapHeader(['楼栋', '房间', '手机'])).toEqual({ columns: { building: 0, room: 1, phone: 2 } })
  })
  it('says which column is missing', () => {
    const r = mapHeader(['单元', '业主'])
    expect('problem' in r && r.problem).toMatch(/缺少“楼栋”“房号”列/)
  })
})

describe('rows', () => {
  it('keeps rows as people write them: 1栋 2单元 101室 and full-width digits are the same room', () => {
    const p = parsed([
      ['楼栋', '单元', '房号', '业主', '电话'],
      ['1栋', '2单元', '101室', '张三', '138 0013 8000'],
      ['２', '1', '１０２', '', ''],
      [3, null, 301, null, '0755-12345678']
    ])
    expect(p.errors).toEqual([])
    expect(p.rows.map(roomLabel)).toEqual(['1-2-101', '2-1-102', '3-301'])
    expect(p.rows[0]).toMatchObject({ row: 2, ownerName: '张三', ownerPhone: '13800138000' })
    expect(p.rows[1].ownerName).toBeUndefined()
    expect(p.rows[2]).toMatchObject({ unit: '', ownerPhone: '0755-12345678' })
  })

  it('an error per bad row with its row number and a Chinese reason; blank rows skipped; good rows kept', () => {
    const p = parsed([
      ['楼栋', '单元', '房号', '电话'],
      ['1', '1', '101', ''],
      ['', '1', '102', ''],
      [null, null, null, null],
      ['1', '1', '', '12345'],
      ['1', '1', '101', ''],
      ['1', '1', '1#01', ''],
      ['1', '1', '104', '13800138000']
    ])
    expect(p.rows.map(roomLabel)).toEqual(['1-1-101', '1-1-104'])
    expect(p.errors).toEqual([
      { row: 3, reason: '楼栋为空' },
      { row: 5, reason: '房号为空；电话“12345”不是手机号或座机号' },
      { row: 6, reason: '与第2行是同一房间（1-1-101）' },
      { row: 7, reason: '房号“1#01”格式不正确' }
    ])
  })

  it('refuses an empty sheet and a header alone', () => {
    expect(parseRoomTable([])).toEqual({ problem: '表格是空的' })
    expect(parseRoomTable([['楼栋', '单元', '房号']])).toEqual({ problem: '表格只有表头，没有房间' })
  })

  it('numbers from a sheet read as text without decimals', () => {
    expect(cellText(101)).toBe('101')
    expect(cellText(null)).toBe('')
    expect(cellText(' Ａ座 ')).toBe('A座')
  })
})

describe('plan', () => {
  it('counts new, updated and unchanged; a blank owner in the sheet keeps the stored one', () => {
    const p = parsed([
      ['楼栋', '单元', '房号', '业主', '电话'],
      ['1', '1', '101', '张三', '13800138000'],
      ['1', '1', '102', '李四', ''],
      ['1', '1', '103', '', ''],
      ['1', '1', '104', '', '']
    ])
    const stored = new Map<string, StoredRoom>([
      [
        roomKey({ building: '1', unit: '1', no: '101' }),
        { building: '1', unit: '1', no: '101', ownerName: '张三', ownerPhone: '13800138000' }
      ],
      [
        roomKey({ building: '1', unit: '1', no: '102' }),
        { building: '1', unit: '1', no: '102', ownerName: '王五' }
      ],
      [
        roomKey({ building: '1', unit: '1', no: '103' }),
        { building: '1', unit: '1', no: '103', ownerName: '赵六' }
      ]
    ])
    const plan = planImport(p.rows, stored)
    expect(plan.counts).toEqual({ new: 1, updated: 1, unchanged: 2 })
    expect(plan.writes.map((w) => [roomLabel(w.row), w.change])).toEqual([
      ['1-1-102', 'updated'],
      ['1-1-104', 'new']
    ])
  })
})

describe('CSV', () => {
  it('quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a last line without one', () => {
    expect(parseCsv('a,"b,1","c ""x"""\r\n1,"2\n3",4')).toEqual([
      ['a', 'b,1', 'c "x"'],
      ['1', '2\n3', '4']
    ])
  })
  it('tab-separated when the header has tabs and no commas', () => {
    expect(parseCsv('楼栋\t单元\t房号\n1\t1\t101\n')).toEqual([
      ['楼栋', '单元', '房号'],
      ['1', '1', '101']
    ])
  })
  it('decodes UTF-8 with a BOM, plain UTF-8 and GBK alike', () => {
    const text = csvText([
      ['楼栋', '单元', '房号', '业主'],
      ['1', '1', '101', '欧阳娜娜']
    ])
    for (const bytes of [utf8Bom(text), Buffer.from(text, 'utf8'), gbk(text)])
      expect(decodeText(bytes)).toBe(text)
    expect(gbk('楼栋')).toEqual(Buffer.from([0xc2, 0xa5, 0xb6, 0xb0]))
  })
  it('knows an .xlsx by its zip header and refuses an old .xls', () => {
    expect(sheetKind('a.xlsx', Buffer.from('PK\x03\x04', 'latin1'))).toBe('xlsx')
    expect(sheetKind('a.csv', Buffer.from('楼栋'))).toBe('csv')
    expect(sheetKind('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({
      problem: expect.stringMatching(/不支持旧版 \.xls/)
    })
    expect(sheetKind('a.xlsx', Buffer.from('hello'))).toEqual({ problem: '文件不是有效的 .xlsx 表格' })
  })
})

describe('real files', () => {
  const sheet: Rows = [
    ['栋', '单元', '房间', '业主', '电话'],
    [1, 1, 101, '张三', '13800138000'],
    [1, 1, 102, null, null],
    [1, 2, null, '李四', null]
  ]
  const expectRooms = (p: ParsedRooms) => {
    expect(p.rows.map(roomLabel)).toEqual(['1-1-101', '1-1-102'])
    expect(p.rows[0]).toMatchObject({ ownerName: '张三', ownerPhone: '13800138000' })
    expect(p.errors).toEqual([{ row: 4, reason: '房号为空' }])
  }
  it('an .xlsx written by write-excel-file', async () => {
    expectRooms(parsed(await readTable('房间.xlsx', await xlsx(sheet))))
  })
  it('a CSV in GBK and in UTF-8 with a BOM', async () => {
    expectRooms(parsed(await readTable('房间.csv', gbk(csvText(sheet)))))
    expectRooms(parsed(await readTable('房间.csv', utf8Bom(csvText(sheet)))))
  })
  it('a broken .xlsx is refused in Chinese', async () => {
    const bad = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 1)])
    await expect(readTable('a.xlsx', bad)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
  it('5,000 rooms from an .xlsx and from a GBK CSV: every room, no errors', async () => {
    const rows = roomsSheet(5000)
    for (const file of [
      await readTable('5000.xlsx', await xlsx(rows)),
      await readTable('5000.csv', gbk(csvText(rows)))
    ]) {
      const p = parsed(file)
      expect(p.errors).toEqual([])
      expect(p.rows).toHaveLength(5000)
      expect(new Set(p.rows.map(roomKey)).size).toBe(5000)
      expect(p.rows[4999]).toMatchObject({ row: 5001, building: '25', unit: '2', no: '2504' })
    }
  })
})
