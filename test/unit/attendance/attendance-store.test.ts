/**
 * The attendance subpackage's store against the real backend: a supervisor's schedule saved with
 * its version, a second phone's stale save refused with the server's CONFLICT message, the day
 * showing the scheduled guard's flagged clock-in, and the month's .xlsx.
 */
import { makeBackend, type Backend } from '../stores/backend'
import { sessionStore } from '../../kit/session'
import { AttendanceStore, lastMonth, stepMonth } from '../../../src/pages/attendance/model/attendance'
import { createIdFactory } from '../../../src/domain/ids'
import { localDate } from '../../../src/domain/time'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function supervisorPhone() {
  const { s, api } = sessionStore(b)
  expect(await s.signInDemo('demo-supervisor')).toBe(true)
  return new AttendanceStore({
    api,
    newId: createIdFactory({ now: () => b.h.clock.now, random: Math.random }),
    now: () => b.h.clock.now
  })
}

describe('attendance on the manager’s phone', () => {
  it('saves a schedule with its version; a stale save on another phone shows CONFLICT', async () => {
    await b.h.as('admin').call('estates.gateSave', {
      id: 'demo-gate-1',
      name: '东门',
      kind: 'gate',
      position: { lat: 22.54, lng: 114.05, radiusM: 100 }
    })
    const one = await supervisorPhone()
    const two = await supervisorPhone()
    await Promise.all([one.loadSchedules(), two.loadSchedules()])
    expect(one.post?.post).toBeTruthy()
    one.pick('demo-gate-1')
    two.pick('demo-gate-1')
    expect(one.post?.post).toBe('东门岗')

    one.addSlot()
    const slot = one.slots[0]
    one.setTime(slot.id, 'start', '00:00')
    one.setTime(slot.id, 'end', '23:59')
    one.togglePerson(slot.id, 'demo-guard')
    expect(one.dirty).toBe(true)
    expect(await one.save()).toBe(true)
    expect(one.saved).toBe(true)
    expect(one.post?.v).toBeGreaterThan(0)
    expect(one.post?.slots[0]).toMatchObject({ start: '00:00', end: '23:59', staffIds: ['demo-guard'] })

    two.addSlot()
    expect(await two.save()).toBe(false)
    expect(two.scheduleError).toContain('这个岗位的排班刚被别人修改过')
    await two.loadSchedules()
    expect(two.slots).toHaveLength(1)
    expect(two.scheduleError).toBe('')
  })

  it('refuses a slot with no weekday before sending it', async () => {
    const one = await supervisorPhone()
    await one.loadSchedules()
    one.addSlot()
    const s = one.slots[0]
    for (const d of [...s.days]) one.toggleDay(s.id, d)
    expect(await one.save()).toBe(false)
    expect(one.scheduleError).toContain('没有选择星期')
  })

  it('the day shows the guard’s clock-in outside the radius as flagged; the month exports', async () => {
    await b.h.as('admin').call('estates.gateSave', {
      id: 'demo-gate-1',
      name: '东门',
      kind: 'gate',
      position: { lat: 22.54, lng: 114.05, radiusM: 100 }
    })
    await b.h.as('guard').call('shift.start', {
      id: 'sh-1',
      post: '东门岗',
      where: { position: { lat: 22.543, lng: 114.05, accuracyM: 10 } }
    })
    const one = await supervisorPhone()
    await one.loadDay()
    expect(one.dayError).toBe('')
    expect(one.date).toBe(localDate(b.h.clock.now))
    const row = one.day?.rows.find((r) => r.staffId === 'demo-guard')
    expect(row?.post).toBe('东门岗')
    expect(row?.flags.join()).toContain('不在岗位范围内')
    expect(one.day?.counts.flagged).toBe(1)

    one.month = localDate(b.h.clock.now).slice(0, 7)
    const f = await one.monthXlsx()
    expect(one.exportError).toBe('')
    expect(f?.filename).toMatch(/\.xlsx$/)
    expect(f?.rows).toBeGreaterThan(0)
  })

  it('months: the last full one by default, never past this one', () => {
    const now = Date.parse('2026-01-15T04:00:00Z')
    expect(lastMonth(now)).toBe('2025-12')
    expect(stepMonth('2025-12', 1, now)).toBe('2026-01')
    expect(stepMonth('2026-01', 1, now)).toBe('2026-01')
    expect(stepMonth('2026-01', -1, now)).toBe('2025-12')
  })
})
