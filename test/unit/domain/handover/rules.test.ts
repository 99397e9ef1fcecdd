import {
  buildItems,
  confirmText,
  differences,
  gateOfPost,
  insideWithWaiting,
  itemTitle,
  openCount,
  unknownChecks,
  ITEM_LINES_MAX,
  type HandoverItem
} from '../../../../src/domain/handover/rules'

const T = Date.UTC(2026, 10, 23, 1, 0, 0) // 09:00 China
const M = 60_000
const opts = { gate: '东门', since: T - 8 * 60 * M, now: T, today: '2026-11-23' }
const byKey = (items: HandoverItem[], k: HandoverItem['key']) => items.find((i) => i.key === k)!

describe('gateOfPost', () => {
  it('finds the gate a post stands at; a post of its own has none', () => {
    expect(gateOfPost('东门岗', ['东门', '南门'])).toBe('东门')
    expect(gateOfPost('地库岗亭', ['东门', '地库岗亭'])).toBe('地库岗亭')
    expect(gateOfPost('监控室', ['东门'])).toBeUndefined()
  })
})

describe('buildItems', () => {
  const facts = {
    visitors: [
      { name: '李四', room: '2-1-302', gate: '东门', inAt: T - 30 * M },
      { name: '王五', company: '顺丰', gate: '东门', inAt: T - 90 * M },
      { name: '赵六', room: '1-1-101', gate: '南门', inAt: T - 10 * M }
    ],
    vehicles: [{ plate: '粤B77777', gate: '东门', inAt: T - 20 * M }],
    passes: [
      {
        code: '123456',
        visitorName: '陈',
        room: '1-1-101',
        status: 'active',
        validFrom: T - M,
        validTo: T + 60 * M
      },
      {
        code: '654321',
        visitorName: '旧',
        room: '1-1-101',
        status: 'active',
        validFrom: T - 9e6,
        validTo: T - M
      },
      { code: '111111', visitorName: '用过', room: '1-1-101', status: 'used', validFrom: T, validTo: T + M }
    ],
    slips: [
      { code: '222222', holderName: '钱', room: '3-1-101', status: 'issued', date: '2026-11-23' },
      { code: '333333', holderName: '明天', room: '3-1-101', status: 'issued', date: '2026-11-24' }
    ],
    blocked: [
      { subject: '刘某', gate: '东门', at: T - 60 * M, reason: '多次滋扰' },
      { subject: '上个班', gate: '东门', at: T - 9 * 60 * M, reason: 'x' }
    ],
    rounds: [
      { planName: '白班巡更', slotStart: T - 60 * M, state: 'due' },
      { planName: '早班', slotStart: T - 180 * M, state: 'done' }
    ],
    incidents: [
      { categoryLabel: '漏水', place: '2栋', status: 'assigned', reportedAt: T - 45 * M },
      { categoryLabel: '灯坏', status: 'verified', reportedAt: T - 50 * M }
    ]
  }

  it('lists what is open at the post: its gate, the shift, today', () => {
    const items = buildItems(facts, opts)
    expect(items.map((i) => [i.key, i.count])).toEqual([
      ['visitors', 2],
      ['vehicles', 1],
      ['passes', 1],
      ['slips', 1],
      ['blocked', 1],
      ['rounds', 1],
      ['incidents', 1]
    ])
    // oldest first, with the room or company and the time in
    expect(byKey(items, 'visitors').lines).toEqual(['王五（顺丰）07:30进入', '李四（2-1-302）08:30进入'])
    expect(byKey(items, 'blocked').lines).toEqual(['08:00 刘某：多次滋扰'])
    expect(openCount(items)).toBe(8)
  })

  it('a post with no gate hands over the whole estate', () => {
    expect(byKey(buildItems(facts, { ...opts, gate: undefined }), 'visitors').count).toBe(3)
  })

  it('keeps the count whole but the lines short', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      name: `访客${i}`,
      room: '1'.repeat(80),
      gate: '东门',
      inAt: T
    }))
    const v = byKey(buildItems({ visitors: many, vehicles: [] }, opts), 'visitors')
    expect(v.count).toBe(30)
    expect(v.lines).toHaveLength(ITEM_LINES_MAX)
    expect(Math.max(...v.lines.map((l) => l.length))).toBeLessThanOrEqual(60)
  })

  it('asks before going off shift only when something is open', () => {
    const empty = buildItems({ visitors: [], vehicles: [] }, opts)
    expect(openCount(empty)).toBe(0)
    expect(confirmText(empty)).toBe('')
    const two = buildItems({ visitors: facts.visitors.slice(0, 2), vehicles: [] }, opts)
    expect(confirmText(two)).toBe('还有未结事项：园内访客 2 位。确认交班并下岗？')
    expect(itemTitle(byKey(two, 'vehicles'))).toBe('园内外来车辆 0 辆')
  })
})

describe('differences', () => {
  const items: HandoverItem[] = [
    { key: 'visitors', count: 3, lines: [] },
    { key: 'vehicles', count: 1, lines: [] },
    { key: 'rounds', count: 0, lines: [] }
  ]
  it('a found count that is not the listed one, or a note, is a difference; a match is not', () => {
    const d = differences(items, [
      { key: 'visitors', found: 2 },
      { key: 'vehicles', found: 1 },
      { key: 'rounds', note: ' 已补巡 ' }
    ])
    expect(d.map((x) => x.text)).toEqual(['园内访客：交 3 位，实 2 位', '未完成巡更：交 0 轮，已补巡'])
    expect(d[0]).toMatchObject({ key: 'visitors', listed: 3, found: 2 })
    expect(differences(items, [{ key: 'visitors', found: 3, note: '  ' }])).toEqual([])
  })
  it('names checks of items the handover does not have', () => {
    expect(unknownChecks(items, [{ key: 'visitors' }, { key: 'slips', found: 1 }])).toEqual(['slips'])
  })
})

describe('insideWithWaiting (offline: the cached board and the waiting records)', () => {
  it('adds waiting check-ins and vehicles in, removes waiting check-outs and vehicles out', () => {
    const board = {
      visitors: [
        { id: 'v1', name: '甲', room: '1-1-101', gate: '东门', inAt: T - 60 * M },
        { id: 'v2', name: '乙', room: '1-1-102', gate: '东门', inAt: T - 50 * M }
      ],
      vehicles: [{ id: 'c1', plate: '粤B11111', gate: '东门', inAt: T - 40 * M }]
    }
    const ops = [
      {
        action: 'gate.checkIn',
        input: { id: 'v3', name: '丙', room: '2-1-201', gate: '东门', result: 'admitted' },
        deviceTime: T - 5 * M
      },
      {
        action: 'gate.checkIn',
        input: { id: 'v4', name: '丁', gate: '东门', result: 'refused' },
        deviceTime: T - 4 * M
      },
      { action: 'gate.checkOut', input: { visitorId: 'v1', gate: '东门' }, deviceTime: T - 3 * M },
      {
        action: 'gate.vehicleIn',
        input: { id: 'c2', plate: '粤B22222', gate: '东门', case: 'business', result: 'admitted' },
        deviceTime: T - 2 * M
      },
      {
        action: 'gate.vehicleIn',
        input: { id: 'c3', plate: '粤B12345', gate: '东门', case: 'owner', result: 'admitted' },
        deviceTime: T - 2 * M
      },
      { action: 'gate.vehicleOut', input: { id: 'o1', plate: '粤B11111', gate: '东门' }, deviceTime: T - M }
    ]
    const got = insideWithWaiting(board, ops, '东门')
    expect(got.visitors.map((v) => v.name)).toEqual(['乙', '丙'])
    expect(got.visitors[1]).toMatchObject({ room: '2-1-201', inAt: T - 5 * M })
    expect(got.vehicles.map((v) => v.plate)).toEqual(['粤B22222'])
  })
})
