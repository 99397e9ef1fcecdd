/** Issue 17: the supervisor lists the estate's recurring tasks (work.templates) and stops one (work.templateStop). */
import { makeHarness, type Harness } from '../harness'
import { otherEstate, uid } from '../../kit/factories'
import { expectRefused } from '../../kit/expect'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})

const tpl = (title: string, extra: Record<string, unknown> = {}) => ({
  id: uid('tpl'),
  title,
  type: 'cleaning' as const,
  checklist: ['地面'],
  priority: 'normal' as const,
  photoRequired: false,
  assigneeId: 'demo-cleaner',
  time: '08:00',
  days: [0, 1, 2, 3, 4, 5, 6],
  durationMinutes: 60,
  ...extra
})

describe('recurring tasks: listed and stoppable', () => {
  it('lists the active ones; a stopped one is off the list, makes no more tasks, and the made ones stay', async () => {
    const lobby = tpl('每日大堂保洁')
    const garage = tpl('车库巡检', {
      type: 'repair',
      assigneeId: undefined,
      dept: 'engineering',
      time: '09:30'
    })
    await h.as('supervisor').call('work.templateSave', lobby)
    await h.as('supervisor').call('work.templateSave', garage)
    const list = await h.as('supervisor').call('work.templates', {})
    expect(list.map((t) => [t.id, t.title, t.time, t.assigneeName ?? t.dept])).toEqual([
      [lobby.id, '每日大堂保洁', '08:00', '赵洁'],
      [garage.id, '车库巡检', '09:30', 'engineering']
    ])
    await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' })
    expect((await h.as('cleaner').call('work.tasks', {})).map((x) => x.title)).toEqual(['每日大堂保洁'])

    expect(await h.as('supervisor').call('work.templateStop', { id: lobby.id })).toEqual({
      id: lobby.id,
      title: '每日大堂保洁'
    })
    expect((await h.as('supervisor').call('work.templates', {})).map((t) => t.id)).toEqual([garage.id])
    expect(await h.stored('tasktemplates', lobby.id)).toMatchObject({ active: false })
    // today's task already made stays with the cleaner
    expect((await h.as('cleaner').call('work.tasks', {})).map((x) => x.title)).toEqual(['每日大堂保洁'])
    // stopping it twice: it is no longer there to stop
    await expectRefused(h, 'supervisor', 'work.templateStop', { id: lobby.id }, 'NOT_FOUND', /已停用/)
  })

  it('refused: not a manager; another estate’s template is neither listed nor stopped', async () => {
    const e2 = await otherEstate(h)
    const theirs = tpl('别的小区保洁', { assigneeId: e2.person('cleaner') })
    await h.as(e2.person('supervisor')).call('work.templateSave', theirs, { estateId: e2.id })
    expect(await h.as('supervisor').call('work.templates', {})).toEqual([])
    await expectRefused(h, 'supervisor', 'work.templateStop', { id: theirs.id }, 'NOT_FOUND')
    expect(await h.stored('tasktemplates', theirs.id)).toMatchObject({ active: true })
    await expectRefused(h, 'cleaner', 'work.templates', {}, 'FORBIDDEN')
    await expectRefused(h, 'cleaner', 'work.templateStop', { id: theirs.id }, 'FORBIDDEN')
  })
})
