/** Walking a round (巡更): patrol.today, patrol.start, patrol.scan, patrol.end. */
import { makeHarness, T0, type Harness } from '../harness'
import {
  DEMO_PLAN,
  DEMO_POINTS,
  DEMO_ROUTE,
  HOUR,
  MINUTE,
  checkpoint,
  otherEstate,
  plan,
  round,
  route,
  scan,
  slotAt,
  uid
} from '../../kit/factories'
import { expectRefused, expectReplay } from '../../kit/expect'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
const SLOT = slotAt(T0)

describe('patrol.today', () => {
  it('the current and next slot of each plan for my roles, with the round once started', async () => {
    const cards = await h.as('patrol').call('patrol.today', {})
    expect(cards.map((c) => [c.planId, c.slotStart, c.state])).toEqual([
      [DEMO_PLAN, SLOT, 'due'],
      [DEMO_PLAN, SLOT + 2 * HOUR, 'upcoming']
    ])
    const r = await round(h)
    const now = await h.as('guard').call('patrol.today', {})
    expect(now[0]).toMatchObject({ state: 'inProgress', round: { id: r.id, staffName: '李巡' } })
    // a plan for patrol people only is not on the guard's list (the supervisor sees every plan)
    await plan(h, DEMO_ROUTE, { id: 'night', roles: ['patrol'] })
    expect((await h.as('guard').call('patrol.today', {})).map((c) => c.planId)).not.toContain('night')
    expect((await h.as('patrol').call('patrol.today', {})).map((c) => c.planId)).toContain('night')
    expect((await h.as('supervisor').call('patrol.today', {})).map((c) => c.planId)).toContain('night')
  })

  it('wrong role and another estate', async () => {
    const e2 = await otherEstate(h)
    for (const r of ['cleaner', 'engineer', 'service', 'housekeeper'] as const)
      await expectRefused(h, r, 'patrol.today', {}, 'FORBIDDEN')
    await expectRefused(h, e2.person('patrol'), 'patrol.today', {}, 'FORBIDDEN_ESTATE')
    expect(await h.as(e2.person('patrol')).call('patrol.today', {}, { estateId: e2.id })).toEqual([])
  })
})

describe('patrol.start', () => {
  it('starts the slot’s round in progress, by whom and when; up to 30 minutes early', async () => {
    const r = await round(h)
    expect(r).toMatchObject({
      planId: DEMO_PLAN,
      planName: '全天巡逻',
      routeId: DEMO_ROUTE,
      slotStart: SLOT,
      slotEnd: SLOT + 2 * HOUR,
      status: 'inProgress',
      staffName: '李巡',
      startedAt: T0,
      scannedIds: []
    })
    h.clock.now = SLOT + 2 * HOUR - 30 * MINUTE
    expect((await round(h, 'guard', { slotStart: SLOT + 2 * HOUR })).status).toBe('inProgress')
  })

  it('refused: a time with no slot, too early, a taken slot, unknown plan, a duplicate id', async () => {
    await expectRefused(
      h,
      'patrol',
      'patrol.start',
      { id: uid('r'), planId: DEMO_PLAN, slotStart: SLOT + 30 * MINUTE },
      'INVALID_INPUT',
      /这个时间没有安排巡更/
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.start',
      { id: uid('r'), planId: DEMO_PLAN, slotStart: SLOT + 4 * HOUR },
      'CONFLICT',
      '这一轮还没到时间（最多提前30分钟开始）'
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.start',
      { id: uid('r'), planId: 'nope', slotStart: SLOT },
      'NOT_FOUND',
      '没有找到这个巡更计划'
    )
    const r = await round(h)
    await expectRefused(
      h,
      'guard',
      'patrol.start',
      { id: uid('r'), planId: DEMO_PLAN, slotStart: SLOT },
      'CONFLICT',
      '这一轮已由李巡开始'
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.start',
      { id: r.id, planId: DEMO_PLAN, slotStart: SLOT + 2 * HOUR },
      'CONFLICT'
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.start',
      { id: uid('r'), planId: DEMO_PLAN, slotStart: -5 },
      'INVALID_INPUT'
    )
  })

  it('wrong role, another estate’s plan', async () => {
    const e2 = await otherEstate(h)
    await expectRefused(
      h,
      'cleaner',
      'patrol.start',
      { id: uid('r'), planId: DEMO_PLAN, slotStart: SLOT },
      'FORBIDDEN'
    )
    await e2.notFound(e2.both('patrol'), 'patrol.start', { id: uid('r'), planId: DEMO_PLAN, slotStart: SLOT })
    await expectRefused(
      h,
      e2.person('patrol'),
      'patrol.start',
      { id: uid('r'), planId: DEMO_PLAN, slotStart: SLOT },
      'FORBIDDEN_ESTATE'
    )
  })

  // patrol.today hides a plan from people without its roles; patrol.start refuses them by the same
  // rule (walksPlan): a guard cannot start (and so take) a patrol-only round; the supervisor can.
  it('refused: a round of a plan for other roles (the rule that hides it from patrol.today)', async () => {
    await plan(h, DEMO_ROUTE, { id: 'patrol-only', roles: ['patrol'] })
    await expectRefused(
      h,
      'guard',
      'patrol.start',
      { id: uid('r'), planId: 'patrol-only', slotStart: SLOT },
      'FORBIDDEN',
      /不是你的巡更计划，由巡逻巡/
    )
    expect(await h.count('rounds')).toBe(0)
    expect((await round(h, 'supervisor', { planId: 'patrol-only' })).status).toBe('inProgress')
  })

  it('two people starting the same slot at once: one round', async () => {
    const [a, b] = await Promise.all([
      h.as('patrol').try('patrol.start', { id: 'ra', planId: DEMO_PLAN, slotStart: SLOT }),
      h.as('guard').try('patrol.start', { id: 'rb', planId: DEMO_PLAN, slotStart: SLOT })
    ])
    expect([a.ok, b.ok].sort()).toEqual([false, true])
    const lost = a.ok ? b : a
    expect(!lost.ok && lost.code).toBe('CONFLICT')
    expect(await h.count('rounds')).toBe(1)
  })

  it('replayed: the same round', async () => {
    await expectReplay(h, 'patrol', 'patrol.start', { id: uid('r'), planId: DEMO_PLAN, slotStart: SLOT })
    expect(await h.count('rounds')).toBe(1)
  })
})

describe('patrol.scan', () => {
  it('typed code, QR and NFC find the point; answers flag anomalies; order is checked on an ordered route', async () => {
    const r = await round(h)
    const s1 = await scan(h, r.id, 'k2m3 ', { answers: { normal: 'no' } })
    expect(s1).toMatchObject({
      roundId: r.id,
      checkpointId: 'demo-cp-1',
      checkpointName: '1栋大堂',
      method: 'typed',
      serverTime: T0,
      outOfOrder: false,
      staffName: '李巡'
    })
    expect(s1.anomalies).toHaveLength(1)
    expect(s1.evidence.level).toBe('weak')
    const sheet = await h.as('supervisor').call('patrol.qrSheet', {})
    h.clock.now += 3 * MINUTE
    const s3 = await scan(h, r.id, sheet[2].qr, { method: 'qr' })
    expect(s3).toMatchObject({ checkpointId: 'demo-cp-3', outOfOrder: true })
    await h.as('supervisor').call('patrol.checkpointSave', {
      id: 'demo-cp-2',
      name: '地下车库入口',
      questions: [],
      nfcTagId: '04:A2:B3'
    })
    h.clock.now += 3 * MINUTE
    expect(await scan(h, r.id, '04:A2:B3', { method: 'nfc' })).toMatchObject({
      checkpointId: 'demo-cp-2',
      method: 'nfc'
    })
    expect((await h.as('patrol').call('patrol.today', {}))[0].round?.scannedIds).toEqual([
      'demo-cp-1',
      'demo-cp-3',
      'demo-cp-2'
    ])
  })

  it('refused with the reason: an unknown code or tag, a bad QR, a point scanned twice, a point of another route, a closed round', async () => {
    const r = await round(h)
    await scan(h, r.id, DEMO_POINTS[0].code)
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { id: uid('s'), roundId: r.id, method: 'typed', value: 'ZZZZ', answers: {} },
      'NOT_FOUND',
      /没有编号为 ZZZZ 的巡更点/
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { id: uid('s'), roundId: r.id, method: 'nfc', value: 'FF:FF', answers: {} },
      'NOT_FOUND',
      '这个 NFC 标签没有登记为巡更点'
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { id: uid('s'), roundId: r.id, method: 'qr', value: 'hello', answers: {} },
      'BAD_QR'
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { id: uid('s'), roundId: r.id, method: 'typed', value: 'K2M3', answers: {} },
      'REPEAT_SCAN',
      '「1栋大堂」本轮已经打过点了'
    )
    const cp = await checkpoint(h, { name: '2栋天台' })
    await route(h, [cp.id], { name: '天台路线' })
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { id: uid('s'), roundId: r.id, method: 'typed', value: cp.code, answers: {} },
      'WRONG_POINT',
      '「2栋天台」属于「天台路线」，不在本路线「小区主路线」上'
    )
    await h.as('patrol').call('patrol.end', { roundId: r.id, reason: '下班' })
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { id: uid('s'), roundId: r.id, method: 'typed', value: 'K2M4', answers: {} },
      'ROUND_CLOSED'
    )
  })

  it('bad input: method, empty value, too many answers, a bad answer key, a position off the globe', async () => {
    const r = await round(h)
    const s = { id: uid('s'), roundId: r.id, method: 'typed', value: 'K2M4', answers: {} }
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { ...s, method: 'bluetooth' },
      'INVALID_INPUT',
      '填写的内容有误：打点方式：不在可选范围内'
    )
    await expectRefused(h, 'patrol', 'patrol.scan', { ...s, value: ' ' }, 'INVALID_INPUT', /编号：不能为空/)
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { ...s, answers: Object.fromEntries(Array.from({ length: 21 }, (_, k) => [`q${k}`, 'yes'])) },
      'INVALID_INPUT',
      /最多 20 项/
    )
    await expectRefused(h, 'patrol', 'patrol.scan', { ...s, answers: { '1bad': 'yes' } }, 'INVALID_INPUT')
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { ...s, position: { lat: 91, lng: 0, accuracyM: 5 } },
      'INVALID_INPUT'
    )
  })

  it('wrong role, unknown round, another estate’s round', async () => {
    const e2 = await otherEstate(h)
    const r = await round(h)
    await expectRefused(
      h,
      'cleaner',
      'patrol.scan',
      { id: uid('s'), roundId: r.id, method: 'typed', value: 'K2M4', answers: {} },
      'FORBIDDEN'
    )
    await expectRefused(
      h,
      'patrol',
      'patrol.scan',
      { id: uid('s'), roundId: 'nope', method: 'typed', value: 'K2M4', answers: {} },
      'NOT_FOUND',
      '没有找到这一轮巡更'
    )
    await e2.notFound(e2.both('patrol'), 'patrol.scan', {
      id: uid('s'),
      roundId: r.id,
      method: 'typed',
      value: 'K2M4',
      answers: {}
    })
  })

  // Only the round's walker scans into it: the record says 李巡 walked the round, so the scans
  // are 李巡's. Not a guard, not the supervisor.
  it('refused: a person scans into a round someone else is walking', async () => {
    const r = await round(h)
    for (const who of ['guard', 'supervisor'] as const)
      await expectRefused(
        h,
        who,
        'patrol.scan',
        { id: uid('s'), roundId: r.id, method: 'typed', value: 'K2M3', answers: {} },
        'FORBIDDEN',
        /这一轮由李巡在巡，只有李巡本人能打点/
      )
    expect(await h.count('scans', { roundId: r.id })).toBe(0)
  })

  // Two scans of one point (two ids: an NFC tag read twice) at once: the repeat check reads the
  // round's earlier scans outside the transaction, so the point is claimed inside it
  // (scanpoints/<round>@<point>); the loser gets the repeat answer. Found on CloudBase (snapshot
  // isolation); SQLite's single writer hid it.
  it('two scans of the same point at once: one counts, the other is a repeat', async () => {
    const r = await round(h)
    const s = { roundId: r.id, method: 'typed' as const, value: 'K2M3', answers: {} }
    const [a, b] = await Promise.all([
      h.as('patrol').try('patrol.scan', { ...s, id: 'sa' }),
      h.as('patrol').try('patrol.scan', { ...s, id: 'sb' })
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
    const lost = a.ok ? b : a
    expect(!lost.ok && lost.code).toBe('REPEAT_SCAN')
    expect(await h.count('scans', { roundId: r.id })).toBe(1)
  })

  it('replayed: the same scan; the same id from a new operation is a duplicate', async () => {
    const r = await round(h)
    const input = { id: uid('s'), roundId: r.id, method: 'typed' as const, value: 'K2M3', answers: {} }
    await expectReplay(h, 'patrol', 'patrol.scan', input)
    await expectRefused(h, 'patrol', 'patrol.scan', input, 'DUPLICATE')
  })
})

describe('patrol.end', () => {
  it('every point walked: done; points left: needs a reason, then abandoned with it', async () => {
    const r = await round(h)
    for (const p of DEMO_POINTS) {
      h.clock.now += 5 * MINUTE
      await scan(h, r.id, p.code, { answers: { normal: 'yes', fire: 'yes' } })
    }
    expect(await h.as('patrol').call('patrol.end', { roundId: r.id })).toMatchObject({
      status: 'done',
      endedAt: T0 + 20 * MINUTE,
      evaluation: { coverage: 100 }
    })
    h.clock.now = SLOT + 2 * HOUR
    const r2 = await round(h)
    await scan(h, r2.id, 'K2M3')
    await expectRefused(
      h,
      'patrol',
      'patrol.end',
      { roundId: r2.id },
      'INVALID_INPUT',
      /还有 3 个点没巡（地下车库入口、消防泵房、东门围墙），提前结束请写明原因/
    )
    const ended = await h.as('patrol').call('patrol.end', { roundId: r2.id, reason: '下雨' })
    expect(ended).toMatchObject({ status: 'abandoned', endReason: '下雨', evaluation: { coverage: 25 } })
  })

  it('refused: ended already, unknown, wrong role, another estate, bad input', async () => {
    const e2 = await otherEstate(h)
    const r = await round(h)
    await expectRefused(h, 'cleaner', 'patrol.end', { roundId: r.id, reason: 'x' }, 'FORBIDDEN')
    await e2.notFound(e2.both('patrol'), 'patrol.end', { roundId: r.id, reason: 'x' })
    await expectRefused(
      h,
      'patrol',
      'patrol.end',
      { roundId: r.id, reason: '长'.repeat(101) },
      'INVALID_INPUT'
    )
    await expectRefused(h, 'patrol', 'patrol.end', { roundId: 'nope' }, 'NOT_FOUND')
    await h.as('patrol').call('patrol.end', { roundId: r.id, reason: '结束' })
    await expectRefused(h, 'patrol', 'patrol.end', { roundId: r.id, reason: '再结束' }, 'ROUND_CLOSED')
  })

  it('only the walker ends a round; a supervisor ends someone else’s stuck round with a reason', async () => {
    const r = await round(h)
    await expectRefused(
      h,
      'guard',
      'patrol.end',
      { roundId: r.id, reason: '替他结束' },
      'FORBIDDEN',
      /只有李巡本人或主管能结束/
    )
    await expectRefused(h, 'supervisor', 'patrol.end', { roundId: r.id }, 'INVALID_INPUT', /请写明原因/)
    const ended = await h.as('supervisor').call('patrol.end', { roundId: r.id, reason: '李巡手机没电' })
    expect(ended).toMatchObject({ status: 'abandoned', staffName: '李巡', endReason: '李巡手机没电' })
  })

  it('ending twice at once: one ends it', async () => {
    const r = await round(h)
    const [a, b] = await Promise.all([
      h.as('patrol').try('patrol.end', { roundId: r.id, reason: '一' }),
      h.as('patrol').try('patrol.end', { roundId: r.id, reason: '二' })
    ])
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
  })

  it('replayed: the same answer', async () => {
    const r = await round(h)
    await expectReplay(h, 'patrol', 'patrol.end', { roundId: r.id, reason: '提前结束' })
  })
})
