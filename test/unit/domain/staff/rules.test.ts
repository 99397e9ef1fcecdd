import {
  BIND_CODE_ALPHABET,
  bindCodeProblem,
  deviceName,
  disableProblem,
  manageProblem,
  releasedTask,
  sessionProblem,
  staffEdit,
  estateBrief,
  grantableRoles,
  offerableRoles,
  makeBindCode,
  normalizeBindCode,
  openShiftMarkId,
  shiftEndProblem,
  staffListItem,
  staffSelf
} from '../../../../src/domain/staff/rules'
import type { Estate, Staff } from '../../../../src/domain/entities'

const doc = { _v: 1, createdAt: 0, updatedAt: 0 }
const estate = (id: string, name: string): Estate => ({
  ...doc,
  _id: id,
  name,
  company: '物业',
  address: '',
  settings: { overstayHours: 4 }
})
const person: Staff = {
  ...doc,
  _id: 's1',
  name: '张三',
  phone: '13812345678',
  roles: ['guard'],
  estateIds: ['e2', 'e1', 'gone'],
  active: true
}

describe('bind codes', () => {
  it('are 8 characters of an alphabet without look-alikes (0/O, 1/I/L)', () => {
    expect(BIND_CODE_ALPHABET).not.toMatch(/[01OIL]/)
    let i = 0
    const code = makeBindCode((n) => (i++ * 7) % n)
    expect(code).toHaveLength(8)
    expect([...code].every((c) => BIND_CODE_ALPHABET.includes(c))).toBe(true)
    expect(makeBindCode(() => 0)).toBe('AAAAAAAA')
    expect(makeBindCode((n) => n - 1)).toBe('99999999')
  })

  it('are typed in any case', () => {
    expect(normalizeBindCode('abcd23ef')).toBe('ABCD23EF')
  })

  it('bind when present, unused and before expiry; otherwise say why', () => {
    const now = 1000
    expect(bindCodeProblem(null, now)).toBe('BIND_CODE_INVALID')
    expect(bindCodeProblem({ usedAt: 5, expiresAt: now + 1 }, now)).toBe('BIND_CODE_USED')
    expect(bindCodeProblem({ expiresAt: now }, now)).toBe('BIND_CODE_EXPIRED')
    expect(bindCodeProblem({ expiresAt: now + 1 }, now)).toBeNull()
  })
})

describe('granting roles', () => {
  it('keeps each role once; only an admin grants admin', () => {
    expect(grantableRoles(['supervisor'], ['guard', 'guard', 'patrol'])).toEqual(['guard', 'patrol'])
    expect(grantableRoles(['supervisor'], ['admin'])).toBeNull()
    expect(grantableRoles(['admin'], ['admin', 'guard'])).toEqual(['admin', 'guard'])
  })
})

describe('shifts', () => {
  it('a person ends only their own open shift of this estate', () => {
    const s = { estateId: 'e1', staffId: 's1', status: 'on' as const }
    expect(shiftEndProblem(s, 's1', 'e1')).toBeNull()
    expect(shiftEndProblem(null, 's1', 'e1')).toBe('NOT_FOUND')
    expect(shiftEndProblem(s, 's2', 'e1')).toBe('NOT_FOUND')
    expect(shiftEndProblem(s, 's1', 'e2')).toBe('NOT_FOUND')
    expect(shiftEndProblem({ ...s, status: 'off' }, 's1', 'e1')).toBe('CONFLICT')
  })

  it('one open-shift marker per person and estate', () => {
    expect(openShiftMarkId('s1', 'e1')).toBe('s1@e1')
    expect(openShiftMarkId('s1', 'e2')).not.toBe(openShiftMarkId('s1', 'e1'))
  })
})

describe('what people see', () => {
  it('their own record lists their estates in their order, leaving out missing ones', () => {
    const self = staffSelf(person, [estate('e1', '一'), estate('e2', '二')])
    expect(self).toEqual({
      id: 's1',
      name: '张三',
      phone: '13812345678',
      roles: ['guard'],
      estates: [estateBrief(estate('e2', '二')), { id: 'e1', name: '一', company: '物业' }]
    })
  })

  it('a colleague in the list: phone masked, OPENID only as "bound"', () => {
    const item = staffListItem({ ...person, openid: 'oid-secret' })
    expect(item).toEqual({
      id: 's1',
      name: '张三',
      phone: expect.not.stringContaining('12345678'),
      roles: ['guard'],
      bound: true,
      active: true,
      estateIds: person.estateIds,
      pending: false
    })
    expect(JSON.stringify(item)).not.toContain('oid-secret')
    expect(staffListItem(person).bound).toBe(false)
  })
})

describe('the staff lifecycle', () => {
  const sup = { _id: 'sup', roles: ['supervisor' as const], estateIds: ['e1', 'e2'] }
  const admin = { _id: 'adm', roles: ['admin' as const], estateIds: ['e1'] }
  const guard = { _id: 'g', roles: ['guard' as const], estateIds: ['e1', 'e9'], active: true }

  it('grantableRoles: none above the caller’s own', () => {
    expect(grantableRoles(['supervisor'], ['supervisor', 'guard', 'guard'])).toEqual(['supervisor', 'guard'])
    expect(grantableRoles(['supervisor'], ['admin'])).toBeNull()
    expect(grantableRoles(['guard'], ['supervisor'])).toBeNull()
    expect(grantableRoles(['admin'], ['admin'])).toEqual(['admin'])
  })

  it('manageProblem: a person above the caller is out of reach', () => {
    expect(manageProblem(sup, admin)?.code).toBe('FORBIDDEN')
    expect(manageProblem(sup, guard)).toBeNull()
    expect(manageProblem(admin, sup)).toBeNull()
  })

  it('staffEdit: own roles and estates never, roles above never, estates only the caller’s (others kept)', () => {
    expect(staffEdit(sup, sup, { roles: ['admin'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(staffEdit(sup, sup, { estateIds: ['e1'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(staffEdit(sup, sup, { name: '新名', roles: ['supervisor'] })).toEqual({
      ok: true,
      patch: { name: '新名' }
    })
    expect(staffEdit(sup, guard, { roles: ['admin'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(staffEdit(sup, guard, { roles: ['patrol', 'patrol'] })).toEqual({
      ok: true,
      patch: { roles: ['patrol'] }
    })
    expect(staffEdit(sup, guard, { estateIds: ['e3'] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // e9 is not the supervisor's: it stays; e2 is added, e1 removed
    expect(staffEdit(sup, guard, { estateIds: ['e2'] })).toEqual({
      ok: true,
      patch: { estateIds: ['e9', 'e2'] }
    })
    expect(staffEdit(admin, guard, { estateIds: ['e3'] })).toEqual({ ok: true, patch: { estateIds: ['e3'] } })
    expect(staffEdit(admin, { ...guard, estateIds: ['e1'] }, { estateIds: ['e1'] })).toEqual({
      ok: true,
      patch: {}
    })
    expect(staffEdit(sup, admin, { name: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('disableProblem: not oneself, not above, not twice', () => {
    expect(disableProblem(sup, { ...sup, active: true })?.code).toBe('FORBIDDEN')
    expect(disableProblem(sup, { ...admin, active: true })?.code).toBe('FORBIDDEN')
    expect(disableProblem(sup, { ...guard, active: false })?.code).toBe('CONFLICT')
    // the guard works in e9 too, which the supervisor does not hold: an admin's call
    expect(disableProblem(sup, guard)?.message).toContain('其他小区')
    expect(disableProblem(sup, { ...guard, estateIds: ['e2'] })).toBeNull()
    expect(disableProblem(admin, guard)).toBeNull()
  })

  it('releasedTask: open, nobody assigned, the pool kept or given, one history line', () => {
    const t = {
      dept: undefined as 'cleaning' | undefined,
      history: [{ at: 1, by: 'a', byName: 'A', what: '派单' }]
    }
    const r = releasedTask(t, 'cleaning', { _id: 'sup', name: '周主管' }, '赵洁', 99)
    expect(r).toEqual({
      status: 'open',
      assigneeId: undefined,
      assigneeName: undefined,
      dept: 'cleaning',
      history: [
        t.history[0],
        { at: 99, by: 'sup', byName: '周主管', what: '退回任务池', note: '赵洁 的账号已停用，任务退回待抢单' }
      ]
    })
    expect(releasedTask({ ...t, dept: 'cleaning' }, undefined, { _id: 's', name: 'S' }, 'X', 1).dept).toBe(
      'cleaning'
    )
  })

  it('sessionProblem: revoked, expired, and demo sessions on a production server', () => {
    const live = { expiresAt: 100, via: 'code' }
    expect(sessionProblem(live, 50, false)).toBeNull()
    expect(sessionProblem({ ...live, revokedAt: 10 }, 50, true)).toBe('SESSION_EXPIRED')
    expect(sessionProblem(live, 100, true)).toBe('SESSION_EXPIRED')
    expect(sessionProblem({ ...live, mode: 'demo' as const }, 50, false)).toBe('DEMO_DISABLED')
    expect(sessionProblem({ ...live, mode: 'demo' as const }, 50, true)).toBeNull()
    // from before modes were recorded: a demo sign-in counts as demo
    expect(sessionProblem({ expiresAt: 100, via: 'demo' }, 50, false)).toBe('DEMO_DISABLED')
    expect(sessionProblem({ expiresAt: 100, via: 'wechat' }, 50, false)).toBeNull()
  })

  it('deviceName: a short name from a User-Agent', () => {
    expect(
      deviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1')
    ).toBe('iPhone · Safari')
    expect(deviceName('Mozilla/5.0 (Linux; Android 14) Chrome/120 Mobile Safari/537.36')).toBe(
      'Android · Chrome'
    )
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0) Chrome/120 Safari/537.36 Edg/120')).toBe(
      'Windows · Edge'
    )
    expect(deviceName(undefined)).toBe('未知设备')
    expect(deviceName('curl/8')).toBe('浏览器')
  })
})

describe('offerableRoles', () => {
  it('offers a supervisor every role but admin, an admin all, an on-site role none above its own', () => {
    expect(offerableRoles(['supervisor'])).not.toContain('admin')
    expect(offerableRoles(['supervisor'])).toContain('supervisor')
    expect(offerableRoles(['admin'])).toContain('admin')
    expect(offerableRoles(['guard'])).not.toContain('supervisor')
    expect(offerableRoles([])).toEqual([])
  })
})
