/** A person's step on a task: who may take it, and what it changes. */
import { stepInputRefusal, taskStep } from '../../../../src/domain/work/steps'

const eng = { _id: 'e1', name: '王工', roles: ['engineer' as const] }
const cleaner = { _id: 'c1', name: '赵洁', roles: ['cleaner' as const] }
const base = { dept: 'engineering' as const, checklist: [], photoRequired: false }
const T = 1_000

describe('taskStep', () => {
  it('only the pool’s department grabs, and becomes the assignee', () => {
    expect(taskStep(base, eng, { act: 'grab' }, T)).toEqual({
      ok: true,
      patch: { assigneeId: 'e1', assigneeName: '王工' }
    })
    expect(taskStep(base, cleaner, { act: 'grab' }, T)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '这不是你部门的单'
    })
    expect(taskStep({ ...base, dept: undefined }, eng, { act: 'grab' }, T)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
  })
  it('every other step is the assignee’s; the refusal names who has it', () => {
    const mine = { ...base, assigneeId: 'e1', assigneeName: '王工' }
    expect(taskStep(mine, eng, { act: 'start' }, T)).toEqual({ ok: true, patch: {} })
    expect(taskStep(mine, cleaner, { act: 'accept' }, T)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '这个任务派给了王工'
    })
    expect(taskStep(base, eng, { act: 'accept' }, T)).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: '这个任务还没人接，请先抢单'
    })
  })
  it('complete: every item ticked and the photo taken when asked; records time, note and photos', () => {
    const t = {
      ...base,
      assigneeId: 'e1',
      photoRequired: true,
      checklist: [
        { label: '地面', done: true },
        { label: '玻璃门', done: false }
      ]
    }
    expect(taskStep(t, eng, { act: 'complete', checklist: [true] }, T)).toMatchObject({
      ok: false,
      field: 'checklist',
      message: '检查项：数量不对'
    })
    expect(taskStep(t, eng, { act: 'complete' }, T)).toMatchObject({
      ok: false,
      field: 'checklist',
      message: '检查项：还有 1 项没勾（玻璃门）'
    })
    expect(taskStep(t, eng, { act: 'complete', checklist: [true, true] }, T)).toMatchObject({
      ok: false,
      field: 'photoIds'
    })
    expect(
      taskStep(t, eng, { act: 'complete', checklist: [true, true], photoIds: ['p'], note: '好了' }, T)
    ).toEqual({
      ok: true,
      patch: {
        checklist: [
          { label: '地面', done: true },
          { label: '玻璃门', done: true }
        ],
        completedAt: T,
        completionNote: '好了',
        completionPhotoIds: ['p']
      }
    })
  })
  it('hand back needs a reason; the task returns to a pool (the person’s department when it had none)', () => {
    const t = { ...base, dept: undefined, assigneeId: 'c1', assigneeName: '赵洁' }
    expect(taskStep(t, cleaner, { act: 'handBack' }, T)).toMatchObject({ ok: false, field: 'reason' })
    expect(taskStep(t, cleaner, { act: 'handBack', reason: '没有清洗剂' }, T)).toEqual({
      ok: true,
      patch: { assigneeId: undefined, assigneeName: undefined, dept: 'cleaning' }
    })
  })
  it('hand back by someone of no department: the incident’s department, else the type’s, else refused', () => {
    const boss = { _id: 's1', name: '周主管', roles: ['supervisor' as const] }
    const t = { ...base, dept: undefined, assigneeId: 's1', assigneeName: '周主管' }
    const back = { act: 'handBack' as const, reason: '不归我管' }
    expect(taskStep(t, boss, back, T, { dept: 'security', category: 'fireExit' })).toMatchObject({
      ok: true,
      patch: { dept: 'security' }
    })
    expect(taskStep({ ...t, type: 'repair' }, boss, back, T)).toMatchObject({
      ok: true,
      patch: { dept: 'engineering' }
    })
    expect(taskStep({ ...t, type: 'other' }, boss, back, T)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '这个任务不属于任何部门，退回后没人能抢单；请联系主管改派给具体的人'
    })
    // a task with a department keeps it (the patch leaves it alone), whoever hands it back
    const kept = taskStep({ ...t, dept: 'cleaning' }, boss, back, T)
    expect(kept.ok && kept.patch).toEqual({ assigneeId: undefined, assigneeName: undefined })
    expect(kept.ok && 'dept' in kept.patch).toBe(false)
  })
})

describe('stepInputRefusal (what the phone checks before queueing a step, and taskStep on the server)', () => {
  const t = {
    checklist: [
      { label: '地面', done: true },
      { label: '玻璃门', done: false }
    ],
    photoRequired: true
  }
  it('complete: the ticks given decide, else the task’s own; then the photo', () => {
    expect(stepInputRefusal(t, { act: 'complete', checklist: [true, false], photoIds: ['p'] })).toEqual({
      code: 'INVALID_INPUT',
      field: 'checklist',
      message: '检查项：还有 1 项没勾（玻璃门）'
    })
    expect(stepInputRefusal(t, { act: 'complete', photoIds: ['p'] })?.field).toBe('checklist')
    expect(stepInputRefusal(t, { act: 'complete', checklist: [true, true], photoIds: [] })).toEqual({
      code: 'INVALID_INPUT',
      field: 'photoIds',
      message: '照片：这个任务要拍完成后的照片'
    })
    expect(stepInputRefusal(t, { act: 'complete', checklist: [true, true], photoIds: ['p'] })).toBeUndefined()
    expect(
      stepInputRefusal({ ...t, photoRequired: false }, { act: 'complete', checklist: [true, true] })
    ).toBeUndefined()
  })
  it('ticks one per item on any step; other steps need nothing', () => {
    expect(stepInputRefusal(t, { act: 'start', checklist: [true] })?.message).toBe('检查项：数量不对')
    expect(stepInputRefusal(t, { act: 'start' })).toBeUndefined()
    expect(stepInputRefusal(t, { act: 'grab' })).toBeUndefined()
  })
  it('hand back: a reason of only spaces is no reason', () => {
    expect(stepInputRefusal(t, { act: 'handBack', reason: '  ' })).toEqual({
      code: 'INVALID_INPUT',
      field: 'reason',
      message: '退回：请写明原因'
    })
    expect(stepInputRefusal(t, { act: 'handBack', reason: '没有配件' })).toBeUndefined()
  })
})
