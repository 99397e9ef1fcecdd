/** How a report becomes an incident and its task, a reporter's additions, a template's day task. */
import {
  handBackDept,
  incidentAddition,
  incidentIdOfTask,
  incidentPlan,
  MAX_INCIDENT_PHOTOS,
  sameReportTap,
  taskForIncident,
  taskFromTemplate,
  taskIdOf,
  templateRunsOn,
  templateTaskId
} from '../../../../src/domain/work/incidents'
import { categoryOf, type TaskTemplate } from '../../../../src/domain/work/model'

const M = 60_000
const T = Date.UTC(2026, 10, 23, 2) // Monday 10:00 in China
const cat = (key: string) => categoryOf(key)!

describe('incidentPlan', () => {
  it('the category decides severity, emergency and due time; the person and the estate may say otherwise', () => {
    expect(incidentPlan(cat('leak'), T)).toEqual({
      severity: 'high',
      emergency: false,
      dueAt: T + 120 * M,
      source: 'staff'
    })
    expect(incidentPlan(cat('fire'), T)).toMatchObject({
      severity: 'urgent',
      emergency: true,
      dueAt: T + 30 * M
    })
    // urgent makes any report an emergency
    expect(incidentPlan(cat('light'), T, { severity: 'urgent' })).toMatchObject({
      emergency: true,
      dueAt: T + 30 * M
    })
    expect(incidentPlan(cat('leak'), T, { responseMinutes: { high: 60 } }).dueAt).toBe(T + 60 * M)
    expect(incidentPlan(cat('rubbish'), T).dueAt).toBe(T + 24 * 60 * M)
  })
  it('an owner’s request comes from the owner unless said otherwise', () => {
    expect(incidentPlan(cat('ownerRequest'), T).source).toBe('owner')
    expect(incidentPlan(cat('ownerRequest'), T, { source: 'staff' }).source).toBe('staff')
    expect(incidentPlan(cat('noise'), T, { source: 'owner' }).source).toBe('owner')
  })
})

describe('taskForIncident', () => {
  it('engineering: a repair with a photo; high and urgent are high priority; titled with the place', () => {
    expect(taskForIncident(cat('leak'), 'high', T + 1, '2栋地下室')).toEqual({
      title: '漏水 · 2栋地下室',
      type: 'repair',
      place: '2栋地下室',
      checklist: [],
      dueAt: T + 1,
      priority: 'high',
      photoRequired: true,
      dept: 'engineering',
      status: 'open'
    })
  })
  it('cleaning is cleaning with a photo; security and service are other, no photo; normal and low are normal', () => {
    expect(taskForIncident(cat('rubbish'), 'low', T)).toMatchObject({
      title: '垃圾/污渍',
      type: 'cleaning',
      place: undefined,
      priority: 'normal',
      photoRequired: true,
      dept: 'cleaning'
    })
    expect(taskForIncident(cat('noise'), 'normal', T)).toMatchObject({
      type: 'other',
      photoRequired: false,
      dept: 'service'
    })
    expect(taskForIncident(cat('fire'), 'urgent', T, '')).toMatchObject({
      title: '火情',
      type: 'other',
      priority: 'high',
      place: undefined
    })
  })
  it('the task’s id names its incident', () => {
    expect(taskIdOf('inc-1')).toBe('t-inc-1')
    expect(incidentIdOfTask('t-inc-1')).toBe('inc-1')
    expect(incidentIdOfTask('task-1')).toBeUndefined()
  })
})

describe('incidentAddition', () => {
  const i = { photoIds: ['a', 'b'], severity: 'normal' as const, emergency: false, reportedAt: T }
  it('names what was added', () => {
    const add = incidentAddition(i, {
      note: '滴水',
      photoIds: ['c'],
      place: '3栋',
      position: { lat: 1, lng: 2, accuracyM: 5 }
    })
    expect(add.parts).toEqual(['说明', '照片1张', '地点', '定位'])
    expect(add.patch).toEqual({
      note: '滴水',
      photoIds: ['a', 'b', 'c'],
      place: '3栋',
      position: { lat: 1, lng: 2, accuracyM: 5 }
    })
  })
  it('photos join without repeats, nine at most; a position is kept once set', () => {
    const many = incidentAddition(i, { photoIds: ['b', ...Array.from({ length: 10 }, (_, k) => `p${k}`)] })
    expect(many.patch.photoIds).toHaveLength(MAX_INCIDENT_PHOTOS)
    expect(many.patch.photoIds?.slice(0, 3)).toEqual(['a', 'b', 'p0'])
    expect(
      incidentAddition(
        { ...i, position: { lat: 0, lng: 0, accuracyM: 5 } },
        { position: { lat: 1, lng: 1, accuracyM: 5 } }
      ).parts
    ).toEqual([])
  })
  it('a new severity moves the due time from the report and may make it an emergency; the same one is nothing', () => {
    expect(incidentAddition(i, { severity: 'urgent' })).toEqual({
      patch: { severity: 'urgent', emergency: true, dueAt: T + 30 * M },
      parts: ['紧急程度']
    })
    expect(incidentAddition(i, { severity: 'high' }, { high: 45 }).patch).toEqual({
      severity: 'high',
      emergency: false,
      dueAt: T + 45 * M
    })
    expect(incidentAddition(i, { severity: 'normal' }).parts).toEqual([])
  })
})

describe('recurring templates', () => {
  const tpl: TaskTemplate = {
    _id: 'tpl1',
    _v: 1,
    createdAt: 0,
    updatedAt: 0,
    estateId: 'e1',
    title: '每日大堂保洁',
    type: 'cleaning',
    checklist: ['地面', '玻璃门'],
    priority: 'normal',
    photoRequired: true,
    dept: 'cleaning',
    time: '08:00',
    days: [1, 3],
    durationMinutes: 120,
    active: true
  }
  const d0 = Date.UTC(2026, 10, 22, 16) // Monday 00:00 in China
  it('runs on its weekdays (estate time)', () => {
    expect(templateRunsOn(tpl, T)).toBe(true)
    expect(templateRunsOn(tpl, T + 24 * 60 * M)).toBe(false)
    // Sunday 23:59 UTC is already Monday in China
    expect(templateRunsOn({ days: [1] }, d0 + M)).toBe(true)
  })
  it('one task a day, due after its duration, to the pool without an assignee, to the person with one', () => {
    expect(templateTaskId('tpl1', d0)).toBe('tpl-tpl1-2026-11-23')
    expect(taskFromTemplate(tpl, d0)).toMatchObject({
      estateId: 'e1',
      dueAt: d0 + 10 * 60 * M,
      dept: 'cleaning',
      assigneeId: undefined,
      status: 'open',
      templateId: 'tpl1',
      checklist: [
        { label: '地面', done: false },
        { label: '玻璃门', done: false }
      ]
    })
    expect(taskFromTemplate({ ...tpl, assigneeId: 's1', assigneeName: '赵洁' }, d0)).toMatchObject({
      dept: undefined,
      assigneeId: 's1',
      status: 'assigned'
    })
  })
})

describe('handBackDept: the pool a task handed back goes to', () => {
  it('its own, the incident’s (its category’s), its type’s work, the hander’s; else none', () => {
    expect(
      handBackDept({ dept: 'cleaning', type: 'repair' }, { dept: 'security', category: 'fire' }, [
        'engineering'
      ])
    ).toBe('cleaning')
    expect(handBackDept({ type: 'repair' }, { dept: 'security', category: 'fire' }, [])).toBe('security')
    // an incident stored without its department: its category's, as taskForIncident routed it
    const leak = taskForIncident(categoryOf('leak')!, 'high', 0).dept
    expect(handBackDept({}, { category: 'leak' } as never, [])).toBe(leak)
    expect(handBackDept({ type: 'cleaning' }, undefined, ['engineering'])).toBe('cleaning')
    expect(handBackDept({ type: 'other' }, undefined, ['service'])).toBe('service')
    expect(handBackDept({ type: 'other' }, undefined, [])).toBeUndefined()
  })
})

describe('sameReportTap', () => {
  it('a second tap under two seconds is the same report; none before, or later, is a new one', () => {
    expect(sameReportTap(undefined, 1_000)).toBe(false)
    expect(sameReportTap(10_000, 11_999)).toBe(true)
    expect(sameReportTap(10_000, 12_000)).toBe(false)
  })
})
