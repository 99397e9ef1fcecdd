import { makeHarness, ok, code, T0, type Harness } from '../harness'
import type {
  CsvOut,
  GateBoard,
  GateLogPage,
  GateRefs,
  GoodsSlipOut,
  HomeToday,
  PassOut,
  VehicleItem,
  VisitorOut,
  BlockHitOut
} from '../../../src/domain/contract'
import { hashIdNumber } from '../../../src/domain/gate/idcard'
import { localDate } from '../../../src/domain/time'
import type { Envelope } from '../../../src/domain/errors'

const H = 3600_000
const ID = '11010519491231002X'
const none = { type: 'none', last4: '' }
let n = 0
const visitor = (extra: Record<string, unknown> = {}) => ({
  id: `v-${++n}`,
  gate: '东门',
  source: 'walkin',
  case: 'ownerGuest',
  name: '王小明',
  idDoc: none,
  idDeposited: false,
  people: 1,
  room: '1-1-101',
  result: 'admitted',
  ...extra
})
const msg = (e: Envelope<unknown>) => (e.ok ? '' : e.message)

async function pass(h: Harness, extra: Record<string, unknown> = {}) {
  return ok<PassOut>(
    await h.as('demo-service', 'gate.passCreate', {
      id: `p-${++n}`,
      visitorName: '赵六',
      room: '2-1-302',
      people: 1,
      validFrom: T0,
      validTo: T0 + 8 * H,
      ...extra
    })
  )
}
async function goods(h: Harness, extra: Record<string, unknown> = {}) {
  return ok<GoodsSlipOut>(
    await h.as('demo-service', 'gate.goodsIssue', {
      id: `g-${++n}`,
      holderKind: 'owner',
      holderName: '陈先生',
      room: '1-1-101',
      items: [{ name: '旧沙发', qty: 1 }],
      signer: '陈先生',
      date: localDate(T0),
      ...extra
    })
  )
}
const allChecks = {
  lorry: false,
  signatureOk: true,
  stampOk: true,
  authorityOk: true,
  itemsMatch: true,
  photoIds: []
}

describe('gate: visitors', () => {
  it('an ID number never reaches the server whole; the stored hash is peppered; a refusal needs its reason', async () => {
    const h = await makeHarness()
    const refs = ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {}))
    const deviceHash = hashIdNumber(ID, refs.idSalt)
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitor({ id: 'v-id', idDoc: { type: 'idcard', last4: '002X', hash: deviceHash }, idDeposited: true })
      )
    )
    const dump = await h.text('visitors', 'ops', 'gateevents')
    expect(dump).not.toContain(ID)
    expect(dump).not.toContain(ID.slice(0, 14))
    const stored = (await h.stored<{ idDoc: { hash: string } }>('visitors', 'v-id'))!
    expect(stored.idDoc.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.idDoc.hash).not.toBe(deviceHash)
    // the guard's view of the record has no hash at all
    expect(ok<VisitorOut>(await h.as('demo-guard', 'gate.visitor', { visitorId: 'v-id' })).idDoc).toEqual({
      type: 'idcard',
      last4: '002X'
    })

    expect(
      code(await h.as('demo-guard', 'gate.checkIn', visitor({ idDoc: { type: 'idcard', last4: '002X' } })))
    ).toBe('INVALID_INPUT')
    const r = await h.as('demo-guard', 'gate.checkIn', visitor({ case: 'canvassing', result: 'refused' }))
    expect(code(r)).toBe('INVALID_INPUT')
    expect(msg(r)).toMatch(/原因/)
    const refused = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitor({ case: 'canvassing', result: 'refused', reason: '推销人员' })
      )
    )
    expect(refused.status).toBe('refused')
    expect(
      code(
        await h.as('demo-guard', 'gate.checkOut', {
          visitorId: refused.id,
          gate: '东门',
          idReturned: false,
          cardCollected: false
        })
      )
    ).toBe('CONFLICT')
  })

  it('phones are masked in lists and whole on the record; a replayed check-in is stored once', async () => {
    const h = await makeHarness()
    const op = { id: 'op-replay-1', deviceTime: T0 }
    const input = visitor({ id: 'v-phone', phone: '13912345678' })
    const a = await h.as('demo-guard', 'gate.checkIn', input, { op })
    const b = await h.as('demo-guard', 'gate.checkIn', input, { op })
    expect(b).toMatchObject({ ok: true, replayed: true })
    // the op log keeps the answer with the phone masked (issue 16): the replay is that answer
    expect(ok(b)).toEqual({ ...ok<object>(a), phone: '139****5678' })
    expect(await h.count('visitors')).toBe(1)
    expect(await h.count('gateevents')).toBe(1)
    const board = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(board.visitors[0].phone).toBe('139****5678')
    expect(ok<VisitorOut>(await h.as('demo-guard', 'gate.visitor', { visitorId: 'v-phone' })).phone).toBe(
      '13912345678'
    )
    // the same op id with another body is refused
    expect(code(await h.as('demo-guard', 'gate.checkIn', { ...input, name: '别人' }, { op }))).toBe(
      'IDEMPOTENCY_MISMATCH'
    )
  })

  it('two guards check the same visitor out at once: exactly one succeeds', async () => {
    const h = await makeHarness()
    await h.addStaff('g2', ['guard'])
    ok(await h.as('demo-guard', 'gate.checkIn', visitor({ id: 'v-race' })))
    const rs = await Promise.all([
      h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'v-race',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      }),
      h.as('g2', 'gate.checkOut', {
        visitorId: 'v-race',
        gate: '南门',
        idReturned: false,
        cardCollected: false
      })
    ])
    expect(rs.map(code).sort()).toEqual(['CONFLICT', 'OK'])
    expect(msg(rs.find((r) => !r.ok)!)).toMatch(/已离开.*已登记离开/)
    expect(await h.count('gateevents', { event: 'visitorOut' })).toBe(1)
  })

  it('a visitor of another estate is not found from this one', async () => {
    const h = await makeHarness()
    await h.addEstate('e2', '别的小区')
    await h.addStaff('g-e2', ['guard'], ['e2'])
    ok(await h.as('demo-guard', 'gate.checkIn', visitor({ id: 'v-here' })))
    expect(
      code(
        await h.as(
          'g-e2',
          'gate.checkOut',
          { visitorId: 'v-here', gate: '北门', idReturned: false, cardCollected: false },
          { estateId: 'e2' }
        )
      )
    ).toBe('NOT_FOUND')
    expect(code(await h.as('g-e2', 'gate.visitor', { visitorId: 'v-here' }, { estateId: 'e2' }))).toBe(
      'NOT_FOUND'
    )
  })

  it('block list: a match is recorded on the visitor and found by ID hash before check-in', async () => {
    const h = await makeHarness()
    const refs = ok<GateRefs>(await h.as('demo-supervisor', 'gate.refs', {}))
    ok(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'b-id',
        kind: 'person',
        idHash: hashIdNumber(ID, refs.idSalt),
        idLast4: '002X',
        reason: '曾盗窃'
      })
    )
    const hits = ok<BlockHitOut[]>(
      await h.as('demo-guard', 'gate.blockCheck', { idHash: hashIdNumber(ID, refs.idSalt) })
    )
    expect(hits).toEqual([{ entryId: 'b-id', kind: 'person', matchedBy: '证件号', reason: '曾盗窃' }])
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitor({ name: '刘某', phone: '13700001111', blockOverride: '业主下楼接' })
      )
    )
    expect(v.blockHit).toEqual({ entryId: 'demo-block-1', reason: '多次冒充快递员进入小区' })
    // the guard's copy of the list has masked phones and no hashes
    const list = ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).blocklist
    expect(list.find((b) => b.id === 'demo-block-1')?.phone).toBe('137****1111')
    expect(list.find((b) => b.id === 'b-id')).toMatchObject({ hasIdHash: true })
    expect(JSON.stringify(list)).not.toMatch(/[0-9a-f]{64}/)
    ok(await h.as('demo-supervisor', 'gate.blockRemove', { entryId: 'b-id' }))
    expect(
      ok<BlockHitOut[]>(
        await h.as('demo-guard', 'gate.blockCheck', { idHash: hashIdNumber(ID, refs.idSalt) })
      )
    ).toEqual([])
    expect(code(await h.as('demo-supervisor', 'gate.blockRemove', { entryId: 'b-id' }))).toBe('NOT_FOUND')
  })

  it('construction: a temporary pass of at most three days; a long-term permit must be valid', async () => {
    const h = await makeHarness()
    const t = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitor({ case: 'construction', construction: { kind: 'temporary', days: 3, tempPassNo: 'L-01' } })
      )
    )
    expect(t.construction).toMatchObject({
      kind: 'temporary',
      tempPassNo: 'L-01',
      expiresAt: T0 + 3 * 24 * H
    })
    expect(
      code(
        await h.as(
          'demo-guard',
          'gate.checkIn',
          visitor({ case: 'construction', construction: { kind: 'temporary', days: 4 } })
        )
      )
    ).toBe('INVALID_INPUT')
    expect(code(await h.as('demo-guard', 'gate.checkIn', visitor({ case: 'construction' })))).toBe(
      'INVALID_INPUT'
    )
    const ok1 = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitor({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG2026001' } })
      )
    )
    expect(ok1.construction).toMatchObject({
      kind: 'longTerm',
      permitNo: 'SG2026001',
      permitId: 'demo-permit-1'
    })
    const expired = await h.as(
      'demo-guard',
      'gate.checkIn',
      visitor({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG2026002' } })
    )
    expect(code(expired)).toBe('PERMIT_INVALID')
    expect(msg(expired)).toBe('施工许可证已过期，不能进场施工')
    expect(
      code(
        await h.as(
          'demo-guard',
          'gate.checkIn',
          visitor({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'NOPE' } })
        )
      )
    ).toBe('NOT_FOUND')
    // refusing an expired permit holder is fine and recorded
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitor({
          case: 'construction',
          result: 'refused',
          reason: '施工证过期',
          construction: { kind: 'longTerm', permitNo: 'SG2026002' }
        })
      )
    )
  })
})

describe('gate: pre-registered passes', () => {
  it('used once, inside its window, in its own estate; revoked passes refused', async () => {
    const h = await makeHarness()
    const p1 = await pass(h)
    const p2 = await pass(h)
    expect(p1.code).toMatch(/^[1-9]\d{5}$/)
    expect(p1.code).not.toBe(p2.code)
    expect(
      code(
        await h.as('demo-service', 'gate.passCreate', {
          id: 'p-bad',
          visitorName: '赵六',
          room: '2-1-302',
          people: 1,
          validFrom: T0,
          validTo: T0
        })
      )
    ).toBe('INVALID_INPUT')
    expect(
      code(
        await h.as('demo-service', 'gate.passCreate', {
          id: 'p-long',
          visitorName: '赵六',
          room: '2-1-302',
          people: 1,
          validFrom: T0,
          validTo: T0 + 40 * 24 * H
        })
      )
    ).toBe('INVALID_INPUT')
    expect(
      code(
        await h.as('demo-guard', 'gate.passCreate', {
          id: 'p-guard',
          visitorName: '赵六',
          room: '2-1-302',
          people: 1,
          validFrom: T0,
          validTo: T0 + H
        })
      )
    ).toBe('FORBIDDEN')

    ok(await h.as('demo-guard', 'gate.checkIn', visitor({ source: 'pass', passId: p1.id })))
    const again = await h.as('demo-guard', 'gate.checkIn', visitor({ source: 'pass', passId: p1.id }))
    expect(code(again)).toBe('CONFLICT')
    expect(msg(again)).toBe('这张通行证已使用')
    expect(
      ok<{ problem?: string }>(await h.as('demo-guard', 'gate.passCheck', { code: p1.code })).problem
    ).toBe('这张通行证已使用')

    ok(await h.as('demo-service', 'gate.passRevoke', { passId: p2.id }))
    expect(code(await h.as('demo-guard', 'gate.checkIn', visitor({ source: 'pass', passId: p2.id })))).toBe(
      'CONFLICT'
    )
    expect(code(await h.as('demo-service', 'gate.passRevoke', { passId: p2.id }))).toBe('CONFLICT')

    const later = await pass(h, { validFrom: T0 + 2 * H })
    const early = await h.as('demo-guard', 'gate.checkIn', visitor({ source: 'pass', passId: later.id }))
    expect([code(early), msg(early)]).toEqual(['PASS_INVALID', '还没到通行证的有效时间'])
    expect(code(await h.as('demo-guard', 'gate.checkIn', visitor({ source: 'pass' })))).toBe('INVALID_INPUT')
    expect(code(await h.as('demo-guard', 'gate.passCheck', { code: '000000' }))).toBe('NOT_FOUND')

    // a pass of another estate cannot be used here, even by id
    await h.addEstate('e2', '别的小区')
    await h.addStaff('desk-e2', ['service'], ['e2'])
    const theirs = ok<PassOut>(
      await h.as(
        'desk-e2',
        'gate.passCreate',
        { id: 'p-e2', visitorName: '外人', room: '1-1-101', people: 1, validFrom: T0, validTo: T0 + H },
        { estateId: 'e2' }
      )
    )
    const foreign = await h.as('demo-guard', 'gate.checkIn', visitor({ source: 'pass', passId: theirs.id }))
    expect([code(foreign), msg(foreign)]).toEqual(['PASS_INVALID', '这张通行证不是本小区的'])
  })
})

describe('gate: vehicles', () => {
  it('owner cars in and out; unregistered plates are not owner cars; exit without entry is recorded', async () => {
    const h = await makeHarness()
    const inn = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleIn', {
        id: 'c1',
        gate: '东门',
        plate: '粤BD12345',
        case: 'owner',
        driver: '林女士',
        idDeposited: false,
        result: 'admitted'
      })
    )
    expect(inn).toMatchObject({ kind: 'owner', room: '2-1-302', status: 'inside' })
    const r = await h.as('demo-guard', 'gate.vehicleIn', {
      id: 'c2',
      gate: '东门',
      plate: '粤B99999',
      case: 'owner',
      idDeposited: false,
      result: 'admitted'
    })
    expect([code(r), msg(r)]).toEqual([
      'INVALID_INPUT',
      '填写的内容有误：车牌：粤B·99999 没有登记为业主车辆，请按外来车辆登记'
    ])
    expect(
      code(
        await h.as('demo-guard', 'gate.vehicleIn', {
          id: 'c3',
          gate: '东门',
          plate: '粤B1234',
          case: 'owner',
          idDeposited: false,
          result: 'admitted'
        })
      )
    ).toBe('INVALID_INPUT')
    // an entry not logged out is closed when the car comes in again
    h.clock.now += H
    ok(
      await h.as('demo-guard', 'gate.vehicleIn', {
        id: 'c4',
        gate: '东门',
        plate: '粤BD12345',
        case: 'owner',
        idDeposited: false,
        result: 'admitted'
      })
    )
    const c1 = (await h.stored<Record<string, unknown>>('vehiclevisits', 'c1'))!
    expect(c1).toMatchObject({ status: 'left', reason: '出场未登记，再次入场时自动结束' })
    const out = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleOut', { id: 'c4-out', gate: '南门', plate: '粤BD12345' })
    )
    expect(out).toMatchObject({ id: 'c4', status: 'left' })
    expect(
      code(
        await h.as('demo-guard', 'gate.vehicleOut', {
          id: 'c4-out2',
          gate: '南门',
          plate: '粤BD12345',
          visitId: 'c4'
        })
      )
    ).toBe('CONFLICT')
    const ghost = ok<VehicleItem>(
      await h.as('demo-guard', 'gate.vehicleOut', { id: 'c5', gate: '南门', plate: '粤B12345' })
    )
    expect(ghost).toMatchObject({ id: 'c5', status: 'left', kind: 'owner', room: '1-1-101' })
    expect(ghost.inAt).toBeUndefined()
  })

  it('outside vehicles: on the board while inside, overstay after the limit, ID back and card in on exit', async () => {
    const h = await makeHarness()
    ok(
      await h.as('demo-guard', 'gate.vehicleIn', {
        id: 'o1',
        gate: '东门',
        plate: '粤A66666',
        case: 'delivery',
        deliverTo: '2-1-302',
        idDoc: none,
        idDeposited: true,
        icCardNo: 'IC-9',
        result: 'admitted',
        blockOverride: '送货，主管同意'
      })
    )
    let b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.vehicles).toHaveLength(1)
    expect(b.vehicles[0].blockHit).toEqual({ entryId: 'demo-block-2', reason: '欠费车辆，禁止入场' })
    h.clock.now += 5 * H
    b = ok<GateBoard>(await h.as('demo-guard', 'gate.board', {}))
    expect(b.vehicles[0].overstay).toBe(true)
    ok(
      await h.as('demo-guard', 'gate.vehicleOut', {
        id: 'o1-out',
        gate: '东门',
        plate: '粤A66666',
        visitId: 'o1',
        idReturned: true,
        cardCollected: true
      })
    )
    const o1 = (await h.stored<Record<string, unknown>>('vehiclevisits', 'o1'))!
    expect(o1).toMatchObject({ status: 'left', idReturned: true, cardCollected: true, outGate: '东门' })
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).vehicles).toEqual([])
  })
})

describe('gate: goods leaving', () => {
  it('released only with every check done; a pass is used once; wrong day and no pass are refused', async () => {
    const h = await makeHarness()
    const g1 = await goods(h)
    const missing = await h.as('demo-guard', 'gate.goodsCheck', {
      id: 'k1',
      gate: '东门',
      passId: g1.id,
      items: g1.items,
      ...allChecks,
      lorry: true,
      lorryOpened: false,
      stampOk: false,
      result: 'released'
    })
    expect(code(missing)).toBe('INVALID_INPUT')
    expect(msg(missing)).toMatch(/未加盖管理中心印章.*货车未开箱检查/)
    ok(
      await h.as('demo-guard', 'gate.goodsCheck', {
        id: 'k2',
        gate: '东门',
        passId: g1.id,
        items: g1.items,
        ...allChecks,
        lorry: true,
        lorryOpened: true,
        photoIds: ['ph-1'],
        result: 'released'
      })
    )
    const twice = await h.as('demo-guard', 'gate.goodsCheck', {
      id: 'k3',
      gate: '东门',
      passId: g1.id,
      items: g1.items,
      ...allChecks,
      result: 'released'
    })
    expect([code(twice), msg(twice)]).toEqual(['CONFLICT', '这张放行条已放行'])
    expect(code(await h.as('demo-service', 'gate.goodsRevoke', { passId: g1.id }))).toBe('CONFLICT')

    const tomorrow = await goods(h, { date: localDate(T0 + 24 * H) })
    const early = await h.as('demo-guard', 'gate.goodsCheck', {
      id: 'k4',
      gate: '东门',
      passId: tomorrow.id,
      items: tomorrow.items,
      ...allChecks,
      result: 'released'
    })
    expect(code(early)).toBe('PASS_INVALID')
    expect(
      code(
        await h.as('demo-service', 'gate.goodsIssue', {
          id: 'g-past',
          holderKind: 'owner',
          holderName: '陈',
          room: '1',
          items: [{ name: 'x', qty: 1 }],
          signer: '陈',
          date: localDate(T0 - 24 * H)
        })
      )
    ).toBe('INVALID_INPUT')

    const nopass = await h.as('demo-guard', 'gate.goodsCheck', {
      id: 'k5',
      gate: '东门',
      items: [{ name: '电脑', qty: 1 }],
      ...allChecks,
      result: 'released'
    })
    expect(msg(nopass)).toMatch(/没有放行条的物品不能放行/)
    ok(
      await h.as('demo-guard', 'gate.goodsCheck', {
        id: 'k6',
        gate: '东门',
        items: [{ name: '电脑', qty: 1 }],
        ...allChecks,
        result: 'refused',
        reason: '没有放行条'
      })
    )
    ok(
      await h.as('demo-guard', 'gate.goodsCheck', {
        id: 'k7',
        gate: '东门',
        slipNo: 'ZJ-001',
        holderName: '李',
        items: [{ name: '椅子', qty: 2 }],
        ...allChecks,
        result: 'released'
      })
    )
    const refused = await goods(h)
    ok(
      await h.as('demo-guard', 'gate.goodsCheck', {
        id: 'k8',
        gate: '东门',
        passId: refused.id,
        items: refused.items,
        ...allChecks,
        signatureOk: false,
        result: 'refused',
        reason: '签名无效'
      })
    )
    expect(
      ok<{ pass: GoodsSlipOut; problem?: string }>(
        await h.as('demo-guard', 'gate.goodsSlipCheck', { code: refused.code })
      ).problem
    ).toBe('这张放行条已被拒绝')
    const log = ok<GateLogPage>(
      await h.as('demo-supervisor', 'gate.dayLog', { date: localDate(T0), type: 'goods' })
    )
    expect(log.items.map((i) => i.event).sort()).toEqual([
      'goodsRefused',
      'goodsRefused',
      'goodsReleased',
      'goodsReleased'
    ])
  })
})

describe('gate: counts, overstay, the day log and CSV', () => {
  it('home and board count the day; an overstay alerts the guard and the supervisor', async () => {
    const h = await makeHarness()
    ok(await h.as('demo-guard', 'gate.checkIn', visitor({ id: 'a1' })))
    ok(await h.as('demo-guard', 'gate.checkIn', visitor({ id: 'a2' })))
    ok(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'a2',
        gate: '东门',
        idReturned: false,
        cardCollected: false
      })
    )
    const p = await pass(h)
    ok(await h.as('demo-guard', 'gate.checkIn', visitor({ id: 'a3', source: 'pass', passId: p.id })))
    let home = ok<HomeToday>(await h.as('demo-guard', 'home.today', {}))
    const card = (k: string) => home.cards.find((c) => c.key === k)?.value
    expect([
      card('insideNow'),
      card('visitorsIn'),
      card('visitorsOut'),
      card('passesChecked'),
      card('overstay')
    ]).toEqual([2, 3, 1, 1, undefined])
    h.clock.now += 4 * H + 60_000
    for (const who of ['demo-guard', 'demo-supervisor']) {
      home = ok<HomeToday>(await h.as(who, 'home.today', {}))
      expect(home.cards.find((c) => c.key === 'overstay')).toMatchObject({
        value: 2,
        tone: 'alert',
        title: '超过4小时未离开'
      })
      expect(home.cards.findIndex((c) => c.key === 'overstay')).toBeLessThanOrEqual(1)
    }
    const b = ok<GateBoard>(await h.as('demo-supervisor', 'gate.board', {}))
    expect(b.counts).toMatchObject({
      insideNow: 2,
      overstay: 2,
      visitorsIn: 3,
      visitorsOut: 1,
      passesChecked: 1
    })
  })

  it('filters by gate, type, guard and time; pages; counts per hour; exports CSV', async () => {
    const h = await makeHarness()
    await h.addStaff('g2', ['guard'])
    // 09:00 China time onwards, one event every 10 minutes, two guards, two gates
    for (let i = 0; i < 60; i++) {
      h.clock.now = T0 + i * 600_000
      ok(
        await h.as(
          i % 2 ? 'g2' : 'demo-guard',
          'gate.checkIn',
          visitor({
            id: `l${i}`,
            gate: i % 3 ? '东门' : '南门',
            name: i === 0 ? '王,"小"明' : `访客${i}`,
            phone: '13912345678'
          })
        )
      )
    }
    ok(
      await h.as('demo-guard', 'gate.vehicleIn', {
        id: 'lv',
        gate: '东门',
        plate: '粤B12345',
        case: 'owner',
        idDeposited: false,
        result: 'admitted'
      })
    )
    const date = localDate(T0)
    const first = ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date }))
    expect(first.items).toHaveLength(50)
    expect(first.total).toBe(61)
    expect(first.hours![9]).toBe(6)
    expect(first.hours!.reduce((a, b) => a + b, 0)).toBe(61)
    const second = ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date, after: first.next }))
    expect(second.items).toHaveLength(11)
    expect(second.next).toBeUndefined()
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(61)
    expect(second.hours).toBeUndefined()
    const get = async (f: Record<string, unknown>) =>
      ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date, ...f })).total
    expect(await get({ type: 'vehicle' })).toBe(1)
    expect(await get({ gate: '南门' })).toBe(20)
    expect(await get({ by: 'g2' })).toBe(30)
    expect(await get({ from: '10:00', to: '10:59' })).toBe(6)
    expect(await get({ date: localDate(T0 - 24 * H) })).toBe(0)
    expect(code(await h.as('demo-supervisor', 'gate.dayLog', { date, from: '12:00', to: '11:00' }))).toBe(
      'INVALID_INPUT'
    )
    expect(code(await h.as('demo-supervisor', 'gate.dayLog', { date, after: 'garbage' }))).toBe(
      'INVALID_INPUT'
    )
    expect(code(await h.as('demo-guard', 'gate.dayLog', { date }))).toBe('FORBIDDEN')

    const csv = ok<CsvOut>(
      await h.as('demo-supervisor', 'gate.dayLogCsv', { date, type: 'visitor', gate: '南门' })
    )
    expect(csv.rows).toBe(20)
    expect(csv.filename).toBe(`门岗记录-翠湖花园-${date}-南门-访客.csv`)
    const lines = csv.csv.split('\r\n')
    expect(lines[0]).toBe('\uFEFF时间,事件,对象,详情,岗亭,门岗')
    expect(lines[1]).toBe(
      `${date} 09:00:00,访客进入,"王,""小""明",业主访客 · 访 1-1-101 · 139****5678,南门,张卫国`
    )
    expect(csv.csv).not.toContain('13912345678')
  })
})

describe('gate: hardening found in review', () => {
  it('one car logged out twice is one exit; CSV cells cannot become formulas; last four alone cannot be listed; redirected is its own event', async () => {
    const h = await makeHarness()
    await h.addStaff('g2', ['guard'])
    ok(
      await h.as('demo-guard', 'gate.vehicleIn', {
        id: 'vx',
        gate: '东门',
        plate: '粤C12345',
        case: 'business',
        idDeposited: false,
        result: 'admitted'
      })
    )
    ok(await h.as('demo-guard', 'gate.vehicleOut', { id: 'vx-out-1', gate: '东门', plate: '粤C12345' }))
    const twice = await h.as('g2', 'gate.vehicleOut', { id: 'vx-out-2', gate: '南门', plate: '粤C12345' })
    expect([code(twice), msg(twice)]).toEqual(['CONFLICT', '这辆车刚由张卫国登记出场'])
    h.clock.now += 11 * 60_000 // later, with no entry on record, it is a real exit again
    expect(
      ok<VehicleItem>(
        await h.as('g2', 'gate.vehicleOut', { id: 'vx-out-3', gate: '南门', plate: '粤C12345' })
      ).reason
    ).toBe('没有入场记录')

    ok(await h.as('demo-guard', 'gate.checkIn', visitor({ id: 'vf', name: '=HYPERLINK("x")' })))
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitor({ id: 'vr', case: 'viewing', result: 'redirected', room: undefined })
      )
    )
    const csv = ok<CsvOut>(
      await h.as('demo-supervisor', 'gate.dayLogCsv', { date: localDate(T0), type: 'visitor' })
    )
    expect(csv.csv).toContain(`,"'=HYPERLINK(""x"")",`)
    expect(csv.csv).toContain('访客指引到会所')
    const log = ok<GateLogPage>(
      await h.as('demo-supervisor', 'gate.dayLog', { date: localDate(T0), type: 'visitor' })
    )
    expect(log.items.map((i) => i.eventLabel)).toEqual(['访客进入', '访客指引到会所'])
    expect(ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})).counts.visitorsRefused).toBe(1)

    const last4 = await h.as('demo-supervisor', 'gate.blockSave', {
      id: 'b4',
      kind: 'person',
      idLast4: '1234',
      reason: 'x'
    })
    expect([code(last4), msg(last4)]).toEqual([
      'INVALID_INPUT',
      '填写的内容有误：人员：只有证件后四位无法比对，请同时填写姓名'
    ])
  })
})

describe('gate: permits can be withdrawn', () => {
  it('a removed permit no longer admits its holder', async () => {
    const h = await makeHarness()
    expect(code(await h.as('demo-guard', 'gate.permitRemove', { permitId: 'demo-permit-1' }))).toBe(
      'FORBIDDEN'
    )
    ok(await h.as('demo-supervisor', 'gate.permitRemove', { permitId: 'demo-permit-1' }))
    expect(code(await h.as('demo-supervisor', 'gate.permitRemove', { permitId: 'demo-permit-1' }))).toBe(
      'NOT_FOUND'
    )
    expect(ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).permits.map((p) => p.no)).toEqual([
      'SG2026002'
    ])
    expect(
      code(
        await h.as(
          'demo-guard',
          'gate.checkIn',
          visitor({ case: 'construction', construction: { kind: 'longTerm', permitNo: 'SG2026001' } })
        )
      )
    ).toBe('NOT_FOUND')
  })
})
