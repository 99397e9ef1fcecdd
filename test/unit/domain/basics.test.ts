import { createIdFactory, idTime, ID_PATTERN } from '../../../src/domain/ids'
import { maskPhone, CN_MOBILE, CN_PHONE } from '../../../src/domain/privacy'
import { dayStart, localClock, localDate, localHour } from '../../../src/domain/time'
import { AREAS, areasFor } from '../../../src/domain/areas'
import { parseInput } from '../../../src/domain/validation'
import { ACTIONS, rolesFor } from '../../../src/domain/contract'
import { AppError } from '../../../src/domain/errors'

/** A repeatable PRNG so id tests do not depend on Math.random. */
function lcg(seed: number) {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

describe('client ids', () => {
  it('are 22 lowercase base-36 chars, ordered by time and by counter within one ms', () => {
    const clock = { now: 1_700_000_000_000 }
    const next = createIdFactory({ now: () => clock.now, random: lcg(1) })
    const ids: string[] = []
    for (let i = 0; i < 50; i++) ids.push(next())
    clock.now += 1
    for (let i = 0; i < 50; i++) ids.push(next())
    for (const id of ids) expect(id).toMatch(ID_PATTERN)
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    expect(idTime(ids[0])).toBe(1_700_000_000_000)
    expect(idTime(ids[99])).toBe(1_700_000_000_001)
  })

  it('differ between two devices at the same millisecond', () => {
    const a = createIdFactory({ now: () => 5, random: lcg(1) })
    const b = createIdFactory({ now: () => 5, random: lcg(2) })
    expect(a()).not.toBe(b())
  })
})

describe('privacy', () => {
  it('masks mobile numbers to 3+4 digits and never shows a short number whole', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone(' 138 1234 5678 ')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('***45')
    expect(maskPhone('12')).toBe('**')
    expect(maskPhone(undefined)).toBe('')
  })
  it('accepts Chinese mobiles and landlines only', () => {
    expect(CN_MOBILE.test('13912345678')).toBe(true)
    expect(CN_MOBILE.test('12912345678')).toBe(false)
    expect(CN_MOBILE.test('1391234567')).toBe(false)
    expect(CN_PHONE.test('0755-12345678')).toBe(true)
    expect(CN_PHONE.test('110')).toBe(false)
  })
})

describe('estate time is China time whatever the machine zone', () => {
  // 2026-11-22 16:30 UTC is 2026-11-23 00:30 in China.
  const t = Date.UTC(2026, 10, 22, 16, 30)
  it('gives the local day, hour and clock', () => {
    expect(localDate(t)).toBe('2026-11-23')
    expect(localHour(t)).toBe(0)
    expect(localClock(t)).toBe('00:30')
    expect(dayStart(t)).toBe(Date.UTC(2026, 10, 22, 16, 0))
    expect(localDate(Date.UTC(2026, 10, 22, 15, 59))).toBe('2026-11-22')
  })
})

describe('work areas by role', () => {
  it('a guard gets gate, patrol, tasks (保安部 pool tasks and emergencies) and scripts, not supervisor', () => {
    expect(areasFor(['guard']).map((a) => a.key)).toEqual(['gate', 'patrol', 'tasks', 'scripts'])
  })
  it('a supervisor gets every area; every area is reachable by some role', () => {
    expect(areasFor(['supervisor']).map((a) => a.key)).toEqual(AREAS.map((a) => a.key))
    for (const a of AREAS) expect(a.roles.length).toBeGreaterThan(0)
  })
  it('a cleaner gets tasks and scripts', () => {
    expect(areasFor(['cleaner']).map((a) => a.key)).toEqual(['tasks', 'scripts'])
    expect(areasFor(['service']).map((a) => a.key)).toEqual(['desk', 'tasks', 'scripts'])
  })
})

describe('contract and validation', () => {
  it('declares every action with a function, schema and roles', () => {
    for (const [name, def] of Object.entries(ACTIONS)) {
      expect(def.fn).toMatch(/^(auth|staff|admin|cron)$/)
      expect(def.input).toBeDefined()
      if (Array.isArray(def.access)) expect(rolesFor(name as keyof typeof ACTIONS).length).toBeGreaterThan(0)
      else expect(['public', 'any', 'system']).toContain(def.access)
    }
  })
  it('turns schema problems into Chinese messages per field', () => {
    let err: unknown
    try {
      parseInput(ACTIONS['staff.create'].input, { name: '', phone: '123', roles: [] })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(AppError)
    const e = err as AppError
    expect(e.code).toBe('INVALID_INPUT')
    expect(e.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['name', 'phone', 'roles']))
    expect(e.message).toContain('手机号')
  })
  it('rejects unknown fields', () => {
    expect(() =>
      parseInput(ACTIONS['shift.start'].input, { id: 'shift102', post: '东门岗', admin: true })
    ).toThrow(/不认识的字段/)
  })
})

import { formatAgo, formatDay, formatWhen, dayPart } from '../../../src/domain/dates'

describe('dates in zh-cn, China time', () => {
  const now = Date.UTC(2026, 10, 23, 6, 5) // 14:05 Monday 23 Nov in China
  it('formats the day with the weekday in Chinese', () => {
    expect(formatDay(now)).toBe('11月23日 星期一')
  })
  it('formats times relative to today', () => {
    expect(formatWhen(now - 60_000, now)).toBe('14:04')
    expect(formatWhen(now - 86400_000, now)).toBe('昨天 14:05')
    expect(formatWhen(now - 3 * 86400_000, now)).toBe('11月20日 14:05')
    // 23:59 the day before in China is yesterday even though it is the same UTC day.
    expect(formatWhen(Date.UTC(2026, 10, 22, 15, 59), now)).toBe('昨天 23:59')
  })
  it('says how long ago', () => {
    expect(formatAgo(now - 5_000, now)).toBe('刚刚')
    expect(formatAgo(now - 5 * 60_000, now)).toBe('5分钟前')
    expect(formatAgo(now - 2 * 3600_000, now)).toBe('2小时前')
  })
  it('picks the part of the day for greetings at the boundaries', () => {
    expect(dayPart(Date.UTC(2026, 10, 22, 21, 0))).toBe('morning') // 05:00
    expect(dayPart(Date.UTC(2026, 10, 23, 3, 59))).toBe('morning') // 11:59
    expect(dayPart(Date.UTC(2026, 10, 23, 4, 0))).toBe('afternoon') // 12:00
    expect(dayPart(Date.UTC(2026, 10, 23, 10, 0))).toBe('evening') // 18:00
    expect(dayPart(Date.UTC(2026, 10, 22, 20, 59))).toBe('evening') // 04:59
  })
})
