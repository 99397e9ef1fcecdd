import {
  EMERGENCY_DEPTS,
  EMERGENCY_WATCH_ROLES,
  emergencyBanners,
  seesEmergency,
  untakenEmergency,
  watchesEmergencies
} from '../../../../src/domain/work/emergency'
import { MANAGER_ROLES } from '../../../../src/domain/roles'
import { DEPT_ROLES, type Incident } from '../../../../src/domain/work/model'

const T = Date.UTC(2026, 11, 1, 2, 30) // 10:30 in China
const inc = (over: Partial<Incident> = {}) =>
  ({
    _id: 'i1',
    emergency: true,
    status: 'assigned',
    categoryLabel: '火情',
    place: '1号楼大堂',
    reporterName: '张卫国',
    reportedAt: T,
    dept: 'security',
    ...over
  }) as Incident

describe('emergency banners (domain/work/emergency.ts)', () => {
  it('the home page’s watch list is the managers and every department an emergency category goes to', () => {
    const expected = new Set([...MANAGER_ROLES, ...EMERGENCY_DEPTS.flatMap((d) => DEPT_ROLES[d])])
    expect(new Set(EMERGENCY_WATCH_ROLES)).toEqual(expected)
    expect(watchesEmergencies(['cleaner'])).toBe(false)
    expect(watchesEmergencies(['engineer'])).toBe(true)
  })

  it('untaken: an emergency new or handed back, nobody on it, not resolved', () => {
    expect(untakenEmergency(inc())).toBe(true)
    expect(untakenEmergency(inc({ emergency: false }))).toBe(false)
    expect(untakenEmergency(inc({ assigneeName: '李巡' }))).toBe(false)
    expect(untakenEmergency(inc({ status: 'accepted', assigneeName: '李巡' }))).toBe(false)
    expect(untakenEmergency(inc({ status: 'resolved' }))).toBe(false)
    expect(untakenEmergency(inc({ status: 'reopened' }))).toBe(false)
  })

  it('who sees which: managers all, a department its own', () => {
    expect(seesEmergency(['supervisor'], 'engineering')).toBe(true)
    expect(seesEmergency(['guard'], 'security')).toBe(true)
    expect(seesEmergency(['guard'], 'engineering')).toBe(false)
  })

  it('oldest first, with yesterday’s day named, and the page where each is taken', () => {
    const b = emergencyBanners(
      [
        inc({ _id: 'new', reportedAt: T, note: ' 冒烟 ' }),
        inc({ _id: 'old', reportedAt: T - 24 * 3600_000, place: undefined }),
        inc({ _id: 'flood', dept: 'engineering', reportedAt: T - 60_000 }),
        inc({ _id: 'taken', reportedAt: T - 7200_000, assigneeName: '李巡' })
      ],
      ['guard'],
      T + 60_000
    )
    expect(b.map((x) => x.id)).toEqual(['old', 'new'])
    expect(b[0].lines).toEqual(['地点：未填写', '昨天 10:30 张卫国 上报', '在保安部抢单池，还没有人接'])
    expect(b[1].lines).toContain('说明：冒烟')
    expect(b[1].url).toBe('/pages/work/tasks/index')
    expect(emergencyBanners([inc()], ['admin'], T)[0].url).toBe('/pages/supervisor/work/index')
  })
})
