/**
 * A person in several estates switches estate in 我的 and every screen follows: the gate,
 * patrol and desk stores start over from the new estate (its cache, then its server data),
 * and nothing of the old estate (its gate, its lists) is kept.
 */
import { makeBackend, type Backend } from '../stores/backend'
import { signedIn } from '../../kit/session'
import { GateStore } from '../../../src/pages/gate/model/gate'
import { PatrolStore } from '../../../src/pages/patrol/model/patrol'
import { DeskStore } from '../../../src/pages/desk/model/desk'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
  await b.h.addEstate('second', '第二小区')
  for (const id of ['demo-guard', 'demo-patrol', 'demo-service']) {
    const s = await b.h.db.get<{ _id: string; _v: number }>('staff', id)
    await b.h.db.update('staff', id, s!._v, { estateIds: ['demo-estate', 'second'] })
  }
  await b.h.db.insert('gates', {
    _id: 'g-north',
    estateId: 'second',
    name: '北门',
    createdAt: 0,
    updatedAt: 0
  })
})

describe('switching estate', () => {
  it('the gate: the other estate’s gates, its board, and not the gate chosen in the first', async () => {
    const p = await signedIn(b, 'guard')
    const gate = new GateStore({ ...p.deps, staffName: () => '张卫国', shiftPost: () => undefined })
    await gate.load()
    expect(gate.gates).toEqual(['东门', '南门'])
    gate.chooseGate('南门')
    expect(gate.gate).toBe('南门')

    p.session.estateId = 'second'
    await gate.load()
    expect(gate.gates).toEqual(['北门'])
    expect(gate.gate).toBe('北门')
    expect(gate.visitorsInside).toEqual([])

    // and back: the first estate's choice is remembered there
    p.session.estateId = 'demo-estate'
    await gate.load()
    expect(gate.gate).toBe('南门')
  })

  it('patrol and desk lists follow the estate', async () => {
    const pp = await signedIn(b, 'patrol')
    const patrol = new PatrolStore({ ...pp.deps, staffName: () => '李巡', position: async () => undefined })
    await patrol.load()
    expect(patrol.cards.length).toBeGreaterThan(0)
    pp.session.estateId = 'second'
    await patrol.load()
    expect(patrol.cards).toEqual([])

    const pd = await signedIn(b, 'service')
    const desk = new DeskStore(pd.deps)
    const env = await b.h.as('demo-service', 'gate.passCreate', {
      id: 'pass-switch-1',
      visitorName: '赵六',
      room: '2-1-302',
      people: 1,
      validFrom: b.h.clock.now,
      validTo: b.h.clock.now + 3600_000
    } as never)
    expect(env.ok).toBe(true)
    await desk.load()
    expect(desk.passes.map((x) => x.visitorName)).toEqual(['赵六'])
    pd.session.estateId = 'second'
    await desk.load()
    expect(desk.passes).toEqual([])
  })
})
