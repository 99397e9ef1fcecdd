/**
 * The shift handover on both engines: the list built from the post's records, the handover and
 * its acceptance as outbox records, one winner of two guards accepting at once, another estate,
 * bad input, wrong role, and the supervisor's day with its differences.
 */
import { makeHarness, T0, type Harness } from '../harness'
import { expectRefused } from '../../kit/expect'
import { localDate } from '../../../src/domain/time'
import type { HandoverItem } from '../../../src/domain/handover/rules'

const M = 60_000
let n = 0
const uid = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 8)}`

function visitor(name: string, gate = '东门', extra: Record<string, unknown> = {}) {
  return {
    id: uid('v'),
    gate,
    source: 'walkin' as const,
    case: 'ownerGuest' as const,
    name,
    idDoc: { type: 'none' as const, last4: '' },
    idDeposited: false,
    people: 1,
    room: '1-1-101',
    result: 'admitted' as const,
    ...extra
  }
}

/** Guard A on shift at 东门岗 with two visitors inside at 东门 and one at 南门. */
async function dayAtEastGate(h: Harness) {
  await h.addStaff('guard-b', ['guard'])
  await h.addStaff('guard-c', ['guard'])
  const shift = await h.as('guard').call('shift.start', { id: uid('shift'), post: '东门岗' })
  h.clock.now += 10 * M
  await h.as('guard').call('gate.checkIn', visitor('李四'))
  h.clock.now += 10 * M
  await h.as('guard').call('gate.checkIn', visitor('王五'))
  await h.as('guard').call('gate.checkIn', visitor('南门客', '南门'))
  return shift
}

const byKey = (items: HandoverItem[], k: string) => items.find((i) => i.key === k)!

describe('handover', () => {
  it('draft: the post’s open things from the server’s data; submit, the next guard sees and accepts it', async () => {
    const h = await makeHarness()
    const shift = await dayAtEastGate(h)
    const draft = await h.as('guard').call('handover.draft', { post: '东门岗' })
    expect(draft).toMatchObject({ post: '东门岗', gate: '东门', since: shift.startedAt })
    expect(byKey(draft.items, 'visitors')).toMatchObject({
      count: 2,
      lines: ['李四（1-1-101）09:10进入', '王五（1-1-101）09:20进入']
    })
    expect(byKey(draft.items, 'vehicles').count).toBe(0)

    const id = uid('ho')
    const out = await h
      .as('guard')
      .call('handover.submit', { id, post: '东门岗', items: draft.items, note: '雨伞在岗亭' })
    expect(out).toMatchObject({
      id,
      status: 'open',
      fromName: '张卫国',
      note: '雨伞在岗亭',
      day: localDate(T0)
    })
    await h.as('guard').call('shift.end', { shiftId: shift._id })

    // the home page of a guard of the estate offers it (接班), at the post it was handed over at
    expect((await h.as('guard-b').call('home.today', {})).handovers).toEqual([
      { id, post: '东门岗', fromName: '张卫国', at: T0 + 20 * M }
    ])
    expect((await h.as('supervisor').call('home.today', {})).handovers).toBeUndefined()
    // another post has nothing waiting; this one has it
    expect(await h.as('guard-b').call('handover.pending', { post: '南门岗' })).toBeNull()
    h.clock.now += 5 * M
    await h.as('guard-b').call('shift.start', { id: uid('shift'), post: '东门岗' })
    const waiting = await h.as('guard-b').call('handover.pending', { post: '东门岗' })
    expect(waiting).toMatchObject({ id, status: 'open', fromName: '张卫国' })

    const done = await h.as('guard-b').call('handover.accept', {
      handoverId: id,
      checks: [
        { key: 'visitors', found: 1, note: '王五不在' },
        { key: 'vehicles', found: 0 }
      ],
      note: '已接班'
    })
    expect(done).toMatchObject({ status: 'accepted', toName: '员工guard-b', acceptNote: '已接班' })
    expect(done.differences.map((d) => d.text)).toEqual(['园内访客：交 2 位，实 1 位，王五不在'])
    expect(await h.as('guard-c').call('handover.pending', { post: '东门岗' })).toBeNull()
    expect((await h.as('guard-c').call('home.today', {})).handovers).toBeUndefined()

    // the supervisor's day: the post's handover and its difference
    const day = await h.as('supervisor').call('handover.day', { date: localDate(T0) })
    expect(day).toHaveLength(1)
    expect(day[0]).toMatchObject({ post: '东门岗', fromName: '张卫国', toName: '员工guard-b' })
    expect(day[0].differences[0]).toMatchObject({ key: 'visitors', listed: 2, found: 1 })
  })

  it('nothing is lost when nobody takes over: it waits for the next person on the post, oldest first', async () => {
    const h = await makeHarness()
    await h.addStaff('guard-b', ['guard'])
    const first = uid('ho')
    await h.as('guard').call('handover.submit', {
      id: first,
      post: '东门岗',
      items: [{ key: 'visitors', count: 1, lines: ['甲'] }]
    })
    h.clock.now += 12 * 3600_000
    await h.as('guard').call('handover.submit', { id: uid('ho'), post: '东门岗', items: [] })
    h.clock.now += 12 * 3600_000
    expect((await h.as('guard-b').call('handover.pending', { post: '东门岗' }))?.id).toBe(first)
  })

  it('two incoming guards at once: one wins, the other is told it is taken and nothing of theirs is stored', async () => {
    const h = await makeHarness()
    await h.addStaff('guard-b', ['guard'])
    await h.addStaff('guard-c', ['guard'])
    const id = uid('ho')
    await h
      .as('guard')
      .call('handover.submit', { id, post: '东门岗', items: [{ key: 'visitors', count: 2, lines: [] }] })
    const [b, c] = await Promise.all([
      h.as('guard-b').try('handover.accept', { handoverId: id, checks: [{ key: 'visitors', found: 2 }] }),
      h.as('guard-c').try('handover.accept', { handoverId: id, checks: [{ key: 'visitors', found: 1 }] })
    ])
    const wins = [b, c].filter((e) => e.ok)
    const lost = [b, c].filter((e) => !e.ok)
    expect(wins).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect(lost[0].ok ? '' : lost[0].code).toBe('CONFLICT')
    expect(lost[0].ok ? '' : lost[0].message).toMatch(/接班/)
    const [h1] = await h.as('supervisor').call('handover.day', { date: localDate(T0) })
    const winner = b.ok ? '员工guard-b' : '员工guard-c'
    expect(h1).toMatchObject({ status: 'accepted', toName: winner })
    expect(h1.checks).toEqual([{ key: 'visitors', found: winner === '员工guard-b' ? 2 : 1 }])
    // and afterwards, a late accept is refused with who took it
    await expectRefused(
      h,
      'guard',
      'handover.accept',
      { handoverId: id, checks: [] },
      'CONFLICT',
      `这份交班已由${winner}接班`
    )
  })

  it('a replayed submit is the same answer; the same id again is DUPLICATE', async () => {
    const h = await makeHarness()
    const id = uid('ho')
    const op = h.opSeq()
    const input = { id, post: '东门岗', items: [] }
    const a = await h.as('guard').try('handover.submit', input, { op })
    const b = await h.as('guard').try('handover.submit', input, { op })
    expect(a.ok && b.ok).toBe(true)
    if (a.ok && b.ok) expect(b.data).toEqual(a.data)
    await expectRefused(h, 'guard', 'handover.submit', input, 'DUPLICATE')
  })

  it('another estate’s handover is not there; its people cannot read ours', async () => {
    const h = await makeHarness()
    await h.addEstate('other-estate', '别的小区')
    await h.addStaff('other-guard', ['guard'], ['other-estate'])
    const id = uid('ho')
    await h.as('guard').call('handover.submit', { id, post: '东门岗', items: [] })
    expect(
      await h.as('other-guard').call('handover.pending', { post: '东门岗' }, { estateId: 'other-estate' })
    ).toBeNull()
    await expectRefused(
      h,
      'other-guard',
      'handover.accept',
      { handoverId: id, checks: [] },
      'NOT_FOUND',
      '没有找到这份交班',
      {
        estateId: 'other-estate'
      }
    )
    await expectRefused(h, 'other-guard', 'handover.pending', { post: '东门岗' }, 'FORBIDDEN_ESTATE')
  })

  it('wrong role and bad input are refused in Chinese, nothing stored', async () => {
    const h = await makeHarness()
    await expectRefused(
      h,
      'cleaner',
      'handover.submit',
      { id: uid('ho'), post: '东门岗', items: [] },
      'FORBIDDEN'
    )
    await expectRefused(h, 'guard', 'handover.day', { date: localDate(T0) }, 'FORBIDDEN')
    await expectRefused(
      h,
      'guard',
      'handover.submit',
      { id: uid('ho'), post: '东门岗', items: [{ key: 'cats', count: 1, lines: [] }] },
      'INVALID_INPUT'
    )
    await expectRefused(
      h,
      'guard',
      'handover.submit',
      {
        id: uid('ho'),
        post: '东门岗',
        items: [
          { key: 'visitors', count: 1, lines: [] },
          { key: 'visitors', count: 2, lines: [] }
        ]
      },
      'INVALID_INPUT',
      /重复/
    )
    const id = uid('ho')
    await h
      .as('guard')
      .call('handover.submit', { id, post: '东门岗', items: [{ key: 'visitors', count: 1, lines: [] }] })
    await expectRefused(
      h,
      'guard',
      'handover.accept',
      { handoverId: id, checks: [{ key: 'visitors', found: -1 }] },
      'INVALID_INPUT',
      /不能为负/
    )
    await expectRefused(
      h,
      'guard',
      'handover.accept',
      { handoverId: id, checks: [{ key: 'slips', found: 1 }] },
      'INVALID_INPUT',
      /交班里没有/
    )
  })
})
