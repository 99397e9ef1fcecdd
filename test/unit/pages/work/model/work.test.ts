import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { WorkStore } from '../../../../../src/pages/work/model/work'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

async function phone(who: string, storage = new MemoryStorage()) {
  const p = await signedIn(b, who, { storage })
  const outbox = p.outbox
  const work = new WorkStore({
    ...p.deps,
    staffId: () => who,
    place: () => '东门岗',
    position: async () => undefined
  })
  return { outbox, work }
}

describe('WorkStore', () => {
  it('one tap records offline; a double tap is one report; extras follow; the engineer’s steps show at once', async () => {
    const g = await phone('demo-guard')
    b.online = false
    const id = g.work.report('leak')!
    expect(g.work.report('leak')).toBe(id) // the second tap of a double tap
    expect(g.work.reports).toMatchObject([{ id, pending: true, category: { label: '漏水' } }])
    expect(g.work.addExtras({ note: '天花板滴水', severity: 'urgent' })).toBe(true)
    b.online = true
    await g.outbox.sync({ force: true })
    expect(await b.h.rt.store.count('incidents')).toBe(1)
    const inc = await b.h.rt.store.get<{
      _id: string
      _v: number
      place: string
      note: string
      severity: string
    }>('incidents', id)
    expect(inc).toMatchObject({ place: '东门岗', note: '天花板滴水', severity: 'urgent' })

    const e = await phone('demo-engineer')
    await e.work.load()
    const task = e.work.myTasks.find((t) => t.incidentId === id)!
    expect(task.status).toBe('open')
    b.online = false
    expect(e.work.act(task, 'grab')).toBe(true)
    expect(e.work.myTasks.find((t) => t.id === task.id)).toMatchObject({ status: 'accepted', pending: true })
    expect(e.work.act(task, 'complete', {})).toBe(false)
    expect(e.work.error).toBe('照片：这个任务要拍完成后的照片') // the server's own words (domain/work/steps.ts)
    expect(e.work.act(task, 'handBack', { reason: ' ' })).toBe(false)
    expect(e.work.error).toBe('退回：请写明原因')
    expect(e.outbox.mine.filter((o) => o.action === 'work.taskAct')).toHaveLength(1) // only the grab was queued
    expect(e.work.act(task, 'complete', { photoIds: ['ph-1'], note: '换了接头' })).toBe(true)
    expect(e.work.myTasks.find((t) => t.id === task.id)?.status).toBe('done')
    b.online = true
    await e.outbox.sync({ force: true })
    await g.work.load()
    expect(g.work.reports[0].server).toMatchObject({
      status: 'resolved',
      assigneeName: '钱工',
      resolutionNote: '换了接头'
    })
  })
})
