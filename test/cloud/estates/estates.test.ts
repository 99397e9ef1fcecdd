/**
 * Company set-up: estates (estates.create / update / list / detail) and their gates and posts
 * (estates.gateSave / gateRemove). Each: the happy path and its effect, bad input, the wrong
 * role, another estate.
 */
import { makeHarness, code, DEMO_ESTATE_ID, type Harness } from '../harness'
import { DEFAULT_ESTATE_SETTINGS } from '../../../src/domain/estates/settings'
import type { Staff } from '../../../src/domain/entities'

const OTHER = 'other-estate'
let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  await h.addEstate(OTHER, '别的小区')
  await h.addStaff('sup-e2', ['supervisor'], [OTHER])
})

describe('estates.create', () => {
  it('an admin creates an estate with default settings and Asia/Shanghai, and works in it from then on', async () => {
    const e = await h.as('admin').call('estates.create', {
      id: 'est-new',
      name: ' 碧水湾 ',
      company: '利海物业',
      address: '深圳市南山区'
    })
    expect(e).toEqual({
      id: 'est-new',
      name: '碧水湾',
      company: '利海物业',
      address: '深圳市南山区',
      timeZone: 'Asia/Shanghai',
      settings: DEFAULT_ESTATE_SETTINGS
    })
    expect((await h.stored<Staff>('staff', 'demo-admin'))!.estateIds).toEqual([DEMO_ESTATE_ID, 'est-new'])
    // so the estate's own actions work for them right away
    const d = await h.as('admin').call('estates.detail', {}, { estateId: 'est-new' })
    expect(d).toEqual({ estate: e, gates: [], rooms: 0 })
    expect((await h.as('admin').call('estates.list', {})).map((x) => x.name)).toEqual(
      expect.arrayContaining(['碧水湾', '翠湖花园', '别的小区'])
    )
  })

  it('settings and time zone as set; inconsistent settings and unknown zones refused in Chinese', async () => {
    const e = await h.as('admin').call('estates.create', {
      id: 'est-2',
      name: '乌鲁木齐小区',
      company: '利海物业',
      timeZone: 'Asia/Urumqi',
      settings: { overstayHours: 6, responseMinutes: { urgent: 30, high: 120 } }
    })
    expect(e.timeZone).toBe('Asia/Urumqi')
    expect(e.settings).toEqual({
      ...DEFAULT_ESTATE_SETTINGS,
      overstayHours: 6,
      responseMinutes: { urgent: 30, high: 120 }
    })
    const bad = await h.as('admin').try('estates.create', {
      id: 'est-3',
      name: 'x',
      company: 'y',
      settings: { overstayHours: 4, patrol: { everyMinutes: 60, minMinutes: 30, maxMinutes: 20 } }
    })
    expect(bad).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/最长应不少于最短/)
    })
    const tz = await h
      .as('admin')
      .try('estates.create', { id: 'est-4', name: 'x', company: 'y', timeZone: 'Mars/Base' })
    expect(tz).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringMatching(/时区/) })
    const hours = await h
      .as('admin')
      .try('estates.create', { id: 'est-5', name: 'x', company: 'y', settings: { overstayHours: 0 } })
    expect(hours).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await h.count('estates', { _id: 'est-3' })).toBe(0)
  })

  it('only admins create estates; an id already used is DUPLICATE', async () => {
    expect(
      code(await h.as('supervisor').try('estates.create', { id: 'est-s', name: 'x', company: 'y' }))
    ).toBe('FORBIDDEN')
    expect(code(await h.as('admin').try('estates.create', { id: OTHER, name: 'x', company: 'y' }))).toBe(
      'DUPLICATE'
    )
  })
})

describe('estates.update and list', () => {
  it('a supervisor edits their own estate; settings merge; another estate is refused', async () => {
    const e = await h
      .as('supervisor')
      .call('estates.update', { address: '新地址', settings: { overstayHours: 8 } })
    expect(e).toMatchObject({ name: '翠湖花园', address: '新地址', settings: { overstayHours: 8 } })
    // the gate reads the new overstay hours
    expect((await h.as('guard').call('gate.refs', {})).overstayHours).toBe(8)
    expect(code(await h.as('supervisor').try('estates.update', { address: 'x' }, { estateId: OTHER }))).toBe(
      'FORBIDDEN_ESTATE'
    )
    expect(code(await h.as('guard').try('estates.update', { address: 'x' }))).toBe('FORBIDDEN')
  })
  it('a supervisor lists only their estates, an admin every estate', async () => {
    expect((await h.as('sup-e2').call('estates.list', {})).map((x) => x.id)).toEqual([OTHER])
    expect((await h.as('admin').call('estates.list', {})).map((x) => x.id).sort()).toEqual(
      [DEMO_ESTATE_ID, OTHER].sort()
    )
  })
})

describe('gates and posts', () => {
  it('adds a gate and a post; the guard picks among gates only; a removed one is gone', async () => {
    await h.as('supervisor').call('estates.gateSave', { id: 'g-north', name: '北 门', kind: 'gate' })
    await h.as('supervisor').call('estates.gateSave', { id: 'p-car', name: '地库岗亭', kind: 'post' })
    const d = await h.as('supervisor').call('estates.detail', {})
    expect(d.gates.map((g) => `${g.kind}:${g.name}`)).toEqual([
      'gate:东门',
      'gate:北门',
      'gate:南门',
      'post:地库岗亭'
    ])
    expect((await h.as('guard').call('gate.refs', {})).gates.sort()).toEqual(['东门', '北门', '南门'].sort())
    // rename keeps the id
    expect(
      await h.as('supervisor').call('estates.gateSave', { id: 'g-north', name: '北门二', kind: 'gate' })
    ).toEqual({
      id: 'g-north',
      name: '北门二',
      kind: 'gate'
    })
    await h.as('supervisor').call('estates.gateRemove', { id: 'g-north' })
    expect((await h.as('guard').call('gate.refs', {})).gates).not.toContain('北门二')
    expect(code(await h.as('supervisor').try('estates.gateRemove', { id: 'g-north' }))).toBe('NOT_FOUND')
  })
  it('a second active place of the same name is DUPLICATE; bad kind and empty name are refused', async () => {
    await h.as('supervisor').call('estates.gateSave', { id: 'g-a', name: '西门', kind: 'gate' })
    expect(
      code(await h.as('supervisor').try('estates.gateSave', { id: 'g-b', name: '西门', kind: 'post' }))
    ).toBe('DUPLICATE')
    expect(
      code(await h.as('supervisor').try('estates.gateSave', { id: 'g-c', name: '西门', kind: 'door' }))
    ).toBe('INVALID_INPUT')
    expect(
      code(await h.as('supervisor').try('estates.gateSave', { id: 'g-d', name: '  ', kind: 'gate' }))
    ).toBe('INVALID_INPUT')
  })
  it("another estate's gate cannot be changed or removed, and a guard cannot add one", async () => {
    await h
      .as('sup-e2')
      .call('estates.gateSave', { id: 'g-other', name: '东门', kind: 'gate' }, { estateId: OTHER })
    expect(
      code(await h.as('supervisor').try('estates.gateSave', { id: 'g-other', name: '改名', kind: 'gate' }))
    ).toBe('NOT_FOUND')
    expect(code(await h.as('supervisor').try('estates.gateRemove', { id: 'g-other' }))).toBe('NOT_FOUND')
    expect((await h.stored<{ name: string }>('gates', 'g-other'))!.name).toBe('东门')
    expect(code(await h.as('guard').try('estates.gateSave', { id: 'g-x', name: '后门', kind: 'gate' }))).toBe(
      'FORBIDDEN'
    )
  })
})

describe('the estate settings are used where they belong', () => {
  it('overstay hours on the gate board, response minutes on a new incident, patrol defaults for a new plan', async () => {
    await h.as('supervisor').call('estates.update', {
      settings: {
        overstayHours: 6,
        responseMinutes: { urgent: 20, high: 45 },
        patrol: { everyMinutes: 90, minMinutes: 15, maxMinutes: 50 }
      }
    })
    // a visitor in for five hours is not an overstay at six hours, one in for seven is
    const at = h.clock.now
    h.clock.now = at - 7 * 3600_000
    await h.as('guard').call('gate.checkIn', {
      id: 'v-7h',
      gate: '东门',
      source: 'walkin',
      case: 'ownerGuest',
      name: '七小时',
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: 1,
      result: 'admitted'
    })
    h.clock.now = at - 5 * 3600_000
    await h.as('guard').call('gate.checkIn', {
      id: 'v-5h',
      gate: '东门',
      source: 'walkin',
      case: 'ownerGuest',
      name: '五小时',
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: 1,
      result: 'admitted'
    })
    h.clock.now = at
    const board = await h.as('guard').call('gate.board', {})
    expect(board.overstayHours).toBe(6)
    expect(board.visitors.map((v) => [v.name, v.overstay])).toEqual([
      ['七小时', true],
      ['五小时', false]
    ])
    // a leak is 'high': due in the estate's 45 minutes, not the company's 2 hours
    const i = await h.as('guard').call('work.report', { id: 'r-set', category: 'leak', place: '2栋地下室' })
    expect(i).toMatchObject({ severity: 'high', dueAt: at + 45 * 60_000 })
    // the supervisor's new plan starts from the patrol settings; a guard's refs carry none
    expect((await h.as('supervisor').call('patrol.refs', {})).planDefaults).toEqual({
      everyMinutes: 90,
      minMinutes: 15,
      maxMinutes: 50
    })
    expect((await h.as('guard').call('patrol.refs', {})).planDefaults).toBeUndefined()
  })

  it('an estate without patrol settings gives the default plan times', async () => {
    expect((await h.as('sup-e2').call('patrol.refs', {}, { estateId: OTHER })).planDefaults).toEqual(
      DEFAULT_ESTATE_SETTINGS.patrol
    )
  })
})
