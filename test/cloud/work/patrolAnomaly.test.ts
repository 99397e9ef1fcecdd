/**
 * Issue 17: a patrol anomaly reported in one tap (category 其他, the checkpoint and the phone's note
 * 巡更发现：…) goes to the department its question belongs to, and into that department's pool.
 */
import { makeHarness, ok } from '../harness'
import type { IncidentOut, TaskOut } from '../../../src/domain/contract'

describe('a patrol anomaly reaches the right department', () => {
  it('消防设施 to 工程部, 消防通道 to 保安部; a plain 其他 report stays with 客服部', async () => {
    const h = await makeHarness()
    const fire = ok<IncidentOut>(
      await h.as('demo-guard', 'work.report', {
        id: 'pa-fire',
        category: 'other',
        place: '1号楼大堂',
        checkpointId: 'demo-cp-1',
        note: '巡更发现：消防设施是否正常：否'
      })
    )
    expect([fire.category, fire.dept]).toEqual(['other', 'engineering'])
    const exit = ok<IncidentOut>(
      await h.as('demo-guard', 'work.report', {
        id: 'pa-exit',
        category: 'other',
        checkpointId: 'demo-cp-2',
        note: '巡更发现：消防通道是否畅通：否'
      })
    )
    expect([exit.category, exit.categoryLabel, exit.dept]).toEqual(['fireExit', '消防通道堵塞', 'security'])
    // without a checkpoint the reporter's own 其他 is kept
    const plain = ok<IncidentOut>(
      await h.as('demo-guard', 'work.report', {
        id: 'pa-plain',
        category: 'other',
        note: '巡更发现：消防通道是否畅通：否'
      })
    )
    expect(plain.dept).toBe('service')
    // the engineer's pool has the fire-equipment task, as 工程部 work with a photo required
    const pool = ok<TaskOut[]>(await h.as('demo-engineer', 'work.tasks', {}))
    const t = pool.find((x) => x.id === fire.taskId)
    expect(t).toMatchObject({ dept: 'engineering', type: 'repair', photoRequired: true })
    expect(pool.some((x) => x.id === exit.taskId)).toBe(false)
  })
})
