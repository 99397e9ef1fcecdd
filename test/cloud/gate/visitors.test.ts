/**
 * The visitor side of the gate, action by action, against real SQLite: gate.refs, gate.board,
 * gate.blockCheck, gate.checkIn, gate.checkOut, gate.visitor, gate.passCheck and the desk's
 * gate.passCreate / passRevoke / passes. Each: the happy path, bad input, the wrong role,
 * another estate, and its conflicts.
 */
import { ok, code, type Harness } from '../harness'
import type {
  BlockHitOut,
  GateBoard,
  GateLogPage,
  GateRefs,
  PassCheckOut,
  PassOut,
  VisitorOut
} from '../../../src/domain/contract'
import { hashIdNumber } from '../../../src/domain/gate/idcard'
import {
  DAY,
  H,
  ID_NUMBER,
  OTHER,
  T0,
  TODAY,
  gateHarness,
  countWhere,
  makePass,
  msg,
  refused,
  stored,
  visitorInput
} from './kit'

let h: Harness
beforeEach(async () => {
  h = await gateHarness()
})

describe('gate.refs', () => {
  it('gives the phone what it needs offline: salt, overstay hours, gates, owner cars, permits, block list', async () => {
    const r = ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {}))
    expect(r.idSalt).toMatch(/^[0-9a-f]{32}$/)
    expect(r.idSalt).not.toContain('test-salt')
    expect(r.overstayHours).toBe(4)
    expect(r.gates).toEqual(['东门', '南门'])
    expect(r.ownerVehicles.map((o) => [o.plate, o.room]).sort()).toEqual([
      ['粤B12345', '1-1-101'],
      ['粤BD12345', '2-1-302']
    ])
    const permits = Object.fromEntries(r.permits.map((p) => [p.no, p.problem]))
    expect(permits).toEqual({ SG2026001: undefined, SG2026002: '施工许可证已过期，不能进场施工' })
    expect(r.blocklist.find((b) => b.kind === 'person')).toMatchObject({
      name: '刘某',
      phone: '137****1111',
      reason: '多次冒充快递员进入小区'
    })
    expect(r.blocklist.find((b) => b.kind === 'plate')).toMatchObject({ plate: '粤A66666' })
    expect(JSON.stringify(r)).not.toContain('13700001111')
    expect(r.at).toBe(h.clock.now)
    // the same salt every time, for every guard and supervisor of the estate
    expect(ok<GateRefs>(await h.as('demo-supervisor', 'gate.refs', {})).idSalt).toBe(r.idSalt)
  })

  it('each estate has its own salt, gates and lists; its overstay setting is used', async () => {
    const here = ok<GateRefs>(await h.as('g-both', 'gate.refs', {}))
    const there = ok<GateRefs>(await h.as('g-both', 'gate.refs', {}, { estateId: OTHER }))
    expect(there.idSalt).toMatch(/^[0-9a-f]{32}$/)
    expect(there.idSalt).not.toBe(here.idSalt)
    expect(there).toMatchObject({ gates: [], ownerVehicles: [], blocklist: [], permits: [] })
    const e = (await h.db.get<{ _id: string; _v: number; settings: Record<string, unknown> }>(
      'estates',
      OTHER
    ))!
    await h.db.update('estates', OTHER, e._v, { settings: { overstayHours: 2 } })
    expect(ok<GateRefs>(await h.as('g-e2', 'gate.refs', {}, { estateId: OTHER })).overstayHours).toBe(2)
  })

  it('bad input', async () => {
    await refused(h, 'demo-guard', 'gate.refs', { x: 1 }, 'INVALID_INPUT')
  })
})

describe('gate.board', () => {
  it('lists who is inside (oldest first, phones masked), not those who left, were refused or redirected', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'b1', name: '甲', phone: '13912345678' })))
    h.clock.now += 60_000
    ok(
      await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'b2', name: '乙', phone: '010-12345678' }))
    )
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'b3', name: '丙' })))
    ok(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'b3',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 'b4', case: 'canvassing', result: 'refused', reason: '推销' })
      )
    )
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 'b5', case: 'viewing', result: 'redirected' })
      )
    )
    const b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.visitors.map((v) => [v.id, v.phone])).toEqual([
      ['b1', '139****5678'],
      ['b2', '010****5678']
    ])
    expect(b.visitors[0]).toMatchObject({
      name: '甲',
      status: 'inside',
      byName: '张卫国',
      overstay: false,
      idDesc: '未出示证件'
    })
    expect(b.counts).toMatchObject({
      visitorsIn: 3,
      visitorsOut: 1,
      visitorsRefused: 2,
      insideNow: 2,
      overstay: 0
    })
    expect(b.overstayHours).toBe(4)
    expect(JSON.stringify(b)).not.toContain('13912345678')
  })

  it('only this estate’s visitors', async () => {
    ok(await h.as('g-both', 'gate.checkIn', visitorInput({ id: 'here' })))
    ok(await h.as('g-both', 'gate.checkIn', visitorInput({ id: 'there', gate: '北门' }), { estateId: OTHER }))
    expect(ok<GateBoard>(await h.as('g-both', 'gate.board', {})).visitors.map((v) => v.id)).toEqual(['here'])
    const there = ok<GateBoard>(await h.as('g-e2', 'gate.board', {}, { estateId: OTHER }))
    expect(there.visitors.map((v) => v.id)).toEqual(['there'])
    expect(there.counts.visitorsIn).toBe(1)
  })

  it('bad input', async () => {
    await refused(h, 'demo-guard', 'gate.board', { all: true }, 'INVALID_INPUT')
  })
})

describe('gate.blockCheck', () => {
  it('warns by phone, plate, name with last four, and the ID hash the phone made', async () => {
    expect(
      ok<BlockHitOut[]>(await h.as('demo-guard', 'gate.blockCheck', { name: '刘某', phone: '13700001111' }))
    ).toEqual([
      { entryId: 'demo-block-1', kind: 'person', matchedBy: '手机号', reason: '多次冒充快递员进入小区' }
    ])
    expect(ok<BlockHitOut[]>(await h.as('demo-guard', 'gate.blockCheck', { plate: '粤a·66666' }))).toEqual([
      { entryId: 'demo-block-2', kind: 'plate', matchedBy: '车牌', reason: '欠费车辆，禁止入场' }
    ])
    const salt = ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).idSalt
    ok(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'bk-id',
        kind: 'person',
        name: '张三',
        idLast4: '002X',
        idHash: hashIdNumber(ID_NUMBER, salt),
        reason: '盗窃'
      })
    )
    const byHash = ok<BlockHitOut[]>(
      await h.as('demo-guard', 'gate.blockCheck', { idHash: hashIdNumber(ID_NUMBER, salt) })
    )
    expect(byHash).toEqual([{ entryId: 'bk-id', kind: 'person', matchedBy: '证件号', reason: '盗窃' }])
    // a hash made with another salt (another estate's phone) does not match
    expect(
      ok<BlockHitOut[]>(
        await h.as('demo-guard', 'gate.blockCheck', { idHash: hashIdNumber(ID_NUMBER, 'other') })
      )
    ).toEqual([])
    expect(
      ok<BlockHitOut[]>(await h.as('demo-guard', 'gate.blockCheck', { name: '张三', idLast4: '002x' }))[0]
    ).toMatchObject({
      entryId: 'bk-id',
      matchedBy: '姓名和证件后四位'
    })
    expect(
      ok<BlockHitOut[]>(
        await h.as('demo-guard', 'gate.blockCheck', {
          name: '王小明',
          phone: '13912345678',
          plate: '粤B12345'
        })
      )
    ).toEqual([])
  })

  it('another estate’s list does not apply here', async () => {
    ok(
      await h.as(
        'sup-e2',
        'gate.blockSave',
        { id: 'bk-e2', kind: 'person', name: '外人', phone: '13600001234', reason: '那边的' },
        { estateId: OTHER }
      )
    )
    expect(ok<BlockHitOut[]>(await h.as('g-both', 'gate.blockCheck', { phone: '13600001234' }))).toEqual([])
    expect(
      ok<BlockHitOut[]>(
        await h.as('g-both', 'gate.blockCheck', { phone: '13600001234' }, { estateId: OTHER })
      )
    ).toHaveLength(1)
  })

  it('bad input', async () => {
    await refused(h, 'demo-guard', 'gate.blockCheck', { phone: '12345' }, 'INVALID_INPUT', /手机号/)
    await refused(
      h,
      'demo-guard',
      'gate.blockCheck',
      { idHash: ID_NUMBER },
      'INVALID_INPUT',
      /证件摘要格式不正确/
    )
    await refused(
      h,
      'demo-guard',
      'gate.blockCheck',
      { idLast4: '12345' },
      'INVALID_INPUT',
      /证件号后四位格式不正确/
    )
    await refused(
      h,
      'demo-guard',
      'gate.blockCheck',
      { plate: '粤B1O345' },
      'INVALID_INPUT',
      /车牌号格式不正确/
    )
  })
})

describe('gate.checkIn', () => {
  it('a check-in queued with the SOP letter (a phone not yet updated) is stored with the case word', async () => {
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 'ci-letter', case: 'E' as never, result: 'refused', reason: '不愿押证件' })
      )
    )
    expect(v.case).toBe('construction')
    expect((await stored<{ case: string }>(h, 'visitors', 'ci-letter'))?.case).toBe('construction')
    await refused(
      h,
      'demo-guard',
      'gate.checkIn',
      visitorInput({ id: 'ci-f', case: 'F' as never }),
      'INVALID_INPUT'
    )
  })
  it('a record stored with an SOP letter reads as its case word on the board', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'ci-old', case: 'ownerGuest' })))
    const doc = (await h.db.get<{ _id: string; _v: number }>('visitors', 'ci-old'))!
    await h.db.update('visitors', 'ci-old', doc._v, { case: 'B' })
    const board = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(board.visitors.find((x) => x.id === 'ci-old')?.case).toBe('ownerGuest')
  })
  it('admitted walk-in: inside, with the guard, the time and one visitorIn event', async () => {
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({
          id: 'ci-1',
          phone: '13912345678',
          people: 2,
          cardNo: 'F-07',
          idDeposited: true,
          idDoc: { type: 'passport', last4: '4567', hash: 'b'.repeat(64) },
          appointment: 'yes',
          hostCall: 'agreed',
          plate: '粤b·88888',
          scriptRunId: 'run-abc12345'
        })
      )
    )
    expect(v).toMatchObject({
      id: 'ci-1',
      status: 'inside',
      source: 'walkin',
      case: 'ownerGuest',
      phone: '13912345678',
      people: 2,
      cardNo: 'F-07',
      idDeposited: true,
      idDesc: '护照 ····4567',
      idDoc: { type: 'passport', last4: '4567' },
      appointment: 'yes',
      hostCall: 'agreed',
      plate: '粤B88888',
      room: '1-1-101',
      gate: '东门',
      inAt: T0,
      byName: '张卫国',
      overstay: false,
      scriptRunId: 'run-abc12345'
    })
    expect(v.blockHit).toBeUndefined()
    expect(await countWhere(h, 'gateevents', 'refId', 'ci-1')).toBe(1)
    expect(await stored(h, 'gateevents', 'ci-1.visitorIn')).toMatchObject({
      event: 'visitorIn',
      type: 'visitor',
      by: 'demo-guard',
      gate: '东门',
      day: '2026-11-23'
    })
  })

  it('refused and redirected visitors are recorded with their status, not inside', async () => {
    const r = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ case: 'canvassing', result: 'refused', reason: '推销人员' })
      )
    )
    expect(r).toMatchObject({ status: 'refused', reason: '推销人员' })
    const c = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ case: 'viewing', result: 'redirected', room: undefined })
      )
    )
    expect(c.status).toBe('redirected')
    const owner = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ hostCall: 'refused', result: 'refused', reason: '业主不同意' })
      )
    )
    expect(owner).toMatchObject({ status: 'refused', hostCall: 'refused' })
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).counts).toMatchObject({
      insideNow: 0,
      visitorsRefused: 3
    })
  })

  it('a visitor on the block list is checked in only with the guard’s reason, the hit and reason recorded', async () => {
    const liu = { id: 'ci-block', name: '刘某', phone: '13700001111' }
    // 禁止入场 unless the guard writes why
    await refused(h, 'demo-guard', 'gate.checkIn', visitorInput(liu), 'BLOCK_LISTED', /请写明放行原因/)
    await refused(
      h,
      'demo-guard',
      'gate.checkIn',
      visitorInput({ ...liu, blockOverride: '  ' }),
      'BLOCK_LISTED'
    )
    const v = ok<VisitorOut>(
      await h.as('demo-guard', 'gate.checkIn', visitorInput({ ...liu, blockOverride: '主管电话同意' }))
    )
    expect(v.blockHit).toEqual({ entryId: 'demo-block-1', reason: '多次冒充快递员进入小区' })
    expect((await stored<{ blockOverride: string }>(h, 'visitors', 'ci-block'))!.blockOverride).toBe(
      '主管电话同意'
    )
    // the supervisor's day log says both
    const log = ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date: TODAY }))
    expect(log.items.find((e) => e.refId === 'ci-block')?.detail).toContain(
      '黑名单：多次冒充快递员进入小区 · 放行原因：主管电话同意'
    )
    expect((await stored<{ blockHit: unknown }>(h, 'visitors', 'ci-block'))!.blockHit).toEqual(v.blockHit)
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).visitors[0].blockHit).toEqual(v.blockHit)
    // a plate on the list, for a visitor who came by car
    const car = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ plate: '粤A66666', blockOverride: '已缴清欠费' })
      )
    )
    expect(car.blockHit).toEqual({ entryId: 'demo-block-2', reason: '欠费车辆，禁止入场' })
  })

  it('bad input: each refused with INVALID_INPUT, a Chinese message, and nothing stored', async () => {
    const g = 'demo-guard'
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ idDoc: { type: 'idcard', last4: '002X' } }),
      'INVALID_INPUT',
      /证件/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ idDoc: { type: 'idcard', last4: '002X', hash: '' } }),
      'INVALID_INPUT',
      /证件摘要格式不正确/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ idDoc: { type: 'idcard', last4: '', hash: 'a'.repeat(64) } }),
      'INVALID_INPUT',
      /证件/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ idDoc: { type: 'idcard', last4: '002X', hash: 'a'.repeat(64), number: ID_NUMBER } }),
      'INVALID_INPUT'
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ idDoc: { type: 'idcard', last4: ID_NUMBER, hash: 'a'.repeat(64) } }),
      'INVALID_INPUT',
      /证件号后四位格式不正确/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ people: 0 }),
      'INVALID_INPUT',
      '填写的内容有误：人数：至少1'
    )
    await refused(h, g, 'gate.checkIn', visitorInput({ people: 51 }), 'INVALID_INPUT', /最多50/)
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ phone: '1234' }),
      'INVALID_INPUT',
      /请填写11位手机号或带区号的座机/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ plate: '粤B1234' }),
      'INVALID_INPUT',
      /车牌号格式不正确/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'F' }),
      'INVALID_INPUT',
      '填写的内容有误：类型：不在可选范围内'
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ result: 'maybe' }),
      'INVALID_INPUT',
      '填写的内容有误：处理结果：不在可选范围内'
    )
    await refused(h, g, 'gate.checkIn', visitorInput({ name: '' }), 'INVALID_INPUT')
    await refused(h, g, 'gate.checkIn', visitorInput({ gate: '' }), 'INVALID_INPUT')
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'canvassing', result: 'refused' }),
      'INVALID_INPUT',
      /未放行：请写明原因/
    )
    await refused(h, g, 'gate.checkIn', visitorInput({ source: 'pass' }), 'INVALID_INPUT', /通行证/)
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ source: 'qr' }),
      'INVALID_INPUT',
      '填写的内容有误：来源：不在可选范围内'
    )
  })

  it('construction: temporary up to three days with its expiry, long-term needs a valid permit', async () => {
    const g = 'demo-guard'
    const t = ok<VisitorOut>(
      await h.as(
        g,
        'gate.checkIn',
        visitorInput({
          case: 'construction',
          idDeposited: true,
          construction: { kind: 'temporary', days: 2, tempPassNo: 'L-02' }
        })
      )
    )
    expect(t.construction).toEqual({ kind: 'temporary', tempPassNo: 'L-02', expiresAt: T0 + 2 * DAY })
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'temporary', days: 4 } }),
      'INVALID_INPUT',
      /临时施工证最长3天/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'temporary', days: 0 } }),
      'INVALID_INPUT',
      /至少1天/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'temporary' } }),
      'INVALID_INPUT',
      /临时施工证：请选择天数/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction' }),
      'INVALID_INPUT',
      /施工人员：请选择临时施工或长期施工/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'longTerm' } }),
      'INVALID_INPUT',
      /请填写施工许可证编号/
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG2026002' } }),
      'PERMIT_INVALID',
      '施工许可证已过期，不能进场施工'
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG404' } }),
      'NOT_FOUND',
      /SG404/
    )
    const lt = ok<VisitorOut>(
      await h.as(
        g,
        'gate.checkIn',
        visitorInput({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG2026001' } })
      )
    )
    expect(lt.construction).toEqual({ kind: 'longTerm', permitId: 'demo-permit-1', permitNo: 'SG2026001' })
    // a permit not yet in force
    ok(
      await h.as('demo-supervisor', 'gate.permitSave', {
        id: 'pm-later',
        no: 'SG-LATER',
        holderName: '孔师傅',
        idLast4: '9999',
        company: '某装饰',
        room: '3-1-101',
        validFrom: T0 + DAY,
        validTo: T0 + 30 * DAY
      })
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG-LATER' } }),
      'PERMIT_INVALID',
      '施工许可证还没有生效'
    )
    // another estate's permit is not found here
    ok(
      await h.as(
        'sup-e2',
        'gate.permitSave',
        {
          id: 'pm-e2',
          no: 'SG-E2',
          holderName: '外',
          idLast4: '1111',
          company: '外',
          room: '1',
          validFrom: T0,
          validTo: T0 + DAY
        },
        { estateId: OTHER }
      )
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG-E2' } }),
      'NOT_FOUND'
    )
    // turning away the holder of an expired permit is recorded, with the permit named
    const away = ok<VisitorOut>(
      await h.as(
        g,
        'gate.checkIn',
        visitorInput({
          case: 'construction',
          result: 'refused',
          reason: '施工许可证已过期',
          construction: { kind: 'longTerm', permitNo: 'SG2026002' }
        })
      )
    )
    expect(away).toMatchObject({
      status: 'refused',
      construction: { kind: 'longTerm', permitNo: 'SG2026002' }
    })
  })

  it('a temporary pass expires three days from when it was issued', async () => {
    h.clock.now = T0 + 5 * H
    const t = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ case: 'construction', construction: { kind: 'temporary', days: 3 } })
      )
    )
    expect(t.construction!.expiresAt! - t.inAt).toBe(3 * DAY)
  })

  it('the same record id twice (two ops) is a duplicate; one op replayed is the same result', async () => {
    const input = visitorInput({ id: 'ci-dup' })
    const op = h.opSeq()
    const a = await h.as('demo-guard', 'gate.checkIn', input, { op })
    const b = await h.as('demo-guard', 'gate.checkIn', input, { op })
    expect(b).toMatchObject({ ok: true, replayed: true })
    expect(ok(b)).toEqual(ok(a))
    await refused(h, 'demo-guard', 'gate.checkIn', input, 'DUPLICATE', '这位访客已经登记过了')
    expect(await countWhere(h, 'gateevents', 'refId', 'ci-dup')).toBe(1)
    // another guard replaying someone else's op id is refused
    expect(code(await h.as('g2', 'gate.checkIn', input, { op }))).toBe('IDEMPOTENCY_MISMATCH')
  })

  it('recorded offline: the phone’s time counts unless its clock is off', async () => {
    // saved at 23:50 (estate time) and synced at 01:00 the next day
    const at2350 = T0 + 14 * H + 50 * 60_000
    h.clock.now = T0 + 16 * H
    const late = ok<VisitorOut>(
      await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'off-1' }), {
        op: { id: 'op-off-1', deviceTime: at2350 },
        sentAt: h.clock.now
      })
    )
    expect(late.inAt).toBe(at2350)
    expect(await stored(h, 'gateevents', 'off-1.visitorIn')).toMatchObject({ at: at2350, day: '2026-11-23' })
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).counts.visitorsIn).toBe(0)
    // a phone whose clock is 10 minutes ahead: the server's time is used
    const skewed = ok<VisitorOut>(
      await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'off-2' }), {
        op: { id: 'op-off-2', deviceTime: h.clock.now + 10 * 60_000 },
        sentAt: h.clock.now + 10 * 60_000
      })
    )
    expect(skewed.inAt).toBe(h.clock.now)
    expect(skewed.deviceInAt).toBe(h.clock.now + 10 * 60_000)
  })
})

describe('gate.checkIn with a pre-registered pass', () => {
  it('uses the pass once: the visitor record points at it and the pass at the visitor', async () => {
    const p = await makePass(h)
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 'pv-1', source: 'pass', passId: p.id, name: p.visitorName, room: p.room })
      )
    )
    expect(v).toMatchObject({ source: 'pass', passId: p.id, status: 'inside' })
    expect(await stored(h, 'passes', p.id)).toMatchObject({ status: 'used', usedAt: T0, visitorId: 'pv-1' })
    const again = ok<PassCheckOut>(await h.as('demo-guard', 'gate.passCheck', { code: p.code }))
    expect(again.pass).toMatchObject({ status: 'used', visitorId: 'pv-1' })
    expect(again.problem).toBe('这张通行证已使用')
  })

  it('refused with the reason: used, revoked, not yet, expired, another estate’s, unknown', async () => {
    const g = 'demo-guard'
    const used = await makePass(h)
    ok(await h.as(g, 'gate.checkIn', visitorInput({ source: 'pass', passId: used.id })))
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ source: 'pass', passId: used.id }),
      'CONFLICT',
      '这张通行证已使用'
    )

    const revoked = await makePass(h)
    ok(await h.as('demo-service', 'gate.passRevoke', { passId: revoked.id }))
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ source: 'pass', passId: revoked.id }),
      'CONFLICT',
      '这张通行证已作废'
    )

    const later = await makePass(h, { validFrom: T0 + 2 * H, validTo: T0 + 4 * H })
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ source: 'pass', passId: later.id }),
      'PASS_INVALID',
      '还没到通行证的有效时间'
    )
    expect(ok<PassCheckOut>(await h.as(g, 'gate.passCheck', { code: later.code })).problem).toBe(
      '还没到通行证的有效时间'
    )

    const short = await makePass(h, { validTo: T0 + H })
    h.clock.now = T0 + H + 1
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ source: 'pass', passId: short.id }),
      'PASS_INVALID',
      '通行证已过期'
    )
    expect(ok<PassCheckOut>(await h.as(g, 'gate.passCheck', { code: short.code })).problem).toBe(
      '通行证已过期'
    )
    // at the last moment of its window it still works
    h.clock.now = T0 + 4 * H
    ok(await h.as(g, 'gate.checkIn', visitorInput({ source: 'pass', passId: later.id })))

    const theirs = await makePass(h, {}, 'desk-e2', OTHER)
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ source: 'pass', passId: theirs.id }),
      'PASS_INVALID',
      '这张通行证不是本小区的'
    )
    expect(await stored(h, 'passes', theirs.id)).toMatchObject({ status: 'active' })
    await refused(
      h,
      'g-both',
      'gate.checkIn',
      visitorInput({ source: 'pass', passId: theirs.id }),
      'PASS_INVALID',
      '这张通行证不是本小区的'
    )
    await refused(
      h,
      g,
      'gate.checkIn',
      visitorInput({ source: 'pass', passId: 'no-such-pass' }),
      'NOT_FOUND',
      '没有找到这张通行证'
    )
  })

  it('two guards using the same pass at once: exactly one checks in', async () => {
    const p = await makePass(h)
    const rs = await Promise.all([
      h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'race-a', source: 'pass', passId: p.id })),
      h.as('g2', 'gate.checkIn', visitorInput({ id: 'race-b', gate: '南门', source: 'pass', passId: p.id }))
    ])
    expect(rs.map(code).sort()).toEqual(['CONFLICT', 'OK'])
    expect(msg(rs.find((r) => !r.ok)!)).toMatch(/已使用/)
    expect(await h.count('visitors')).toBe(1)
    const winner = rs[0].ok ? 'race-a' : 'race-b'
    expect(await stored(h, 'passes', p.id)).toMatchObject({ status: 'used', visitorId: winner })
  })

  it('the desk revoking while the guard checks in: exactly one wins, and the pass agrees', async () => {
    const p = await makePass(h)
    const [ci, rv] = await Promise.all([
      h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'rr-1', source: 'pass', passId: p.id })),
      h.as('demo-service', 'gate.passRevoke', { passId: p.id })
    ])
    expect([code(ci), code(rv)].filter((c) => c === 'OK')).toHaveLength(1)
    expect(await stored(h, 'passes', p.id)).toMatchObject({ status: ci.ok ? 'used' : 'revoked' })
    expect(!!(await stored(h, 'visitors', 'rr-1'))).toBe(ci.ok)
  })
})

describe('gate.checkOut', () => {
  it('one tap: left, by whom, ID returned and card collected recorded, one visitorOut event', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({
          id: 'co-1',
          idDeposited: true,
          cardNo: 'F-03',
          idDoc: { type: 'driving', last4: '1234', hash: 'c'.repeat(64) }
        })
      )
    )
    h.clock.now += 30 * 60_000
    const v = ok<VisitorOut>(
      await h.as('g2', 'gate.checkOut', {
        visitorId: 'co-1',
        gate: '南门',
        idReturned: true,
        cardCollected: true
      })
    )
    expect(v).toMatchObject({
      status: 'left',
      outAt: T0 + 30 * 60_000,
      outByName: '员工g2',
      idReturned: true,
      cardCollected: true,
      byName: '张卫国'
    })
    const ev = (await stored<{ detail: string; gate: string; by: string; at: number }>(
      h,
      'gateevents',
      'co-1.visitorOut'
    ))!
    expect(ev).toMatchObject({ gate: '南门', by: 'g2', at: T0 + 30 * 60_000 })
    expect(ev.detail).toMatch(/已退还证件 · 已收回来访卡$/)
  })

  it('what was not returned or collected is recorded as such', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({
          id: 'co-2',
          idDeposited: true,
          cardNo: 'F-04',
          idDoc: { type: 'driving', last4: '1234', hash: 'c'.repeat(64) }
        })
      )
    )
    const v = ok<VisitorOut>(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'co-2',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    expect(v).toMatchObject({ idReturned: false, cardCollected: false })
    expect((await stored<{ detail: string }>(h, 'gateevents', 'co-2.visitorOut'))!.detail).toMatch(
      /证件未退还 · 来访卡未收回$/
    )
    // nothing deposited, no card: nothing to say
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'co-3' })))
    const w = ok<VisitorOut>(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'co-3',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    expect(w.idReturned).toBeUndefined()
    expect(w.cardCollected).toBeUndefined()
  })

  it('two guards checking out the same visitor at once: exactly one succeeds, the other is told who did', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'co-race' })))
    const rs = await Promise.all([
      h.as(
        'demo-guard',
        'gate.checkOut',
        { visitorId: 'co-race', gate: '东门', idReturned: false, cardCollected: false },
        { op: { id: 'op-race-1', deviceTime: T0 } }
      ),
      h.as(
        'g2',
        'gate.checkOut',
        { visitorId: 'co-race', gate: '南门', idReturned: false, cardCollected: false },
        { op: { id: 'op-race-2', deviceTime: T0 } }
      )
    ])
    expect(rs.map(code).sort()).toEqual(['CONFLICT', 'OK'])
    const winner = rs[0].ok ? '张卫国' : '员工g2'
    expect(msg(rs.find((r) => !r.ok)!)).toBe(`这位访客已离开，不能再登记离开（${winner} 已登记离开）`)
    expect(await countWhere(h, 'gateevents', 'event', 'visitorOut')).toBe(1)
    expect(await stored(h, 'visitors', 'co-race')).toMatchObject({ status: 'left', outByName: winner })
  })

  it('replaying the same check-out (the phone did not hear back) gives the same answer, not a conflict', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'co-replay' })))
    const op = h.opSeq()
    const input = { visitorId: 'co-replay', gate: '东门', idReturned: false, cardCollected: false }
    const a = await h.as('demo-guard', 'gate.checkOut', input, { op })
    h.clock.now += 60_000
    const b = await h.as('demo-guard', 'gate.checkOut', input, { op })
    expect(b).toMatchObject({ ok: true, replayed: true })
    expect(ok(b)).toEqual(ok(a))
    expect(await countWhere(h, 'gateevents', 'event', 'visitorOut')).toBe(1)
  })

  it('refused: not inside, unknown, bad input', async () => {
    const g = 'demo-guard'
    const out = { gate: '东门', idReturned: false, cardCollected: false }
    ok(
      await h.as(
        g,
        'gate.checkIn',
        visitorInput({ id: 'co-r', case: 'canvassing', result: 'refused', reason: '推销' })
      )
    )
    await refused(
      h,
      g,
      'gate.checkOut',
      { visitorId: 'co-r', ...out },
      'CONFLICT',
      '这位访客已被拒绝进入，不能再登记离开'
    )
    ok(await h.as(g, 'gate.checkIn', visitorInput({ id: 'co-c', case: 'viewing', result: 'redirected' })))
    await refused(h, g, 'gate.checkOut', { visitorId: 'co-c', ...out }, 'CONFLICT')
    await refused(
      h,
      g,
      'gate.checkOut',
      { visitorId: 'nobody-here', ...out },
      'NOT_FOUND',
      '没有找到这位访客的登记'
    )
    ok(await h.as(g, 'gate.checkIn', visitorInput({ id: 'co-x' })))
    await refused(
      h,
      g,
      'gate.checkOut',
      { visitorId: 'co-x', gate: '东门', idReturned: 'yes', cardCollected: false },
      'INVALID_INPUT'
    )
    await refused(
      h,
      g,
      'gate.checkOut',
      { visitorId: 'co-x', gate: '东门', cardCollected: false },
      'INVALID_INPUT'
    )
    await refused(h, g, 'gate.checkOut', { visitorId: '', ...out }, 'INVALID_INPUT')
    // a guard of both estates, working the other one, cannot reach this estate's visitor
    await refused(h, 'g-both', 'gate.checkOut', { visitorId: 'co-x', ...out }, 'NOT_FOUND', undefined, {
      estateId: OTHER
    })
    expect(await stored(h, 'visitors', 'co-x')).toMatchObject({ status: 'inside' })
  })
})

describe('gate.visitor', () => {
  it('the whole record with the whole phone, never the hash', async () => {
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({
          id: 'gv-1',
          phone: '13912345678',
          contact: '李经理',
          company: '某公司',
          case: 'business',
          idDoc: { type: 'idcard', last4: '002X', hash: 'd'.repeat(64) }
        })
      )
    )
    const v = ok<VisitorOut>(await h.as('demo-supervisor', 'gate.visitor', { visitorId: 'gv-1' }))
    expect(v).toMatchObject({
      id: 'gv-1',
      phone: '13912345678',
      contact: '李经理',
      company: '某公司',
      case: 'business',
      idDoc: { type: 'idcard', last4: '002X' },
      idDesc: '身份证 ····002X'
    })
    expect(JSON.stringify(v)).not.toMatch(/[0-9a-f]{64}/)
  })

  it('unknown, bad input', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'gv-2' })))
    await refused(h, 'demo-guard', 'gate.visitor', { visitorId: 'nobody' }, 'NOT_FOUND')
    await refused(h, 'demo-guard', 'gate.visitor', { id: 'gv-2' }, 'INVALID_INPUT')
    await refused(h, 'g-both', 'gate.visitor', { visitorId: 'gv-2' }, 'NOT_FOUND', undefined, {
      estateId: OTHER
    })
  })
})

describe('gate.passCheck', () => {
  it('finds the pass by its code, name masked, no phone or note, with block-list warnings', async () => {
    const p = await makePass(h, {
      visitorName: '刘某',
      visitorPhone: '13700001111',
      plate: '粤A66666',
      note: '送花'
    })
    const r = ok<PassCheckOut>(await h.as('demo-guard', 'gate.passCheck', { code: p.code }))
    expect(r.pass).toMatchObject({
      id: p.id,
      code: p.code,
      visitorName: '刘*',
      visitorPhone: undefined,
      phoneLast4: '1111',
      room: '2-1-302',
      status: 'active',
      byName: '孙客服',
      note: undefined
    })
    expect(r.problem).toBeUndefined()
    expect(r.blockHits.map((b) => [b.entryId, b.matchedBy])).toEqual([
      ['demo-block-2', '车牌'],
      ['demo-block-1', '手机号']
    ])
    expect(
      ok<PassCheckOut>(await h.as('demo-guard', 'gate.passCheck', { code: ` ${p.code} ` })).pass.id
    ).toBe(p.id)
  })

  it('a code used before and given again: the live pass is found', async () => {
    const old = await makePass(h)
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ source: 'pass', passId: old.id })))
    h.clock.now += 60_000
    const fresh = await makePass(h)
    const doc = (await h.db.get<{ _id: string; _v: number }>('passes', fresh.id))!
    await h.db.update('passes', fresh.id, doc._v, { code: old.code })
    const r = ok<PassCheckOut>(await h.as('demo-guard', 'gate.passCheck', { code: old.code }))
    expect(r.pass.id).toBe(fresh.id)
    expect(r.problem).toBeUndefined()
  })

  it('unknown code, another estate’s code, bad input', async () => {
    const theirs = await makePass(h, {}, 'desk-e2', OTHER)
    await refused(
      h,
      'demo-guard',
      'gate.passCheck',
      { code: theirs.code },
      'NOT_FOUND',
      /没有这个通行码的通行证/
    )
    await refused(h, 'demo-guard', 'gate.passCheck', { code: '099999' }, 'NOT_FOUND')
    await refused(h, 'demo-guard', 'gate.passCheck', { code: '12345' }, 'INVALID_INPUT', /通行码是6位数字/)
    await refused(
      h,
      'demo-guard',
      'gate.passCheck',
      { code: 'GWT-P:123456' },
      'INVALID_INPUT',
      /通行码是6位数字/
    )
    expect(
      ok<PassCheckOut>(await h.as('g-e2', 'gate.passCheck', { code: theirs.code }, { estateId: OTHER })).pass
        .id
    ).toBe(theirs.id)
  })
})

describe('gate.passCreate', () => {
  it('a pass with a six-digit code, the whole phone for the desk that made it, once per op', async () => {
    const input = {
      id: 'pc-1',
      visitorName: '赵六',
      visitorPhone: '13912345678',
      room: '2-1-302',
      people: 3,
      plate: '粤b12345',
      validFrom: T0,
      validTo: T0 + 8 * H,
      note: '搬家'
    }
    const op = h.opSeq()
    const p = ok<PassOut>(await h.as('demo-service', 'gate.passCreate', input, { op }))
    expect(p).toMatchObject({
      id: 'pc-1',
      visitorPhone: '13912345678',
      people: 3,
      plate: '粤B12345',
      status: 'active',
      byName: '孙客服',
      note: '搬家'
    })
    expect(p.code).toMatch(/^[1-9]\d{5}$/)
    const again = await h.as('demo-service', 'gate.passCreate', input, { op })
    expect(again).toMatchObject({ ok: true, replayed: true })
    expect(ok<PassOut>(again).code).toBe(p.code)
    expect(await h.count('passes')).toBe(1)
    await refused(h, 'demo-service', 'gate.passCreate', input, 'DUPLICATE')
    // supervisors and admins make passes too; the live codes are all different
    const codes = new Set([p.code])
    for (const who of ['demo-supervisor', 'demo-admin', 'demo-service', 'demo-service'])
      codes.add((await makePass(h, {}, who)).code)
    expect(codes.size).toBe(5)
  })

  it('bad input: window backwards, too long, already over, bad phone or plate', async () => {
    const base = {
      id: 'pc-bad',
      visitorName: '赵六',
      room: '2-1-302',
      people: 1,
      validFrom: T0,
      validTo: T0 + H
    }
    const d = 'demo-service'
    await refused(
      h,
      d,
      'gate.passCreate',
      { ...base, validTo: T0 },
      'INVALID_INPUT',
      /结束时间应晚于开始时间/
    )
    await refused(h, d, 'gate.passCreate', { ...base, validTo: T0 + 32 * DAY }, 'INVALID_INPUT', /最长31天/)
    await refused(
      h,
      d,
      'gate.passCreate',
      { ...base, validFrom: T0 - 10 * H, validTo: T0 - H },
      'INVALID_INPUT',
      /已经过去了/
    )
    await refused(h, d, 'gate.passCreate', { ...base, visitorPhone: '555' }, 'INVALID_INPUT', /手机号/)
    await refused(h, d, 'gate.passCreate', { ...base, plate: 'ABC' }, 'INVALID_INPUT', /车牌号格式不正确/)
    await refused(h, d, 'gate.passCreate', { ...base, visitorName: '' }, 'INVALID_INPUT')
    await refused(h, d, 'gate.passCreate', { ...base, people: 0 }, 'INVALID_INPUT', /至少1/)
  })
})

describe('gate.passes', () => {
  it('phones masked (listing and revoking: papers.test.ts)', async () => {
    const a = await makePass(h, { visitorPhone: '13912345678' })
    const list = ok<PassOut[]>(await h.as('demo-service', 'gate.passes', {}))
    expect(list.map((p) => [p.id, p.visitorPhone])).toEqual([[a.id, '139****5678']])
  })
})
