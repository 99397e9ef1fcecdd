import {
  categoryBars,
  deptBars,
  hourBars,
  patrolSegments,
  pct,
  trendBars,
  trendSummary
} from '../../../../../src/pages/report/model/charts'
import { alertsOf, pictureOf, weekdayOf } from '../../../../../src/pages/report/model/pictureOf'
import type { ReportTrend, TrendPoint } from '../../../../../src/domain/report/types'
import { fixtureReport } from './fixture'

describe('report charts', () => {
  const r = fixtureReport()

  it('hour bars: visitors and cars stacked, scaled to the busiest hour (8时: 6 + 3)', () => {
    const bars = hourBars(r)
    expect(bars).toHaveLength(24)
    expect(bars[8]).toEqual({ hour: 8, visitors: 6, vehicles: 3, visitorsPct: 67, vehiclesPct: 33 })
    expect(bars[18]).toMatchObject({ visitorsPct: 0, vehiclesPct: 44 })
    expect(bars[3]).toMatchObject({ visitorsPct: 0, vehiclesPct: 0 })
  })

  it('patrol: on time, late, incomplete and missed add up to the whole bar', () => {
    const s = patrolSegments(r)
    expect(s.map((x) => [x.key, x.count])).toEqual([
      ['onTime', 4],
      ['late', 1],
      ['incomplete', 1],
      ['missed', 2]
    ])
    expect(s.reduce((a, x) => a + x.pct, 0)).toBeCloseTo(100)
    const none = patrolSegments(
      fixtureReport({ patrol: { ...r.patrol, planned: 0, done: 0, late: 0, missed: 0, incomplete: 0 } })
    )
    expect(none.every((x) => x.pct === 0)).toBe(true)
  })

  it('incidents by category, largest first, widths of the largest', () => {
    expect(categoryBars(r)).toEqual([
      { key: 'repair', label: '维修', count: 3, pct: 100 },
      { key: 'clean', label: '保洁', count: 1, pct: 33 }
    ])
  })

  it('tasks per department on one scale (the largest figure of any department)', () => {
    const [eng, clean] = deptBars(r)
    expect(eng).toMatchObject({ label: '工程部', donePct: 100, latePct: 25, rejectedPct: 0 })
    expect(clean).toMatchObject({ label: '清洁部', donePct: 50, latePct: 0, rejectedPct: 25 })
  })

  it('pct: nothing is 0, a small non-zero value still shows', () => {
    expect(pct(0, 10)).toBe(0)
    expect(pct(5, 0)).toBe(0)
    expect(pct(1, 1000)).toBe(2)
    expect(pct(10, 10)).toBe(100)
  })

  it('trend: one bar per day, a day without a figure has none; last and average of the days that have one', () => {
    const point = (day: string, v: number | null): TrendPoint =>
      ({ day, values: { missedRounds: v } }) as unknown as TrendPoint
    const t: ReportTrend = {
      estateId: 'e',
      estateName: '翠湖花园',
      points: [point('2026-11-28', 4), point('2026-11-29', null), point('2026-11-30', 2)]
    }
    const bars = trendBars(t, 'missedRounds')
    expect(bars).toEqual([
      { day: '2026-11-28', value: 4, pct: 100 },
      { day: '2026-11-29', value: null, pct: 0 },
      { day: '2026-11-30', value: 2, pct: 50 }
    ])
    expect(trendSummary(bars)).toEqual({ last: 2, avg: 3, days: 2 })
  })
})

describe('the report as its picture', () => {
  it('four tiles, the bad and warn figures that are not zero as alerts, the hours summed, the comment', () => {
    const r = fixtureReport({ comment: { text: '  加强夜巡 ', by: 's1', byName: '周主管', at: 0 } })
    const p = pictureOf(r)
    expect(p).toEqual({
      estate: '翠湖花园',
      day: '2026-11-30',
      weekday: '周一',
      tiles: [
        { label: '访客', value: '11', tone: 'plain' },
        { label: '车辆', value: '7', tone: 'plain' },
        { label: '巡更完成', value: '5/8', tone: 'bad' },
        { label: '新报事', value: '4', tone: 'bad' }
      ],
      alerts: ['漏巡 2', '超时报事 1', '迟到巡更 1', '巡更覆盖率 75%'],
      hours: expect.any(Array) as number[],
      comment: '加强夜巡',
      by: '周主管'
    })
    expect(p.hours[8]).toBe(9)
    expect(p.hours.reduce((a, b) => a + b, 0)).toBe(18)
    // a comment waiting on the phone wins over the server's
    expect(pictureOf(r, { text: '新的', byName: '吴经理' })).toMatchObject({ comment: '新的', by: '吴经理' })
  })

  it('no patrol planned: —; a clean day: no alerts', () => {
    const r = fixtureReport({
      headlines: [{ key: 'missedRounds', label: '漏巡', value: 0, display: '0', level: 'ok' }],
      patrol: { ...fixtureReport().patrol, planned: 0, done: 0, late: 0, missed: 0, incomplete: 0 }
    })
    expect(pictureOf(r).tiles[2]).toEqual({ label: '巡更完成', value: '—', tone: 'plain' })
    expect(alertsOf(r.headlines)).toEqual([])
    expect(pictureOf(r).comment).toBeUndefined()
  })

  it('weekdays in the estate time', () => {
    expect(weekdayOf('2026-11-30')).toBe('周一')
    expect(weekdayOf('2026-12-06')).toBe('周日')
  })
})
