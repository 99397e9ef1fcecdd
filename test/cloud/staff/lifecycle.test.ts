/**
 * The staff lifecycle: editing a person, disabling them (refused at once, unbound, tasks back to
 * the pool), re-issuing a bind code after a lost phone, sign-in by bind code in a browser, and the
 * devices a person is signed in on. Runs on both engines.
 */
import { makeHarness, ok, code, T0, type Harness } from '../harness'
import type {
  BindCodeOut,
  SessionItem,
  SessionOut,
  SetupOut,
  StaffDisabledOut,
  StaffListItem,
  SweepOut,
  TaskOut
} from '../../../src/domain/contract'
import type { Task } from '../../../src/domain/work/model'

const H = 3600_000
const tokenId = (token: string) => ({ kind: 'token' as const, token })
const none = { kind: 'none' as const }
const UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36'

async function newPerson(h: Harness, who = 'demo-supervisor', phone = '13600000021') {
  return ok<{ staff: StaffListItem; bindCode: BindCodeOut }>(
    await h.as(who, 'staff.create', { name: '陈保安', phone, roles: ['guard'] })
  )
}
async function codeLogin(h: Harness, c: string) {
  return h.raw('auth', { action: 'auth.codeLogin', input: { code: c, device: UA } }, none)
}
const profile = (h: Harness, token: string) =>
  h.raw('staff', { action: 'me.profile', input: {} }, tokenId(token))

describe('staff.update', () => {
  it('a supervisor edits name, phone, roles and estates of a person of their estate', async () => {
    const h = await makeHarness()
    await h.addEstate('second', '第二小区')
    const sup = await h.db.get<{ _id: string; _v: number }>('staff', 'demo-supervisor')
    await h.db.update('staff', 'demo-supervisor', sup!._v, { estateIds: ['demo-estate', 'second'] })
    const out = ok<StaffListItem>(
      await h.as('demo-supervisor', 'staff.update', {
        staffId: 'demo-guard',
        name: ' 张卫东 ',
        phone: '13600000099',
        roles: ['guard', 'patrol'],
        estateIds: ['demo-estate', 'second']
      })
    )
    expect(out).toMatchObject({
      name: '张卫东',
      phone: '136****0099',
      roles: ['guard', 'patrol'],
      estateIds: ['demo-estate', 'second']
    })
    // the person sees it on their next call, and now works in the second estate too
    const me = ok<{ estates: { id: string }[]; name: string }>(await h.as('demo-guard', 'me.profile', {}))
    expect(me.name).toBe('张卫东')
    expect(me.estates.map((e) => e.id)).toEqual(['demo-estate', 'second'])
    expect(code(await h.as('demo-guard', 'home.today', {}, { estateId: 'second' }))).toBe('OK')
  })

  it('refuses bad input: an empty name, a short phone, no roles, no estates, a missing estate', async () => {
    const h = await makeHarness()
    for (const bad of [
      { staffId: 'demo-guard', name: '' },
      { staffId: 'demo-guard', phone: '1380000' },
      { staffId: 'demo-guard', roles: [] },
      { staffId: 'demo-guard', roles: ['boss'] },
      { staffId: 'demo-guard', estateIds: [] },
      { staffId: 'demo-guard', extra: 1 }
    ])
      expect(code(await h.as('demo-supervisor', 'staff.update', bad))).toBe('INVALID_INPUT')
    const before = await h.stored<{ _v: number }>('staff', 'demo-guard')
    expect(
      code(await h.as('demo-admin', 'staff.update', { staffId: 'demo-guard', estateIds: ['no-such-estate'] }))
    ).toBe('INVALID_INPUT')
    expect((await h.stored<{ _v: number }>('staff', 'demo-guard'))!._v).toBe(before!._v)
  })

  it('nobody raises their own role or grants one above their own; a supervisor cannot touch an admin', async () => {
    const h = await makeHarness()
    const own = await h.as('demo-supervisor', 'staff.update', {
      staffId: 'demo-supervisor',
      roles: ['supervisor', 'admin']
    })
    expect(code(own)).toBe('FORBIDDEN')
    expect(
      code(await h.as('demo-supervisor', 'staff.update', { staffId: 'demo-guard', roles: ['admin'] }))
    ).toBe('FORBIDDEN')
    expect(code(await h.as('demo-supervisor', 'staff.update', { staffId: 'demo-admin', name: '改名' }))).toBe(
      'FORBIDDEN'
    )
    // a supervisor may make another supervisor (not above their own), and edit their own name
    expect(
      ok<StaffListItem>(
        await h.as('demo-supervisor', 'staff.update', { staffId: 'demo-guard', roles: ['supervisor'] })
      ).roles
    ).toEqual(['supervisor'])
    expect(
      ok<StaffListItem>(
        await h.as('demo-supervisor', 'staff.update', { staffId: 'demo-supervisor', name: '周新' })
      ).name
    ).toBe('周新')
    // only an admin grants admin
    expect(code(await h.as('demo-admin', 'staff.update', { staffId: 'demo-guard', roles: ['admin'] }))).toBe(
      'OK'
    )
    // a guard is no manager at all
    expect(
      code(await h.as('demo-cleaner', 'staff.update', { staffId: 'demo-cleaner', roles: ['admin'] }))
    ).toBe('FORBIDDEN')
  })

  it('a supervisor moves people only among their own estates; another estate’s person is not found', async () => {
    const h = await makeHarness()
    await h.addEstate('other', '别的小区')
    await h.addStaff('sup-other', ['supervisor'], ['other'])
    await h.addStaff('both', ['cleaner'], ['demo-estate', 'other'])
    expect(
      code(await h.as('demo-supervisor', 'staff.update', { staffId: 'demo-guard', estateIds: ['other'] }))
    ).toBe('FORBIDDEN')
    expect(
      code(
        await h.as('sup-other', 'staff.update', { staffId: 'demo-guard', name: 'x' }, { estateId: 'other' })
      )
    ).toBe('NOT_FOUND')
    expect(code(await h.as('sup-other', 'staff.update', { staffId: 'demo-guard', name: 'x' }))).toBe(
      'FORBIDDEN_ESTATE'
    )
    // removing the person from the supervisor's estate keeps the estate the supervisor does not hold
    const out = ok<StaffListItem>(
      await h.as(
        'sup-other',
        'staff.update',
        { staffId: 'both', estateIds: ['other'] },
        { estateId: 'other' }
      )
    )
    expect(out.estateIds.sort()).toEqual(['demo-estate', 'other'])
    const moved = ok<StaffListItem>(
      await h.as('demo-supervisor', 'staff.update', { staffId: 'both', estateIds: ['demo-estate'] })
    )
    expect(moved.estateIds.sort()).toEqual(['demo-estate', 'other'])
  })

  it('two edits of one person at once: both land one after the other, neither is lost silently', async () => {
    const h = await makeHarness()
    const [a, b] = await Promise.all([
      h.as('demo-supervisor', 'staff.update', { staffId: 'demo-guard', name: '甲名' }),
      h.as('demo-admin', 'staff.update', { staffId: 'demo-guard', phone: '13600000077' })
    ])
    const codes = [code(a), code(b)].sort()
    expect(codes.every((c) => c === 'OK' || c === 'CONFLICT')).toBe(true)
    const s = await h.stored<{ name: string; phone: string }>('staff', 'demo-guard')
    if (code(a) === 'OK') expect(s!.name).toBe('甲名')
    if (code(b) === 'OK') expect(s!.phone).toBe('13600000077')
  })
})

describe('staff.disable', () => {
  async function heldTask(h: Harness, id: string, assigneeId: string, type = 'cleaning') {
    return ok<TaskOut>(
      await h.as('demo-supervisor', 'work.taskCreate', {
        id,
        title: `任务${id}`,
        type: type as 'cleaning',
        checklist: [],
        priority: 'normal',
        photoRequired: false,
        dueAt: T0 + H,
        assigneeId
      })
    )
  }

  it('refuses the person at once, unbinds their WeChat, ends sessions, sends held tasks back with a note', async () => {
    const h = await makeHarness()
    await heldTask(h, 'tk1', 'demo-cleaner')
    await heldTask(h, 'tk2', 'demo-cleaner')
    ok(await h.as('demo-cleaner', 'work.taskAct', { taskId: 'tk2', act: 'accept' }))
    await heldTask(h, 'tk3', 'demo-engineer', 'repair')
    // a browser session of the cleaner, made with a re-issued code
    const code1 = ok<BindCodeOut>(
      await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-cleaner' })
    )
    const s = ok<SessionOut>(await codeLogin(h, code1.code))
    expect(code(await profile(h, s.token!))).toBe('OK')
    // (the re-issue unbound the WeChat: bind it again)
    const claim = await h.stored<{ _v: number }>('staff', 'demo-cleaner')
    await h.db.update('staff', 'demo-cleaner', claim!._v, { openid: 'oid-demo-cleaner' })
    expect(code(await h.as('demo-cleaner', 'me.profile', {}))).toBe('OK')

    const out = ok<StaffDisabledOut>(
      await h.as('demo-supervisor', 'staff.disable', { staffId: 'demo-cleaner' })
    )
    expect(out).toMatchObject({ releasedTasks: 2, endedSessions: 1, staff: { active: false, bound: false } })
    // WeChat: no longer bound to anyone; the browser session: refused
    expect(code(await h.as('demo-cleaner', 'me.profile', {}))).toBe('NOT_BOUND')
    expect(code(await profile(h, s.token!))).toBe('SESSION_EXPIRED')
    const tasks = await Promise.all(['tk1', 'tk2', 'tk3'].map((id) => h.stored<Task>('tasks', id)))
    expect(tasks.map((t) => [t!.status, t!.assigneeId ?? null, t!.dept ?? null])).toEqual([
      ['open', null, 'cleaning'],
      ['open', null, 'cleaning'],
      ['assigned', 'demo-engineer', null]
    ])
    expect(tasks[0]!.history.at(-1)).toMatchObject({
      by: 'demo-supervisor',
      byName: '周主管',
      what: '退回任务池',
      note: '赵洁 的账号已停用，任务退回待抢单'
    })
    // a colleague of the pool can grab it
    await h.addStaff('cleaner2', ['cleaner'])
    expect(code(await h.as('cleaner2', 'work.taskAct', { taskId: 'tk1', act: 'grab' }))).toBe('OK')
    // the list says so, and the disabled person's bind codes are dead too
    const list = ok<StaffListItem[]>(await h.as('demo-supervisor', 'staff.list', {}))
    expect(list.find((p) => p.id === 'demo-cleaner')).toMatchObject({ active: false, pending: false })
    // (not STAFF_DISABLED: that code means the caller is, and signs the caller out)
    expect(code(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-cleaner' }))).toBe(
      'CONFLICT'
    )
  })

  it('a WeChat freed by a disable can bind to another person', async () => {
    const h = await makeHarness()
    const p = await newPerson(h)
    // the cleaner bound through the claims (as a real bind does), then disabled
    const c = ok<BindCodeOut>(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-cleaner' }))
    ok(
      await h.raw(
        'auth',
        { action: 'auth.bind', input: { code: c.code } },
        { kind: 'openid', openid: 'wx-1' }
      )
    )
    ok(await h.as('demo-supervisor', 'staff.disable', { staffId: 'demo-cleaner' }))
    const again = ok<SessionOut>(
      await h.raw(
        'auth',
        { action: 'auth.bind', input: { code: p.bindCode.code } },
        { kind: 'openid', openid: 'wx-1' }
      )
    )
    expect(again.staff.name).toBe('陈保安')
  })

  it('refuses: oneself, a person above the caller, another estate’s person, a guard as caller, bad input', async () => {
    const h = await makeHarness()
    await h.addEstate('other', '别的小区')
    await h.addStaff('sup-other', ['supervisor'], ['other'])
    expect(code(await h.as('demo-supervisor', 'staff.disable', { staffId: 'demo-supervisor' }))).toBe(
      'FORBIDDEN'
    )
    expect(code(await h.as('demo-supervisor', 'staff.disable', { staffId: 'demo-admin' }))).toBe('FORBIDDEN')
    expect(
      code(await h.as('sup-other', 'staff.disable', { staffId: 'demo-guard' }, { estateId: 'other' }))
    ).toBe('NOT_FOUND')
    expect(code(await h.as('demo-guard', 'staff.disable', { staffId: 'demo-cleaner' }))).toBe('FORBIDDEN')
    expect(code(await h.as('demo-supervisor', 'staff.disable', { staffId: '' }))).toBe('INVALID_INPUT')
    expect(code(await h.as('demo-supervisor', 'staff.disable', {}))).toBe('INVALID_INPUT')
    expect((await h.stored<{ active: boolean }>('staff', 'demo-guard'))!.active).toBe(true)
    // a person also working in an estate the supervisor does not hold: taken off, or disabled by an admin
    await h.addStaff('shared', ['cleaner'], ['demo-estate', 'other'])
    expect(code(await h.as('demo-supervisor', 'staff.disable', { staffId: 'shared' }))).toBe('FORBIDDEN')
    expect(code(await h.as('demo-admin', 'staff.disable', { staffId: 'shared' }))).toBe('OK')
    // the admin may disable a supervisor
    expect(code(await h.as('demo-admin', 'staff.disable', { staffId: 'demo-supervisor' }))).toBe('OK')
    // unbound at once: the WeChat is nobody's now
    expect(code(await h.as('demo-supervisor', 'staff.list', {}))).toBe('NOT_BOUND')
  })

  it('two disables at once: one wins, the tasks are released once', async () => {
    const h = await makeHarness()
    await heldTask(h, 'tk1', 'demo-cleaner')
    const [a, b] = await Promise.all([
      h.as('demo-supervisor', 'staff.disable', { staffId: 'demo-cleaner' }),
      h.as('demo-admin', 'staff.disable', { staffId: 'demo-cleaner' })
    ])
    expect([code(a), code(b)].sort()).toEqual(['CONFLICT', 'OK'])
    const t = await h.stored<Task>('tasks', 'tk1')
    expect(t!.history.filter((x) => x.what === '退回任务池')).toHaveLength(1)
  })

  it('a grab that lands after the disable (a lost race) is sent back to the pool by the hourly sweep', async () => {
    const h = await makeHarness()
    await heldTask(h, 'tk1', 'demo-engineer', 'repair')
    ok(await h.as('demo-supervisor', 'staff.disable', { staffId: 'demo-cleaner' }))
    // the cleaner's grab passed its identity check before the disable and wrote after it
    const t = await h.stored<Task>('tasks', 'tk1')
    await h.db.update('tasks', 'tk1', t!._v, {
      assigneeId: 'demo-cleaner',
      assigneeName: '赵洁',
      dept: 'cleaning'
    })
    const out = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    expect(out.releasedTasks).toBe(1)
    const back = await h.stored<Task>('tasks', 'tk1')
    expect([back!.status, back!.assigneeId ?? null]).toEqual(['open', null])
    expect(back!.history.at(-1)).toMatchObject({
      by: 'demo-supervisor',
      note: '赵洁 的账号已停用，任务退回待抢单'
    })
    // once is enough: the next run finds nothing
    const again = ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
    expect(again.releasedTasks).toBe(0)
  })

  it('a request made while the person is being disabled is refused once the disable is in', async () => {
    const h = await makeHarness()
    // the disable and the person's own call race; after both, the person is out and stays out
    const [d, mine] = await Promise.all([
      h.as('demo-supervisor', 'staff.disable', { staffId: 'demo-guard' }),
      h.as('demo-guard', 'shift.start', { id: 'race-shift', post: '东门岗' })
    ])
    expect(code(d)).toBe('OK')
    expect(['OK', 'NOT_BOUND', 'STAFF_DISABLED']).toContain(code(mine))
    expect(code(await h.as('demo-guard', 'shift.end', { shiftId: 'race-shift' }))).toBe('NOT_BOUND')
  })
})

describe('staff.bindCode: re-issue after a lost phone', () => {
  it('ends the old binding and its sessions, the earlier code stops working, the new one binds', async () => {
    const h = await makeHarness()
    const p = await newPerson(h)
    const first = ok<SessionOut>(await codeLogin(h, p.bindCode.code))
    expect(code(await profile(h, first.token!))).toBe('OK')
    let list = ok<StaffListItem[]>(await h.as('demo-supervisor', 'staff.list', {}))
    expect(list.find((x) => x.id === p.staff.id)).toMatchObject({ bound: true, pending: false })

    const again = ok<BindCodeOut>(await h.as('demo-supervisor', 'staff.bindCode', { staffId: p.staff.id }))
    expect(code(await profile(h, first.token!))).toBe('SESSION_EXPIRED')
    list = ok<StaffListItem[]>(await h.as('demo-supervisor', 'staff.list', {}))
    expect(list.find((x) => x.id === p.staff.id)).toMatchObject({ bound: false, pending: true })

    // a code issued before and never used is void now
    const third = ok<BindCodeOut>(await h.as('demo-supervisor', 'staff.bindCode', { staffId: p.staff.id }))
    expect(code(await codeLogin(h, again.code))).toBe('BIND_CODE_INVALID')
    expect(code(await codeLogin(h, third.code))).toBe('OK')
    expect(code(await codeLogin(h, third.code))).toBe('BIND_CODE_USED')
  })

  it('the WeChat of a lost phone is unbound: it cannot sign in, and the new phone binds with the new code', async () => {
    const h = await makeHarness()
    ok(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-guard' }))
    expect(code(await h.as('demo-guard', 'me.profile', {}))).toBe('NOT_BOUND')
    const c = ok<BindCodeOut>(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-guard' }))
    const s = ok<SessionOut>(
      await h.raw(
        'auth',
        { action: 'auth.bind', input: { code: c.code } },
        { kind: 'openid', openid: 'new-phone' }
      )
    )
    expect(s.staff.id).toBe('demo-guard')
    expect(
      code(await h.raw('staff', { action: 'me.profile', input: {} }, { kind: 'openid', openid: 'new-phone' }))
    ).toBe('OK')
  })

  it('refuses: oneself, a person above, another estate’s person, a guard, bad input', async () => {
    const h = await makeHarness()
    await h.addEstate('other', '别的小区')
    await h.addStaff('sup-other', ['supervisor'], ['other'])
    expect(code(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-supervisor' }))).toBe(
      'FORBIDDEN'
    )
    expect(code(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'demo-admin' }))).toBe('FORBIDDEN')
    expect(
      code(await h.as('sup-other', 'staff.bindCode', { staffId: 'demo-guard' }, { estateId: 'other' }))
    ).toBe('NOT_FOUND')
    expect(code(await h.as('demo-guard', 'staff.bindCode', { staffId: 'demo-cleaner' }))).toBe('FORBIDDEN')
    expect(code(await h.as('demo-supervisor', 'staff.bindCode', { staffId: 'a b' }))).toBe('INVALID_INPUT')
    expect(code(await h.as('demo-admin', 'me.profile', {}))).toBe('OK')
  })

  it('two re-issues at once: exactly one of the codes binds', async () => {
    const h = await makeHarness()
    const p = await newPerson(h)
    const both = await Promise.all([
      h.as('demo-supervisor', 'staff.bindCode', { staffId: p.staff.id }),
      h.as('demo-admin', 'staff.bindCode', { staffId: p.staff.id })
    ])
    const issued = both.filter((e) => e.ok).map((e) => ok<BindCodeOut>(e).code)
    expect(issued.length).toBeGreaterThanOrEqual(1)
    for (const e of both) if (!e.ok) expect(code(e)).toBe('CONFLICT')
    const tries = await Promise.all([p.bindCode.code, ...issued].map((c) => codeLogin(h, c)))
    expect(tries.filter((e) => e.ok)).toHaveLength(1)
  })
})

describe('auth.codeLogin: sign-in without WeChat', () => {
  it('opens a device session, listed in 我的 and in the staff list, and revocable there', async () => {
    const h = await makeHarness({ demo: false })
    // a production server: a real supervisor (the seeded ones are demo people, refused here)
    await h.addStaff('sup', ['supervisor'])
    expect(code(await h.as('demo-supervisor', 'staff.list', {}))).toBe('DEMO_DISABLED')
    const p = await newPerson(h, 'sup')
    const s = ok<SessionOut>(await codeLogin(h, p.bindCode.code.toLowerCase()))
    expect(s).toMatchObject({ via: 'code', staff: { name: '陈保安' } })
    expect(s.token).toBeTruthy()
    const mine = ok<SessionItem[]>(
      await h.raw('staff', { action: 'me.sessions', input: {} }, tokenId(s.token!))
    )
    expect(mine).toEqual([
      {
        id: expect.any(String),
        via: 'code',
        device: 'Android · Chrome',
        createdAt: T0,
        expiresAt: s.expiresAt,
        current: true
      }
    ])
    const seen = ok<SessionItem[]>(await h.as('sup', 'staff.sessions', { staffId: p.staff.id }))
    expect(seen.map((x) => [x.id, x.current])).toEqual([[mine[0].id, false]])
    // stored with the mode the server ran in
    expect(await h.stored<{ mode: string }>('sessions', mine[0].id)).toMatchObject({ mode: 'production' })

    expect(
      ok<{ revoked: boolean }>(
        await h.as('sup', 'staff.revokeSession', { staffId: p.staff.id, sessionId: mine[0].id })
      ).revoked
    ).toBe(true)
    expect(code(await profile(h, s.token!))).toBe('SESSION_EXPIRED')
    expect(ok<SessionItem[]>(await h.as('sup', 'staff.sessions', { staffId: p.staff.id }))).toEqual([])
  })

  it('refuses a wrong, used, expired code; a code in WeChat; bad input', async () => {
    const h = await makeHarness()
    const p = await newPerson(h)
    expect(code(await codeLogin(h, 'ZZZZZZZZ'))).toBe('BIND_CODE_INVALID')
    expect(code(await codeLogin(h, 'short'))).toBe('INVALID_INPUT')
    expect(
      code(await h.raw('auth', { action: 'auth.codeLogin', input: { code: p.bindCode.code, x: 1 } }, none))
    ).toBe('INVALID_INPUT')
    expect(
      code(
        await h.raw(
          'auth',
          { action: 'auth.codeLogin', input: { code: p.bindCode.code } },
          { kind: 'openid', openid: 'wx-2' }
        )
      )
    ).toBe('INVALID_INPUT')
    h.clock.now += 73 * H
    expect(code(await codeLogin(h, p.bindCode.code))).toBe('BIND_CODE_EXPIRED')
  })

  it('one code, two browsers at once: one session', async () => {
    const h = await makeHarness()
    const p = await newPerson(h)
    const both = await Promise.all([codeLogin(h, p.bindCode.code), codeLogin(h, p.bindCode.code)])
    expect(both.filter((e) => e.ok)).toHaveLength(1)
    expect(both.map(code).filter((c) => c !== 'OK')[0]).toMatch(/^(BIND_CODE_USED|CONFLICT)$/)
  })

  it('staff.sessions and staff.revokeSession: another estate’s person, another person’s session, a guard', async () => {
    const h = await makeHarness()
    await h.addEstate('other', '别的小区')
    await h.addStaff('sup-other', ['supervisor'], ['other'])
    const p = await newPerson(h)
    const s = ok<SessionOut>(await codeLogin(h, p.bindCode.code))
    const [sid] = ok<SessionItem[]>(
      await h.raw('staff', { action: 'me.sessions', input: {} }, tokenId(s.token!))
    ).map((x) => x.id)
    expect(
      code(await h.as('sup-other', 'staff.sessions', { staffId: p.staff.id }, { estateId: 'other' }))
    ).toBe('NOT_FOUND')
    expect(
      code(await h.as('demo-supervisor', 'staff.revokeSession', { staffId: 'demo-guard', sessionId: sid }))
    ).toBe('NOT_FOUND')
    expect(code(await h.as('demo-guard', 'staff.sessions', { staffId: p.staff.id }))).toBe('FORBIDDEN')
    expect(code(await h.as('demo-supervisor', 'staff.sessions', {}))).toBe('INVALID_INPUT')
    expect(code(await profile(h, s.token!))).toBe('OK')
  })
})

describe('demo apart from production', () => {
  it('a session made in demo mode is refused once the server runs in production; production sessions keep working', async () => {
    const demo = await makeHarness()
    const p = await newPerson(demo)
    const s = ok<SessionOut>(await codeLogin(demo, p.bindCode.code))
    expect(
      await demo.stored<{ mode: string }>(
        'sessions',
        (await demo.text('sessions')).match(/"_id":"([^"]+)"/)![1]
      )
    ).toMatchObject({ mode: 'demo' })
    expect(code(await profile(demo, s.token!))).toBe('OK')
    // the same data, now served in production
    const { createRuntime } = await import('../../../src/cloud/runtime')
    const prod = createRuntime(demo.db, { ...demo.rt.config, demo: false })
    const me = await prod.call('staff', { action: 'me.profile', input: {} }, tokenId(s.token!))
    expect(code(me)).toBe('DEMO_DISABLED')
    // a demo person's WeChat too
    expect(
      code(
        await prod.call(
          'staff',
          { action: 'me.profile', input: {} },
          { kind: 'openid', openid: 'oid-demo-guard' }
        )
      )
    ).toBe('DEMO_DISABLED')
    // a fresh production session of a real person works
    const again = ok<BindCodeOut>(await demo.as('demo-supervisor', 'staff.bindCode', { staffId: p.staff.id }))
    const ps = ok<SessionOut>(
      await prod.call('auth', { action: 'auth.codeLogin', input: { code: again.code } }, none)
    )
    expect(code(await prod.call('staff', { action: 'me.profile', input: {} }, tokenId(ps.token!)))).toBe('OK')
  })
})

describe('auth.setup without WeChat (our own server: npm run setup)', () => {
  const input = {
    setupToken: 'setup-token-0123456789abcdef',
    company: '新物业',
    estateName: '新小区',
    adminName: '新管理员',
    adminPhone: '13911112222'
  }
  it('gives the first admin a bind code, once, even when two run at once; the code signs the admin in', async () => {
    const h = await makeHarness({ demo: false, setupToken: input.setupToken })
    const both = await Promise.all([
      h.raw('auth', { action: 'auth.setup', input }, none),
      h.raw('auth', { action: 'auth.setup', input }, none)
    ])
    expect(both.map(code).sort()).toEqual(['OK', 'SETUP_DONE'])
    const out = ok<SetupOut>(both.find((e) => e.ok)!)
    expect(out.token).toBeUndefined()
    expect(out.staff).toMatchObject({ name: '新管理员', roles: ['admin'] })
    const s = ok<SessionOut>(await codeLogin(h, out.bindCode!.code))
    expect(s.staff.id).toBe(out.staff.id)
    expect(code(await profile(h, s.token!))).toBe('OK')
    expect(code(await h.raw('auth', { action: 'auth.setup', input }, none))).toBe('SETUP_DONE')
    expect(
      code(await h.raw('auth', { action: 'auth.setup', input: { ...input, adminPhone: '123' } }, none))
    ).toBe('INVALID_INPUT')
  })
})
