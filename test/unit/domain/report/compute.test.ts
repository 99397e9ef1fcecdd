/** The daily report's figures against small hand-computed days (src/domain/report). */
import {
  attendanceSection,
  computeReport,
  gateSection,
  incidentSection,
  openAt,
  taskSection,
  type IncidentLite,
  type ReportSources
} from '../../../../src/domain/report/compute'
import { compareRows, headlinesFrom, scoreOf } from '../../../../src/domain/report/headlines'
import { FIGURE_KEYS } from '../../../../src/domain/report/types'
import { startOfLocalDate } from '../../../../src/domain/time'

const DAY = '2026-11-23'
const D0 = startOfLocalDate(DAY)
const H = 3_600_000
const M = 60_000
const at = (h: number, m = 0) => D0 + h * H + m * M

function sources(extra: Partial<ReportSources> = {}): ReportSources {
  return {
    estate: { _id: 'e1', name: '翠湖花园' },
    day: DAY,
    d0: D0,
    now: D0 + 34 * H,
    gateEvents: [],
    visitors: [],
    vehicles: [],
    goodsChecks: [],
    plans: [],
    routes: new Map(),
    rounds: [],
    scans: [],
    incidents: [],
    tasks: [],
    handovers: [],
    ...extra
  }
}

const visitor = (id: string, inAt: number, more: Record<string, unknown> = {}) =>
  ({ _id: id, inAt, status: 'left', source: 'walkin', name: id, gate: '东门', ...more }) as never

describe('gate', () => {
  it('counts ins by hour, refusals, stays open at midnight, passes, slips and block-list hits', () => {
    const g = gateSection(
      sources({
        gateEvents: [
          { at: at(9, 5), event: 'visitorIn' },
          { at: at(9, 50), event: 'visitorIn' },
          { at: at(23, 59), event: 'vehicleIn' },
          { at: at(10), event: 'visitorRefused' },
          { at: at(11), event: 'goodsRefused' },
          { at: at(24, 1), event: 'visitorIn' }, // the next day
          { at: at(-1), event: 'vehicleIn' } // the day before
        ],
        visitors: [
          visitor('a', at(9, 5), { status: 'inside' }), // still inside: counts
          visitor('b', at(9, 50), { outAt: at(25), source: 'pass', passId: 'p1' }), // left after midnight: counts
          visitor('c', at(-30), { outAt: at(8) }), // left during the day: no
          visitor('d', at(-40), { status: 'inside' }), // inside since two days: counts
          visitor('e', at(10), { status: 'refused', blockHit: { entryId: 'x', reason: '黑名单' } }),
          visitor('f', at(12), {
            outAt: at(13),
            blockHit: { entryId: 'y', reason: '黑名单' },
            blockOverride: '业主担保'
          })
        ],
        vehicles: [
          { _id: 'v1', inAt: at(20), status: 'inside', kind: 'outside', plate: '粤B1', gate: '东门' },
          { _id: 'v2', inAt: at(20), status: 'inside', kind: 'owner', plate: '粤B2', gate: '东门' } // owners do not count
        ] as never,
        goodsChecks: [
          { _id: 'g1', at: at(14), passId: 's1', result: 'released' },
          { _id: 'g2', at: at(15), result: 'released' },
          { _id: 'g3', at: at(16), result: 'refused' }
        ]
      })
    )
    expect(g.visitorsByHour[9]).toBe(2)
    expect(g.vehiclesByHour[23]).toBe(1)
    expect(g).toMatchObject({
      visitorsIn: 2,
      vehiclesIn: 1,
      refusals: 2,
      insideAtClose: { visitors: 3, vehicles: 1 },
      passesUsed: 1,
      slipsUsed: 1,
      goodsReleased: 2,
      blockHits: 2,
      blockOverrides: 1
    })
  })
})

describe('incidents', () => {
  const inc = (id: string, reportedAt: number, more: Partial<IncidentLite> = {}): IncidentLite => ({
    _id: id,
    category: 'leak',
    categoryLabel: '漏水',
    severity: 'high',
    emergency: false,
    reportedAt,
    dueAt: reportedAt + 2 * H,
    status: 'inProgress',
    history: [],
    ...more
  })
  it('open at the end of the day: resolved later counts, resolved before does not, sent back before counts', () => {
    const end = D0 + 24 * H
    expect(openAt(inc('a', at(10)), end)).toBe(true)
    expect(openAt(inc('b', at(10), { status: 'verified', resolvedAt: at(25) }), end)).toBe(true)
    expect(openAt(inc('c', at(10), { status: 'verified', resolvedAt: at(11) }), end)).toBe(false)
    expect(
      openAt(
        inc('d', at(10), {
          status: 'reopened',
          resolvedAt: at(11),
          history: [{ at: at(12), by: 's', byName: '周主管', what: '回访：业主不满意，退回重做' }]
        }),
        end
      )
    ).toBe(true)
    expect(openAt(inc('e', at(25)), end)).toBe(false)
  })
  it('new by category (largest first), open with age, overdue', () => {
    const s = incidentSection(
      sources({
        incidents: [
          inc('a', at(9)), // due 11:00, open at midnight: overdue, 15 h old
          inc('b', at(23), { category: 'light', categoryLabel: '灯坏了', dueAt: at(25) }), // open, not yet due
          inc('c', at(10), {
            category: 'light',
            categoryLabel: '灯坏了',
            status: 'verified',
            resolvedAt: at(10, 30)
          }),
          inc('d', at(-20), { dueAt: at(-18) }) // from the day before, still open: overdue, 44 h old
        ]
      })
    )
    expect(s.new).toBe(3)
    expect(s.byCategory).toEqual([
      { category: 'light', label: '灯坏了', count: 2 },
      { category: 'leak', label: '漏水', count: 1 }
    ])
    expect(s).toMatchObject({ openCount: 3, overdue: 2 })
    expect(s.open.map((o) => [o.id, o.ageHours, o.overdue])).toEqual([
      ['d', 44, true],
      ['a', 15, true],
      ['b', 1, false]
    ])
  })
})

describe('tasks', () => {
  it('done and late per department, sent back work, a task listed twice counted once', () => {
    const t = (id: string, dept: string | undefined, dueAt: number, history: [number, string][]) =>
      ({
        _id: id,
        title: id,
        dept,
        dueAt,
        status: 'closed',
        createdAt: 0,
        history: history.map(([a, what]) => ({ at: a, by: 'x', byName: '钱工', what }))
      }) as never
    const s = taskSection(
      sources({
        tasks: [
          t('on-time', 'engineering', at(12), [[at(11), '完成']]),
          t('late', 'engineering', at(12), [[at(13), '完成']]),
          t('late', 'engineering', at(12), [[at(13), '完成']]), // the same task read twice
          t('undone', 'cleaning', at(15), []), // due in the day, never finished: late
          t('rework', 'cleaning', at(9), [
            [at(8), '完成'],
            [at(8, 30), '验收不通过'],
            [at(10), '完成']
          ]),
          t('personal', undefined, at(30), [[at(14), '完成']])
        ]
      })
    )
    expect(s.byDept).toEqual([
      { dept: 'engineering', label: '工程部', done: 2, late: 1, rejected: 0 },
      { dept: 'cleaning', label: '清洁部', done: 1, late: 2, rejected: 1 },
      { dept: 'none', label: '未分部门', done: 1, late: 0, rejected: 0 }
    ])
    expect(s).toMatchObject({ done: 4, late: 3, rejected: 1 })
  })
})

describe('attendance and headlines', () => {
  it('says not recorded without attendance, and counts late and absent with it', () => {
    expect(attendanceSection(undefined)).toEqual({
      recorded: false,
      onPost: [],
      late: 0,
      absent: 0,
      absentNames: []
    })
    const a = attendanceSection({
      rows: [
        {
          staffId: 's1',
          staffName: '张卫国',
          post: '东门岗',
          from: at(8, 12),
          late: true,
          lateMinutes: 12,
          absent: false
        },
        { staffId: 's2', staffName: '李巡', post: '巡逻', late: false, absent: true }
      ]
    })
    expect(a).toMatchObject({ recorded: true, late: 1, absent: 1, absentNames: ['李巡（巡逻）'] })
    expect(a.onPost).toEqual([
      { post: '东门岗', staffName: '张卫国', from: at(8, 12), to: undefined, late: true, lateMinutes: 12 }
    ])
  })

  it('headlines worst first: bad, then warnings, then fine, then counts; coverage by its thresholds', () => {
    const values = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<
      (typeof FIGURE_KEYS)[number],
      number | null
    >
    values.lateTasks = 2
    values.coveragePct = 79
    values.overdueIncidents = 1
    values.visitors = 40
    values.absent = null
    const hs = headlinesFrom(values)
    expect(hs.slice(0, 3).map((x) => [x.key, x.level, x.display])).toEqual([
      ['overdueIncidents', 'bad', '1'],
      ['coveragePct', 'bad', '79%'],
      ['lateTasks', 'warn', '2']
    ])
    expect(hs.find((x) => x.key === 'absent')).toMatchObject({ level: 'info', display: '未记录' })
    expect(hs.find((x) => x.key === 'missedRounds')!.level).toBe('ok')
    expect(headlinesFrom({ ...values, coveragePct: 94 }).find((x) => x.key === 'coveragePct')!.level).toBe(
      'warn'
    )
    // score: each bad 1000 plus its size (coverage: points short of 100), each warning 10
    expect(scoreOf(hs)).toBe(1000 + 1 + 1000 + 21 + 10)
  })

  it('estates side by side: the worse day first, ties by name', () => {
    // no patrol planned (coverage none): a calm day scores 0
    const zero = { ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])), coveragePct: null } as never
    const calm = headlinesFrom(zero)
    const bad = headlinesFrom({ ...(zero as object), missedRounds: 3 } as never)
    const rows = compareRows([
      { estateId: 'b', estateName: '碧水湾', headlines: calm },
      { estateId: 'c', estateName: '翠湖花园', headlines: bad },
      { estateId: 'a', estateName: '阳光里', headlines: calm }
    ])
    expect(new Set(rows.slice(1).map((r) => r.estateId))).toEqual(new Set(['a', 'b']))
    expect(rows[1].estateName.localeCompare(rows[2].estateName)).toBeLessThan(0)
    expect(rows[0].estateId).toBe('c')
    expect(rows[0].score).toBe(1003)
    expect(rows[1].score).toBe(0)
  })

  it('a quiet day: every section empty, coverage none, nothing notable', () => {
    const r = computeReport(sources())
    expect(r.patrol.coveragePct).toBeNull()
    expect(r.events).toEqual([])
    expect(r.headlines.filter((x) => x.level === 'bad' || x.level === 'warn')).toEqual([])
    expect(r.gate.visitorsByHour).toHaveLength(24)
  })
})
