/**
 * Issue 17: the emergency script's step 5 (向业主通报) would not move on without typing. A
 * question may now carry an optional note beside a choice (Ask.note): the choice is a tap, the
 * note never holds the run. The emergency script picks the event by a tap.
 */
import {
  answerCurrent,
  choose,
  current,
  getScript,
  isScriptError,
  next,
  noteCurrent,
  noteKey,
  start,
  validateScript,
  walk,
  type Script
} from '../../../../src/domain/scripts'
import { T0 } from './fixtures'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    if (isScriptError(e)) return e.code
    throw e
  }
  return undefined
}

const noted = (): Script => ({
  id: 'test.noted',
  version: 1,
  department: 'security',
  title: '通报',
  situation: '测试',
  source: { file: '000_86fd12d757344a0e.txt', section: '测试' },
  roles: ['guard'],
  tags: [],
  start: 'inform',
  steps: {
    inform: {
      id: 'inform',
      title: '向业主通报',
      ask: {
        key: 'event',
        label: '事件',
        kind: 'choice',
        options: ['火情', '水浸'],
        required: true,
        note: '补充说明'
      },
      say: ['刚才的{event}已经处理完毕'],
      next: 'done'
    },
    done: { id: 'done', outcome: { kind: 'done', label: '已通报' } }
  }
})

describe('an optional note beside a choice', () => {
  const script = noted()

  test('the note alone does not move the run: the choice is still needed, and a tap is enough', () => {
    let s = start(script, T0)
    s = noteCurrent(script, s, '  3楼厨房 ')
    expect(s.answers).toEqual({ eventNote: '3楼厨房' })
    expect(codeOf(() => next(script, s, T0))).toBe('SCRIPT_ANSWER_REQUIRED')
    s = answerCurrent(script, s, '火情')
    s = next(script, s, T0 + 1000)
    expect(current(script, s).id).toBe('done')
    expect(s.answers).toEqual({ event: '火情', eventNote: '3楼厨房' })
  })

  test('without a note the choice moves on; an empty note clears it', () => {
    let s = start(script, T0)
    s = noteCurrent(script, s, '有')
    s = noteCurrent(script, s, '  ')
    expect(s.answers).toEqual({})
    s = next(script, answerCurrent(script, s, '水浸'), T0)
    expect(current(script, s).id).toBe('done')
  })

  test('a step without a note refuses one; its key is <key>Note', () => {
    const plain = noted()
    delete plain.steps.inform.ask!.note
    expect(codeOf(() => noteCurrent(plain, start(plain, T0), 'x'))).toBe('SCRIPT_BAD_ANSWER')
    expect(noteKey({ key: 'event' })).toBe('eventNote')
  })

  test('the validator takes a note beside a choice or yes/no, not beside a typed answer', () => {
    expect(validateScript(noted())).toEqual([])
    const typed = noted()
    typed.steps.inform.ask = { key: 'event', label: '事件', kind: 'text', note: '补充说明' }
    expect(validateScript(typed).map((p) => p.code)).toContain('ASK_INVALID')
  })
})

describe('突发事件处理 (security.emergency) is walked by taps only', () => {
  const script = getScript('security.emergency')!

  test('no step asks for typing before it lets the person on', () => {
    for (const step of Object.values(script.steps))
      if (step.ask?.required) expect(['choice', 'yesno']).toContain(step.ask.kind)
  })

  test('step 5 (向业主通报) is a choice with an optional note, and the line names the event picked', () => {
    const s = walk(script, ['next', '需要警方、消防等外部救援', 'next', 'next'], T0)
    expect(s.path).toHaveLength(5)
    const step5 = current(script, s)
    expect(step5.title).toBe('向业主通报')
    expect(step5.ask).toMatchObject({ kind: 'choice', required: true, note: '补充说明' })
    expect(step5.ask!.options).toContain('火情')
    const end = next(script, answerCurrent(script, s, '火情'), T0)
    expect(current(script, end).outcome?.kind).toBe('emergency.closed')
    // the other way round (no outside help) also ends with taps only
    const short = walk(script, ['next', '不需要外部救援', 'next'], T0)
    expect(current(script, next(script, answerCurrent(script, short, '水浸'), T0)).id).toBe('closed')
    expect(codeOf(() => choose(script, short, 0, T0))).toBe('SCRIPT_BAD_BRANCH')
  })
})
