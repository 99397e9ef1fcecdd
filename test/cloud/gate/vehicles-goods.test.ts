/**
 * Vehicles and goods leaving, action by action, against real SQLite: gate.vehicleIn,
 * gate.vehicleOut, gate.goodsSlipCheck, gate.goodsCheck and the desk's gate.goodsIssue /
 * goodsRevoke / goodsSlips. Each: the happy path, bad input, the wrong role, another estate,
 * and its conflicts.
 */
import { ok, code, type Harness } from '../harness'
import type {
  GateBoard,
  GateLogPage,
  GoodsCheckOut,
  GoodsSlipCheckOut,
  VehicleItem
} from '../../../src/domain/contract'
import { localDate } from '../../../src/domain/time'
import type { Envelope } from '../../../src/domain/errors'
import {
  DAY,
  H,
  OTHER,
  T0,
  TODAY,
  gateHarness,
  countWhere,
  goodsCheckInput,
  makeGoodsSlip,
  msg,
  refused,
  stored,
  vehicleInput
} from './kit'

let h: Harness
beforeEach(async () => {
  h = await gateHarness()
})

/** The same op sent again: the stored answer, marked as a replay. */
function expectReplay(again: Envelope<unknown>, first: Envelope<unknown>) {
  expect(again).toMatchObject({ ok: true, replayed: true })
  expect(ok(again)).toEqual(ok(first))
}

const count = (coll: string) => h.count(coll)

describe('gate.vehicleIn', () => {
  it('an owner car: one tap, the room it is registered to, driver and passengers; not on the outside-vehicle board', async () => {
    const car = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ id: 'vi-1', plate: '粤bd·12345', driver: '林女士', passengers: '女儿' })
      )
    )
    expect(car).toMatchObject({
      id: 'vi-1',
      plate: '粤BD12345',
      kind: 'owner',
      case: 'owner',
      room: '2-1-302',
      driver: '林女士',
      passengers: '女儿',
      status: 'inside',
      inAt: T0,
      byName: '张卫国',
      overstay: false
    })
    expect(await stored(h, 'vehiclevisits', 'vi-1')).toMatchObject({ ownerVehicleId: 'demo-car-2' })
    expect(await stored(h, 'gateevents', 'vi-1.vehicleIn')).toMatchObject({
      subject: '粤B·D12345',
      type: 'vehicle'
    })
    const b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.vehicles).toEqual([])
    expect(b.counts).toMatchObject({ vehiclesIn: 1, vehiclesInside: 0 })
    // the owner-car screen can say it is inside: the board lists owner cars in, apart
    expect(b.ownerCarsInside).toEqual([{ id: 'vi-1', plate: '粤BD12345', inAt: T0, gate: '东门' }])
    ok(await h.as('demo-guard', 'gate.vehicleOut', { id: 'vo-1', gate: '东门', plate: '粤BD12345' }))
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).ownerCarsInside).toEqual([])
  })

  it('outside vehicles by the script: business with ID and IC card, delivery, viewing guided to the clubhouse, refused', async () => {
    const biz = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({
          id: 'vo-1',
          plate: '粤C12345',
          case: 'business',
          driver: '周',
          idDoc: { type: 'idcard', last4: '002X', hash: 'e'.repeat(64) },
          idDeposited: true,
          icCardNo: 'IC-7'
        })
      )
    )
    expect(biz).toMatchObject({
      kind: 'outside',
      case: 'business',
      idDeposited: true,
      icCardNo: 'IC-7',
      status: 'inside'
    })
    expect(biz.room).toBeUndefined()
    const stay = (await stored<{ idDoc: { type: string; last4: string; hash: string } }>(
      h,
      'vehiclevisits',
      'vo-1'
    ))!
    expect(stay.idDoc).toMatchObject({ type: 'idcard', last4: '002X' })
    expect(stay.idDoc.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stay.idDoc.hash).not.toBe('e'.repeat(64))
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({
          id: 'vo-2',
          plate: '粤C22222',
          case: 'delivery',
          deliverTo: '2-1-302',
          idDeposited: true,
          idDoc: { type: 'none', last4: '' }
        })
      )
    )
    const view = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ id: 'vo-3', plate: '粤C33333', case: 'viewing', result: 'redirected' })
      )
    )
    expect(view.status).toBe('redirected')
    const no = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ id: 'vo-4', plate: '粤C44444', case: 'business', result: 'refused', reason: '无预约' })
      )
    )
    expect(no).toMatchObject({ status: 'refused', reason: '无预约' })
    expect(await stored(h, 'gateevents', 'vo-4.vehicleRefused')).toMatchObject({ event: 'vehicleRefused' })
    const b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.vehicles.map((v) => v.id)).toEqual(['vo-1', 'vo-2'])
    expect(b.counts).toMatchObject({ vehiclesInside: 2, vehiclesIn: 2 })
  })

  it('a plate on the block list is let in only by the guard’s decision, with the hit recorded', async () => {
    const car = { plate: '粤A·66666', case: 'business' }
    await refused(h, 'demo-guard', 'gate.vehicleIn', vehicleInput(car), 'BLOCK_LISTED', /请写明放行原因/)
    const v = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ ...car, id: 'car-block', blockOverride: '物业经理要求放行' })
      )
    )
    expect(v.blockHit).toEqual({ entryId: 'demo-block-2', reason: '欠费车辆，禁止入场' })
    expect(await stored(h, 'vehiclevisits', 'car-block')).toMatchObject({ blockOverride: '物业经理要求放行' })
    const log = ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date: TODAY }))
    expect(log.items.find((e) => e.refId === 'car-block')?.detail).toContain('放行原因：物业经理要求放行')
  })

  it('a block-listed plate turned away leaves a 车辆未放行 line in the day log, no reason asked beyond the list', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({
          id: 'car-turned',
          plate: '粤A66666',
          case: 'business',
          result: 'refused',
          reason: '黑名单：欠费车辆，禁止入场'
        })
      )
    )
    const log = ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date: TODAY }))
    expect(log.items.find((e) => e.refId === 'car-turned')).toMatchObject({
      eventLabel: '车辆未放行',
      subject: '粤A·66666',
      detail: '公司业务 · 原因：黑名单：欠费车辆，禁止入场'
    })
  })

  it('bad input: unregistered owner car, bad plate, ID without its hash, refusal without reason', async () => {
    const g = 'demo-guard'
    await refused(
      h,
      g,
      'gate.vehicleIn',
      vehicleInput({ plate: '粤B99999' }),
      'INVALID_INPUT',
      '填写的内容有误：车牌：粤B·99999 没有登记为业主车辆，请按外来车辆登记'
    )
    await refused(
      h,
      g,
      'gate.vehicleIn',
      vehicleInput({ plate: '粤B1O345' }),
      'INVALID_INPUT',
      '填写的内容有误：车牌：车牌号格式不正确（如 粤B12345，新能源 粤BD12345）'
    )
    await refused(h, g, 'gate.vehicleIn', vehicleInput({ plate: '' }), 'INVALID_INPUT', /车牌/)
    await refused(
      h,
      g,
      'gate.vehicleIn',
      vehicleInput({ case: 'business', plate: '粤C12345', idDoc: { type: 'idcard', last4: '002X' } }),
      'INVALID_INPUT',
      /证件/
    )
    await refused(
      h,
      g,
      'gate.vehicleIn',
      vehicleInput({ case: 'business', plate: '粤C12345', result: 'refused' }),
      'INVALID_INPUT',
      /未放行：请写明原因/
    )
    await refused(h, g, 'gate.vehicleIn', vehicleInput({ case: 'taxi' }), 'INVALID_INPUT', /类型/)
    await refused(h, g, 'gate.vehicleIn', vehicleInput({ idDeposited: undefined }), 'INVALID_INPUT', /押证/)
  })

  it('an owner car registered in another estate, or removed, is not an owner car here', async () => {
    ok(
      await h.as(
        'sup-e2',
        'gate.ownerVehicleSave',
        { id: 'ov-e2', plate: '粤C77777', room: '9-9-909' },
        { estateId: OTHER }
      )
    )
    await refused(
      h,
      'g-both',
      'gate.vehicleIn',
      vehicleInput({ plate: '粤C77777' }),
      'INVALID_INPUT',
      /没有登记为业主车辆/
    )
    expect(
      ok<VehicleItem>(
        await h.as('g-both', 'gate.vehicleIn', vehicleInput({ plate: '粤C77777' }), { estateId: OTHER })
      ).room
    ).toBe('9-9-909')
    ok(await h.as('demo-supervisor', 'gate.ownerVehicleRemove', { vehicleId: 'demo-car-1' }))
    await refused(
      h,
      'demo-guard',
      'gate.vehicleIn',
      vehicleInput({ plate: '粤B12345' }),
      'INVALID_INPUT',
      /没有登记为业主车辆/
    )
  })

  it('duplicate id, replay', async () => {
    const input = vehicleInput({ id: 'vi-dup' })
    const op = h.opSeq()
    const a = await h.as('demo-guard', 'gate.vehicleIn', input, { op })
    expectReplay(await h.as('demo-guard', 'gate.vehicleIn', input, { op }), a)
    await refused(h, 'demo-guard', 'gate.vehicleIn', input, 'DUPLICATE', '这次车辆入场已经登记过了')
  })
})

describe('gate.vehicleOut', () => {
  it('closes the plate’s open stay: exit gate and guard, ID returned and IC card collected', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({
          id: 'st-1',
          plate: '粤C12345',
          case: 'business',
          idDoc: { type: 'none', last4: '' },
          idDeposited: true,
          icCardNo: 'IC-1'
        })
      )
    )
    h.clock.now += 2 * H
    const out = ok<VehicleItem>(
      await h.as('g2', 'gate.vehicleOut', {
        id: 'st-1-out',
        gate: '南门',
        plate: '粤c·12345',
        idReturned: true,
        cardCollected: true
      })
    )
    expect(out).toMatchObject({ id: 'st-1', status: 'left', inAt: T0, outAt: T0 + 2 * H, gate: '东门' })
    expect(await stored(h, 'vehiclevisits', 'st-1')).toMatchObject({
      outGate: '南门',
      outByName: '员工g2',
      idReturned: true,
      cardCollected: true
    })
    expect(await stored(h, 'vehiclevisits', 'st-1-out')).toBeUndefined()
    expect(await stored(h, 'gateevents', 'st-1.vehicleOut')).toMatchObject({
      gate: '南门',
      by: 'g2',
      at: T0 + 2 * H
    })
    // an owner car: nothing deposited, nothing to return
    ok(await h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ id: 'st-2' })))
    const own = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleOut', {
        id: 'st-2-out',
        gate: '东门',
        plate: '粤B12345',
        driver: '陈先生',
        passengers: '2人'
      })
    )
    expect(own).toMatchObject({ id: 'st-2', driver: '陈先生', passengers: '2人' })
    const st2 = (await stored<Record<string, unknown>>(h, 'vehiclevisits', 'st-2'))!
    expect(st2.idReturned).toBeUndefined()
    expect(st2.cardCollected).toBeUndefined()
  })

  it('ID not returned and card not collected are recorded as false', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({
          id: 'st-3',
          plate: '粤C12345',
          case: 'business',
          idDoc: { type: 'none', last4: '' },
          idDeposited: true,
          icCardNo: 'IC-2'
        })
      )
    )
    ok(
      await h.as('demo-guard', 'gate.vehicleOut', {
        id: 'st-3-out',
        gate: '东门',
        plate: '粤C12345',
        visitId: 'st-3'
      })
    )
    expect(await stored(h, 'vehiclevisits', 'st-3')).toMatchObject({
      idReturned: false,
      cardCollected: false
    })
  })

  it('a car leaving with no entry on record gets an exit-only record', async () => {
    const ghost = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleOut', { id: 'ex-1', gate: '南门', plate: '粤C55555' })
    )
    expect(ghost).toMatchObject({
      id: 'ex-1',
      status: 'left',
      kind: 'outside',
      reason: '没有入场记录',
      outAt: T0
    })
    expect(ghost.inAt).toBeUndefined()
    const owner = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleOut', { id: 'ex-2', gate: '南门', plate: '粤BD12345' })
    )
    expect(owner).toMatchObject({ kind: 'owner', room: '2-1-302', status: 'left' })
    expect(await countWhere(h, 'gateevents', 'event', 'vehicleOut')).toBe(2)
    await refused(
      h,
      'demo-guard',
      'gate.vehicleOut',
      { id: 'ex-1', gate: '南门', plate: '粤C55555' },
      'CONFLICT'
    )
  })

  it('by its stay: the plate must match; a stay that ended or was refused cannot exit', async () => {
    const g = 'demo-guard'
    ok(await h.as(g, 'gate.vehicleIn', vehicleInput({ id: 'vs-1' })))
    await refused(
      h,
      g,
      'gate.vehicleOut',
      { id: 'vs-x', gate: '东门', plate: '粤BD12345', visitId: 'vs-1' },
      'INVALID_INPUT',
      '填写的内容有误：车牌：与入场记录不一致'
    )
    await refused(
      h,
      g,
      'gate.vehicleOut',
      { id: 'vs-x', gate: '东门', plate: '粤B12345', visitId: 'no-such-visit' },
      'NOT_FOUND',
      '没有找到这辆车的入场记录'
    )
    ok(await h.as(g, 'gate.vehicleOut', { id: 'vs-1-out', gate: '东门', plate: '粤B12345', visitId: 'vs-1' }))
    await refused(
      h,
      'g2',
      'gate.vehicleOut',
      { id: 'vs-x', gate: '东门', plate: '粤B12345', visitId: 'vs-1' },
      'CONFLICT',
      '这辆车已出场，不能再登记出场（张卫国 已登记）'
    )
    // a stay refused or redirected at the gate never began
    const neverIn: [Record<string, string>, string?][] = [
      [
        { plate: '粤C44444', case: 'business', result: 'refused', reason: '无预约' },
        '这辆车已被拒绝进入，不能再登记出场'
      ],
      [{ plate: '粤C33333', case: 'viewing', result: 'redirected' }]
    ]
    for (const [i, [car, why]] of neverIn.entries()) {
      const id = `vs-${i + 2}`
      ok(await h.as(g, 'gate.vehicleIn', vehicleInput({ id, ...car })))
      const out = { id: `${id}-out`, gate: '东门', plate: car.plate, visitId: id }
      await refused(h, g, 'gate.vehicleOut', out, 'CONFLICT', why)
    }
  })

  it('two guards logging the same stay out at once: exactly one succeeds', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ id: 'vr-1', plate: '粤C12345', case: 'business' })
      )
    )
    const rs = await Promise.all([
      h.as('demo-guard', 'gate.vehicleOut', { id: 'vr-a', gate: '东门', plate: '粤C12345', visitId: 'vr-1' }),
      h.as('g2', 'gate.vehicleOut', { id: 'vr-b', gate: '南门', plate: '粤C12345', visitId: 'vr-1' })
    ])
    expect(rs.map(code).sort()).toEqual(['CONFLICT', 'OK'])
    expect(msg(rs.find((r) => !r.ok)!)).toMatch(/已出场/)
    expect(await countWhere(h, 'gateevents', 'event', 'vehicleOut')).toBe(1)
  })

  it('replay, bad input', async () => {
    ok(await h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ id: 'vx-1' })))
    const input = { id: 'vx-1-out', gate: '东门', plate: '粤B12345' }
    const op = h.opSeq()
    const a = await h.as('demo-guard', 'gate.vehicleOut', input, { op })
    expectReplay(await h.as('demo-guard', 'gate.vehicleOut', input, { op }), a)
    expect(await countWhere(h, 'gateevents', 'event', 'vehicleOut')).toBe(1)
    ok(await h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ id: 'vx-2' })))
    await refused(
      h,
      'demo-guard',
      'gate.vehicleOut',
      { ...input, plate: '粤B123' },
      'INVALID_INPUT',
      /车牌号格式不正确/
    )
    await refused(
      h,
      'demo-guard',
      'gate.vehicleOut',
      { ...input, idReturned: 'yes' },
      'INVALID_INPUT',
      /退还证件/
    )
    await refused(h, 'g-both', 'gate.vehicleOut', { ...input, visitId: 'vx-2' }, 'NOT_FOUND', undefined, {
      estateId: OTHER
    })
    expect(await stored(h, 'vehiclevisits', 'vx-2')).toMatchObject({ status: 'inside' })
  })
})

describe('gate.goodsSlipCheck', () => {
  it('finds the slip by its code and says why it cannot be used', async () => {
    const g = 'demo-guard'
    const p = await makeGoodsSlip(h)
    const r = ok<GoodsSlipCheckOut>(await h.as(g, 'gate.goodsSlipCheck', { code: p.code }))
    expect(r.pass).toMatchObject({
      id: p.id,
      holderName: '陈先生',
      room: '1-1-101',
      signer: '陈先生',
      date: TODAY,
      status: 'issued',
      byName: '孙客服'
    })
    expect(r.problem).toBeUndefined()
    const tomorrow = await makeGoodsSlip(h, { date: localDate(T0 + DAY) })
    expect(ok<GoodsSlipCheckOut>(await h.as(g, 'gate.goodsSlipCheck', { code: tomorrow.code })).problem).toBe(
      '放行条日期是 2026-11-24，还没到日期'
    )
    const revoked = await makeGoodsSlip(h)
    ok(await h.as('demo-service', 'gate.goodsRevoke', { passId: revoked.id }))
    expect(ok<GoodsSlipCheckOut>(await h.as(g, 'gate.goodsSlipCheck', { code: revoked.code })).problem).toBe(
      '这张放行条已作废'
    )
    ok(await h.as(g, 'gate.goodsCheck', goodsCheckInput({ passId: p.id })))
    expect(ok<GoodsSlipCheckOut>(await h.as(g, 'gate.goodsSlipCheck', { code: p.code })).problem).toBe(
      '这张放行条已放行过'
    )
    h.clock.now += DAY
    expect(
      ok<GoodsSlipCheckOut>(await h.as(g, 'gate.goodsSlipCheck', { code: tomorrow.code })).problem
    ).toBeUndefined()
    h.clock.now += DAY
    expect(ok<GoodsSlipCheckOut>(await h.as(g, 'gate.goodsSlipCheck', { code: tomorrow.code })).problem).toBe(
      '放行条日期是 2026-11-24，已过期'
    )
  })

  it('unknown or another estate’s code, bad input', async () => {
    const theirs = await makeGoodsSlip(h, {}, 'desk-e2', OTHER)
    await refused(
      h,
      'demo-guard',
      'gate.goodsSlipCheck',
      { code: theirs.code },
      'NOT_FOUND',
      /没有这个编号的放行条/
    )
    await refused(
      h,
      'demo-guard',
      'gate.goodsSlipCheck',
      { code: 'GWT-G:123456' },
      'INVALID_INPUT',
      /放行条编号是6位数字/
    )
  })
})

describe('gate.goodsCheck', () => {
  it('released with the pass: every check done, the pass used, the event says what left', async () => {
    const p = await makeGoodsSlip(h)
    const photos = ['photo-1-abcdefgh', 'photo-2-abcdefgh']
    const r = ok<GoodsCheckOut>(
      await h.as(
        'demo-guard',
        'gate.goodsCheck',
        goodsCheckInput({
          id: 'gc-1',
          passId: p.id,
          items: p.items,
          lorry: true,
          lorryOpened: true,
          photoIds: photos
        })
      )
    )
    expect(r).toMatchObject({
      id: 'gc-1',
      passId: p.id,
      holderName: '陈先生',
      room: '1-1-101',
      lorry: true,
      lorryOpened: true,
      photoIds: photos,
      result: 'released',
      at: T0,
      gate: '东门',
      byName: '张卫国'
    })
    expect(await stored(h, 'goodspasses', p.id)).toMatchObject({
      status: 'released',
      checkId: 'gc-1',
      checkedAt: T0
    })
    expect(await stored(h, 'gateevents', 'gc-1.goodsReleased')).toMatchObject({
      subject: '陈先生',
      detail: `放行条 ${p.code} · 1-1-101 · 旧沙发×1、纸箱×3 · 货车已开箱`
    })
  })

  it('released needs signature, stamp, authority, matching items and an opened lorry: every gap named', async () => {
    const p = await makeGoodsSlip(h)
    await refused(
      h,
      'demo-guard',
      'gate.goodsCheck',
      goodsCheckInput({
        passId: p.id,
        lorry: true,
        signatureOk: false,
        stampOk: false,
        authorityOk: false,
        itemsMatch: false
      }),
      'INVALID_INPUT',
      '填写的内容有误：放行：物品与放行条不符；签名未核对；未加盖管理中心印章；签名人无此权限；货车未开箱检查，不能放行'
    )
    await refused(
      h,
      'demo-guard',
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, lorry: true, lorryOpened: false }),
      'INVALID_INPUT',
      /货车未开箱检查/
    )
    await refused(
      h,
      'demo-guard',
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, stampOk: false }),
      'INVALID_INPUT',
      /未加盖管理中心印章/
    )
    await refused(
      h,
      'demo-guard',
      'gate.goodsCheck',
      goodsCheckInput(),
      'INVALID_INPUT',
      /没有放行条的物品不能放行/
    )
    await refused(
      h,
      'demo-guard',
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, result: 'refused' }),
      'INVALID_INPUT',
      /拒绝放行：请写明原因/
    )
    expect(await stored(h, 'goodspasses', p.id)).toMatchObject({ status: 'issued' })
  })

  it('refused with a pass: the pass is refused too; without a pass: recorded as such; a paper slip can be released', async () => {
    const p = await makeGoodsSlip(h)
    const r = ok<GoodsCheckOut>(
      await h.as(
        'demo-guard',
        'gate.goodsCheck',
        goodsCheckInput({
          id: 'gc-r',
          passId: p.id,
          itemsMatch: false,
          result: 'refused',
          reason: '多了一台电视'
        })
      )
    )
    expect(r).toMatchObject({ result: 'refused', reason: '多了一台电视' })
    expect(await stored(h, 'goodspasses', p.id)).toMatchObject({ status: 'refused', checkId: 'gc-r' })
    ok(
      await h.as(
        'demo-guard',
        'gate.goodsCheck',
        goodsCheckInput({
          id: 'gc-n',
          items: [{ name: '电脑', qty: 1 }],
          result: 'refused',
          reason: '没有放行条'
        })
      )
    )
    expect(await stored(h, 'gateevents', 'gc-n.goodsRefused')).toMatchObject({
      subject: '无放行条',
      detail: '无放行条 · 电脑×1 · 原因：没有放行条'
    })
    ok(
      await h.as(
        'demo-guard',
        'gate.goodsCheck',
        goodsCheckInput({ id: 'gc-s', slipNo: 'ZJ-001', holderName: '李', room: '3-1-101' })
      )
    )
    expect(await stored(h, 'gateevents', 'gc-s.goodsReleased')).toMatchObject({
      subject: '李',
      detail: '纸质放行条 ZJ-001 · 3-1-101 · 旧沙发×1'
    })
  })

  it('a pass is used once: released, refused or revoked passes conflict; a pass for another day is not released', async () => {
    const g = 'demo-guard'
    const p = await makeGoodsSlip(h)
    ok(await h.as(g, 'gate.goodsCheck', goodsCheckInput({ passId: p.id })))
    await refused(h, g, 'gate.goodsCheck', goodsCheckInput({ passId: p.id }), 'CONFLICT', '这张放行条已放行')
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, result: 'refused', reason: '再来' }),
      'CONFLICT',
      '这张放行条已放行'
    )
    const rv = await makeGoodsSlip(h)
    ok(await h.as('demo-service', 'gate.goodsRevoke', { passId: rv.id }))
    await refused(h, g, 'gate.goodsCheck', goodsCheckInput({ passId: rv.id }), 'CONFLICT', '这张放行条已作废')
    const tomorrow = await makeGoodsSlip(h, { date: localDate(T0 + DAY) })
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({ passId: tomorrow.id }),
      'PASS_INVALID',
      '放行条日期是 2026-11-24，还没到日期'
    )
    const yesterday = await makeGoodsSlip(h)
    h.clock.now += DAY
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({ passId: yesterday.id }),
      'PASS_INVALID',
      '放行条日期是 2026-11-23，已过期'
    )
    // turning away goods on an out-of-date pass is fine and uses the pass up
    ok(
      await h.as(
        g,
        'gate.goodsCheck',
        goodsCheckInput({ passId: yesterday.id, result: 'refused', reason: '放行条过期' })
      )
    )
    expect(await stored(h, 'goodspasses', yesterday.id)).toMatchObject({ status: 'refused' })
  })

  it('two guards releasing the same pass at once: exactly one does', async () => {
    const p = await makeGoodsSlip(h)
    const rs = await Promise.all([
      h.as('demo-guard', 'gate.goodsCheck', goodsCheckInput({ passId: p.id })),
      h.as('g2', 'gate.goodsCheck', goodsCheckInput({ passId: p.id, gate: '南门' }))
    ])
    expect(rs.map(code).sort()).toEqual(['CONFLICT', 'OK'])
    expect(msg(rs.find((r) => !r.ok)!)).toBe('这张放行条已放行')
    expect(await count('goodschecks')).toBe(1)
  })

  it('another estate’s pass is not found here and stays as it was', async () => {
    const theirs = await makeGoodsSlip(h, {}, 'desk-e2', OTHER)
    await refused(
      h,
      'g-both',
      'gate.goodsCheck',
      goodsCheckInput({ passId: theirs.id }),
      'NOT_FOUND',
      '没有找到这张放行条'
    )
    expect(await stored(h, 'goodspasses', theirs.id)).toMatchObject({ status: 'issued' })
    ok(
      await h.as('g-both', 'gate.goodsCheck', goodsCheckInput({ passId: theirs.id, gate: '北门' }), {
        estateId: OTHER
      })
    )
  })

  it('bad input, duplicate, replay', async () => {
    const g = 'demo-guard'
    const p = await makeGoodsSlip(h)
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, items: [] }),
      'INVALID_INPUT',
      /至少一件物品/
    )
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, items: [{ name: '床', qty: 0 }] }),
      'INVALID_INPUT',
      /至少1/
    )
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({
        passId: p.id,
        photoIds: Array.from({ length: 10 }, (_, i) => `photo-${i}-abcdefgh`)
      }),
      'INVALID_INPUT',
      /最多9张照片/
    )
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, stampOk: 'yes' }),
      'INVALID_INPUT',
      /印章核对/
    )
    await refused(
      h,
      g,
      'gate.goodsCheck',
      goodsCheckInput({ passId: p.id, result: 'ok' }),
      'INVALID_INPUT',
      /处理结果/
    )
    const input = goodsCheckInput({ id: 'gc-dup', passId: p.id })
    const op = h.opSeq()
    const a = await h.as(g, 'gate.goodsCheck', input, { op })
    expectReplay(await h.as(g, 'gate.goodsCheck', input, { op }), a)
    await refused(h, g, 'gate.goodsCheck', input, 'DUPLICATE', '这次物品检查已经登记过了')
    expect(await count('goodschecks')).toBe(1)
  })
})

describe('gate.goodsIssue', () => {
  it('a slip for today or a later day with a six-digit code; once per op', async () => {
    const p = await makeGoodsSlip(
      h,
      { holderKind: 'contractor', holderName: '美居装饰', signer: '物业中心 周主管', note: '装修垃圾' },
      'demo-supervisor'
    )
    expect(p).toMatchObject({
      holderKind: 'contractor',
      holderName: '美居装饰',
      status: 'issued',
      byName: '周主管',
      date: TODAY,
      note: '装修垃圾'
    })
    expect(p.code).toMatch(/^[1-9]\d{5}$/)
    expect((await makeGoodsSlip(h, { date: localDate(T0 + 7 * DAY) })).date).toBe('2026-11-30')
    const input = {
      id: 'gi-op',
      holderKind: 'owner',
      holderName: '陈',
      room: '1-1-101',
      items: [{ name: '床', qty: 1 }],
      signer: '陈',
      date: TODAY
    }
    const op = h.opSeq()
    const a = await h.as('demo-service', 'gate.goodsIssue', input, { op })
    expectReplay(await h.as('demo-service', 'gate.goodsIssue', input, { op }), a)
    await refused(h, 'demo-service', 'gate.goodsIssue', input, 'DUPLICATE')
  })

  it('bad input', async () => {
    const base = {
      id: 'gi-bad',
      holderKind: 'owner',
      holderName: '陈',
      room: '1-1-101',
      items: [{ name: '床', qty: 1 }],
      signer: '陈',
      date: TODAY
    }
    const d = 'demo-service'
    await refused(
      h,
      d,
      'gate.goodsIssue',
      { ...base, date: localDate(T0 - DAY) },
      'INVALID_INPUT',
      '填写的内容有误：日期：不能早于今天'
    )
    await refused(
      h,
      d,
      'gate.goodsIssue',
      { ...base, date: '2026/11/23' },
      'INVALID_INPUT',
      /日期格式应为 YYYY-MM-DD/
    )
    await refused(h, d, 'gate.goodsIssue', { ...base, items: [] }, 'INVALID_INPUT', /至少一件物品/)
    await refused(
      h,
      d,
      'gate.goodsIssue',
      { ...base, items: Array.from({ length: 51 }, () => ({ name: '箱', qty: 1 })) },
      'INVALID_INPUT',
      /最多50种物品/
    )
    await refused(h, d, 'gate.goodsIssue', { ...base, holderKind: 'tenant' }, 'INVALID_INPUT', /持条人类型/)
    await refused(h, d, 'gate.goodsIssue', { ...base, signer: '' }, 'INVALID_INPUT')
  })
})
