/**
 * Editing routes and plans from the supervisor's patrol store, against the real dispatcher on
 * SQLite: an edit goes at the version it was read and the lists show it; a second supervisor's
 * stale edit comes back as a conflict naming who changed it, is dropped from the outbox and the
 * current version is loaded to redo it on; 停用 and 启用; removing a point on a route is refused.
 */
import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import type { Who } from '../../../../kit/caller'
import { DEMO_PLAN, DEMO_POINTS, DEMO_ROUTE, MINUTE } from '../../../../kit/factories'
import { PatrolAdminStore } from '../../../../../src/pages/supervisor/model/patrol'
import { planFormOf, routeFormOf } from '../../../../../src/domain/patrol/setupForm'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function admin(who: Who = 'supervisor') {
  const p = await signedIn(b, who)
  const store = new PatrolAdminStore(p.deps)
  await store.loadRefs()
  return { store, ...p }
}

describe('PatrolAdminStore: editing', () => {
  it('a route reordered and a plan changed at their versions; the lists show the change', async () => {
    const { store } = await admin()
    const route = store.refs!.routes.find((r) => r.id === DEMO_ROUTE)!
    const f = routeFormOf(route)
    const out = await store.saveRoute(
      { ...f, checkpointIds: [...f.checkpointIds].reverse() },
      { id: route.id, v: route.v }
    )
    expect(out).toEqual({ ok: true, waiting: false })
    expect(store.refs!.routes.find((r) => r.id === DEMO_ROUTE)).toMatchObject({
      v: route.v + 1,
      checkpointIds: DEMO_POINTS.map((p) => p.id).reverse(),
      byName: '周主管'
    })
    const plan = store.refs!.plans.find((p) => p.id === DEMO_PLAN)!
    expect(
      await store.savePlan({ ...planFormOf(plan), days: [1, 3, 5] }, { id: plan.id, v: plan.v })
    ).toMatchObject({ ok: true })
    expect(store.refs!.plans.find((p) => p.id === DEMO_PLAN)).toMatchObject({
      days: [1, 3, 5],
      v: plan.v + 1
    })
  })

  it('two supervisors edit the same plan: the second is told who changed it, nothing is left queued, the current version is loaded', async () => {
    const a = await admin('supervisor')
    const z = await admin('admin')
    const seen = z.store.refs!.plans.find((p) => p.id === DEMO_PLAN)!
    const plan = a.store.refs!.plans.find((p) => p.id === DEMO_PLAN)!
    b.h.clock.now += 3 * MINUTE
    expect(
      await a.store.savePlan({ ...planFormOf(plan), name: '全天巡逻（周）' }, { id: plan.id, v: plan.v })
    ).toMatchObject({ ok: true })
    const lost = await z.store.savePlan({ ...planFormOf(seen), maxMinutes: 90 }, { id: seen.id, v: seen.v })
    expect(lost).toEqual({
      ok: false,
      conflict: true,
      message: '计划「全天巡逻（周）」已被周主管在11月23日 09:03修改，已载入最新内容，请在此基础上重新修改'
    })
    expect(z.outbox.mine).toEqual([])
    const now = z.store.refs!.plans.find((p) => p.id === DEMO_PLAN)!
    expect(now).toMatchObject({ name: '全天巡逻（周）', v: seen.v + 1, maxMinutes: seen.maxMinutes })
    expect(
      await z.store.savePlan({ ...planFormOf(now), maxMinutes: 90 }, { id: now.id, v: now.v })
    ).toMatchObject({
      ok: true
    })
    expect(z.store.refs!.plans.find((p) => p.id === DEMO_PLAN)).toMatchObject({
      name: '全天巡逻（周）',
      maxMinutes: 90
    })
  })

  it('停用 moves a plan to the stopped list and 启用 brings it back; a point on a route cannot be removed', async () => {
    const { store } = await admin()
    const plan = store.refs!.plans.find((p) => p.id === DEMO_PLAN)!
    expect(await store.setPlanActive(plan, false)).toMatchObject({ ok: true })
    expect(store.refs!.plans.map((p) => p.id)).not.toContain(DEMO_PLAN)
    const stopped = store.refs!.stoppedPlans!.find((p) => p.id === DEMO_PLAN)!
    expect(stopped.active).toBe(false)
    expect(await store.setPlanActive(stopped, true)).toMatchObject({ ok: true })
    expect(store.refs!.plans.find((p) => p.id === DEMO_PLAN)?.active).toBe(true)
    const refused = await store.removeCheckpoint(DEMO_POINTS[0].id, DEMO_POINTS[0].name)
    expect(refused).toMatchObject({ ok: false, conflict: true })
    expect(!refused.ok && refused.message).toBe(
      '「1栋大堂」在路线「小区主路线」上，不能删除；请先在路线里去掉这个点'
    )
  })
})
