/**
 * Hostile client, event times (issue 16, point 2). Before the fix `op.deviceTime` was trusted
 * whenever `sentAt` looked honest: a check-in was stored in 1970 and in 2099, a task completed
 * "3 hours ago" was stored as done before its due time, a record claimed a time before the
 * session that sent it began. Now the rule in domain/time/eventTime.ts keeps the phone's time
 * only when plausible; otherwise the server's time is stored and the record flagged.
 */
import type { InputOf, SessionOut } from '../../../src/domain/contract'
import { MAX_OFFLINE_MS } from '../../../src/domain/time/eventTime'
import { makeHarness, ok, T0, DEMO_ESTATE_ID, type Harness } from '../harness'
import { localDate } from '../../../src/domain/time'

let n = 0
const checkIn = (id: string): InputOf<'gate.checkIn'> => ({
  id,
  gate: '东门',
  source: 'walkin',
  case: 'ownerGuest',
  name: '王小明',
  idDoc: { type: 'none', last4: '' },
  idDeposited: false,
  people: 1,
  room: '1-1-101',
  result: 'admitted'
})
const op = (deviceTime: number) => ({ id: `op-time-${String(++n).padStart(6, '0')}`, deviceTime })
const inAt = async (h: Harness, id: string) => (await h.stored<{ inAt: number }>('visitors', id))!.inAt

describe('a phone cannot choose when things happened', () => {
  it('a check-in claiming 1970 or 2099 is stored at the server’s time', async () => {
    const h = await makeHarness()
    h.clock.now = T0 + 3600_000
    await h.as('guard').call('gate.checkIn', checkIn('v-1970'), { op: op(0) })
    await h.as('guard').call('gate.checkIn', checkIn('v-2099'), { op: op(Date.UTC(2099, 0, 1)) })
    expect(await inAt(h, 'v-1970')).toBe(h.clock.now)
    expect(await inAt(h, 'v-2099')).toBe(h.clock.now)
    expect(await h.stored('ops', `op-time-${String(n - 1).padStart(6, '0')}`)).toMatchObject({
      timeFlag: 'tooOld'
    })
    expect(await h.stored('ops', `op-time-${String(n).padStart(6, '0')}`)).toMatchObject({
      timeFlag: 'future'
    })
  })

  it('a record queued offline keeps its time, up to the longest offline period', async () => {
    const h = await makeHarness()
    h.clock.now = T0 + 2 * 3600_000
    await h.as('guard').call('gate.checkIn', checkIn('v-offline'), { op: op(T0) })
    expect(await inAt(h, 'v-offline')).toBe(T0)
    h.clock.now = T0 + MAX_OFFLINE_MS + 60_000
    await h.as('guard').call('gate.checkIn', checkIn('v-stale'), { op: op(T0) })
    expect(await inAt(h, 'v-stale')).toBe(h.clock.now)
  })

  it('nothing a session sends happened before that session began', async () => {
    const h = await makeHarness()
    h.clock.now = T0 + 3600_000
    const s = ok<SessionOut>(
      await h.raw('auth', { action: 'auth.demoLogin', input: { staffId: 'demo-guard' } }, { kind: 'none' })
    )
    h.clock.now += 60_000
    const e = await h.raw(
      'staff',
      {
        action: 'gate.checkIn',
        input: checkIn('v-before'),
        estateId: DEMO_ESTATE_ID,
        op: op(T0), // an hour before this browser signed in
        sentAt: h.clock.now
      },
      { kind: 'token', token: s.token! }
    )
    expect(e.ok).toBe(true)
    expect(await inAt(h, 'v-before')).toBe(h.clock.now)
  })

  it('a task completed "3 hours ago", before it existed, is done now and flagged', async () => {
    const h = await makeHarness()
    const t = await h.as('supervisor').call('work.taskCreate', {
      id: 'task-time',
      title: '大堂保洁',
      type: 'cleaning',
      place: '1栋大堂',
      checklist: [],
      dueAt: T0 + 3600_000,
      priority: 'normal',
      photoRequired: false,
      dept: 'cleaning'
    })
    h.clock.now = T0 + 2 * 3600_000
    await h.as('cleaner').call('work.taskAct', { taskId: t.id, act: 'grab' })
    await h
      .as('cleaner')
      .call('work.taskAct', { taskId: t.id, act: 'complete' }, { op: op(h.clock.now - 3 * 3600_000) })
    const stored = await h.stored<{ completedAt: number; timeFlag?: string }>('tasks', t.id)
    expect(stored).toMatchObject({ completedAt: h.clock.now, timeFlag: 'beforePrevious' })
    expect(stored!.completedAt).toBeGreaterThan(T0 + 3600_000) // late, as it was
  })

  it('a round started "before" the session began: the server’s time, and the supervisor sees 时间存疑', async () => {
    const h = await makeHarness()
    const slotStart = T0 - (T0 % (2 * 3600_000))
    h.clock.now = slotStart + 10 * 60_000
    const s = ok<SessionOut>(
      await h.raw('auth', { action: 'auth.demoLogin', input: { staffId: 'demo-patrol' } }, { kind: 'none' })
    )
    h.clock.now += 60_000
    const e = await h.raw(
      'staff',
      {
        action: 'patrol.start',
        input: { id: 'round-time', planId: 'demo-plan-day', slotStart },
        estateId: DEMO_ESTATE_ID,
        op: op(slotStart - 60_000), // backdated before the slot and the sign-in
        sentAt: h.clock.now
      },
      { kind: 'token', token: s.token! }
    )
    expect(e.ok).toBe(true)
    expect(await h.stored('rounds', 'round-time')).toMatchObject({
      startedAt: h.clock.now,
      timeFlag: 'beforeSession'
    })
    const day = await h.as('supervisor').call('patrol.day', { date: localDate(slotStart) })
    const row = day.plans.flatMap((p) => p.rounds).find((r) => r.roundId === 'round-time')
    expect(row?.flags.join(' ')).toContain('时间存疑')
  })

  it('a patrol scan claiming 1970 is stored at the server’s time (its evidence still rates the claim)', async () => {
    const h = await makeHarness()
    const slotStart = T0 - (T0 % (2 * 3600_000))
    h.clock.now = slotStart + 10 * 60_000
    await h.as('patrol').call('patrol.start', { id: 'round-scan', planId: 'demo-plan-day', slotStart })
    h.clock.now += 60_000
    const e = await h.as('patrol').try(
      'patrol.scan',
      {
        id: 'scan-1970',
        roundId: 'round-scan',
        method: 'typed',
        value: 'K2M3',
        answers: { normal: 'yes' }
      },
      { op: op(0) }
    )
    expect(e.ok).toBe(true)
    expect(await h.stored('scans', 'scan-1970')).toMatchObject({
      deviceTime: h.clock.now,
      serverTime: h.clock.now
    })
  })
})
