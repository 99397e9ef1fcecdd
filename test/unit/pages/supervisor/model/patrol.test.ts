/**
 * The supervisor's patrol store against the real dispatcher on SQLite: the day and the week,
 * moving between days (never past tomorrow), a round's timeline, the QR sheet, and setup
 * (checkpoint, route, plan), where a refusal, on the phone or by the server, is the store's error.
 */
import { makeBackend, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import type { Who } from '../../../../kit/caller'
import { DEMO_PLAN, DEMO_POINTS, DEMO_ROUTE, round, scan } from '../../../../kit/factories'
import { PatrolAdminStore } from '../../../../../src/pages/supervisor/model/patrol'
import {
  checkpointDraft,
  EMPTY_CHECKPOINT_FORM,
  NEW_PLAN_FORM
} from '../../../../../src/domain/patrol/setupForm'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function admin(who: Who = 'supervisor') {
  const p = await signedIn(b, who)
  const store = new PatrolAdminStore(p.deps)
  return { store, ...p }
}

describe('PatrolAdminStore: the day, the week, a round', () => {
  it('loads today by plan and the week ending today', async () => {
    const { store } = await admin()
    expect(store.date).toBe('2026-11-23')
    expect(store.isToday).toBe(true)
    await store.load()
    expect(store.error).toBe('')
    expect(store.day?.date).toBe('2026-11-23')
    expect(store.day?.plans.map((p) => p.planId)).toContain(DEMO_PLAN)
    expect(store.week?.days.at(-1)).toBe('2026-11-23')
    expect(store.week?.routes.map((r) => r.routeId)).toContain(DEMO_ROUTE)
  })

  it('moves back a day and reloads; never past today', async () => {
    const { store } = await admin()
    await store.load()
    store.moveDay(-1)
    expect(store.date).toBe('2026-11-22')
    expect(store.isToday).toBe(false)
    await store.load()
    expect(store.day?.date).toBe('2026-11-22')
    store.moveDay(1)
    expect(store.date).toBe('2026-11-23')
    store.moveDay(1) // today: there is no tomorrow yet
    expect(store.date).toBe('2026-11-23')
  })

  it("opens a round's timeline: the route's points, the scanned one with its scan", async () => {
    const r = await round(b.h)
    await scan(b.h, r.id, DEMO_POINTS[0].code)
    const { store } = await admin()
    await store.load()
    const row = store.day!.plans.find((p) => p.planId === DEMO_PLAN)!.rounds.find((x) => x.roundId === r.id)
    expect(row?.staffName).toBe('李巡')
    await store.open(r.id)
    expect(store.detail?.round.status).toBe('inProgress')
    expect(store.detail?.checkpoints.map((p) => p.checkpointId)).toEqual(DEMO_POINTS.map((p) => p.id))
    expect(store.detail?.checkpoints.filter((p) => p.scan).map((p) => p.checkpointName)).toEqual([
      DEMO_POINTS[0].name
    ])
    store.close()
    expect(store.detail).toBeUndefined()
  })

  it('a round that is not there leaves the timeline closed and says why', async () => {
    const { store } = await admin()
    await store.open('round-nope')
    expect(store.detail).toBeUndefined()
    expect(store.error).not.toBe('')
  })

  it('someone without the supervisor role gets the refusal as the error', async () => {
    const { store } = await admin('cleaner')
    await store.load()
    expect(store.day).toBeUndefined()
    expect(store.error).not.toBe('')
  })
})

describe('PatrolAdminStore: setup', () => {
  it('the QR sheet has every point with its code and a signed QR', async () => {
    const { store } = await admin()
    await store.loadSheet()
    const codes = store.sheet.map((s) => s.code)
    for (const p of DEMO_POINTS) expect(codes).toContain(p.code)
    for (const s of store.sheet) expect(s.qr).toContain(s.checkpointId)
  })

  it('adds a checkpoint with its question, a route through it and a plan on the route', async () => {
    const { store } = await admin()
    await store.loadRefs()
    const before = store.refs!.checkpoints.length
    const draft = checkpointDraft(
      {
        ...EMPTY_CHECKPOINT_FORM,
        name: '水泵房',
        building: '3',
        kind: 'number',
        question: '水压',
        min: '0.2',
        max: '0.6'
      },
      { lat: 31.2, lng: 121.5, radiusM: 30 }
    )!
    expect(await store.addCheckpoint(draft)).toBe(true)
    expect(store.error).toBe('')
    expect(store.refs!.checkpoints).toHaveLength(before + 1)
    const cp = store.refs!.checkpoints.find((c) => c.name === '水泵房')!
    expect(cp).toMatchObject({ hasPosition: true, questions: [{ label: '水压', kind: 'number' }] })
    expect(cp.code).toMatch(/^\w{4}$/)

    expect(await store.addRoute(' 水泵路线 ', [cp.id, DEMO_POINTS[0].id], true)).toBe(true)
    const route = store.refs!.routes.find((r) => r.name === '水泵路线')!
    expect(route).toMatchObject({ checkpointIds: [cp.id, DEMO_POINTS[0].id], ordered: true })

    expect(await store.addPlan({ ...NEW_PLAN_FORM, name: '夜查水泵', routeId: route.id })).toBe(true)
    expect(store.refs!.plans.find((p) => p.name === '夜查水泵')).toMatchObject({
      routeId: route.id,
      start: '20:00',
      end: '06:00',
      roles: ['patrol']
    })
  })

  it('a form the contract refuses never leaves the phone', async () => {
    const { store } = await admin()
    await store.loadRefs()
    const sent = b.calls.length
    expect(await store.addRoute('空路线', [], false)).toBe(false)
    expect(store.error).toContain('至少一个巡更点')
    expect(b.calls.length).toBe(sent)
  })

  it('a route the server refuses (a point that does not exist) is the error, nothing saved', async () => {
    const { store } = await admin()
    await store.loadRefs()
    const routes = store.refs!.routes.length
    expect(await store.addRoute('幽灵路线', ['cp-nowhere'], false)).toBe(false)
    expect(store.error).toContain('巡更点')
    expect(store.refs!.routes).toHaveLength(routes)
  })

  it('a plan whose longest round is shorter than its shortest is refused', async () => {
    const { store } = await admin()
    expect(
      await store.addPlan({
        ...NEW_PLAN_FORM,
        name: '坏计划',
        routeId: DEMO_ROUTE,
        minMinutes: 30,
        maxMinutes: 10
      })
    ).toBe(false)
    expect(store.error).toContain('用时')
    expect(store.refs!.plans.some((p) => p.name === '坏计划')).toBe(false)
  })
})
