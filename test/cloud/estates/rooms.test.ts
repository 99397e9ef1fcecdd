/**
 * Rooms from a spreadsheet: rooms.importPreview (parsed rows, an error per bad row, counts;
 * nothing stored) → rooms.importCommit (the same parse applied, idempotent, re-import updates)
 * → rooms.list (owners' phones masked), and the gate using the imported rooms. Real files:
 * an .xlsx, CSV in GBK and UTF-8 with a BOM.
 */
import { makeHarness, code, type Harness } from '../harness'
import type { ImportCommitOut } from '../../../src/domain/contract'
import { IMPORT_BATCH } from '../../../src/domain/estates/rooms'
import { asInput, csvText, gbk, roomsSheet, utf8Bom, xlsx, type Rows } from '../../unit/domain/estates/sheets'
import { visitorInput } from '../gate/kit'

const OTHER = 'other-estate'
let passSeq = 0
/** A desk's pass for today in the demo estate (72 rooms, 1-1-101 … 3-2-602). */
const passInput = (extra: Record<string, unknown>) => ({
  id: `pass-room-${++passSeq}`,
  visitorName: '赵六',
  room: '2-1-302',
  people: 1,
  validFrom: h.clock.now,
  validTo: h.clock.now + 8 * 3600_000,
  ...extra
})
let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  await h.addEstate(OTHER, '别的小区')
  await h.addStaff('sup-e2', ['supervisor'], [OTHER])
})

const SHEET: Rows = [
  ['楼栋', '单元', '房号', '业主姓名', '手机'],
  ['8栋', '1单元', '101', '张三', '13800138000'],
  [8, 1, 102, '李四', null],
  [8, 2, null, '王五', null],
  [8, 2, 201, null, '123']
]

/** Commit calls until nothing remains, as the app does; the answers summed. */
async function commitAll(file: { name: string; data: string }, who = 'supervisor', estateId?: string) {
  const sum: ImportCommitOut = { created: 0, updated: 0, unchanged: 0, errors: 0, remaining: 0 }
  for (let calls = 1; ; calls++) {
    const r = await h.as(who).call('rooms.importCommit', { file }, { estateId, op: h.opSeq() })
    sum.created += r.created
    sum.updated += r.updated
    sum.unchanged = r.unchanged
    sum.errors = r.errors
    if (!r.remaining) return { ...sum, calls }
  }
}

describe('rooms.importPreview', () => {
  it('an .xlsx: rows with masked phones, an error per bad row, counts; nothing stored', async () => {
    const p = await h
      .as('supervisor')
      .call('rooms.importPreview', { file: asInput('房间.xlsx', await xlsx(SHEET)) })
    expect(p.counts).toEqual({ new: 2, updated: 0, unchanged: 0, errors: 2 })
    expect(p.total).toBe(4)
    expect(p.rows).toEqual([
      { row: 2, label: '8-1-101', ownerName: '张三', ownerPhone: '138****8000', change: 'new' },
      { row: 3, label: '8-1-102', ownerName: '李四', change: 'new' }
    ])
    expect(p.errors).toEqual([
      { row: 4, reason: '房号为空' },
      { row: 5, reason: '电话“123”不是手机号或座机号' }
    ])
    expect(await h.count('rooms', { building: '8' })).toBe(0)
    expect(await h.text('rooms', 'audit')).not.toContain('13800138000')
  })

  it('GBK and UTF-8-with-BOM CSVs read the same as the .xlsx', async () => {
    for (const bytes of [gbk(csvText(SHEET)), utf8Bom(csvText(SHEET))]) {
      const p = await h.as('supervisor').call('rooms.importPreview', { file: asInput('房间.csv', bytes) })
      expect(p.rows.map((r) => r.label)).toEqual(['8-1-101', '8-1-102'])
      expect(p.rows[0].ownerName).toBe('张三')
      expect(p.counts.errors).toBe(2)
    }
  })

  it('bad files are refused in Chinese: no header, an old .xls, not base64, too big', async () => {
    const noHeader = await h.as('supervisor').try('rooms.importPreview', {
      file: asInput('a.csv', Buffer.from('1,1,101\n'))
    })
    expect(noHeader).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/缺少“楼栋”“房号”列/)
    })
    const xls = await h.as('supervisor').try('rooms.importPreview', {
      file: asInput('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]))
    })
    expect(xls).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/另存为/) })
    expect(
      code(await h.as('supervisor').try('rooms.importPreview', { file: { name: 'a.csv', data: '!!!!' } }))
    ).toBe('INVALID_INPUT')
    const big = Buffer.alloc(200 * 1024, 0x41)
    expect(
      await h.as('supervisor').try('rooms.importPreview', { file: asInput('a.csv', big) })
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/文件太大/)
    })
  })

  it('only managers import, and only into their own estate', async () => {
    const file = asInput('a.csv', utf8Bom(csvText(SHEET)))
    expect(code(await h.as('guard').try('rooms.importPreview', { file }))).toBe('FORBIDDEN')
    expect(code(await h.as('guard').try('rooms.importCommit', { file }, { op: h.opSeq() }))).toBe('FORBIDDEN')
    expect(
      code(await h.as('supervisor').try('rooms.importCommit', { file }, { estateId: OTHER, op: h.opSeq() }))
    ).toBe('FORBIDDEN_ESTATE')
    expect(await h.count('rooms', { building: '8' })).toBe(0)
  })
})

describe('rooms.importCommit', () => {
  it('stores the good rows; a replay of the op is the same answer; re-importing updates instead of duplicating', async () => {
    const file = asInput('房间.xlsx', await xlsx(SHEET))
    const op = h.opSeq()
    const first = await h.as('supervisor').call('rooms.importCommit', { file }, { op })
    expect(first).toEqual({ created: 2, updated: 0, unchanged: 0, errors: 2, remaining: 0 })
    expect(await h.as('supervisor').try('rooms.importCommit', { file }, { op })).toMatchObject({
      ok: true,
      data: first
    })
    expect(await h.count('rooms', { building: '8' })).toBe(2)

    // the same file again: nothing to write
    expect(await h.as('supervisor').call('rooms.importCommit', { file }, { op: h.opSeq() })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      errors: 2,
      remaining: 0
    })
    // a new owner for 101, a new room; 102's owner kept where the sheet leaves it blank
    const next: Rows = [
      ['栋', '房间', '单元', '业主', '电话'],
      [8, 101, 1, '赵六', '13900139000'],
      [8, 102, 1, null, null],
      [8, 103, 1, null, null]
    ]
    const csv = asInput('房间.csv', gbk(csvText(next)))
    const preview = await h.as('supervisor').call('rooms.importPreview', { file: csv })
    expect(preview.counts).toEqual({ new: 1, updated: 1, unchanged: 1, errors: 0 })
    expect(await commitAll(csv)).toMatchObject({ created: 1, updated: 1, unchanged: 1, calls: 1 })
    expect(await h.count('rooms', { building: '8' })).toBe(3)

    const list = await h.as('supervisor').call('rooms.list', { building: '8' })
    expect(list.items).toEqual([
      expect.objectContaining({ label: '8-1-101', ownerName: '赵六', ownerPhone: '139****9000' }),
      expect.objectContaining({ label: '8-1-102', ownerName: '李四' }),
      expect.objectContaining({ label: '8-1-103' })
    ])
    expect(list.items[2].ownerName).toBeUndefined()
    // whole in storage, masked in every answer
    expect(JSON.stringify(list)).not.toContain('13900139000')
    expect(await h.text('rooms')).toContain('13900139000')
  })

  it('rooms are per estate: the same rooms in another estate are other rooms, and invisible here', async () => {
    const file = asInput('房间.csv', utf8Bom(csvText(SHEET)))
    await commitAll(file)
    expect(await commitAll(file, 'sup-e2', OTHER)).toMatchObject({ created: 2 })
    expect(await h.count('rooms', { building: '8' })).toBe(4)
    const mine = await h.as('supervisor').call('rooms.list', { building: '8' })
    const theirs = await h.as('sup-e2').call('rooms.list', { building: '8' }, { estateId: OTHER })
    expect(mine.items.map((r) => r.id)).not.toEqual(theirs.items.map((r) => r.id))
    expect(mine.items).toHaveLength(2)
  })

  it('a large sheet is written in batches; two managers committing the same file at once store each room once', async () => {
    const n = IMPORT_BATCH + 150
    const file = asInput('big.csv', Buffer.from(csvText(roomsSheet(n)), 'utf8'))
    const before = await h.count('rooms', { estateId: 'demo-estate' })
    const fresh = (await h.as('supervisor').call('rooms.importPreview', { file })).counts.new
    const [a, b] = await Promise.all([
      h.as('supervisor').try('rooms.importCommit', { file }, { op: h.opSeq() }),
      h.as('admin').try('rooms.importCommit', { file }, { op: h.opSeq() })
    ])
    // one may lose the race (CONFLICT / DUPLICATE): the app shows it and the person presses again
    for (const r of [a, b]) if (!r.ok) expect(['CONFLICT', 'DUPLICATE']).toContain(r.code)
    const rest = await commitAll(file)
    expect(rest.remaining).toBe(0)
    expect(await h.count('rooms', { estateId: 'demo-estate' })).toBe(before + fresh)
    expect((await h.as('supervisor').call('rooms.importPreview', { file })).counts).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: n
    })
  })
})

describe('the gate uses the imported rooms', () => {
  it('a guard lists the rooms of a building and records a visitor for an imported room', async () => {
    await commitAll(asInput('房间.xlsx', await xlsx(SHEET)))
    const rooms = await h.as('guard').call('rooms.list', { building: '8', unit: '1' })
    expect(rooms.items.map((r) => r.label)).toEqual(['8-1-101', '8-1-102'])
    expect(rooms.items[0].ownerPhone).toBe('138****8000')
    const v = await h
      .as('guard')
      .call('gate.checkIn', visitorInput({ room: rooms.items[0].label }) as never, { op: h.opSeq() })
    expect(v.room).toBe('8-1-101')
  })
})

describe('gate.checkIn checks a walk-in visitor’s room against the estate’s rooms', () => {
  const stored = (id: unknown) => h.stored<Record<string, unknown>>('visitors', String(id))

  it('a room of the estate is recorded as the app writes it (typed with spaces or full-width)', async () => {
    const input = visitorInput({ room: ' １-１-１０１ ' })
    const v = await h.as('guard').call('gate.checkIn', input as never)
    expect(v.room).toBe('1-1-101')
    expect((await stored(input.id))?.roomUnknown).toBeUndefined()
  })

  it('a room the estate does not have is refused ROOM_UNKNOWN in Chinese; nothing is stored', async () => {
    const input = visitorInput({ room: '9-9-999' })
    const e = await h.as('guard').try('gate.checkIn', input)
    expect(e).toMatchObject({ ok: false, code: 'ROOM_UNKNOWN' })
    expect(e.ok ? '' : e.message).toMatch(/本小区没有这个房号/)
    expect(await stored(input.id)).toBeUndefined()
  })

  it('a room of another estate is unknown here', async () => {
    await commitAll(asInput('房间.xlsx', await xlsx(SHEET)), 'sup-e2', OTHER)
    expect(code(await h.as('guard').try('gate.checkIn', visitorInput({ room: '8-1-101' })))).toBe(
      'ROOM_UNKNOWN'
    )
  })

  it('an estate without imported rooms takes the room as typed', async () => {
    await h.addStaff('guard-e2', ['guard'], [OTHER])
    const v = await h
      .as('guard-e2')
      .call('gate.checkIn', visitorInput({ room: '随便写的 5号' }) as never, { estateId: OTHER })
    expect(v.room).toBe('随便写的5号')
  })

  it('sent late from offline (queued 10 minutes), an unknown room is recorded and flagged, not lost', async () => {
    const input = visitorInput({ room: '9-9-999' })
    const madeAt = h.clock.now - 10 * 60_000
    const v = await h.as('guard').call('gate.checkIn', input as never, {
      op: { id: 'op-offline-room', deviceTime: madeAt },
      sentAt: h.clock.now
    })
    expect(v.status).toBe('inside')
    expect(await stored(input.id)).toMatchObject({ room: '9-9-999', roomUnknown: true })
    // the supervisor's day log says so
    expect(await h.text('gateevents')).toContain('访 9-9-999（房号未核实）')
  })

  it('a phone clock that is off does not make a fresh record look queued', async () => {
    // device clock two hours behind, but made and sent at once: refused like any fresh record
    const behind = h.clock.now - 2 * 3600_000
    const e = await h.as('guard').try('gate.checkIn', visitorInput({ room: '9-9-999' }), {
      op: { id: 'op-skewed-room', deviceTime: behind },
      sentAt: behind + 2_000
    })
    expect(code(e)).toBe('ROOM_UNKNOWN')
  })

  it('a visitor not let in is recorded with the room as written, flagged', async () => {
    const input = visitorInput({ room: '9-9-999', result: 'refused', reason: '业主不在家' })
    await h.as('guard').call('gate.checkIn', input as never)
    expect(await stored(input.id)).toMatchObject({ status: 'refused', roomUnknown: true })
  })

  it('a visitor with a pass is not checked at the gate (the desk’s room was checked when the pass was made)', async () => {
    // a pass made offline at the desk and sent late keeps its unknown room, flagged
    const p = await h.as('service').call('gate.passCreate', passInput({ room: '7-7-707' }) as never, {
      op: { id: 'op-late-pass-gate', deviceTime: h.clock.now - 10 * 60_000 },
      sentAt: h.clock.now
    })
    const v = await h
      .as('guard')
      .call('gate.checkIn', visitorInput({ source: 'pass', passId: p.id, room: p.room }) as never)
    expect(v).toMatchObject({ source: 'pass', room: '7-7-707', status: 'inside' })
  })
})

describe('gate.passCreate checks the pass’s room against the estate’s rooms, as the gate does', () => {
  it('a room of the estate makes the pass; one it does not have is refused ROOM_UNKNOWN, nothing stored', async () => {
    const good = passInput({ room: '2-1-302' })
    expect(await h.as('service').call('gate.passCreate', good as never)).toMatchObject({ room: '2-1-302' })
    const bad = passInput({ room: '9-9-999' })
    const e = await h.as('service').try('gate.passCreate', bad)
    expect(e).toMatchObject({ ok: false, code: 'ROOM_UNKNOWN' })
    expect(await h.stored('passes', bad.id)).toBeUndefined()
  })

  it('made offline and sent late, the pass is kept with its room flagged, not lost', async () => {
    const late = passInput({ room: '9-9-999' })
    await h.as('service').call('gate.passCreate', late as never, {
      op: { id: 'op-late-pass', deviceTime: h.clock.now - 10 * 60_000 },
      sentAt: h.clock.now
    })
    expect(await h.stored('passes', late.id)).toMatchObject({ room: '9-9-999', roomUnknown: true })
  })
})
