/**
 * The settings and rooms screens' store against the real dispatcher: settings checked on the
 * phone, saved and then used by the gate board; the rooms list by building, searched, counted.
 */
import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { EstatesAdminStore } from '../../../../../src/pages/admin/model/estates'
import { GateStore } from '../../../../../src/pages/gate/model/gate'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function supervisor() {
  const p = await signedIn(b, 'supervisor')
  return new EstatesAdminStore({
    api: () => b.api(p.session),
    newId: p.newId,
    pickSheet: async () => undefined,
    enterEstate: async () => undefined
  })
}

describe('the settings screen', () => {
  it('shows a domain message for a bad field and sends nothing; saves good settings the gate then uses', async () => {
    const s = await supervisor()
    await s.loadSettings()
    expect(s.settings?.overstayHours).toBe('4')
    s.setSetting('patrol.minMinutes', '90')
    s.setSetting('patrol.maxMinutes', '30')
    expect(await s.saveSettings()).toBe(false)
    expect(s.fieldErrors.maxMinutes).toBe('巡更用时：最长应不少于最短')
    s.setSetting('patrol.minMinutes', '20')
    s.setSetting('overstayHours', '6')
    s.setSetting('responseMinutes.urgent', '15')
    expect(s.fieldErrors).toEqual({})
    expect(await s.saveSettings()).toBe(true)
    expect(s.saved).toBe(true)
    expect(s.settings).toMatchObject({
      overstayHours: '6',
      responseMinutes: { urgent: '15' },
      maxMinutes: '30'
    })
    const guard = await signedIn(b, 'guard')
    const gate = new GateStore({ ...guard.deps, staffName: () => '张卫国', shiftPost: () => undefined })
    await gate.load()
    expect(gate.limitMs).toBe(6 * 3600_000)
  })
})

describe('the rooms screen', () => {
  it('lists every room (72 in the demo estate) by building and unit, searched, with the count', async () => {
    const s = await supervisor()
    await s.loadRooms()
    expect(s.roomView.count).toBe(72)
    expect(s.roomView.buildings).toEqual(['1', '2', '3'])
    s.chooseBuilding('2')
    expect(s.roomView.units).toEqual(['1', '2'])
    expect(s.roomView.count).toBe(24)
    s.chooseUnit('1')
    expect(s.roomView.count).toBe(12)
    s.roomQuery = '302'
    expect(s.roomView.items.map((r) => r.label)).toEqual(['2-1-302'])
    s.chooseBuilding('2')
    expect(s.roomView.items.map((r) => r.label)).toEqual([
      '1-1-302',
      '1-2-302',
      '2-1-302',
      '2-2-302',
      '3-1-302',
      '3-2-302'
    ])
  })
})
