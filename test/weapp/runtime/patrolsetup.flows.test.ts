/**
 * Patrol setup on the phone (issue 17: plans could not be edited), in the built mini program
 * against the real local server: a supervisor taps a plan, changes its days and its longest
 * round in the same form it was made with and saves; a second supervisor who had the plan open
 * on another phone is told who changed it and gets the current plan to redo the change on.
 */
import type { Plan } from '../../../src/domain/patrol/model'
import { openArea, signIn, startWorld, until, type World } from './env'
import type { Phone } from './host'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.close())
jest.setTimeout(60_000)

const plan = () => world.server.runtime.store.get<Plan & { [k: string]: unknown }>('plans', 'demo-plan-day')
const phones: Phone[] = []
async function setup(name: string): Promise<Phone> {
  const p = world.phone(name)
  phones.push(p)
  await signIn(p, name)
  await openArea(p, '主管', '巡更情况')
  await p.tap('巡更情况')
  await p.tap('巡更点、路线、计划设置')
  await p.waitFor('全天巡逻')
  return p
}
afterEach(() => {
  for (const p of phones.splice(0)) p.assertHealthy()
})

describe('patrol setup: editing a plan on the phone', () => {
  it('tap the plan, change its days and its longest round, 保存: stored at the next version and listed', async () => {
    const before = (await plan())!
    const p = await setup('周主管')
    await p.tap('全天巡逻', { cls: 'plan-main' })
    await p.waitFor('修改计划「全天巡逻」')
    expect(p.input('计划名称，如 夜间巡逻').attrs.value).toBe('全天巡逻')
    await p.tap('日', { cls: 'day-chip' })
    await p.tap('六', { cls: 'day-chip' })
    await p.fill('最长', '45')
    await p.tap('保存', { cls: 'plan-edit' })
    await p.waitFor(/周一二三四五 · 5–45分钟/)
    expect(p.has('修改计划「全天巡逻」')).toBe(false)
    const saved = await until('the plan on the server', async () => {
      const x = await plan()
      return x && x._v === before._v + 1 ? x : undefined
    })
    expect(saved).toMatchObject({ days: [1, 2, 3, 4, 5], maxMinutes: 45, byName: '周主管' })
  })

  it('two phones edit the plan: the later save is told who and when and redoes it on the current plan', async () => {
    const a = await setup('周主管')
    const z = await setup('吴经理')
    const before = (await plan())!
    await a.tap('全天巡逻', { cls: 'plan-main' })
    await z.tap('全天巡逻', { cls: 'plan-main' })
    await a.fill('最短', '8')
    await a.tap('保存', { cls: 'plan-edit' })
    await until('周主管’s save', async () => ((await plan())!._v === before._v + 1 ? true : undefined))
    await z.fill('计划名称，如 夜间巡逻', '全天巡逻（夜）')
    await z.tap('保存', { cls: 'plan-edit' })
    await z.waitFor(
      /^计划「全天巡逻」已被周主管在\d+月\d+日 \d\d:\d\d修改，已载入最新内容，请在此基础上重新修改$/
    )
    // the form holds the plan as it is now: 周主管's 8 minutes, the name as it was
    expect(z.input('最短').attrs.value).toBe('8')
    expect(z.input('计划名称，如 夜间巡逻').attrs.value).toBe('全天巡逻')
    await z.fill('计划名称，如 夜间巡逻', '全天巡逻（夜）')
    await z.tap('保存', { cls: 'plan-edit' })
    await z.waitFor('全天巡逻（夜）')
    const saved = await until('吴经理’s redone save', async () => {
      const x = await plan()
      return x && x._v === before._v + 2 ? x : undefined
    })
    expect(saved).toMatchObject({ name: '全天巡逻（夜）', minMinutes: 8, byName: '吴经理' })
  })
})
