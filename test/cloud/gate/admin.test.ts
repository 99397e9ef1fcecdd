/**
 * What supervisors manage for the gate, action by action, against real SQLite: the block list
 * (gate.blockSave / blockRemove), owner vehicles (gate.ownerVehicleSave / Remove) and
 * long-term construction permits (gate.permitSave). Each: the happy path and its effect at the
 * gate, bad input, the wrong role, another estate.
 */
import { makeHarness, ok, type Harness } from '../harness'
import type {
  BlockEntryOut,
  BlockHitOut,
  GateRefs,
  OwnerVehicleOut,
  PermitOut,
  VehicleItem,
  VisitorOut
} from '../../../src/domain/contract'
import { hashIdNumber } from '../../../src/domain/gate/idcard'
import { DAY, ID_NUMBER, OTHER, T0, addOtherEstate, refused, stored, vehicleInput, visitorInput } from './kit'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  await addOtherEstate(h)
})

const hits = async (c: Record<string, unknown>) =>
  ok<BlockHitOut[]>(await h.as('demo-guard', 'gate.blockCheck', c))

describe('gate.blockSave', () => {
  it('a person by name, phone and ID last four: listed masked, matched at the gate', async () => {
    const e = ok<BlockEntryOut>(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'bs-1',
        kind: 'person',
        name: '钱某',
        phone: '13811112222',
        idLast4: '123x',
        reason: '多次闹事'
      })
    )
    expect(e).toEqual({
      id: 'bs-1',
      kind: 'person',
      name: '钱某',
      phone: '138****2222',
      idLast4: '123X',
      hasIdHash: false,
      reason: '多次闹事',
      byName: '周主管',
      at: T0
    })
    expect((await hits({ phone: '13811112222' })).map((x) => x.entryId)).toEqual(['bs-1'])
    expect((await hits({ name: '钱某', idLast4: '123X' })).map((x) => x.matchedBy)).toEqual([
      '姓名和证件后四位'
    ])
    const refs = ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {}))
    expect(refs.blocklist.find((b) => b.id === 'bs-1')).toMatchObject({ phone: '138****2222' })
  })

  it('a person by the ID hash from the phone: stored peppered, never shown', async () => {
    const salt = ok<GateRefs>(await h.as('demo-supervisor', 'gate.refs', {})).idSalt
    const device = hashIdNumber(ID_NUMBER, salt)
    const e = ok<BlockEntryOut>(
      await h.as('demo-admin', 'gate.blockSave', {
        id: 'bs-2',
        kind: 'person',
        idHash: device,
        idLast4: '002X',
        reason: '盗窃'
      })
    )
    expect(e).toMatchObject({ hasIdHash: true, byName: '吴经理' })
    expect(JSON.stringify(e)).not.toContain(device)
    const kept = (await stored<{ idHash: string }>(h, 'blocklist', 'bs-2'))!
    expect(kept.idHash).toMatch(/^[0-9a-f]{64}$/)
    expect(kept.idHash).not.toBe(device)
    expect((await hits({ idHash: device }))[0]).toMatchObject({ entryId: 'bs-2', matchedBy: '证件号' })
    // and a visitor checked in with that ID carries the hit
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ idDoc: { type: 'idcard', last4: '002X', hash: device }, blockOverride: '业主担保' })
      )
    )
    expect(v.blockHit).toEqual({ entryId: 'bs-2', reason: '盗窃' })
  })

  it('a plate, normalised; saving the same id again changes the entry', async () => {
    ok(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'bs-3',
        kind: 'plate',
        plate: '粤a·88888',
        name: '忽略',
        reason: '欠费'
      })
    )
    expect(await stored(h, 'blocklist', 'bs-3')).toMatchObject({ plate: '粤A88888', kind: 'plate' })
    expect((await stored<Record<string, unknown>>(h, 'blocklist', 'bs-3'))!.name).toBeUndefined()
    h.clock.now += 1000
    ok(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'bs-3',
        kind: 'plate',
        plate: '粤A88888',
        reason: '欠费三个月'
      })
    )
    expect(await hits({ plate: '粤A88888' })).toEqual([
      { entryId: 'bs-3', kind: 'plate', matchedBy: '车牌', reason: '欠费三个月' }
    ])
    expect(await stored(h, 'blocklist', 'bs-3')).toMatchObject({ createdAt: T0, updatedAt: T0 + 1000 })
    const car = ok<VehicleItem>(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ plate: '粤A88888', case: 'business', blockOverride: '已缴费' })
      )
    )
    expect(car.blockHit).toEqual({ entryId: 'bs-3', reason: '欠费三个月' })
  })

  it('bad input', async () => {
    const s = 'demo-supervisor'
    await refused(
      h,
      s,
      'gate.blockSave',
      { id: 'bb-1', kind: 'person', reason: '无' },
      'INVALID_INPUT',
      '填写的内容有误：人员：姓名、手机号、证件号至少填一项'
    )
    await refused(
      h,
      s,
      'gate.blockSave',
      { id: 'bb-2', kind: 'plate', reason: '无' },
      'INVALID_INPUT',
      '填写的内容有误：车牌：请填写车牌号'
    )
    await refused(
      h,
      s,
      'gate.blockSave',
      { id: 'bb-3', kind: 'person', name: '某', idLast4: '12', reason: '无' },
      'INVALID_INPUT',
      /证件号后四位应为4位/
    )
    await refused(
      h,
      s,
      'gate.blockSave',
      { id: 'bb-4', kind: 'person', name: '某', reason: '' },
      'INVALID_INPUT'
    )
    await refused(
      h,
      s,
      'gate.blockSave',
      { id: 'bb-5', kind: 'person', idHash: ID_NUMBER, reason: '无' },
      'INVALID_INPUT',
      /证件摘要格式不正确/
    )
    await refused(
      h,
      s,
      'gate.blockSave',
      { id: 'bb-6', kind: 'car', plate: '粤A88888', reason: '无' },
      'INVALID_INPUT',
      /类型/
    )
    await refused(
      h,
      s,
      'gate.blockSave',
      { id: 'bb-7', kind: 'plate', plate: '粤A8888', reason: '无' },
      'INVALID_INPUT',
      /车牌号格式不正确/
    )
  })

  it('wrong role; another estate cannot touch this estate’s entries', async () => {
    const input = { id: 'bs-r', kind: 'plate', plate: '粤A88888', reason: '欠费' }
    await refused(h, 'sup-e2', 'gate.blockSave', { ...input, id: 'demo-block-2' }, 'NOT_FOUND', undefined, {
      estateId: OTHER
    })
    expect(await stored(h, 'blocklist', 'demo-block-2')).toMatchObject({
      plate: '粤A66666',
      estateId: 'demo-estate'
    })
  })
})

describe('gate.blockRemove', () => {
  it('takes the entry off: no more warnings, not in the phone’s list; once', async () => {
    ok(await h.as('demo-supervisor', 'gate.blockRemove', { entryId: 'demo-block-1' }))
    expect(await hits({ phone: '13700001111', name: '刘某' })).toEqual([])
    expect(ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).blocklist.map((b) => b.id)).toEqual([
      'demo-block-2'
    ])
    await refused(
      h,
      'demo-supervisor',
      'gate.blockRemove',
      { entryId: 'demo-block-1' },
      'NOT_FOUND',
      '没有找到这条黑名单记录'
    )
    // saved again, it is back
    ok(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'demo-block-1',
        kind: 'person',
        name: '刘某',
        phone: '13700001111',
        reason: '又来了'
      })
    )
    expect((await hits({ phone: '13700001111' }))[0]).toMatchObject({
      entryId: 'demo-block-1',
      reason: '又来了'
    })
  })

  it('bad input', async () => {
    await refused(h, 'demo-supervisor', 'gate.blockRemove', { entryId: 'no-such-entry' }, 'NOT_FOUND')
    await refused(h, 'demo-supervisor', 'gate.blockRemove', { id: 'demo-block-1' }, 'INVALID_INPUT')
    await refused(h, 'sup-e2', 'gate.blockRemove', { entryId: 'demo-block-1' }, 'NOT_FOUND', undefined, {
      estateId: OTHER
    })
    expect((await hits({ phone: '13700001111' })).length).toBe(1)
  })
})

/** The supervisor registers an owner car (the call must succeed). */
const saveCar = async (input: Record<string, unknown>) =>
  ok<OwnerVehicleOut>(await h.as('demo-supervisor', 'gate.ownerVehicleSave', input))
/** The room an owner car is let in for at the gate, with one tap. */
const carRoom = async (plate: string) =>
  ok<VehicleItem>(await h.as('demo-guard', 'gate.vehicleIn', vehicleInput({ plate }))).room

describe('gate.ownerVehicleSave', () => {
  it('registers a plate to a room: in the phone’s list, one tap in with the room', async () => {
    const o = await saveCar({ id: 'ov-1', plate: '粤c·12345', room: '3-1-101', ownerName: '郑先生' })
    expect(o).toEqual({ id: 'ov-1', plate: '粤C12345', room: '3-1-101', ownerName: '郑先生' })
    expect(
      ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).ownerVehicles.map((x) => x.plate)
    ).toContain('粤C12345')
    expect(await carRoom('粤C12345')).toBe('3-1-101')
    // moved to another room: same id
    await saveCar({ id: 'ov-1', plate: '粤C12345', room: '3-2-602' })
    expect(await carRoom('粤C12345')).toBe('3-2-602')
  })

  it('a plate is registered once per estate (removed ones do not count; other estates are separate)', async () => {
    await refused(
      h,
      'demo-supervisor',
      'gate.ownerVehicleSave',
      { id: 'ov-2', plate: '粤B12345', room: '3-1-101' },
      'DUPLICATE',
      '粤B·12345 已登记在 1-1-101'
    )
    ok(
      await h.as(
        'sup-e2',
        'gate.ownerVehicleSave',
        { id: 'ov-e2', plate: '粤B12345', room: '5-5-505' },
        { estateId: OTHER }
      )
    )
    ok(await h.as('demo-supervisor', 'gate.ownerVehicleRemove', { vehicleId: 'demo-car-1' }))
    await saveCar({ id: 'ov-2', plate: '粤B12345', room: '3-1-101' })
    expect(await carRoom('粤B12345')).toBe('3-1-101')
  })

  it('bad input', async () => {
    const s = 'demo-supervisor'
    await refused(
      h,
      s,
      'gate.ownerVehicleSave',
      { id: 'ov-b', plate: '粤C1234', room: '3-1-101' },
      'INVALID_INPUT',
      /车牌号格式不正确/
    )
    await refused(
      h,
      s,
      'gate.ownerVehicleSave',
      { id: 'ov-b', plate: '粤C12345', room: '' },
      'INVALID_INPUT',
      /房号/
    )
    await refused(
      h,
      'sup-e2',
      'gate.ownerVehicleSave',
      { id: 'demo-car-1', plate: '粤C12345', room: '9-9-909' },
      'NOT_FOUND',
      undefined,
      { estateId: OTHER }
    )
    expect(await stored(h, 'ownervehicles', 'demo-car-1')).toMatchObject({
      plate: '粤B12345',
      room: '1-1-101'
    })
  })
})

describe('gate.ownerVehicleRemove', () => {
  it('removes once', async () => {
    expect(ok(await h.as('demo-admin', 'gate.ownerVehicleRemove', { vehicleId: 'demo-car-2' }))).toEqual({
      removed: true
    })
    expect(ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).ownerVehicles.map((x) => x.id)).toEqual([
      'demo-car-1'
    ])
    await refused(
      h,
      'demo-admin',
      'gate.ownerVehicleRemove',
      { vehicleId: 'demo-car-2' },
      'NOT_FOUND',
      '没有找到这条业主车辆'
    )
  })

  it('bad input', async () => {
    await refused(h, 'demo-supervisor', 'gate.ownerVehicleRemove', { vehicleId: '' }, 'INVALID_INPUT')
    await refused(
      h,
      'sup-e2',
      'gate.ownerVehicleRemove',
      { vehicleId: 'demo-car-1' },
      'NOT_FOUND',
      undefined,
      { estateId: OTHER }
    )
  })
})

describe('gate.permitSave', () => {
  const permit = (extra: Record<string, unknown> = {}) => ({
    id: 'pm-1',
    no: 'SG2026009',
    holderName: '何师傅',
    idLast4: '123x',
    company: '美居装饰',
    room: '3-2-501',
    validFrom: T0 - DAY,
    validTo: T0 + 30 * DAY,
    ...extra
  })

  it('registers a permit the guard can check a worker in with', async () => {
    const p = ok<PermitOut>(await h.as('demo-supervisor', 'gate.permitSave', permit()))
    expect(p).toEqual({
      id: 'pm-1',
      no: 'SG2026009',
      holderName: '何师傅',
      idLast4: '123X',
      company: '美居装饰',
      room: '3-2-501',
      validFrom: T0 - DAY,
      validTo: T0 + 30 * DAY,
      problem: undefined
    })
    expect(ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).permits.map((x) => x.no)).toContain(
      'SG2026009'
    )
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG2026009' } })
      )
    )
    expect(v.construction).toMatchObject({ permitId: 'pm-1' })
  })

  it('renewing an expired permit (same id) lets its holder in again', async () => {
    const expired = visitorInput({
      case: 'construction',
      construction: { kind: 'longTerm', permitNo: 'SG2026002' }
    })
    await refused(h, 'demo-guard', 'gate.checkIn', expired, 'PERMIT_INVALID')
    const p = ok<PermitOut>(
      await h.as('demo-supervisor', 'gate.permitSave', {
        ...permit({ id: 'demo-permit-2', no: 'SG2026002', idLast4: '5678', validTo: T0 + 10 * DAY })
      })
    )
    expect(p.problem).toBeUndefined()
    ok(await h.as('demo-guard', 'gate.checkIn', expired))
  })

  it('a permit already over is registered with its problem shown', async () => {
    const p = ok<PermitOut>(
      await h.as(
        'demo-supervisor',
        'gate.permitSave',
        permit({ validFrom: T0 - 10 * DAY, validTo: T0 - DAY })
      )
    )
    expect(p.problem).toBe('施工许可证已过期，不能进场施工')
  })

  it('bad input, duplicate number', async () => {
    const s = 'demo-supervisor'
    await refused(
      h,
      s,
      'gate.permitSave',
      permit({ validTo: T0 - 2 * DAY }),
      'INVALID_INPUT',
      '填写的内容有误：有效期：结束日期应不早于开始日期'
    )
    await refused(h, s, 'gate.permitSave', permit({ idLast4: '123' }), 'INVALID_INPUT', /证件号后四位应为4位/)
    await refused(h, s, 'gate.permitSave', permit({ company: '' }), 'INVALID_INPUT')
    await refused(h, s, 'gate.permitSave', permit({ validFrom: 'today' }), 'INVALID_INPUT', /开始时间/)
    await refused(
      h,
      s,
      'gate.permitSave',
      permit({ no: 'SG2026001' }),
      'DUPLICATE',
      '编号 SG2026001 的施工许可证已经登记过了'
    )
    await refused(h, 'sup-e2', 'gate.permitSave', permit({ id: 'demo-permit-1' }), 'NOT_FOUND', undefined, {
      estateId: OTHER
    })
    // the same number in another estate is another permit
    ok(await h.as('sup-e2', 'gate.permitSave', permit({ id: 'pm-e2', no: 'SG2026001' }), { estateId: OTHER }))
  })
})
