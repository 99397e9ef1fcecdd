/**
 * Lone-worker safety on patrol, on both engines: a round's check-ins kept by the server, the
 * minute timer and the home read raising a missed check-in (once), the panic button, who is
 * told, the acknowledgement (one wins), late offline check-ins, wrong role, another estate,
 * bad input and the timer's identity.
 */
import { makeHarness, type Harness } from '../harness'
import { MINUTE, otherEstate, round, scan, DEMO_POINTS, uid } from '../../kit/factories'
import { expectRefused } from '../../kit/expect'
import type { Watch } from '../../../src/domain/safety/rules'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})

const POS = { lat: 22.5431, lng: 114.0579, accuracyM: 12 }
const timer = () => h.raw('cron', { action: 'cron.safety', input: {} }, { kind: 'timer' })
const inboxOf = async (who: string) =>
  (await h.as(who).call('work.inbox', {})).filter((x) => x.kind === 'safety')

describe('a round’s check-ins', () => {
  it('the round’s start makes the watch (20 + 5 minutes by default); a check-in moves it; the end stops it', async () => {
    const r = await round(h)
    const w = await h.stored<Watch>('safetywatches', r.id)
    expect(w).toMatchObject({ status: 'watching', staffId: 'demo-patrol', dueAt: h.clock.now + 20 * MINUTE })
    expect(w!.alertAt).toBe(h.clock.now + 25 * MINUTE)
    expect(await h.as('patrol').call('safety.mine', {})).toMatchObject({
      checkInMinutes: 20,
      graceMinutes: 5,
      watch: { roundId: r.id, status: 'watching' }
    })

    h.clock.now += 18 * MINUTE
    const c = await h.as('patrol').call('safety.checkIn', { roundId: r.id, position: POS })
    expect(c).toEqual({ counted: true, dueAt: h.clock.now + 20 * MINUTE, alertAt: h.clock.now + 25 * MINUTE })
    expect((await h.stored<Watch>('safetywatches', r.id))!.position).toEqual(POS)

    // past the first due time and its grace: no alert, the check-in moved it
    h.clock.now += 10 * MINUTE
    expect(await timer()).toMatchObject({ ok: true, data: { checked: 0, alerted: 0 } })

    await h.as('patrol').call('patrol.end', { roundId: r.id, reason: '测试结束' })
    expect((await h.stored<Watch>('safetywatches', r.id))!.status).toBe('ended')
    h.clock.now += 120 * MINUTE
    expect(await timer()).toMatchObject({ ok: true, data: { alerted: 0 } })
    expect(await h.count('safetyalerts')).toBe(0)
  })

  it('an estate with check-ins off (0) keeps no watch; a check-in there is not counted', async () => {
    await h.as('admin').call('estates.update', {
      settings: { overstayHours: 4, safety: { checkInMinutes: 0, graceMinutes: 5 } }
    })
    const r = await round(h)
    expect(await h.stored('safetywatches', r.id)).toBeUndefined()
    expect(await h.as('patrol').call('safety.checkIn', { roundId: r.id })).toEqual({ counted: false })
    expect(await h.as('patrol').call('safety.mine', {})).toEqual({ checkInMinutes: 0, graceMinutes: 5 })
  })

  it('the estate’s own interval and grace are used', async () => {
    await h.as('supervisor').call('estates.update', {
      settings: { overstayHours: 4, safety: { checkInMinutes: 10, graceMinutes: 2 } }
    })
    const r = await round(h)
    expect((await h.stored<Watch>('safetywatches', r.id))!.alertAt).toBe(h.clock.now + 12 * MINUTE)
    expect(
      await h.as('admin').try('estates.update', {
        settings: { overstayHours: 4, safety: { checkInMinutes: 500, graceMinutes: 2 } }
      })
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})

describe('a missed check-in', () => {
  it('the timer raises it once, to the supervisors and the guards on duty, with the last position and checkpoint', async () => {
    await h.as('guard').call('shift.start', { id: uid('shift'), post: '东门岗' })
    const r = await round(h)
    h.clock.now += 3 * MINUTE
    await scan(h, r.id, DEMO_POINTS[1].code, { position: POS })
    h.clock.now += 21 * MINUTE
    expect(await timer()).toMatchObject({ ok: true, data: { checked: 0 } })
    h.clock.now += 1 * MINUTE
    expect(await timer()).toMatchObject({ ok: true, data: { checked: 1, alerted: 1 } })
    // the next minute: nothing again
    h.clock.now += MINUTE
    expect(await timer()).toMatchObject({ ok: true, data: { checked: 0, alerted: 0 } })

    const { open } = await h.as('supervisor').call('safety.alerts', {})
    expect(open).toHaveLength(1)
    expect(open[0]).toMatchObject({
      kind: 'missed',
      staffName: '李巡',
      title: '李巡 未按时报平安',
      status: 'open'
    })
    expect(open[0].lines.join('\n')).toContain('最后巡更点 地下车库入口')
    expect(open[0].lines.join('\n')).toContain('22.54310, 114.05790')
    expect(open[0].mapUrl).toContain('114.0579')
    // told: managers and the guard on duty; not the walker, not someone off duty
    expect(await inboxOf('supervisor')).toHaveLength(1)
    expect(await inboxOf('admin')).toHaveLength(1)
    expect(await inboxOf('guard')).toHaveLength(1)
    expect(await h.count('inbox', { staffId: 'demo-patrol' })).toBe(0)
    expect(await h.count('inbox', { staffId: 'demo-cleaner' })).toBe(0)
    // the home banner of a supervisor and a guard
    expect((await h.as('supervisor').call('home.today', {})).safety).toEqual([
      { id: open[0].id, title: '李巡 未按时报平安', lines: open[0].lines, at: open[0].at }
    ])
    expect((await h.as('guard').call('home.today', {})).safety).toHaveLength(1)
    expect((await h.as('cleaner').call('home.today', {})).safety).toBeUndefined()
  })

  it('a home read raises it before the timer runs (an open screen sees it), and the timer then adds nothing', async () => {
    const r = await round(h)
    h.clock.now += 26 * MINUTE
    const home = await h.as('supervisor').call('home.today', {})
    expect(home.safety?.[0].title).toBe('李巡 未按时报平安')
    expect(await timer()).toMatchObject({ ok: true, data: { alerted: 0 } })
    expect(await h.count('safetyalerts', { roundId: r.id })).toBe(1)
    // a reader outside the watchers (the cleaner) raises nothing and sees nothing
    expect((await h.as('cleaner').call('home.today', {})).safety).toBeUndefined()
  })

  it('the timer and a home read at the same moment make one alert and one inbox item per person', async () => {
    await round(h)
    h.clock.now += 26 * MINUTE
    await Promise.all([
      timer(),
      h.as('supervisor').call('home.today', {}),
      h.as('admin').call('work.inbox', {})
    ])
    expect(await h.count('safetyalerts')).toBe(1)
    expect(await h.count('inbox', { staffId: 'demo-supervisor', kind: 'safety' })).toBe(1)
  })

  it('after the alert a check-in resumes the watch; the alert stays until acknowledged', async () => {
    const r = await round(h)
    h.clock.now += 26 * MINUTE
    await timer()
    expect((await h.stored<Watch>('safetywatches', r.id))!.status).toBe('alerted')
    await h.as('patrol').call('safety.checkIn', { roundId: r.id })
    expect((await h.stored<Watch>('safetywatches', r.id))!.status).toBe('watching')
    expect((await h.as('supervisor').call('safety.alerts', {})).open).toHaveLength(1)
    // missed again 25 minutes later: a second alert
    h.clock.now += 25 * MINUTE
    expect(await timer()).toMatchObject({ ok: true, data: { alerted: 1 } })
    expect((await h.as('supervisor').call('safety.alerts', {})).open).toHaveLength(2)
  })
})

describe('late offline check-ins', () => {
  it('one queued offline counts at the phone’s time; one with a doubtful phone time is recorded, not counted', async () => {
    const r = await round(h)
    const t0 = h.clock.now
    h.clock.now += 30 * MINUTE
    // made at +15 offline, sent now: counts at +15, so due at +35 and missed at +40
    const kept = await h
      .as('patrol')
      .call('safety.checkIn', { roundId: r.id }, { op: { id: uid('op-ci'), deviceTime: t0 + 15 * MINUTE } })
    expect(kept).toEqual({ counted: true, dueAt: t0 + 35 * MINUTE, alertAt: t0 + 40 * MINUTE })
    // a phone whose clock is an hour off, sending a record it made 10 minutes ago: not believed
    const off = await h
      .as('patrol')
      .call(
        'safety.checkIn',
        { roundId: r.id },
        { op: { id: uid('op-ci'), deviceTime: h.clock.now + 50 * MINUTE }, sentAt: h.clock.now + 60 * MINUTE }
      )
    expect(off.counted).toBe(false)
    const w = await h.stored<Watch>('safetywatches', r.id)
    expect(w).toMatchObject({ lastAt: t0 + 15 * MINUTE, doubtfulAt: h.clock.now + 50 * MINUTE })
    // the same phone sending at once is counted at the server's time
    const fresh = await h
      .as('patrol')
      .call(
        'safety.checkIn',
        { roundId: r.id },
        { op: { id: uid('op-ci'), deviceTime: h.clock.now + 60 * MINUTE }, sentAt: h.clock.now + 60 * MINUTE }
      )
    expect(fresh).toMatchObject({ counted: true, dueAt: h.clock.now + 20 * MINUTE })
  })

  it('a replayed check-in is answered as the first time, not counted twice', async () => {
    const r = await round(h)
    h.clock.now += 5 * MINUTE
    const op = { id: uid('op-ci'), deviceTime: h.clock.now }
    const first = await h.as('patrol').try('safety.checkIn', { roundId: r.id }, { op })
    h.clock.now += 5 * MINUTE
    const again = await h.as('patrol').try('safety.checkIn', { roundId: r.id }, { op })
    expect(again).toMatchObject({ ok: true, replayed: true })
    expect(again.ok && first.ok && again.data).toEqual(first.ok && first.data)
  })
})

describe('the panic button', () => {
  it('raises an alert at once with the position and the last checkpoint, to everyone watching', async () => {
    const r = await round(h)
    await scan(h, r.id, DEMO_POINTS[0].code)
    h.clock.now += 2 * MINUTE
    const a = await h.as('patrol').call('safety.panic', { id: uid('panic'), roundId: r.id, position: POS })
    expect(a).toMatchObject({ kind: 'panic', title: '李巡 长按求助', status: 'open', position: POS })
    expect(a.lines.join('\n')).toContain('最后巡更点 1栋大堂')
    expect(a.lines.join('\n')).toContain('最后位置 22.54310, 114.05790（±12米）')
    expect(await inboxOf('supervisor')).toEqual([
      expect.objectContaining({ refId: a.id, title: '李巡 长按求助' })
    ])
    // without a round (the panic button is on every patrol screen)
    const b = await h.as('patrol').call('safety.panic', { id: uid('panic') })
    expect(b.lines).toContain('最后位置：未知')
  })

  it('sends a WeChat subscribe message to each person told, opening the alert list, after commit', async () => {
    const sent: { openid: string; kind: string; title: string; page: string }[] = []
    h = await makeHarness({
      notify: async (n) => {
        sent.push(n)
      }
    })
    await h.as('guard').call('shift.start', { id: uid('shift'), post: '东门岗' })
    await h.as('patrol').call('safety.panic', { id: uid('panic') })
    expect(sent.map((n) => n.openid).sort()).toEqual([
      'oid-demo-admin',
      'oid-demo-guard',
      'oid-demo-supervisor'
    ])
    expect(sent.every((n) => n.kind === 'safety' && n.page === '/pages/safety/index')).toBe(true)
    expect(sent[0].title).toBe('李巡 长按求助')
  })

  it('the same alert id again is a duplicate, not a second alert', async () => {
    const id = uid('panic')
    await h.as('patrol').call('safety.panic', { id })
    await expectRefused(h, 'patrol', 'safety.panic', { id }, 'DUPLICATE')
  })
})

describe('acknowledging', () => {
  it('records who, when and the note; it leaves the open list and is shown as acknowledged', async () => {
    const a = await h.as('patrol').call('safety.panic', { id: uid('panic'), position: POS })
    h.clock.now += 3 * MINUTE
    const done = await h.as('supervisor').call('safety.ack', { alertId: a.id, note: '已电话联系，安全' })
    expect(done).toMatchObject({
      status: 'acked',
      ackByName: '周主管',
      ackAt: h.clock.now,
      ackNote: '已电话联系，安全'
    })
    expect(done.lines[done.lines.length - 1]).toContain('已由周主管于')
    const list = await h.as('guard').call('safety.alerts', {})
    expect(list.open).toEqual([])
    expect(list.recent.map((x) => x.id)).toEqual([a.id])
    expect((await h.as('supervisor').call('home.today', {})).safety).toBeUndefined()
    const msg = await expectRefused(h, 'guard', 'safety.ack', { alertId: a.id }, 'CONFLICT')
    expect(msg).toContain('周主管')
  })

  it('of two people acknowledging at once exactly one wins', async () => {
    await h.as('guard').call('shift.start', { id: uid('shift'), post: '东门岗' })
    const a = await h.as('patrol').call('safety.panic', { id: uid('panic') })
    const got = await Promise.all([
      h.as('supervisor').try('safety.ack', { alertId: a.id, note: '我去' }),
      h.as('guard').try('safety.ack', { alertId: a.id, note: '我去' }),
      h.as('admin').try('safety.ack', { alertId: a.id })
    ])
    expect(got.filter((e) => e.ok)).toHaveLength(1)
    expect(got.filter((e) => !e.ok).map((e) => !e.ok && e.code)).toEqual(['CONFLICT', 'CONFLICT'])
    const stored = await h.stored<{ ackById: string; status: string }>('safetyalerts', a.id)
    const winner = got.findIndex((e) => e.ok)
    expect(stored).toMatchObject({
      status: 'acked',
      ackById: ['demo-supervisor', 'demo-guard', 'demo-admin'][winner]
    })
  })
})

describe('who may, and another estate', () => {
  it('wrong role: the walker’s actions are patrol people’s; the alerts are the managers’ and guards’', async () => {
    const r = await round(h)
    for (const who of ['cleaner', 'engineer', 'housekeeper', 'service'] as const) {
      await expectRefused(h, who, 'safety.checkIn', { roundId: r.id }, 'FORBIDDEN')
      await expectRefused(h, who, 'safety.panic', { id: uid('panic') }, 'FORBIDDEN')
      await expectRefused(h, who, 'safety.alerts', {}, 'FORBIDDEN')
    }
    await expectRefused(h, 'patrol', 'safety.alerts', {}, 'FORBIDDEN')
    await expectRefused(h, 'patrol', 'safety.ack', { alertId: 'x' }, 'FORBIDDEN')
    // someone else's round: a supervisor cannot check in for the walker
    await expectRefused(h, 'supervisor', 'safety.checkIn', { roundId: r.id }, 'FORBIDDEN', '只能为自己报平安')
  })

  it('another estate: its people neither see nor acknowledge this estate’s alerts, nor check in its rounds', async () => {
    const e2 = await otherEstate(h)
    const r = await round(h)
    const a = await h.as('patrol').call('safety.panic', { id: uid('panic') })
    await expectRefused(h, e2.person('supervisor'), 'safety.alerts', {}, 'FORBIDDEN_ESTATE')
    expect(await h.as(e2.person('supervisor')).call('safety.alerts', {}, { estateId: e2.id })).toEqual({
      open: [],
      recent: []
    })
    await e2.notFound(e2.person('supervisor'), 'safety.ack', { alertId: a.id })
    await e2.notFound(e2.both('patrol'), 'safety.checkIn', { roundId: r.id })
    // the other estate's home is not touched by this estate's missed check-in
    h.clock.now += 30 * MINUTE
    expect(
      (await h.as(e2.person('supervisor')).call('home.today', {}, { estateId: e2.id })).safety
    ).toBeUndefined()
    expect(await h.count('safetyalerts', { estateId: e2.id })).toBe(0)
  })

  it('bad input is refused in Chinese', async () => {
    await expectRefused(h, 'patrol', 'safety.checkIn', { roundId: 'bad id!' }, 'INVALID_INPUT')
    await expectRefused(
      h,
      'patrol',
      'safety.panic',
      { id: uid('p'), position: { lat: 200, lng: 0, accuracyM: 1 } },
      'INVALID_INPUT'
    )
    await expectRefused(
      h,
      'supervisor',
      'safety.ack',
      { alertId: 'x', note: '长'.repeat(101) },
      'INVALID_INPUT',
      /100/
    )
  })

  it('the timer action is the timer’s only; the cron function’s safety trigger runs it', async () => {
    await expectRefused(h, 'admin', 'cron.safety', {}, 'FORBIDDEN')
    await round(h)
    h.clock.now += 26 * MINUTE
    // a CloudBase timer event: no action, its trigger's name
    const env = await h.raw('cron', { Type: 'Timer', TriggerName: 'safety', Time: '' }, { kind: 'timer' })
    expect(env).toMatchObject({ ok: true, data: { alerted: 1 } })
    // the hourly trigger still runs the sweep
    const sweep = await h.raw('cron', { Type: 'Timer', TriggerName: 'hourly', Time: '' }, { kind: 'timer' })
    expect(sweep).toMatchObject({ ok: true, data: { prunedOps: expect.any(Number) } })
  })
})
