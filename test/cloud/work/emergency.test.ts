/**
 * Issue 17: an emergency reaches a supervisor whose home is open. home.today carries the
 * estate's untaken emergencies (red banners, oldest first) for the managers and the department
 * it was sent to, with what, where, when and who reported it, until it is grabbed, assigned to a
 * person or done; a handed-back one waits again. Nobody else reads it; another estate's stays there.
 */
import { makeHarness, type Harness } from '../harness'
import { HOUR, MINUTE, incident, otherEstate } from '../../kit/factories'

const emergenciesOf = async (h: Harness, who: Parameters<Harness['as']>[0], estateId?: string) =>
  (await h.as(who).call('home.today', {}, estateId ? { estateId } : undefined)).emergencies

describe('home.today: emergencies nobody has taken', () => {
  it('a guard’s 火情 is on the managers’ and 保安部’s home with what, where, when, who; not on others’', async () => {
    const h = await makeHarness()
    await incident(h, { category: 'leak', place: '2栋地下室' }) // not an emergency
    const fire = await incident(h, { category: 'fire', place: '1号楼大堂', note: '垃圾桶冒烟' })
    h.clock.now += 5 * MINUTE

    const sup = await emergenciesOf(h, 'supervisor')
    expect(sup).toEqual([
      {
        id: fire.id,
        title: '紧急：火情',
        lines: ['地点：1号楼大堂', '09:00 张卫国 上报', '说明：垃圾桶冒烟', '在保安部抢单池，还没有人接'],
        at: fire.reportedAt,
        url: '/pages/supervisor/work/index'
      }
    ])
    expect(await emergenciesOf(h, 'admin')).toEqual(sup)
    // the department it was sent to opens it from its tasks (where it is grabbed)
    expect(await emergenciesOf(h, 'patrol')).toEqual([{ ...sup![0], url: '/pages/work/tasks/index' }])
    expect(await emergenciesOf(h, 'guard')).toHaveLength(1)
    // 工程部 is not sent a fire, and the cleaner's home reads none
    expect(await emergenciesOf(h, 'engineer')).toBeUndefined()
    expect(await emergenciesOf(h, 'cleaner')).toBeUndefined()
    expect(await emergenciesOf(h, 'service')).toBeUndefined()
  })

  it('oldest first; a 水浸 goes to 工程部 too; a grab, an assignment or a hand-back move the banner', async () => {
    const h = await makeHarness()
    const fire = await incident(h, { category: 'fire', place: '1号楼大堂' })
    h.clock.now += 2 * MINUTE
    const flood = await incident(h, { category: 'flood', place: '3栋车库' }, 'patrol')
    h.clock.now += HOUR

    const ids = async (who: Parameters<Harness['as']>[0]) => (await emergenciesOf(h, who))?.map((e) => e.id)
    expect(await ids('supervisor')).toEqual([fire.id, flood.id])
    expect(await ids('engineer')).toEqual([flood.id])
    expect(await ids('guard')).toEqual([fire.id])
    expect((await emergenciesOf(h, 'supervisor'))![1].lines).toContain('09:02 李巡 上报')

    // the engineer grabs the flood: gone for everyone
    await h.as('engineer').call('work.taskAct', { taskId: flood.taskId, act: 'grab' })
    expect(await ids('supervisor')).toEqual([fire.id])
    expect(await ids('engineer')).toBeUndefined()

    // the supervisor assigns the fire to the guard: gone
    await h
      .as('supervisor')
      .call('work.taskReview', { taskId: fire.taskId, act: 'assign', assigneeId: 'demo-guard' })
    expect(await ids('supervisor')).toBeUndefined()

    // the guard hands it back (not able to go): it waits in 保安部's pool, and on the banners, again
    await h.as('guard').call('work.taskAct', { taskId: fire.taskId, act: 'accept' })
    await h.as('guard').call('work.taskAct', { taskId: fire.taskId, act: 'handBack', reason: '在南门走不开' })
    expect(await ids('supervisor')).toEqual([fire.id])
    expect(await ids('patrol')).toEqual([fire.id])

    // grabbed by the patrol and done: gone
    await h.as('patrol').call('work.taskAct', { taskId: fire.taskId, act: 'grab' })
    await h.as('patrol').call('work.taskAct', { taskId: fire.taskId, act: 'complete', note: '已扑灭' })
    expect(await ids('supervisor')).toBeUndefined()
  })

  it('another estate’s emergency stays on that estate’s homes', async () => {
    const h = await makeHarness()
    const e2 = await otherEstate(h)
    const fire = await h
      .as(e2.person('guard'))
      .call('work.report', { id: 'e2-fire', category: 'injury', place: '南门' }, { estateId: e2.id })
    expect(await emergenciesOf(h, 'supervisor')).toBeUndefined()
    expect((await emergenciesOf(h, e2.person('supervisor'), e2.id))?.map((e) => e.id)).toEqual([fire.id])
    // a supervisor of both estates sees it only in e2
    expect(await emergenciesOf(h, e2.both('supervisor'))).toBeUndefined()
    expect((await emergenciesOf(h, e2.both('supervisor'), e2.id))?.map((e) => e.title)).toEqual([
      '紧急：有人受伤/摔倒'
    ])
  })
})
