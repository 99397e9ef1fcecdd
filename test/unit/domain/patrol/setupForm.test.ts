import {
  EMPTY_CHECKPOINT_FORM,
  NEW_PLAN_FORM,
  checkpointDraft,
  checkpointLine,
  checkpointQuestion,
  planLine,
  planProblem,
  planReady,
  radiusFromAccuracy,
  routeLines,
  routeReady,
  toggled,
  typedNumber,
  type CheckpointForm
} from '../../../../src/domain/patrol/setupForm'

const form = (over: Partial<CheckpointForm> = {}): CheckpointForm => ({
  ...EMPTY_CHECKPOINT_FORM,
  name: ' 1栋电梯厅 ',
  ...over
})

describe('checkpointQuestion', () => {
  it('yes/no by default, none when the question is blank', () => {
    expect(checkpointQuestion(form())).toEqual({ key: 'q1', label: '是否正常', kind: 'yesno' })
    expect(checkpointQuestion(form({ question: '  ' }))).toBeUndefined()
    expect(checkpointQuestion(form({ kind: 'note', question: ' 备注 ' }))).toEqual({
      key: 'q1',
      label: '备注',
      kind: 'note'
    })
  })
  it('a reading keeps its normal range; a blank or bad bound is open', () => {
    expect(checkpointQuestion(form({ kind: 'number', question: '水压', min: '0.2', max: 'x' }))).toEqual({
      key: 'q1',
      label: '水压',
      kind: 'number',
      anomalyWhen: { min: 0.2, max: undefined }
    })
  })
  it('a choice lists its options and the bad one', () => {
    expect(
      checkpointQuestion(form({ kind: 'choice', question: '消防门', options: '关闭，打开', bad: ' 打开 ' }))
    ).toEqual({
      key: 'q1',
      label: '消防门',
      kind: 'choice',
      options: ['关闭', '打开'],
      anomalyWhen: { equals: '打开' }
    })
    expect(
      checkpointQuestion(form({ kind: 'choice', options: 'a、b', bad: '' }))?.anomalyWhen
    ).toBeUndefined()
  })
})

describe('checkpointDraft', () => {
  it('nothing without a name', () => {
    expect(checkpointDraft(form({ name: '  ' }))).toBeUndefined()
  })
  it('trims, drops blanks, keeps the position', () => {
    const position = { lat: 31.2, lng: 121.5, radiusM: 30 }
    expect(checkpointDraft(form({ building: '1', floor: ' ', nfcTagId: ' 04AB ' }), position)).toEqual({
      name: '1栋电梯厅',
      building: '1',
      floor: undefined,
      area: undefined,
      position,
      nfcTagId: '04AB',
      questions: [{ key: 'q1', label: '是否正常', kind: 'yesno' }]
    })
    expect(checkpointDraft(form({ question: '' }))?.questions).toEqual([])
  })
})

describe('small rules', () => {
  it('typedNumber', () => {
    expect([
      typedNumber(''),
      typedNumber(' '),
      typedNumber('abc'),
      typedNumber('0'),
      typedNumber('-3.5')
    ]).toEqual([undefined, undefined, undefined, 0, -3.5])
  })
  it('radius: twice the accuracy, within 20–100 m', () => {
    expect([radiusFromAccuracy(3), radiusFromAccuracy(24.6), radiusFromAccuracy(80)]).toEqual([20, 49, 100])
  })
  it('toggled keeps tap order', () => {
    expect(toggled(['a', 'b'], 'c')).toEqual(['a', 'b', 'c'])
    expect(toggled(['a', 'b', 'c'], 'b')).toEqual(['a', 'c'])
  })
  it('a route needs a name and a point; a plan a name and a route', () => {
    expect([routeReady(' ', ['p']), routeReady('东线', []), routeReady('东线', ['p'])]).toEqual([
      false,
      false,
      true
    ])
    expect([
      planReady(NEW_PLAN_FORM),
      planReady({ name: '夜巡', routeId: '' }),
      planReady({ name: '夜巡', routeId: 'r' })
    ]).toEqual([false, false, true])
    // 添加计划 with no name did nothing: it now says why
    expect([
      planProblem(NEW_PLAN_FORM),
      planProblem({ name: '夜巡', routeId: '' }),
      planProblem({ name: ' ', routeId: 'r' }),
      planProblem({ name: '夜巡', routeId: 'r' })
    ]).toEqual(['先写计划名称，如 夜巡', '先选一条路线', '先写计划名称，如 夜巡', undefined])
  })
})

describe('lines', () => {
  it('a plan in one line', () => {
    expect(planLine({ ...NEW_PLAN_FORM, days: [0, 1, 6] }, '东线')).toBe(
      '东线 · 20:00–06:00 每120分钟 · 周日一六 · 10–60分钟'
    )
  })
  it('a checkpoint: where, what it asks, located, tagged', () => {
    expect(
      checkpointLine({
        place: '1栋 3层',
        questions: [{ label: '是否正常' }, { label: '水压' }],
        hasPosition: true,
        nfcTagId: 'x'
      })
    ).toBe('1栋 3层 · 是否正常、水压 · 已定位 · NFC')
    expect(checkpointLine({ place: '大门', questions: [] })).toBe('大门')
  })
  it('a route: 按顺序 when the order counts, its points in order, ? for one no longer known', () => {
    const names: Record<string, string> = { a: '大门', b: '车库' }
    expect(
      routeLines({ name: '东线', ordered: true, checkpointIds: ['b', 'a', 'x'] }, (id) => names[id])
    ).toEqual({
      title: '东线（按顺序）',
      detail: '车库 → 大门 → ?'
    })
    expect(routeLines({ name: '西线', ordered: false, checkpointIds: [] }, (id) => names[id])).toEqual({
      title: '西线',
      detail: ''
    })
  })
})
