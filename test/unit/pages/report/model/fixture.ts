import type { DailyReport, Headline } from '../../../../../src/domain/report/types'

const zeros = () => Array<number>(24).fill(0)
const at = (h: number) => Date.parse('2026-11-30T00:00:00+08:00') + h * 3600_000

/** A hand-made report of 翠湖花园 on 2026-11-30 (a Monday), as the cloud would give it. */
export function fixtureReport(over: Partial<DailyReport> = {}): DailyReport {
  const visitorsByHour = zeros()
  const vehiclesByHour = zeros()
  visitorsByHour[8] = 6
  visitorsByHour[9] = 3
  visitorsByHour[14] = 2
  vehiclesByHour[8] = 3
  vehiclesByHour[18] = 4
  const headlines: Headline[] = [
    { key: 'missedRounds', label: '漏巡', value: 2, display: '2', level: 'bad' },
    { key: 'overdueIncidents', label: '超时报事', value: 1, display: '1', level: 'bad' },
    { key: 'lateTasks', label: '超时任务', value: 0, display: '0', level: 'ok' },
    { key: 'lateRounds', label: '迟到巡更', value: 1, display: '1', level: 'warn' },
    { key: 'coveragePct', label: '巡更覆盖率', value: 75, display: '75%', level: 'warn' },
    { key: 'visitors', label: '访客', value: 11, display: '11', level: 'info' },
    { key: 'vehicles', label: '车辆', value: 7, display: '7', level: 'info' }
  ]
  return {
    estateId: 'demo-estate',
    estateName: '翠湖花园',
    day: '2026-11-30',
    timeZone: 'Asia/Shanghai',
    generatedAt: at(25),
    stored: true,
    headlines,
    gate: {
      visitorsIn: 11,
      vehiclesIn: 7,
      visitorsByHour,
      vehiclesByHour,
      insideAtClose: { visitors: 1, vehicles: 0 },
      passesUsed: 2,
      slipsUsed: 1,
      goodsReleased: 1,
      refusals: 1,
      blockHits: 0,
      blockOverrides: 0
    },
    patrol: {
      planned: 8,
      done: 5,
      late: 1,
      missed: 2,
      incomplete: 1,
      coveragePct: 75,
      checkpointsPlanned: 40,
      checkpointsScanned: 30,
      flaggedScans: 0,
      scansByHour: zeros(),
      flagged: []
    },
    incidents: {
      new: 4,
      newByHour: zeros(),
      byCategory: [
        { category: 'clean', label: '保洁', count: 1 },
        { category: 'repair', label: '维修', count: 3 }
      ],
      openCount: 2,
      overdue: 1,
      open: [{ id: 'i1', title: '2栋电梯异响', category: 'repair', ageHours: 30, overdue: true }]
    },
    tasks: {
      done: 6,
      late: 1,
      rejected: 1,
      byDept: [
        { dept: 'engineering', label: '工程部', done: 4, late: 1, rejected: 0 },
        { dept: 'cleaning', label: '清洁部', done: 2, late: 0, rejected: 1 }
      ]
    },
    handovers: { count: 2, accepted: 2, open: 0, withDifferences: 0, differences: [] },
    attendance: { recorded: false, onPost: [], late: 0, absent: 0, absentNames: [] },
    events: [],
    ...over
  }
}
