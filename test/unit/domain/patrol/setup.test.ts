/** The patrol setup forms' checks and the words a supervisor reads. */
import {
  endProblem,
  missingPoints,
  placeOf,
  planProblem,
  questionsProblem,
  routeProblem
} from '../../../../src/domain/patrol/setup'

describe('patrol setup', () => {
  it('a place reads building, floor, area', () => {
    expect(placeOf({ place: { building: '2', floor: '3', area: '电梯厅' } })).toBe('2栋 3层 电梯厅')
    expect(placeOf({ place: { area: '东门' } })).toBe('东门')
    expect(placeOf({ place: {} })).toBe('')
  })
  it('a place does not double a unit the person typed: 2栋 顶层, not 2栋栋 顶层层', () => {
    expect(placeOf({ place: { building: '2栋', floor: '顶层' } })).toBe('2栋 顶层')
    expect(placeOf({ place: { building: 'A座', floor: '3楼', area: '机房' } })).toBe('A座 3楼 机房')
    expect(placeOf({ place: { building: '5幢', floor: 'B1' } })).toBe('5幢 B1层')
    expect(placeOf({ place: { building: ' 2 ', floor: '3层' } })).toBe('2栋 3层')
  })
  it('questions: unique keys, options for every choice', () => {
    expect(questionsProblem([{ key: 'a', label: '正常', kind: 'yesno' }])).toBeUndefined()
    expect(
      questionsProblem([
        { key: 'a', label: 'x', kind: 'yesno' },
        { key: 'a', label: 'y', kind: 'note' }
      ])
    ).toEqual({
      field: 'questions',
      message: '问题：编号重复'
    })
    expect(questionsProblem([{ key: 'a', label: '选', kind: 'choice', options: [] }])?.message).toBe(
      '问题：「选」要给出选项'
    )
  })
  it('routes: no point twice, every point known', () => {
    expect(routeProblem(['a', 'b'], () => true)).toBeUndefined()
    expect(routeProblem(['a', 'a'], () => true)?.message).toBe('巡更点：有重复')
    expect(routeProblem(['a', 'b', 'c'], (id) => id === 'a')?.message).toBe('巡更点：2 个不存在或已删除')
  })
  it('plans: longest not under shortest, start and end apart', () => {
    const p = { minMinutes: 10, maxMinutes: 60, start: '20:00', end: '06:00' }
    expect(planProblem(p)).toBeUndefined()
    expect(planProblem({ ...p, maxMinutes: 5 })?.field).toBe('maxMinutes')
    expect(planProblem({ ...p, end: '20:00' })?.field).toBe('end')
  })
  it('ending early names the points left and needs a reason', () => {
    expect(missingPoints(['a', 'b', 'c'], [{ checkpointId: 'b' }])).toEqual(['a', 'c'])
    expect(endProblem([], undefined)).toBeUndefined()
    expect(endProblem(['东门'], '有事')).toBeUndefined()
    expect(endProblem(['东门', '车库'], '')).toEqual({
      field: 'reason',
      message: '还有 2 个点没巡（东门、车库），提前结束请写明原因'
    })
  })
})
