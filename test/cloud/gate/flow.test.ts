/**
 * A day at the gate end to end through the dispatcher: a guest admitted by the script's
 * answers, checked out by one guard while a second guard's check-out conflicts; an owner car
 * in and out; a pass used once; a goods slip released; the day log and CSV see all of it.
 */
import { makeHarness, ok, code, T0 } from '../harness'
import type {
  CsvOut,
  GateBoard,
  GateLogPage,
  GateRefs,
  PassCheckOut,
  VehicleItem,
  VisitorOut
} from '../../../src/domain/contract'
import { hashIdNumber } from '../../../src/domain/gate/idcard'
import { localDate } from '../../../src/domain/time'
import {
  H,
  ID_NUMBER as ID,
  goodsCheckInput,
  makeGoodsSlip,
  makePass,
  vehicleInput,
  visitorInput
} from './kit'

describe('gate: a day at the gate', () => {
  it('records, conflicts and reports', async () => {
    const h = await makeHarness()
    await h.addStaff('g2', ['guard'])
    const refs = ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {}))
    expect(refs.gates).toEqual(['东门', '南门'])
    expect(refs.ownerVehicles.map((o) => o.plate)).toContain('粤B12345')
    const hash = hashIdNumber(ID, refs.idSalt)
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({
          id: 'vis-1',
          phone: '13912345678',
          idDoc: { type: 'idcard', last4: '002X', hash },
          idDeposited: true,
          cardNo: 'F-07',
          people: 2,
          appointment: 'yes',
          hostCall: 'agreed'
        })
      )
    )
    expect(v.status).toBe('inside')
    expect(v.idDesc).toBe('身份证 ····002X')
    const all = await h.text('visitors')
    expect(all).not.toContain(ID)
    expect(all).not.toContain(hash)
    const b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.visitors[0].phone).toBe('139****5678')
    expect(b.counts.insideNow).toBe(1)
    h.clock.now += 60_000
    // two guards at once: exactly one succeeds
    const [r1, r2] = await Promise.all([
      h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'vis-1',
        gate: '东门',
        idReturned: true,
        cardCollected: true
      }),
      h.as('g2', 'gate.checkOut', { visitorId: 'vis-1', gate: '南门', idReturned: true, cardCollected: true })
    ])
    expect([code(r1), code(r2)].sort()).toEqual(['CONFLICT', 'OK'])
    const bad = r1.ok ? r2 : r1
    expect(!bad.ok && bad.message).toMatch(/已离开/)
    h.clock.now += 60_000
    // owner car in and out
    const car = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ id: 'car-1', plate: '粤b12345' }))
    )
    expect(car.room).toBe('1-1-101')
    h.clock.now += 60_000
    const out = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleOut', { id: 'car-1-out', gate: '东门', plate: '粤B12345' })
    )
    expect(out.status).toBe('left')
    expect(out.id).toBe('car-1')
    h.clock.now += 60_000
    // a pass
    const pass = await makePass(h, { id: 'pass-1', validFrom: T0, validTo: T0 + 8 * H })
    expect(pass.code).toMatch(/^[1-9]\d{5}$/)
    const pc = ok<PassCheckOut>(await h.as('demo-guard', 'gate.passCheck', { code: pass.code }))
    expect(pc.problem).toBeUndefined()
    const byPass = (id: string) =>
      h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id, source: 'pass', passId: pass.id, name: '赵六', room: '2-1-302' })
      )
    ok(await byPass('vis-2'))
    const again = await byPass('vis-3')
    expect(code(again)).toBe('CONFLICT')
    h.clock.now += 60_000
    // goods
    const gp = await makeGoodsSlip(h, {
      id: 'gp-1',
      items: [{ name: '旧沙发', qty: 1 }],
      date: localDate(T0)
    })
    ok(
      await h.as(
        'demo-guard',
        'gate.goodsCheck',
        goodsCheckInput({ id: 'gc-1', passId: gp.id, items: gp.items, lorry: true, lorryOpened: true })
      )
    )
    const log = ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date: localDate(T0) }))
    expect(log.items.map((i) => i.event)).toEqual([
      'visitorIn',
      'visitorOut',
      'vehicleIn',
      'vehicleOut',
      'visitorIn',
      'goodsReleased'
    ])
    const csv = ok<CsvOut>(
      await h.as('demo-supervisor', 'gate.dayLogCsv', { date: localDate(T0), type: 'visitor' })
    )
    expect(csv.rows).toBe(3)
    expect(csv.csv.startsWith('\uFEFF时间,事件')).toBe(true)
    expect(csv.csv).not.toContain('13912345678')
  })
})
