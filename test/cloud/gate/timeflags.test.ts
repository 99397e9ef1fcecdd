/**
 * Time flags on gate records (issue 16, point 2): a check-in, an exit or a goods check whose
 * phone time is not believed (domain/time/eventTime.ts) is stored at the server's time with the
 * reason on the record itself (the visitor's / vehicle visit's in and out separately, the goods
 * check's one), given back in the outputs, and the supervisor's day log line and its CSV say
 * 时间存疑（reason）. A sound time keeps no flag. Both engines.
 */
import type { GateLogPage, GoodsCheckOut, VehicleItem, VisitorOut } from '../../../src/domain/contract'
import { ok, type Harness } from '../harness'
import { T0, TODAY, gateHarness, goodsCheckInput, stored, vehicleInput, visitorInput } from './kit'

const Y2099 = Date.UTC(2099, 0, 1)
let h: Harness
let n = 0
const op = (deviceTime: number) => ({ op: { id: `op-flag-${++n}`, deviceTime } })
beforeEach(async () => {
  h = await gateHarness()
  h.clock.now = T0 + 3600_000
})

const log = async () => ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date: TODAY })).items
const csvLines = async () =>
  ok<{ csv: string }>(await h.as('demo-supervisor', 'gate.dayLogCsv', { date: TODAY })).csv.split('\r\n')

describe('time flags on gate records', () => {
  it('a visitor checked in "in 2099" and out "in 1970": server times, both flags stored and given back; the day log and CSV say 时间存疑', async () => {
    const input = visitorInput({ name: '钱未来' })
    const inn = ok<VisitorOut>(await h.as('demo-guard', 'gate.checkIn', input, op(Y2099)))
    expect(inn).toMatchObject({ inAt: h.clock.now, inTimeFlag: 'future' })
    expect(inn.outTimeFlag).toBeUndefined()
    h.clock.now += 600_000
    const out = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkOut',
        { visitorId: inn.id, gate: '东门', idReturned: false, cardCollected: false },
        op(0)
      )
    )
    expect(out).toMatchObject({ outAt: h.clock.now, inTimeFlag: 'future', outTimeFlag: 'tooOld' })
    expect(await stored(h, 'visitors', inn.id)).toMatchObject({
      inAt: T0 + 3600_000,
      inTimeFlag: 'future',
      outAt: h.clock.now,
      outTimeFlag: 'tooOld'
    })
    const lines = (await log()).filter((i) => i.refId === inn.id)
    expect(lines.map((i) => [i.event, i.timeFlag, i.timeDoubt])).toEqual([
      ['visitorIn', 'future', '时间存疑（手机时间晚于服务器）'],
      ['visitorOut', 'tooOld', '时间存疑（超过72小时未上传）']
    ])
    const csv = (await csvLines()).filter((l) => l.includes('钱未来'))
    expect(csv).toHaveLength(2)
    expect(csv[0]).toContain('时间存疑（手机时间晚于服务器）')
    expect(csv[1]).toContain('时间存疑（超过72小时未上传）')
  })

  it('a sound phone time is kept with no flag, in the record, the output, the log and the CSV', async () => {
    const deviceTime = h.clock.now - 60_000
    const v = ok<VisitorOut>(
      await h.as('demo-guard', 'gate.checkIn', visitorInput({ name: '孙准时' }), op(deviceTime))
    )
    expect(v.inAt).toBe(deviceTime)
    expect(v.inTimeFlag).toBeUndefined()
    expect(await stored(h, 'visitors', v.id)).not.toHaveProperty('inTimeFlag')
    const line = (await log()).find((i) => i.refId === v.id)!
    expect(line.timeFlag).toBeUndefined()
    expect(line.timeDoubt).toBeUndefined()
    expect((await csvLines()).find((l) => l.includes('孙准时'))).not.toContain('时间存疑')
  })

  it('an exit "before" its own check-in (the phone a day behind) is flagged 早于上一步, not stored before the entry', async () => {
    const v = ok<VisitorOut>(await h.as('demo-guard', 'gate.checkIn', visitorInput(), op(h.clock.now)))
    h.clock.now += 3600_000
    const out = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkOut',
        { visitorId: v.id, gate: '东门', idReturned: false, cardCollected: false },
        op(v.inAt - 3600_000)
      )
    )
    expect(out).toMatchObject({ outAt: h.clock.now, outTimeFlag: 'beforePrevious' })
    expect((await log()).find((i) => i.refId === v.id && i.event === 'visitorOut')?.timeDoubt).toBe(
      '时间存疑（早于上一步）'
    )
  })

  it('a vehicle in "in 1970" and out "in 2099": each time flagged apart, in the output and on the log lines', async () => {
    const car = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ plate: '粤C12345', case: 'business', driver: '周' }),
        op(0)
      )
    )
    expect(car).toMatchObject({ inAt: h.clock.now, inTimeFlag: 'tooOld' })
    h.clock.now += 600_000
    const out = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleOut',
        { id: 'vo-flag', gate: '东门', plate: '粤C12345', visitId: car.id },
        op(Y2099)
      )
    )
    expect(out).toMatchObject({ outAt: h.clock.now, inTimeFlag: 'tooOld', outTimeFlag: 'future' })
    expect(await stored(h, 'vehiclevisits', car.id)).toMatchObject({
      inTimeFlag: 'tooOld',
      outTimeFlag: 'future'
    })
    const lines = (await log()).filter((i) => i.refId === car.id)
    expect(lines.map((i) => [i.event, i.timeDoubt])).toEqual([
      ['vehicleIn', '时间存疑（超过72小时未上传）'],
      ['vehicleOut', '时间存疑（手机时间晚于服务器）']
    ])
  })

  it('a goods check "in 2099": the server’s time, flagged on the check, its output and its log line', async () => {
    const g = ok<GoodsCheckOut>(
      await h.as(
        'demo-guard',
        'gate.goodsCheck',
        goodsCheckInput({ holderName: '李搬家', result: 'refused', reason: '没有放行条' }),
        op(Y2099)
      )
    )
    expect(g).toMatchObject({ at: h.clock.now, timeFlag: 'future' })
    expect(await stored(h, 'goodschecks', g.id)).toMatchObject({ at: h.clock.now, timeFlag: 'future' })
    expect((await log()).find((i) => i.refId === g.id)).toMatchObject({
      event: 'goodsRefused',
      timeDoubt: '时间存疑（手机时间晚于服务器）'
    })
    expect((await csvLines()).find((l) => l.includes('李搬家'))).toContain('时间存疑（手机时间晚于服务器）')
  })
})
