import {
  checkPlace,
  normalizeBssid,
  placeFlagText,
  postNameOf,
  type PostPlace
} from '../../../../src/domain/attendance/place'
import {
  clockOnDay,
  daysOfMonth,
  daysText,
  expectedOn,
  judgeDay,
  scheduleProblem,
  sheetDay,
  type Attended,
  type PostSchedule
} from '../../../../src/domain/attendance/schedule'

/** 2026-11-23 is a Monday; China time is UTC+8. */
const at = (date: string, hhmm: string) => Date.parse(`${date}T${hhmm}:00+08:00`)

describe('checkPlace', () => {
  const post: PostPlace = { position: { lat: 22.54, lng: 114.05 }, radiusM: 100 }
  // 0.001° of latitude is about 111 m
  const near = { lat: 22.5405, lng: 114.05, accuracyM: 10 }
  const far = { lat: 22.543, lng: 114.05, accuracyM: 10 }

  it('inside the radius: no flag, the distance kept', () => {
    expect(checkPlace(post, { position: near })).toEqual({ flags: [], distanceM: 56 })
  })

  it('outside the radius (beyond the phone accuracy, at most 50 m of it): flagged', () => {
    const c = checkPlace(post, { position: far })
    expect(c.flags).toEqual(['outside'])
    expect(c.distanceM).toBe(334)
    expect(placeFlagText(c)).toBe('不在岗位范围内（约 334 米）')
    // 120 m away with ±30 m: within 100 + 30
    expect(checkPlace(post, { position: { lat: 22.54108, lng: 114.05, accuracyM: 30 } }).flags).toEqual([])
    // a fix of ±2 km counts for 50 m only
    expect(checkPlace(post, { position: { ...far, accuracyM: 2000 } }).flags).toEqual(['outside'])
  })

  it('no position where the post has one; no check where it has none', () => {
    expect(checkPlace(post, {}).flags).toEqual(['noPosition'])
    expect(checkPlace({}, {}).flags).toEqual([])
    expect(checkPlace(undefined, { position: near }).flags).toEqual([])
    expect(postNameOf('东门')).toBe('东门岗')
    expect(postNameOf('地库岗亭')).toBe('地库岗亭')
  })

  it("the post's Wi-Fi: any form of its BSSID matches; none or another is flagged", () => {
    const wifiPost: PostPlace = { wifi: ['aa:bb:cc:dd:ee:ff'] }
    expect(checkPlace(wifiPost, { bssid: 'AA-BB-CC-DD-EE-FF' }).flags).toEqual([])
    expect(checkPlace(wifiPost, { bssid: '11:22:33:44:55:66' }).flags).toEqual(['wifiMismatch'])
    expect(checkPlace(wifiPost, {}).flags).toEqual(['noWifi'])
    expect(checkPlace({ ...post, ...wifiPost }, { position: far }).flags).toEqual(['outside', 'noWifi'])
    expect(normalizeBssid('not a bssid')).toBeUndefined()
  })
})

describe('schedules', () => {
  const schedules: PostSchedule[] = [
    {
      postId: 'g1',
      post: '东门岗',
      slots: [
        { id: 'day', days: [1, 2, 3, 4, 5], start: '08:00', end: '20:00', staffIds: ['zhang'] },
        { id: 'night', days: [1, 2, 3, 4, 5, 6, 0], start: '20:00', end: '08:00', staffIds: ['li'] }
      ],
      overrides: [{ date: '2026-11-24', slotId: 'day', staffIds: ['wang'] }]
    }
  ]

  it('a Monday: the day shift and the night shift running into Tuesday', () => {
    expect(expectedOn('2026-11-23', schedules)).toEqual([
      {
        post: '东门岗',
        slotId: 'day',
        staffId: 'zhang',
        start: at('2026-11-23', '08:00'),
        end: at('2026-11-23', '20:00')
      },
      {
        post: '东门岗',
        slotId: 'night',
        staffId: 'li',
        start: at('2026-11-23', '20:00'),
        end: at('2026-11-24', '08:00')
      }
    ])
  })

  it('a Saturday has only the night; a day change puts another person on the slot', () => {
    expect(expectedOn('2026-11-28', schedules).map((e) => e.slotId)).toEqual(['night'])
    expect(expectedOn('2026-11-24', schedules).find((e) => e.slotId === 'day')?.staffId).toBe('wang')
    expect(expectedOn('no date', schedules)).toEqual([])
  })

  it('checks meaning: days chosen, start not the end, no one twice', () => {
    expect(scheduleProblem(schedules[0].slots)).toBeUndefined()
    expect(
      scheduleProblem([{ id: 'a', days: [], start: '08:00', end: '09:00', staffIds: [] }])?.message
    ).toMatch('星期')
    expect(
      scheduleProblem([{ id: 'a', days: [1], start: '08:00', end: '08:00', staffIds: [] }])?.message
    ).toMatch('相同')
    expect(
      scheduleProblem([{ id: 'a', days: [1], start: '08:00', end: '09:00', staffIds: ['x', 'x'] }])?.message
    ).toMatch('重复')
    expect(daysText([0, 1, 2])).toBe('周一 周二 周日')
    expect(daysText([0, 1, 2, 3, 4, 5, 6])).toBe('每天')
  })
})

describe('judgeDay', () => {
  const date = '2026-11-23'
  const expected = expectedOn(date, [
    {
      postId: 'g1',
      post: '东门岗',
      slots: [
        { id: 'day', days: [1], start: '08:00', end: '20:00', staffIds: ['zhang', 'zhao'] },
        { id: 'night', days: [1], start: '20:00', end: '08:00', staffIds: ['li', 'qian'] }
      ]
    }
  ])
  const shift = (x: Partial<Attended> & Pick<Attended, 'shiftId' | 'staffId' | 'inAt'>): Attended => ({
    post: '东门岗',
    flags: [],
    ...x
  })
  const shifts: Attended[] = [
    // zhang: 17 minutes late, left 30 minutes early
    shift({ shiftId: 's1', staffId: 'zhang', inAt: at(date, '08:17'), outAt: at(date, '19:30') }),
    // li: the night shift, on time, out after midnight; flagged clock-in outside the radius
    shift({
      shiftId: 's2',
      staffId: 'li',
      inAt: at(date, '19:52'),
      outAt: at('2026-11-24', '08:03'),
      flags: ['不在岗位范围内（约 334 米）']
    }),
    // wu: nobody scheduled them
    shift({
      shiftId: 's3',
      staffId: 'wu',
      post: '南门岗',
      inAt: at(date, '09:00'),
      outAt: at(date, '17:00')
    }),
    // zhang's shift of the day before is not today's
    shift({
      shiftId: 's0',
      staffId: 'zhang',
      inAt: at('2026-11-22', '08:00'),
      outAt: at('2026-11-22', '20:00')
    })
  ]

  it('a past day: late, early, absent, the night across midnight, the unscheduled clock-in', () => {
    const rows = judgeDay(date, expected, shifts, at('2026-11-25', '00:00'))
    const by = (id: string) => rows.find((r) => r.staffId === id)!
    expect(by('zhang')).toMatchObject({
      shiftId: 's1',
      lateMin: 17,
      earlyMin: 30,
      status: 'lateEarly',
      absent: false
    })
    expect(by('zhao')).toMatchObject({ absent: true, status: 'absent', lateMin: 0 })
    expect(by('li')).toMatchObject({
      shiftId: 's2',
      lateMin: 0,
      earlyMin: 0,
      status: 'ok',
      flags: ['不在岗位范围内（约 334 米）']
    })
    expect(by('qian')).toMatchObject({ status: 'absent', absent: true })
    expect(by('wu')).toMatchObject({ status: 'unscheduled', post: '南门岗', shiftId: 's3' })
    expect(by('wu').start).toBeUndefined()
    expect(rows).toHaveLength(5)
  })

  it('during the day: not arrived yet is not absent; the night not started; on duty', () => {
    const rows = judgeDay(date, expected, shifts.slice(0, 1), at(date, '12:00'))
    const by = (id: string) => rows.find((r) => r.staffId === id)!
    expect(by('zhao').status).toBe('notArrived')
    expect(by('zhao').absent).toBe(false)
    expect(by('li').status).toBe('upcoming')
    const open = judgeDay(
      date,
      expected,
      [shift({ shiftId: 's9', staffId: 'zhao', inAt: at(date, '08:04') })],
      at(date, '12:00')
    )
    expect(open.find((r) => r.staffId === 'zhao')).toMatchObject({ status: 'onDuty', lateMin: 0 })
  })

  it('a shift never ended is flagged two hours after the schedule; another post is named', () => {
    const rows = judgeDay(
      date,
      expected,
      [shift({ shiftId: 's9', staffId: 'zhao', post: '南门岗', inAt: at(date, '07:58') })],
      at(date, '22:30')
    )
    expect(rows.find((r) => r.staffId === 'zhao')?.flags).toEqual(['在「南门岗」上岗', '未下岗打卡'])
  })
})

describe('the monthly sheet', () => {
  it('one row per person per day; a night out shows 次日; days off are 休', () => {
    const date = '2026-11-23'
    const rows = judgeDay(
      date,
      [
        {
          post: '东门岗',
          slotId: 'night',
          staffId: 'li',
          start: at(date, '20:00'),
          end: at('2026-11-24', '08:00')
        }
      ],
      [
        {
          shiftId: 's',
          staffId: 'li',
          post: '东门岗',
          inAt: at(date, '20:12'),
          outAt: at('2026-11-24', '07:40'),
          flags: ['x']
        }
      ],
      at('2026-12-01', '00:00')
    )
    const people = [
      { id: 'li', name: '李巡' },
      { id: 'zhang', name: '张卫国' }
    ]
    expect(sheetDay(date, rows, people)).toEqual([
      {
        date,
        staffId: 'li',
        staffName: '李巡',
        post: '东门岗',
        scheduled: '20:00-次日08:00',
        in: '20:12',
        out: '次日07:40',
        lateMin: 12,
        earlyMin: 20,
        absent: false,
        flags: 'x'
      },
      expect.objectContaining({ staffId: 'zhang', scheduled: '休', absent: false })
    ])
    expect(clockOnDay(at('2026-11-22', '23:00'), date)).toBe('前日23:00')
  })

  it('the days of a month, up to today for the running one', () => {
    expect(daysOfMonth('2026-11')).toHaveLength(30)
    expect(daysOfMonth('2026-02')).toHaveLength(28)
    expect(daysOfMonth('2026-12', '2026-12-03')).toEqual(['2026-12-01', '2026-12-02', '2026-12-03'])
  })
})
