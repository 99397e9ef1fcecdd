/**
 * Attendance on both engines: clock-ins checked against the post's position, radius and Wi-Fi
 * (flagged, never refused; the guard's home and the supervisor's day show it), the device-time
 * rule on an offline clock-in, schedules (happy, bad input, wrong role, another estate, a
 * version conflict and two first saves at once), late and absent judged from them, the daily
 * report's `attendanceDay`, and the monthly .xlsx read back.
 */
import { readSheet } from 'read-excel-file/node'
import { makeHarness, T0, type Harness } from '../harness'
import { expectRefused } from '../../kit/expect'
import { otherEstate } from '../../kit/factories'
import { localDate } from '../../../src/domain/time'
import { attendanceDay } from '../../../src/cloud/attendance'
import type { Ctx } from '../../../src/cloud/context'
import { DEMO_ESTATE_ID } from '../../../src/cloud/seed'

const M = 60_000
let n = 0
const uid = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 8)}`
const TODAY = localDate(T0) // 2026-11-23, a Monday; T0 is 09:00 China time
/** 东门's position; 0.003° of latitude north is about 334 m away. */
const EAST = { lat: 22.54, lng: 114.05 }
const near = { lat: 22.5402, lng: 114.05, accuracyM: 10 }
const far = { lat: 22.543, lng: 114.05, accuracyM: 10 }

async function eastGateWithPlace(h: Harness, wifi?: string[]) {
  await h.as('admin').call('estates.gateSave', {
    id: 'demo-gate-1',
    name: '东门',
    kind: 'gate',
    position: { ...EAST, radiusM: 100 },
    ...(wifi ? { wifi } : {})
  })
}

describe('clocking in at the post', () => {
  it('outside the radius: recorded and flagged; the guard’s home and the supervisor’s day say so', async () => {
    const h = await makeHarness()
    await eastGateWithPlace(h)
    const s = await h
      .as('guard')
      .call('shift.start', { id: uid('shift'), post: '东门岗', where: { position: far } })
    expect(s.status).toBe('on')
    expect(s.clockIn).toMatchObject({ at: T0, flags: ['outside'], distanceM: 334 })
    const home = await h.as('guard').call('home.today', {})
    expect(home.shift?.flags).toBe('不在岗位范围内（约 334 米）')
    const day = await h.as('supervisor').call('attendance.day', { date: TODAY })
    expect(day.rows).toEqual([
      expect.objectContaining({
        staffId: 'demo-guard',
        staffName: '张卫国',
        post: '东门岗',
        status: 'unscheduled',
        flags: ['上岗：不在岗位范围内（约 334 米）']
      })
    ])
    expect(day.counts.flagged).toBe(1)
  })

  it('inside the radius: no flag; no position where the post has one: flagged, with the phone’s reason kept', async () => {
    const h = await makeHarness()
    await eastGateWithPlace(h)
    const a = await h
      .as('guard')
      .call('shift.start', { id: uid('shift'), post: '东门岗', where: { position: near } })
    expect(a.clockIn?.flags).toEqual([])
    expect((await h.as('guard').call('home.today', {})).shift?.flags).toBeUndefined()
    const end = await h
      .as('guard')
      .call('shift.end', { shiftId: a._id, where: { noPositionReason: '定位超时' } })
    expect(end.clockOut).toMatchObject({ flags: ['noPosition'], noPositionReason: '定位超时' })
  })

  it("the post's Wi-Fi: another access point or none is flagged", async () => {
    const h = await makeHarness()
    await eastGateWithPlace(h, ['AA-BB-CC-DD-EE-FF'])
    const gates = await h.as('admin').call('estates.detail', {})
    expect(gates.gates.find((g) => g.id === 'demo-gate-1')).toMatchObject({ wifi: ['aa:bb:cc:dd:ee:ff'] })
    const a = await h.as('guard').call('shift.start', {
      id: uid('shift'),
      post: '东门岗',
      where: { position: near, bssid: 'aa:bb:cc:dd:ee:ff' }
    })
    expect(a.clockIn?.flags).toEqual([])
    await h
      .as('guard')
      .call('shift.end', { shiftId: a._id, where: { position: near, bssid: '11:22:33:44:55:66' } })
    const b = await h
      .as('guard')
      .call('shift.start', { id: uid('shift'), post: '东门岗', where: { position: near } })
    expect(b.clockIn?.flags).toEqual(['noWifi'])
  })

  it('a role post with no place (巡逻) has nothing to check; an old client sending no position is flagged at a set post', async () => {
    const h = await makeHarness()
    await eastGateWithPlace(h)
    const p = await h.as('patrol').call('shift.start', { id: uid('shift'), post: '巡逻' })
    expect(p.clockIn?.flags).toEqual([])
    const g = await h.as('guard').call('shift.start', { id: uid('shift'), post: '东门岗' })
    expect(g.clockIn?.flags).toEqual(['noPosition'])
  })

  it('offline: the phone’s time is kept when plausible; a clock-in sent over 72 hours late is flagged 时间存疑', async () => {
    const h = await makeHarness()
    await eastGateWithPlace(h)
    const early = T0 - 40 * M
    const a = await h
      .as('guard')
      .call(
        'shift.start',
        { id: uid('shift'), post: '东门岗', where: { position: near } },
        { op: { id: uid('op'), deviceTime: early } }
      )
    expect(a.clockIn?.at).toBe(early)
    expect(a.clockIn?.timeFlag).toBeUndefined()
    await h.as('guard').call('shift.end', { shiftId: a._id })
    const old = T0 - 80 * 3600_000
    const b = await h
      .as('guard')
      .call(
        'shift.start',
        { id: uid('shift'), post: '东门岗', where: { position: near } },
        { op: { id: uid('op'), deviceTime: old } }
      )
    expect(b.clockIn).toMatchObject({ at: T0, timeFlag: 'tooOld' })
    expect((await h.as('guard').call('home.today', {})).shift?.flags).toMatch('时间存疑')
  })
})

const daySlot = (staffIds: string[]) => ({
  id: 'day',
  days: [1, 2, 3, 4, 5],
  start: '08:00',
  end: '20:00',
  staffIds
})

describe('schedules', () => {
  it('a supervisor sets a post’s week; late and absent follow from it; the report reads the day', async () => {
    const h = await makeHarness()
    await h.addStaff('guard-b', ['guard'])
    const saved = await h.as('supervisor').call('attendance.scheduleSave', {
      postId: 'demo-gate-1',
      slots: [daySlot(['demo-guard', 'guard-b'])],
      v: 0
    })
    expect(saved).toMatchObject({ postId: 'demo-gate-1', post: '东门岗', v: 1 })
    const list = await h.as('admin').call('attendance.schedules', {})
    expect(list.posts.find((p) => p.postId === 'demo-gate-1')?.slots).toEqual([
      daySlot(['demo-guard', 'guard-b'])
    ])
    expect(list.people.map((p) => p.id)).toContain('guard-b')

    // 张卫国 clocks in at 09:00: 60 minutes late; guard-b never comes
    await h.as('guard').call('shift.start', { id: uid('shift'), post: '东门岗', where: { position: near } })
    const during = await h.as('supervisor').call('attendance.day', { date: TODAY })
    expect(during.rows.map((r) => [r.staffId, r.status, r.lateMin])).toEqual([
      ['demo-guard', 'late', 60],
      ['guard-b', 'notArrived', 0]
    ])
    h.clock.now = T0 + 13 * 60 * M // 22:00
    const after = await h.as('supervisor').call('attendance.day', { date: TODAY })
    expect(after.counts).toMatchObject({ scheduled: 2, present: 1, late: 1, absent: 1 })
    expect(after.rows.find((r) => r.staffId === 'demo-guard')?.flags).toContain('未下岗打卡')

    // what the daily report reads
    const ctx = { db: h.db, store: h.db, now: h.clock.now } as Partial<Ctx> as Ctx
    const forReport = await attendanceDay(ctx, DEMO_ESTATE_ID, TODAY)
    expect(forReport?.rows).toEqual([
      expect.objectContaining({
        staffName: '张卫国',
        post: '东门岗',
        late: true,
        lateMinutes: 60,
        absent: false,
        from: T0
      }),
      expect.objectContaining({ staffId: 'guard-b', late: false, absent: true, scheduledFrom: T0 - 60 * M })
    ])
    expect(await attendanceDay(ctx, DEMO_ESTATE_ID, '2026-11-01')).toBeUndefined()
  })

  it('bad input, wrong role, another estate', async () => {
    const h = await makeHarness()
    await expectRefused(
      h,
      'supervisor',
      'attendance.scheduleSave',
      { postId: 'demo-gate-1', slots: [{ ...daySlot([]), days: [] }], v: 0 },
      'INVALID_INPUT'
    )
    await expectRefused(
      h,
      'supervisor',
      'attendance.scheduleSave',
      { postId: 'demo-gate-1', slots: [{ ...daySlot([]), start: '25:00' }], v: 0 },
      'INVALID_INPUT'
    )
    await expectRefused(
      h,
      'supervisor',
      'attendance.scheduleSave',
      { postId: 'demo-gate-1', slots: [{ ...daySlot([]), end: '08:00' }], v: 0 },
      'INVALID_INPUT',
      /相同/
    )
    await expectRefused(
      h,
      'guard',
      'attendance.scheduleSave',
      { postId: 'demo-gate-1', slots: [daySlot([])], v: 0 },
      'FORBIDDEN'
    )
    await expectRefused(h, 'guard', 'attendance.monthXlsx', { month: '2026-11' }, 'FORBIDDEN')
    const e2 = await otherEstate(h)
    await expectRefused(
      h,
      'supervisor',
      'attendance.scheduleSave',
      { postId: 'demo-gate-1', slots: [daySlot([e2.person('guard')])], v: 0 },
      'INVALID_INPUT',
      /不在本小区/
    )
    await e2.notFound(e2.person('supervisor'), 'attendance.scheduleSave', {
      postId: 'demo-gate-1',
      slots: [daySlot([])],
      v: 0
    })
  })

  it('a change made on an old version is a CONFLICT; two first saves at once: one wins', async () => {
    const h = await makeHarness()
    await h
      .as('supervisor')
      .call('attendance.scheduleSave', { postId: 'demo-gate-1', slots: [daySlot(['demo-guard'])], v: 0 })
    await expectRefused(
      h,
      'admin',
      'attendance.scheduleSave',
      { postId: 'demo-gate-1', slots: [daySlot([])], v: 0 },
      'CONFLICT',
      /刷新/
    )
    const both = await Promise.all([
      h
        .as('supervisor')
        .try('attendance.scheduleSave', { postId: 'demo-gate-2', slots: [daySlot(['demo-guard'])], v: 0 }),
      h.as('admin').try('attendance.scheduleSave', { postId: 'demo-gate-2', slots: [daySlot([])], v: 0 })
    ])
    expect(both.map((e) => (e.ok ? 'OK' : e.code)).sort()).toEqual(['CONFLICT', 'OK'])
  })
})

describe('the monthly sheet', () => {
  it('an admin exports the month: one row per person per day, the file opens with the right rows', async () => {
    const h = await makeHarness()
    await eastGateWithPlace(h)
    await h
      .as('supervisor')
      .call('attendance.scheduleSave', { postId: 'demo-gate-1', slots: [daySlot(['demo-guard'])], v: 0 })
    const s = await h
      .as('guard')
      .call('shift.start', { id: uid('shift'), post: '东门岗', where: { position: far } })
    h.clock.now = T0 + 10 * 60 * M // 19:00
    await h.as('guard').call('shift.end', { shiftId: s._id, where: { position: near } })
    h.clock.now = T0 + 2 * 86_400_000 // Wednesday 09:00: Tuesday was missed
    const out = await h.as('admin').call('attendance.monthXlsx', { month: '2026-11' })
    expect(out.filename).toBe('翠湖花园-考勤-2026-11.xlsx')
    expect(out.rows).toBe(25) // one person, 1-25 November
    const rows = (await readSheet(Buffer.from(out.data, 'base64'))) as unknown[][]
    expect(rows[0]).toEqual([
      '日期',
      '姓名',
      '岗位',
      '排班',
      '上岗',
      '下岗',
      '迟到(分钟)',
      '早退(分钟)',
      '缺勤',
      '异常'
    ])
    expect(rows).toHaveLength(26)
    const byDate = new Map(rows.slice(1).map((r) => [r[0], r]))
    expect(byDate.get('2026-11-23')).toEqual([
      '2026-11-23',
      '张卫国',
      '东门岗',
      '08:00-20:00',
      '09:00',
      '19:00',
      60,
      60,
      null,
      '上岗：不在岗位范围内（约 334 米）'
    ])
    expect(byDate.get('2026-11-24')?.slice(0, 4)).toEqual(['2026-11-24', '张卫国', '东门岗', '08:00-20:00'])
    expect(byDate.get('2026-11-24')?.[8]).toBe('是')
    expect(byDate.get('2026-11-22')?.[3]).toBe('休')
  })
})
