/**
 * The day at the gate as supervisors and the home page see it: gate.board counts and overstay,
 * home.today cards for guards and supervisors, gate.dayLog filters and paging in estate time,
 * and gate.dayLogCsv as Excel opens it.
 */
import { ok, code, type Harness } from '../harness'
import type { CsvOut, GateBoard, GateLogItem, GateLogPage, HomeToday } from '../../../src/domain/contract'
import { localDate } from '../../../src/domain/time'
import {
  DAY,
  H,
  OTHER,
  T0,
  TODAY,
  gateHarness,
  goodsCheckInput,
  makeGoodsSlip,
  makePass,
  refused,
  vehicleInput,
  visitorInput
} from './kit'

let h: Harness
beforeEach(async () => {
  h = await gateHarness()
})

const MIN = 60_000
/** Midnight at the start of T0's day in the estate (T0 is 09:00 there). */
const MIDNIGHT = T0 - 9 * H

/** Do something at an estate-local time of T0's day (minutes after midnight). */
async function at<T>(minutes: number, f: () => Promise<T>): Promise<T> {
  h.clock.now = MIDNIGHT + minutes * MIN
  return f()
}
const cards = async (who: string) => ok<HomeToday>(await h.as(who, 'home.today', {})).cards
const card = (cs: HomeToday['cards'], key: string) => cs.find((c) => c.key === key)
const log = async (f: Record<string, unknown> = {}, who = 'demo-supervisor') =>
  ok<GateLogPage>(await h.as(who, 'gate.dayLog', { date: TODAY, ...f }))

describe('gate.board and home.today: today’s counts', () => {
  it('visitors in and out, inside now, outside vehicles inside, passes checked', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'c1' })))
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'c2' })))
    ok(await h.as('g2', 'gate.checkIn', visitorInput({ id: 'c3', gate: '南门' })))
    ok(
      await h.as('g2', 'gate.checkOut', {
        visitorId: 'c3',
        gate: '南门',
        idReturned: false,
        cardCollected: false
      })
    )
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ case: 'canvassing', result: 'refused', reason: '推销' })
      )
    )
    const p = await makePass(h)
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'c4', source: 'pass', passId: p.id })))
    ok(await h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ plate: '粤C11111', case: 'business' })))
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ plate: '粤C22222', case: 'delivery', deliverTo: '1-1-101' })
      )
    )
    ok(await h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ plate: '粤B12345' })))
    ok(await h.as('demo-guard', 'gate.vehicleOut', { id: 'vo', gate: '东门', plate: '粤C22222' }))
    const gp = await makeGoodsSlip(h)
    ok(await h.as('demo-guard', 'gate.goodsCheck', goodsCheckInput({ passId: gp.id })))
    ok(
      await h.as(
        'demo-guard',
        'gate.goodsCheck',
        goodsCheckInput({ result: 'refused', reason: '没有放行条' })
      )
    )
    // another estate's work does not count here
    ok(await h.as('g-both', 'gate.checkIn', visitorInput({ gate: '北门' }), { estateId: OTHER }))

    const b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.counts).toEqual({
      visitorsIn: 4,
      visitorsOut: 1,
      visitorsRefused: 1,
      insideNow: 3,
      overstay: 0,
      vehiclesInside: 1,
      vehiclesIn: 3,
      vehiclesOut: 1,
      passesChecked: 3,
      goodsChecked: 2
    })
    for (const who of ['demo-guard', 'demo-supervisor', 'demo-admin']) {
      const cs = await cards(who)
      const values = Object.fromEntries(
        ['visitorsIn', 'visitorsOut', 'insideNow', 'vehiclesInside', 'passesChecked'].map((k) => [
          k,
          card(cs, k)?.value
        ])
      )
      expect([who, values]).toEqual([
        who,
        { visitorsIn: 4, visitorsOut: 1, insideNow: 3, vehiclesInside: 1, passesChecked: 3 }
      ])
      expect(card(cs, 'insideNow')).toMatchObject({ title: '园内访客', unit: '人', tone: 'normal' })
      expect(card(cs, 'vehiclesInside')).toMatchObject({ unit: '辆' })
      expect(card(cs, 'overstay')).toBeUndefined()
    }
    // people who do not work the gate do not get gate cards
    for (const who of ['demo-service', 'demo-cleaner', 'demo-patrol'])
      expect([who, card(await cards(who), 'insideNow')]).toEqual([who, undefined])
  })

  it('counts start again at midnight (estate time); who is inside stays', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'm1' })))
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'm2' })))
    ok(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'm2',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    h.clock.now = MIDNIGHT + DAY - MIN
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).counts).toMatchObject({
      visitorsIn: 2,
      visitorsOut: 1,
      insideNow: 1
    })
    h.clock.now = MIDNIGHT + DAY
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).counts).toMatchObject({
      visitorsIn: 0,
      visitorsOut: 0,
      insideNow: 1
    })
  })

  it('overstay: after four hours, not at four hours; highlighted for the guard and the supervisor', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'o1', name: '久留' })))
    h.clock.now = T0 + 30 * MIN
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'o2' })))
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ id: 'ov1', plate: '粤C11111', case: 'business' })
      )
    )
    h.clock.now = T0 + 4 * H
    let b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect([b.counts.overstay, b.visitors.map((v) => v.overstay), b.vehicles[0].overstay]).toEqual([
      0,
      [false, false],
      false
    ])
    expect(card(await cards('demo-guard'), 'overstay')).toBeUndefined()

    h.clock.now = T0 + 4 * H + 1
    b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.visitors.map((v) => [v.id, v.overstay])).toEqual([
      ['o1', true],
      ['o2', false]
    ])
    expect(b.counts.overstay).toBe(1)
    for (const who of ['demo-guard', 'demo-supervisor']) {
      const cs = await cards(who)
      expect(card(cs, 'overstay')).toEqual({
        key: 'overstay',
        title: '超过4小时未离开',
        value: 1,
        unit: '人',
        tone: 'alert'
      })
      // at the top for the guard; for a supervisor at most behind a missed patrol
      expect(cs.findIndex((c) => c.key === 'overstay')).toBeLessThanOrEqual(who === 'demo-guard' ? 0 : 1)
      expect(card(cs, 'insideNow')!.tone).toBe('warn')
    }
    // past four hours for the second visitor and the outside vehicle: the car is flagged on its
    // list; the overstay count is of people
    h.clock.now = T0 + 30 * MIN + 4 * H + 1
    b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.vehicles.map((v) => v.overstay)).toEqual([true])
    expect(b.visitors.map((v) => v.overstay)).toEqual([true, true])
    expect(b.counts.overstay).toBe(2)
    expect(card(await cards('demo-guard'), 'overstay')!.value).toBe(2)
    // checked out, the alert goes
    ok(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'o1',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    ok(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'o2',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    expect(card(await cards('demo-supervisor'), 'overstay')).toBeUndefined()
  })

  it('the estate’s own overstay limit', async () => {
    const e = (await h.db.get<{ _id: string; _v: number }>('estates', 'demo-estate'))!
    await h.db.update('estates', e._id, e._v, { settings: { overstayHours: 2 } })
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput()))
    h.clock.now = T0 + 2 * H + 1
    expect(card(await cards('demo-guard'), 'overstay')).toMatchObject({
      title: '超过2小时未离开',
      value: 1,
      tone: 'alert'
    })
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))).toMatchObject({
      overstayHours: 2,
      counts: { overstay: 1 }
    })
  })
})

describe('gate.dayLog', () => {
  /** Visitors, cars and goods across the day, two guards, two gates. */
  async function busyDay() {
    // 00:00 and 23:59 of the day, and either side of it
    await at(-1, () => h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'before' })))
    await at(0, () => h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'first' })))
    for (let i = 0; i < 12; i++) {
      await at(9 * 60 + i * 10, () =>
        h.as(
          i % 2 ? 'g2' : 'demo-guard',
          'gate.checkIn',
          visitorInput({ id: `d${i}`, gate: i % 3 ? '东门' : '南门', phone: '13912345678' })
        )
      )
    }
    await at(9 * 60 + 59, async () =>
      ok(await h.as('g2', 'gate.vehicleIn', vehicleInput({ id: 'car', gate: '南门' })))
    )
    await at(10 * 60, async () =>
      ok(await h.as('g2', 'gate.vehicleOut', { id: 'car-out', gate: '南门', plate: '粤B12345' }))
    )
    await at(10 * 60 + 59, async () =>
      ok(
        await h.as(
          'demo-guard',
          'gate.goodsCheck',
          goodsCheckInput({ id: 'goods', result: 'refused', reason: '没有放行条' })
        )
      )
    )
    await at(11 * 60, async () =>
      ok(
        await h.as('demo-guard', 'gate.checkOut', {
          visitorId: 'd0',
          gate: '东门',
          idReturned: false,
          cardCollected: false
        })
      )
    )
    await at(24 * 60 - 1, () => h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'last' })))
    await at(24 * 60, () => h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'after' })))
  }
  const refIds = (p: GateLogPage) => p.items.map((i) => i.refId)

  it('the day in estate time, in order, with what each line says', async () => {
    await busyDay()
    const all = await log()
    expect(all.total).toBe(18)
    expect(all.items).toHaveLength(18)
    expect(refIds(all)[0]).toBe('first')
    expect(refIds(all).at(-1)).toBe('last')
    expect(refIds(all)).not.toContain('before')
    expect(refIds(all)).not.toContain('after')
    const ats = all.items.map((i) => i.at)
    expect([...ats].sort((a, b) => a - b)).toEqual(ats)
    expect(all.items.find((i) => i.refId === 'car')).toMatchObject({
      type: 'vehicle',
      event: 'vehicleIn',
      eventLabel: '车辆入场',
      subject: '粤B·12345',
      gate: '南门',
      by: 'g2',
      byName: '员工g2'
    })
    expect(all.items.find((i) => i.refId === 'goods')).toMatchObject({
      type: 'goods',
      event: 'goodsRefused',
      eventLabel: '物品拒绝放行',
      subject: '无放行条'
    })
    expect(all.items.find((i) => i.event === 'visitorOut')).toMatchObject({
      refId: 'd0',
      eventLabel: '访客离开'
    })
    expect(all.items.find((i) => i.refId === 'd0')!.detail).toBe('业主访客 · 访 1-1-101 · 139****5678')
    expect(JSON.stringify(all)).not.toContain('13912345678')
    // per hour of estate time
    expect(all.hours).toHaveLength(24)
    expect(all.hours![0]).toBe(1)
    expect(all.hours![9]).toBe(7)
    expect(all.hours![10]).toBe(8)
    expect(all.hours![11]).toBe(1)
    expect(all.hours![23]).toBe(1)
    expect(all.hours!.reduce((a, b) => a + b, 0)).toBe(18)
    // the days either side
    expect(refIds(await log({ date: localDate(T0 - DAY) }))).toEqual(['before'])
    expect(refIds(await log({ date: localDate(T0 + DAY) }))).toEqual(['after'])
  })

  it('filters by gate, type, guard and time of day (HH:mm, the "to" minute included), and together', async () => {
    await busyDay()
    expect((await log({ gate: '南门' })).total).toBe(6)
    expect((await log({ gate: '西门' })).total).toBe(0)
    expect((await log({ type: 'visitor' })).total).toBe(15)
    expect((await log({ type: 'vehicle' })).items.map((i) => [i.refId, i.event])).toEqual([
      ['car', 'vehicleIn'],
      ['car', 'vehicleOut']
    ])
    expect(refIds(await log({ type: 'goods' }))).toEqual(['goods'])
    expect((await log({ by: 'g2' })).total).toBe(8)
    expect((await log({ by: 'demo-guard' })).total).toBe(10)
    // 10:00–10:59 has 10:00:00 and 10:59:00 but not 09:59 or 11:00
    const ten = await log({ from: '10:00', to: '10:59' })
    expect(ten.total).toBe(8)
    const events = ten.items.map((i) => `${i.refId}.${i.event}`)
    expect(events).toContain('car.vehicleOut')
    expect(events).toContain('goods.goodsRefused')
    expect(events).not.toContain('car.vehicleIn')
    expect(events).not.toContain('d0.visitorOut')
    expect(ten.hours!.filter((x) => x > 0)).toEqual([8])
    expect((await log({ from: '23:00' })).total).toBe(1)
    expect((await log({ to: '00:00' })).total).toBe(1)
    const mix = await log({ gate: '南门', type: 'vehicle', by: 'g2', from: '09:00', to: '09:59' })
    expect(refIds(mix)).toEqual(['car'])
  })

  it('pages of 50 with `after`, filters kept, nothing twice or lost, even for events at the same moment', async () => {
    h.clock.now = T0
    for (let i = 0; i < 120; i++)
      ok(
        await h.as(
          i % 2 ? 'g2' : 'demo-guard',
          'gate.checkIn',
          visitorInput({ id: `same-${String(i).padStart(3, '0')}`, gate: i % 4 ? '东门' : '南门' })
        )
      )
    const seen: GateLogItem[] = []
    let page = await log()
    expect(page.total).toBe(120)
    seen.push(...page.items)
    let pages = 1
    while (page.next) {
      page = await log({ after: page.next })
      expect(page.hours).toBeUndefined()
      expect(page.total).toBeUndefined()
      seen.push(...page.items)
      pages++
    }
    expect([pages, seen.length, new Set(seen.map((s) => s.id)).size]).toEqual([3, 120, 120])
    // the same with a filter
    const g2: GateLogItem[] = []
    let p = await log({ by: 'g2' })
    expect(p.total).toBe(60)
    g2.push(...p.items)
    while (p.next) {
      p = await log({ by: 'g2', after: p.next })
      g2.push(...p.items)
    }
    expect(g2).toHaveLength(60)
    expect(g2.every((x) => x.by === 'g2')).toBe(true)
    expect(new Set(g2.map((x) => x.id)).size).toBe(60)
  })

  it('bad input', async () => {
    const s = 'demo-supervisor'
    await refused(h, s, 'gate.dayLog', { date: '2026/11/23' }, 'INVALID_INPUT', /日期格式应为 YYYY-MM-DD/)
    await refused(h, s, 'gate.dayLog', { date: '2026-13-45' }, 'INVALID_INPUT', /日期/)
    await refused(h, s, 'gate.dayLog', { date: TODAY, from: '24:00' }, 'INVALID_INPUT', /时间格式应为 HH:mm/)
    await refused(
      h,
      s,
      'gate.dayLog',
      { date: TODAY, from: '12:00', to: '11:00' },
      'INVALID_INPUT',
      /结束时间应晚于开始时间/
    )
    await refused(h, s, 'gate.dayLog', { date: TODAY, type: 'person' }, 'INVALID_INPUT', /类型/)
    await refused(
      h,
      s,
      'gate.dayLog',
      { date: TODAY, after: 'not-a-cursor' },
      'INVALID_INPUT',
      /翻页位置不正确/
    )
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput()))
    expect(
      ok<GateLogPage>(await h.as('sup-e2', 'gate.dayLog', { date: TODAY }, { estateId: OTHER })).total
    ).toBe(0)
  })
})

/** RFC 4180 as Excel writes it: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

describe('gate.dayLogCsv', () => {
  it('opens in Excel: BOM, Chinese header, CRLF, quoted cells; the same lines as the log; phones masked', async () => {
    await at(9 * 60, () =>
      h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 'q1', name: '王,"小"明', phone: '13912345678', company: '甲,乙公司' })
      )
    )
    await at(9 * 60 + 5, () =>
      h.as(
        'g2',
        'gate.checkIn',
        visitorInput({
          id: 'q2',
          gate: '南门',
          case: 'canvassing',
          result: 'refused',
          reason: '说"不认识",走了'
        })
      )
    )
    await at(9 * 60 + 6, () => h.as('g2', 'gate.vehicleIn', vehicleInput({ id: 'q3', gate: '南门' })))
    const csv = ok<CsvOut>(await h.as('demo-supervisor', 'gate.dayLogCsv', { date: TODAY }))
    expect(csv.csv.startsWith('\uFEFF时间,事件,对象,详情,岗亭,门岗\r\n')).toBe(true)
    expect(csv.csv.endsWith('\r\n')).toBe(true)
    expect(csv).toMatchObject({ rows: 3, truncated: false, filename: `门岗记录-翠湖花园-${TODAY}.csv` })
    expect(csv.csv).not.toContain('13912345678')
    const rows = parseCsv(csv.csv.slice(1))
    expect(rows[0]).toEqual(['时间', '事件', '对象', '详情', '岗亭', '门岗'])
    expect(rows.slice(1)).toEqual([
      [
        `${TODAY} 09:00:00`,
        '访客进入',
        '王,"小"明',
        '业主访客 · 访 1-1-101 · 甲,乙公司 · 139****5678',
        '东门',
        '张卫国'
      ],
      [
        `${TODAY} 09:05:00`,
        '访客未放行',
        '王小明',
        '推销 · 访 1-1-101 · 原因：说"不认识",走了',
        '南门',
        '员工g2'
      ],
      [`${TODAY} 09:06:00`, '车辆入场', '粤B·12345', '业主车辆 · 1-1-101', '南门', '员工g2']
    ])
    expect(csv.csv).toContain('"王,""小""明"')
    // every line of the log, and nothing else
    const page = await log()
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual(
      page.items.map((i) => [i.eventLabel, i.subject, i.detail, i.gate, i.byName])
    )
  })

  it('with the filters, named in the file name', async () => {
    await at(9 * 60, () => h.as('demo-guard', 'gate.checkIn', visitorInput({ gate: '南门' })))
    await at(10 * 60, () => h.as('demo-guard', 'gate.checkIn', visitorInput({ gate: '南门' })))
    await at(10 * 60, () => h.as('demo-guard', 'gate.checkIn', visitorInput({ gate: '东门' })))
    await at(10 * 60, () => h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ gate: '南门' })))
    const csv = ok<CsvOut>(
      await h.as('demo-admin', 'gate.dayLogCsv', {
        date: TODAY,
        gate: '南门',
        type: 'visitor',
        from: '10:00'
      })
    )
    expect(csv).toMatchObject({ rows: 1, filename: `门岗记录-翠湖花园-${TODAY}-南门-访客.csv` })
    expect(parseCsv(csv.csv.slice(1))).toHaveLength(2)
    const none = ok<CsvOut>(await h.as('demo-admin', 'gate.dayLogCsv', { date: localDate(T0 - DAY) }))
    expect(none).toMatchObject({ rows: 0, csv: '\uFEFF时间,事件,对象,详情,岗亭,门岗\r\n' })
  })

  it('bad input', async () => {
    await refused(
      h,
      'demo-supervisor',
      'gate.dayLogCsv',
      { date: 'today' },
      'INVALID_INPUT',
      /日期格式应为 YYYY-MM-DD/
    )
    await refused(h, 'demo-supervisor', 'gate.dayLogCsv', { date: TODAY, after: 'x' }, 'INVALID_INPUT')
    await refused(
      h,
      'demo-supervisor',
      'gate.dayLogCsv',
      { date: TODAY, to: '9:00' },
      'INVALID_INPUT',
      /时间格式应为 HH:mm/
    )
    expect(code(await h.as('sup-e2', 'gate.dayLogCsv', { date: TODAY }, { estateId: OTHER }))).toBe('OK')
  })
})
