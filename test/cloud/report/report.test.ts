/**
 * The daily report (日报) on both engines: a day of recorded activity read the next morning
 * (computed now), the supervisor's comment from the outbox, the sweep storing it at the estate's
 * report hour once (and keeping the comment), the .xlsx read back, the side-by-side worst first
 * and the trend; refusals: a day not over, a wrong role, another estate; two comments at once.
 */
import readXlsxFile from 'read-excel-file/node'
import { makeHarness, ok, T0, type Harness } from '../harness'
import { expectRefused, expectReplay } from '../../kit/expect'
import { HOUR, incident, MINUTE, otherEstate, scan, visitor } from '../../kit/factories'
import type { SweepOut } from '../../../src/domain/contract'
import type { DailyReport } from '../../../src/domain/report/types'
import { DAY_MS, localDate } from '../../../src/domain/time'

const DAY = localDate(T0) // 2026-11-23, T0 is 09:00 there
const SLOT = T0 - HOUR // the demo plan's 08:00 round

/** A day at the demo estate: two visitors in (one left), a refusal, an incident, one late round walked whole. */
async function recordedDay(h: Harness) {
  const a = await visitor(h, { name: '李四' })
  h.clock.now += 30 * MINUTE
  await visitor(h, { name: '王五' })
  await h
    .as('guard')
    .call('gate.checkOut', { visitorId: a.id, gate: '东门', idReturned: true, cardCollected: true })
  await visitor(h, { name: '推销员', case: 'canvassing', result: 'refused', reason: '推销不得入内' })
  await incident(h, { category: 'leak', place: '2栋地下室' })
  await h.as('patrol').call('patrol.start', { id: 'r-day', planId: 'demo-plan-day', slotStart: SLOT })
  for (const c of ['K2M3', 'K2M4', 'K2M5', 'K2M6']) {
    h.clock.now += 4 * MINUTE
    await scan(h, 'r-day', c, { answers: { normal: 'yes', fire: 'yes' } })
  }
  await h.as('patrol').call('patrol.end', { roundId: 'r-day' })
}

const sweep = (h: Harness) => h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' })
const fig = (r: DailyReport, key: string) => r.headlines.find((x) => x.key === key)!

describe('report', () => {
  it('the next morning: the day computed from its records, commented, stored by the sweep once, exported', async () => {
    const h = await makeHarness()
    await recordedDay(h)
    h.clock.now = T0 + DAY_MS - HOUR // 08:00 the next day
    const r = await h.as('supervisor').call('report.day', { date: DAY })
    expect(r).toMatchObject({ estateId: 'demo-estate', day: DAY, stored: false, estateName: '翠湖花园' })
    expect(r.gate).toMatchObject({ visitorsIn: 2, refusals: 1, insideAtClose: { visitors: 1, vehicles: 0 } })
    expect(r.gate.visitorsByHour[9]).toBe(2)
    // 12 two-hour slots, one walked (started an hour into its slot: late), the other 11 missed
    expect(r.patrol).toMatchObject({ planned: 12, done: 1, late: 1, missed: 11, checkpointsScanned: 4 })
    expect(r.patrol.coveragePct).toBe(Math.round((4 / 48) * 100))
    expect(r.incidents).toMatchObject({ new: 1, openCount: 1, overdue: 1 })
    expect(r.incidents.byCategory).toEqual([{ category: 'leak', label: '漏水', count: 1 }])
    expect(r.attendance.recorded).toBe(false)
    expect(r.headlines[0]).toMatchObject({ key: 'missedRounds', value: 11, level: 'bad' })
    expect(fig(r, 'absent')).toMatchObject({ value: null, display: '未记录' })
    expect(r.events.map((e) => e.text)).toContain('报事：漏水 · 2栋地下室')

    // the supervisor's comment, an outbox write (replayed the same), before the timer stored it
    const c = await expectReplay(h, 'supervisor', 'report.comment', {
      date: DAY,
      comment: '漏巡多，已找巡逻班长'
    })
    expect(c).toMatchObject({ text: '漏巡多，已找巡逻班长', byName: '周主管' })

    // 08:07 the next day: the sweep stores the report (report hour 8) and keeps the comment; again: nothing more
    h.clock.now = T0 + DAY_MS - HOUR + 7 * MINUTE
    expect(ok<SweepOut>(await sweep(h)).reports).toBe(1)
    expect(ok<SweepOut>(await sweep(h)).reports).toBe(0)
    expect(await h.count('reports', { day: DAY })).toBe(1)
    const stored = await h.as('admin').call('report.day', { date: DAY })
    expect(stored).toMatchObject({ stored: true, comment: { text: '漏巡多，已找巡逻班长' } })
    expect(stored.headlines).toEqual(r.headlines)

    const x = await h.as('supervisor').call('report.xlsx', { date: DAY })
    expect(x.filename).toBe(`日报-翠湖花园-${DAY}.xlsx`)
    const bytes = Buffer.from(x.data, 'base64')
    const sheets = (await readXlsxFile(bytes)) as unknown as { sheet: string; data: unknown[][] }[]
    expect(sheets.map((s) => s.sheet)).toEqual([
      '概要',
      '门岗',
      '巡更',
      '报事',
      '任务',
      '交接班',
      '考勤',
      '事件'
    ])
    const data = (name: string) => sheets.find((s) => s.sheet === name)!.data
    expect(data('概要')).toContainEqual(['主管点评', '漏巡多，已找巡逻班长（周主管）'])
    expect(data('概要')).toContainEqual(['漏巡', 11])
    expect(data('门岗')).toContainEqual(['09:00', 2, 0])
    expect(data('考勤')).toEqual([['未记录考勤']])
  })

  it('the sweep waits for the estate’s report hour', async () => {
    const h = await makeHarness()
    await h.as('admin').call('estates.update', { settings: { overstayHours: 4, reportHour: 10 } })
    h.clock.now = T0 + DAY_MS - 2 * MINUTE // 08:58 the next day
    expect(ok<SweepOut>(await sweep(h)).reports ?? 0).toBe(0)
    h.clock.now = T0 + DAY_MS + HOUR // 10:00
    expect(ok<SweepOut>(await sweep(h)).reports).toBe(1)
  })

  it('attendance from the attendance area: who was on which post, late, absent', async () => {
    const h = await makeHarness()
    await h.addStaff('guard-b', ['guard'])
    // T0 is a Monday; 08:00-20:00 at 东门岗 for 张卫国 and guard-b
    const slot = { id: 'day', days: [1], start: '08:00', end: '20:00', staffIds: ['demo-guard', 'guard-b'] }
    await h.as('supervisor').call('attendance.scheduleSave', { postId: 'demo-gate-1', slots: [slot], v: 0 })
    await h.as('guard').call('shift.start', { id: 'shift-att', post: '东门岗' }) // 09:00: an hour late
    h.clock.now = T0 + DAY_MS
    const r = await h.as('supervisor').call('report.day', { date: DAY })
    expect(r.attendance).toMatchObject({
      recorded: true,
      late: 1,
      absent: 1,
      absentNames: ['员工guard-b（东门岗）']
    })
    expect(r.attendance.onPost).toEqual([
      expect.objectContaining({ post: '东门岗', staffName: '张卫国', late: true, lateMinutes: 60 })
    ])
    expect(fig(r, 'absent')).toMatchObject({ value: 1, level: 'bad' })
    expect(r.events.map((e) => e.text)).toEqual(
      expect.arrayContaining(['缺勤：员工guard-b（东门岗）', '迟到 60 分钟：张卫国（东门岗）'])
    )
  })

  it('refuses a day not over yet, a role that is not a manager, and another estate', async () => {
    const h = await makeHarness()
    await expectRefused(h, 'supervisor', 'report.day', { date: DAY }, 'INVALID_INPUT', /还没过完/)
    await expectRefused(
      h,
      'supervisor',
      'report.comment',
      { date: DAY, comment: '好' },
      'INVALID_INPUT',
      /还没过完/
    )
    await expectRefused(h, 'supervisor', 'report.day', { date: '2026-02-30' }, 'INVALID_INPUT', /日期/)
    h.clock.now = T0 + DAY_MS
    for (const who of ['guard', 'patrol', 'cleaner', 'service'] as const)
      await expectRefused(h, who, 'report.day', { date: DAY }, 'FORBIDDEN')
    const e2 = await otherEstate(h)
    await expectRefused(h, e2.person('supervisor'), 'report.day', { date: DAY }, 'FORBIDDEN_ESTATE')
    await expectRefused(
      h,
      e2.person('supervisor'),
      'report.comment',
      { date: DAY, comment: '看看' },
      'FORBIDDEN_ESTATE'
    )
    // a manager of e2 compares only e2
    const rows = await h.as(e2.person('supervisor')).call('report.compare', { date: DAY })
    expect(rows.map((x) => x.estateId)).toEqual([e2.id])
  })

  it('managers compare their estates worst first; the trend has one point a day up to yesterday', async () => {
    const h = await makeHarness()
    const e2 = await otherEstate(h)
    await recordedDay(h)
    h.clock.now = T0 + DAY_MS
    const rows = await h.as(e2.both('supervisor')).call('report.compare', { date: DAY })
    // the demo estate missed 11 rounds and has an overdue incident; e2 has no plan and no records
    expect(rows.map((x) => x.estateName)).toEqual(['翠湖花园', '别的小区'])
    expect(rows[0].score).toBeGreaterThan(rows[1].score)
    const t = await h.as('supervisor').call('report.trend', { days: 3 })
    expect(t.points.map((p) => p.day)).toEqual([localDate(T0 - 2 * DAY_MS), localDate(T0 - DAY_MS), DAY])
    expect(t.points[2].values).toMatchObject({ visitors: 2, missedRounds: 11, newIncidents: 1 })
    expect(t.points[0].values.visitors).toBe(0)
    // 30 days: the newest 5 not stored are computed now (and kept once final), the rest wait for the sweep
    const month = await h.as('supervisor').call('report.trend', { days: 30 })
    expect(month.points.filter((p) => p.missing).map((p) => p.day)).toEqual(
      month.points.slice(0, 25).map((p) => p.day)
    )
    expect(month.points[29].values.missedRounds).toBe(11)
  })

  it('two supervisors comment at once: both answered, one comment kept; a comment racing the sweep is kept', async () => {
    const h = await makeHarness()
    await h.addStaff('sup-2', ['supervisor'])
    h.clock.now = T0 + DAY_MS + HOUR
    const [a, b, swept] = await Promise.all([
      h.as('supervisor').try('report.comment', { date: DAY, comment: '甲的点评' }),
      h.as('sup-2').try('report.comment', { date: DAY, comment: '乙的点评' }),
      sweep(h)
    ])
    const answered = [a, b].filter((e) => e.ok)
    // at least one answer; a loser is a CONFLICT the outbox sends again
    expect(answered.length).toBeGreaterThanOrEqual(1)
    for (const e of [a, b]) if (!e.ok) expect(e.code).toBe('CONFLICT')
    expect(swept.ok).toBe(true)
    ok<SweepOut>(await sweep(h))
    const r = await h.as('supervisor').call('report.day', { date: DAY })
    expect(r.stored).toBe(true)
    expect(['甲的点评', '乙的点评']).toContain(r.comment?.text)
    expect(await h.count('reports', { day: DAY })).toBe(1)
  })

  it('a comment is a short text: too long or empty is refused', async () => {
    const h = await makeHarness()
    h.clock.now = T0 + DAY_MS
    await expectRefused(
      h,
      'supervisor',
      'report.comment',
      { date: DAY, comment: '长'.repeat(201) },
      'INVALID_INPUT'
    )
    await expectRefused(h, 'supervisor', 'report.comment', { date: DAY, comment: '  ' }, 'INVALID_INPUT')
    await expectRefused(h, 'supervisor', 'report.trend', { days: 31 }, 'INVALID_INPUT')
  })
})
