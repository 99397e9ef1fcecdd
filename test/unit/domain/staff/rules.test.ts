import {
  BIND_CODE_ALPHABET,
  bindCodeProblem,
  estateBrief,
  grantableRoles,
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
      active: true
    })
    expect(JSON.stringify(item)).not.toContain('oid-secret')
    expect(staffListItem(person).bound).toBe(false)
  })
})
