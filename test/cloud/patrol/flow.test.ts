import { makeHarness, ok, code, T0, type Harness } from '../harness'
import type {
  CheckpointOut,
  PatrolDay,
  PatrolWeek,
  QrSheetItem,
  RoundCard,
  RoundDetail,
  RoundOut,
  ScanOut,
  SweepOut
} from '../../../src/domain/contract'
import { localDate } from '../../../src/domain/time'
import type { Envelope } from '../../../src/domain/errors'

const H = 3600_000
const SLOT = T0 - (T0 % (2 * H)) // 08:00 in the estate
const msg = (e: Envelope<unknown>) => (e.ok ? '' : e.message)
let n = 0
const scan = (
  h: Harness,
  roundId: string,
  value: string,
  extra: Record<string, unknown> = {},
  who = 'demo-patrol'
) => h.as(who, 'patrol.scan', { id: `s-${++n}`, roundId, method: 'typed', value, answers: {}, ...extra })

describe('patrol: a round', () => {
  it('start, three points by typed code with an anomaly, explained refusals, early end with a reason', async () => {
    const h = await makeHarness()
    const cards = ok<RoundCard[]>(await h.as('demo-patrol', 'patrol.today', {}))
    expect(cards[0]).toMatchObject({
      planName: '全天巡逻',
      routeName: '小区主路线',
      slotStart: SLOT,
      slotEnd: SLOT + 2 * H,
      state: 'due'
    })

    const r = ok<RoundOut>(
      await h.as('demo-patrol', 'patrol.start', { id: 'r1', planId: 'demo-plan-day', slotStart: SLOT })
    )
    expect(r).toMatchObject({ status: 'inProgress', startedAt: T0 })
    // a second person cannot start the same round
    const again = await h.as('demo-guard', 'patrol.start', {
      id: 'r1b',
      planId: 'demo-plan-day',
      slotStart: SLOT
    })
    expect([code(again), msg(again)]).toEqual(['CONFLICT', '这一轮已由李巡开始'])
    expect(
      code(
        await h.as('demo-patrol', 'patrol.start', {
          id: 'r1c',
          planId: 'demo-plan-day',
          slotStart: SLOT + 30 * 60_000
        })
      )
    ).toBe('INVALID_INPUT')

    h.clock.now += 3 * 60_000
    const s1 = ok<ScanOut>(await scan(h, 'r1', 'k2m3', { answers: { normal: 'yes' } }))
    expect(s1).toMatchObject({ checkpointName: '1栋大堂', method: 'typed', outOfOrder: false, anomalies: [] })
    expect(s1.evidence.level).toBe('weak')
    expect(s1.evidence.reasons[0]).toBe('手输编号（无法证明到场）')
    const rep = await scan(h, 'r1', 'K2M3')
    expect([code(rep), msg(rep)]).toEqual(['REPEAT_SCAN', '「1栋大堂」本轮已经打过点了'])
    h.clock.now += 3 * 60_000
    ok(await scan(h, 'r1', 'K2M4', { answers: { normal: 'yes' } }))
    h.clock.now += 3 * 60_000
    const s3 = ok<ScanOut>(await scan(h, 'r1', 'K2M5', { answers: { fire: 'no' } }))
    expect(s3.anomalies).toEqual(['消防设施是否正常：否'])
    expect(code(await scan(h, 'r1', 'ZZZZ'))).toBe('NOT_FOUND')

    // a point of another route is explained
    const cp = ok<CheckpointOut>(
      await h.as('demo-supervisor', 'patrol.checkpointSave', { id: 'cp-x', name: '2栋天台', questions: [] })
    )
    ok(
      await h.as('demo-supervisor', 'patrol.routeSave', {
        id: 'route-x',
        name: '天台路线',
        checkpointIds: ['cp-x'],
        ordered: false
      })
    )
    const wrong = await scan(h, 'r1', cp.code)
    expect([code(wrong), msg(wrong)]).toEqual([
      'WRONG_POINT',
      '「2栋天台」属于「天台路线」，不在本路线「小区主路线」上'
    ])

    const early = await h.as('demo-patrol', 'patrol.end', { roundId: 'r1' })
    expect(code(early)).toBe('INVALID_INPUT')
    expect(msg(early)).toMatch(/还有 1 个点没巡（东门围墙）/)
    const done = ok<RoundOut>(
      await h.as('demo-patrol', 'patrol.end', { roundId: 'r1', reason: '东门有人闹事，去处理' })
    )
    expect(done.status).toBe('abandoned')
    expect(done.evaluation).toMatchObject({
      coverage: 75,
      missed: ['demo-cp-4'],
      anomalies: 1,
      incomplete: true
    })
    expect(code(await scan(h, 'r1', 'K2M6'))).toBe('ROUND_CLOSED')

    const detail = ok<RoundDetail>(await h.as('demo-supervisor', 'patrol.round', { roundId: 'r1' }))
    expect(detail.checkpoints.map((p) => [p.checkpointName, !!p.scan])).toEqual([
      ['1栋大堂', true],
      ['地下车库入口', true],
      ['消防泵房', true],
      ['东门围墙', false]
    ])
    const day = ok<PatrolDay>(await h.as('demo-supervisor', 'patrol.day', { date: localDate(T0) }))
    const row = day.plans[0].rounds.find((x) => x.slotStart === SLOT)!
    expect(row).toMatchObject({ state: 'abandoned', roundId: 'r1', staffName: '李巡', coverage: 75 })
    expect(row.flags).toEqual(expect.arrayContaining(['漏点 1 个：东门围墙', '异常 1 项']))
    // 00:00, 02:00, 04:00 and 06:00 passed with nobody walking them
    expect(day.counts).toMatchObject({ missed: 4, incomplete: 1, anomalies: 1 })
    expect(day.plans[0].rounds.filter((x) => x.state === 'upcoming')).toHaveLength(7)
  })

  it('QR codes are signed: the sheet’s code scans, a forged or foreign one does not; replays count once', async () => {
    const h = await makeHarness()
    const sheet = ok<QrSheetItem[]>(await h.as('demo-supervisor', 'patrol.qrSheet', {}))
    expect(sheet.map((s) => s.code)).toEqual(['K2M3', 'K2M4', 'K2M5', 'K2M6'])
    expect(sheet[0].qr).toMatch(/^GWT-C:demo-cp-1\.[A-Za-z0-9_-]{22}$/)
    ok(await h.as('demo-guard', 'patrol.start', { id: 'r2', planId: 'demo-plan-day', slotStart: SLOT }))
    const forged = sheet[1].qr.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    expect(code(await scan(h, 'r2', forged, { method: 'qr' }, 'demo-guard'))).toBe('BAD_QR')
    expect(
      code(await scan(h, 'r2', 'GWT-C:demo-cp-2.' + 'x'.repeat(22), { method: 'qr' }, 'demo-guard'))
    ).toBe('BAD_QR')
    const other = await makeHarness({ sessionSecret: 'another-server' })
    const theirs = ok<QrSheetItem[]>(await other.as('demo-supervisor', 'patrol.qrSheet', {}))
    expect(code(await scan(h, 'r2', theirs[0].qr, { method: 'qr' }, 'demo-guard'))).toBe('BAD_QR')
    const op = { id: 'op-scan-replay', deviceTime: T0 }
    const input = {
      id: 's-replay',
      roundId: 'r2',
      method: 'qr',
      value: sheet[0].qr,
      answers: { normal: 'yes' }
    }
    const a = ok<ScanOut>(await h.as('demo-guard', 'patrol.scan', input, { op }))
    const b = await h.as('demo-guard', 'patrol.scan', input, { op })
    expect(b).toMatchObject({ ok: true, replayed: true })
    expect(ok(b)).toEqual(a)
    expect(a.evidence.reasons[0]).toBe('现场扫码')
    expect(await h.count('scans')).toBe(1)
  })

  it('evidence: GPS inside the radius is trusted; the same position at far-apart points is flagged', async () => {
    const h = await makeHarness()
    ok(
      await h.as('demo-supervisor', 'patrol.checkpointSave', {
        id: 'demo-cp-1',
        name: '1栋大堂',
        position: { lat: 22.5, lng: 114.0, radiusM: 30 },
        questions: []
      })
    )
    ok(
      await h.as('demo-supervisor', 'patrol.checkpointSave', {
        id: 'demo-cp-2',
        name: '地下车库入口',
        position: { lat: 22.502, lng: 114.0, radiusM: 30 },
        questions: []
      })
    )
    const sheet = ok<QrSheetItem[]>(await h.as('demo-supervisor', 'patrol.qrSheet', {}))
    ok(await h.as('demo-patrol', 'patrol.start', { id: 'r3', planId: 'demo-plan-day', slotStart: SLOT }))
    const good = ok<ScanOut>(
      await scan(h, 'r3', sheet[0].qr, {
        method: 'qr',
        position: { lat: 22.50005, lng: 114.0, accuracyM: 8 }
      })
    )
    expect(good.evidence.level).toBe('strong')
    h.clock.now += 60_000
    const fake = ok<ScanOut>(
      await scan(h, 'r3', sheet[1].qr, {
        method: 'qr',
        position: { lat: 22.50005, lng: 114.0, accuracyM: 8 }
      })
    )
    expect(fake.evidence.level).toBe('suspicious')
    expect(fake.evidence.reasons.join('；')).toMatch(/超出范围.*疑似模拟定位/)
  })
})

describe('patrol: setup, cron and the week', () => {
  it('validates plans and routes, marks closed windows missed, and charts coverage', async () => {
    const h = await makeHarness()
    expect(
      code(
        await h.as('demo-supervisor', 'patrol.routeSave', {
          id: 'rx',
          name: 'x',
          checkpointIds: ['nope'],
          ordered: true
        })
      )
    ).toBe('INVALID_INPUT')
    expect(
      code(
        await h.as('demo-supervisor', 'patrol.routeSave', {
          id: 'rx',
          name: 'x',
          checkpointIds: ['demo-cp-1', 'demo-cp-1'],
          ordered: true
        })
      )
    ).toBe('INVALID_INPUT')
    const base = {
      id: 'px',
      name: '夜巡',
      routeId: 'demo-route-1',
      days: [1],
      start: '20:00',
      end: '06:00',
      everyMinutes: 120,
      minMinutes: 10,
      maxMinutes: 60,
      roles: ['patrol']
    }
    expect(code(await h.as('demo-supervisor', 'patrol.planSave', { ...base, maxMinutes: 5 }))).toBe(
      'INVALID_INPUT'
    )
    expect(code(await h.as('demo-supervisor', 'patrol.planSave', { ...base, routeId: 'nope' }))).toBe(
      'INVALID_INPUT'
    )
    expect(
      code(
        await h.as('demo-supervisor', 'patrol.checkpointSave', {
          id: 'cq',
          name: 'q',
          questions: [{ key: 'a', label: '选', kind: 'choice' }]
        })
      )
    ).toBe('INVALID_INPUT')

    ok(await h.as('demo-patrol', 'patrol.start', { id: 'r4', planId: 'demo-plan-day', slotStart: SLOT }))
    for (const c of ['K2M3', 'K2M4', 'K2M5', 'K2M6']) {
      h.clock.now += 4 * 60_000
      ok(await scan(h, 'r4', c, { answers: { normal: 'yes', fire: 'yes' } }))
    }
    const done = ok<RoundOut>(await h.as('demo-patrol', 'patrol.end', { roundId: 'r4' }))
    // started at 09:00 for the 08:00 round: complete, but late
    expect(done).toMatchObject({
      status: 'done',
      evaluation: { coverage: 100, lateStart: true, flags: ['迟到开始'] }
    })

    h.clock.now = T0 + 12 * H // 21:00 in the estate
    const swept = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    // closed in the last day without a round: yesterday 20:00 and 22:00, today 00:00–06:00 and
    // 10:00–18:00; 08:00 was walked and 20:00 is still open
    expect(swept.missedRounds).toBe(11)
    expect(
      ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' })).missedRounds
    ).toBe(0)
    const late = await h.as('demo-patrol', 'patrol.start', {
      id: 'r5',
      planId: 'demo-plan-day',
      slotStart: SLOT + 2 * H
    })
    expect([code(late), msg(late)]).toEqual(['CONFLICT', '这一轮已记为漏巡'])

    const week = ok<PatrolWeek>(await h.as('demo-supervisor', 'patrol.week', { endDate: localDate(T0) }))
    expect(week.days).toHaveLength(7)
    expect(week.days[6]).toBe(localDate(T0))
    const main = week.routes.find((r) => r.routeId === 'demo-route-1')!
    // today: 11 slots started by 21:00, one walked fully → 9%
    expect(main.coverage[6]).toBe(Math.round(100 / 11))
    expect(main.coverage[5]).toBe(0)
  })
})
