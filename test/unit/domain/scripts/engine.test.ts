import {
  answer,
  answerCurrent,
  back,
  canBack,
  choose,
  current,
  isDone,
  isScriptError,
  next,
  outcome,
  restart,
  ScriptError,
  start,
  walk,
  type RunState
} from '../../../../src/domain/scripts'
import { T0, tinyScript } from './fixtures'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (isScriptError(e)) return e.code
    throw e
  }
  return undefined
}

describe('engine', () => {
  const script = tinyScript()

  test('start puts the run on the first step with no answers', () => {
    const s = start(script, T0)
    expect(s).toEqual({
      scriptId: 'test.tiny',
      version: 3,
      path: ['greet'],
      answers: {},
      startedAt: T0,
      moves: []
    })
    expect(current(script, s).id).toBe('greet')
    expect(isDone(script, s)).toBe(false)
    expect(canBack(s)).toBe(false)
  })

  test('start accepts a Date as well as epoch ms', () => {
    expect(start(script, new Date(T0)).startedAt).toBe(T0)
  })

  test('choose records the branch answers and moves to its target, without mutating the old state', () => {
    const s0 = start(script, T0)
    const frozen = JSON.stringify(s0)
    const s1 = choose(script, s0, 0, T0 + 1000)
    expect(JSON.stringify(s0)).toBe(frozen)
    expect(s1.path).toEqual(['greet', 'room'])
    expect(s1.answers).toEqual({ case: 'B' })
    expect(s1.moves).toEqual([{ from: 'greet', to: 'room', branch: 0, at: T0 + 1000, before: {} }])
  })

  test('a full run ends in an outcome with answers, path and duration', () => {
    let s = start(script, T0)
    s = choose(script, s, 0, T0 + 1000)
    s = answer(s, 'room', '3-201')
    s = next(script, s, T0 + 2000)
    s = choose(script, s, 0, T0 + 3000)
    expect(isDone(script, s)).toBe(true)
    const o = outcome(script, s, T0 + 65000)
    expect(o).toEqual({
      scriptId: 'test.tiny',
      version: 3,
      kind: 'visitor.admitted',
      label: '放行',
      answers: { case: 'B', room: '3-201', hostCall: 'agreed', result: 'admitted' },
      path: ['greet', 'room', 'call', 'admitted'],
      startedAt: T0,
      finishedAt: T0 + 65000,
      durationMs: 65000
    })
  })

  test('back undoes the last move including the answers it set', () => {
    let s = start(script, T0)
    s = choose(script, s, 0, T0)
    s = answer(s, 'room', '3-201')
    s = next(script, s, T0)
    s = choose(script, s, 1, T0)
    expect(s.answers).toMatchObject({ hostCall: 'refused', result: 'refused' })

    const b1 = back(s)
    expect(current(script, b1).id).toBe('call')
    expect(b1.answers).toEqual({ case: 'B', room: '3-201' })

    const b2 = back(b1)
    expect(current(script, b2).id).toBe('room')
    // the answer typed at the step we return to is kept
    expect(b2.answers).toEqual({ case: 'B', room: '3-201' })

    const b3 = back(b2)
    expect(b3.path).toEqual(['greet'])
    // leaving 'room' backwards drops what was typed there and what the branch set
    expect(b3.answers).toEqual({})
    expect(codeOf(() => back(b3))).toBe('SCRIPT_NOTHING_TO_UNDO')
  })

  test('back after a different branch lets the other branch be taken', () => {
    let s = start(script, T0)
    s = choose(script, s, 1, T0)
    expect(outcome(script, s, T0).kind).toBe('visitor.refused')
    s = back(s)
    s = choose(script, s, 0, T0)
    expect(s.answers).toEqual({ case: 'B' })
  })

  test('restart goes back to the first step with nothing recorded and a new start time', () => {
    let s = start(script, T0)
    s = choose(script, s, 0, T0)
    s = answer(s, 'room', 'x')
    const r = restart(s, T0 + 5000)
    expect(r).toEqual({
      scriptId: 'test.tiny',
      version: 3,
      path: ['greet'],
      answers: {},
      startedAt: T0 + 5000,
      moves: []
    })
  })

  test('bad moves throw typed errors with stable codes and Chinese messages', () => {
    const s0 = start(script, T0)
    expect(codeOf(() => choose(script, s0, 5, T0))).toBe('SCRIPT_BAD_BRANCH')
    expect(codeOf(() => choose(script, s0, -1, T0))).toBe('SCRIPT_BAD_BRANCH')
    expect(codeOf(() => choose(script, s0, 0.5, T0))).toBe('SCRIPT_BAD_BRANCH')
    expect(codeOf(() => next(script, s0, T0))).toBe('SCRIPT_NO_NEXT')
    expect(codeOf(() => outcome(script, s0, T0))).toBe('SCRIPT_NOT_DONE')

    const s1 = choose(script, s0, 0, T0)
    expect(codeOf(() => choose(script, s1, 0, T0))).toBe('SCRIPT_BAD_BRANCH')
    expect(codeOf(() => next(script, s1, T0))).toBe('SCRIPT_ANSWER_REQUIRED')
    expect(codeOf(() => next(script, answer(s1, 'room', '   '), T0))).toBe('SCRIPT_ANSWER_REQUIRED')

    const done = choose(script, s0, 1, T0)
    expect(codeOf(() => choose(script, done, 0, T0))).toBe('SCRIPT_DONE')
    expect(codeOf(() => next(script, done, T0))).toBe('SCRIPT_DONE')

    try {
      choose(script, s0, 9, T0)
    } catch (e) {
      expect(e).toBeInstanceOf(ScriptError)
      expect((e as ScriptError).message).toMatch(/[\u4e00-\u9fff]/)
      expect((e as ScriptError).stepId).toBe('greet')
    }
  })

  test('an invalid time is rejected', () => {
    expect(codeOf(() => start(script, Number.NaN))).toBe('SCRIPT_BAD_TIME')
    expect(codeOf(() => choose(script, start(script, T0), 0, new Date('nonsense')))).toBe('SCRIPT_BAD_TIME')
  })

  test('a state from another script or version is rejected', () => {
    const s = start(script, T0)
    const newer = { ...script, version: 4 }
    expect(codeOf(() => current(newer, s))).toBe('SCRIPT_MISMATCH')
    expect(codeOf(() => choose({ ...script, id: 'other' }, s, 0, T0))).toBe('SCRIPT_MISMATCH')
  })

  test('a state pointing at a missing step is rejected', () => {
    const s: RunState = { ...start(script, T0), path: ['nowhere'] }
    expect(codeOf(() => current(script, s))).toBe('SCRIPT_BAD_STEP')
    expect(codeOf(() => start({ ...script, start: 'nowhere' }, T0))).toBe('SCRIPT_BAD_STEP')
  })

  test('answer sets and clears values; bad keys are rejected', () => {
    const s = start(script, T0)
    const a = answer(s, 'note', '你好')
    expect(a.answers).toEqual({ note: '你好' })
    expect(answer(a, 'note', '').answers).toEqual({})
    expect(s.answers).toEqual({})
    expect(codeOf(() => answer(s, ' ', 'x'))).toBe('SCRIPT_BAD_ANSWER')
  })

  test('answerCurrent checks the value against the step ask', () => {
    let s = start(script, T0)
    expect(codeOf(() => answerCurrent(script, s, 'x'))).toBe('SCRIPT_BAD_ANSWER')
    s = choose(script, s, 0, T0)
    s = answerCurrent(script, s, ' 5-101 ')
    expect(s.answers.room).toBe('5-101')
    s = next(script, s, T0)
    expect(codeOf(() => answerCurrent(script, s, '很差'))).toBe('SCRIPT_BAD_ANSWER')
    expect(answerCurrent(script, s, '一般').answers.mood).toBe('一般')
  })

  test('walk follows labels, target ids and next', () => {
    const s = walk(script, ['找业主', 'next', 'admitted'], T0, { room: '3-201' })
    expect(s.path).toEqual(['greet', 'room', 'call', 'admitted'])
    expect(s.answers).toEqual({ case: 'B', room: '3-201', hostCall: 'agreed', result: 'admitted' })
    expect(codeOf(() => walk(script, ['找业主', 'next'], T0))).toBe('SCRIPT_ANSWER_REQUIRED')
    expect(codeOf(() => walk(script, ['不存在'], T0))).toBe('SCRIPT_BAD_BRANCH')
  })
})
