/**
 * The patrol phone walks the route its round started with (issue 17: routes editable): after a
 * supervisor reorders and cuts the route mid-round, the phone's refs have the new route, but
 * the round being walked still lists its own points, as the server judges it.
 */
import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { DEMO_POINTS, DEMO_ROUTE } from '../../../../kit/factories'
import { PatrolStore } from '../../../../../src/pages/patrol/model/patrol'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

it('a round in progress keeps its points and order on the phone after the route is edited', async () => {
  const p = await signedIn(b, 'patrol')
  const patrol = new PatrolStore({ ...p.deps, staffName: () => '李巡', position: async () => undefined })
  await patrol.load()
  expect(patrol.startRound(patrol.cards.find((c) => c.state === 'due')!)).toBe(true)
  await p.outbox.sync({ force: true })
  await patrol.load()
  const route = (await b.h.as('supervisor').call('patrol.refs', {})).routes.find((r) => r.id === DEMO_ROUTE)!
  await b.h.as('supervisor').call('patrol.routeSave', {
    id: DEMO_ROUTE,
    v: route.v,
    name: '新主路线',
    checkpointIds: [DEMO_POINTS[3].id, DEMO_POINTS[0].id],
    ordered: true
  })
  await patrol.load()
  expect(patrol.refs!.routes.find((r) => r.id === DEMO_ROUTE)!.checkpointIds).toHaveLength(2)
  expect(patrol.active).toMatchObject({
    routeName: '小区主路线',
    checkpointIds: DEMO_POINTS.map((x) => x.id),
    ordered: true
  })
  expect(patrol.identify('typed', DEMO_POINTS[1].code)).toBe(true)
  expect(await patrol.record({ normal: 'yes' })).toEqual([])
  await p.outbox.sync({ force: true })
  expect(p.outbox.refused).toEqual([])
})
