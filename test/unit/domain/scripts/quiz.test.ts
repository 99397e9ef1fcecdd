import { buildQuiz, gradeQuiz, requireScript, SCRIPTS, seededRandom } from '../../../../src/domain/scripts'
import { fill } from '../../../../src/domain/scripts'
import { quizResultLine } from '../../../../src/domain/scripts/quiz'
import { tinyScript } from './fixtures'

const visitor = requireScript('gate.visitor')

describe('seededRandom', () => {
  test('is deterministic and in [0, 1)', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const xs = Array.from({ length: 100 }, () => a())
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(new Set(xs).size).toBeGreaterThan(90)
    expect(seededRandom(43)()).not.toBe(seededRandom(42)())
  })
})

describe('buildQuiz', () => {
  test('the same script and seed always give the same quiz; another seed shuffles differently', () => {
    const q1 = buildQuiz(visitor, 7)
    expect(buildQuiz(visitor, 7)).toEqual(q1)
    const q2 = buildQuiz(visitor, 8)
    expect(q2.questions.map((q) => q.id).sort()).toEqual(q1.questions.map((q) => q.id).sort())
    expect(JSON.stringify(q2.questions)).not.toBe(JSON.stringify(q1.questions))
  })

  test('does not use Math.random', () => {
    const spy = jest.spyOn(Math, 'random')
    buildQuiz(visitor, 1)
    expect(spy).not.toHaveBeenCalled()
    spy.mockRestore()
  })

  test('questions come from branches: the answer is the say-line of the step the branch leads to', () => {
    const quiz = buildQuiz(visitor, 3)
    expect(quiz.scriptId).toBe('gate.visitor')
    expect(quiz.version).toBe(visitor.version)
    expect(quiz.questions.length).toBeGreaterThanOrEqual(8)
    for (const q of quiz.questions) {
      const target = visitor.steps[q.toStepId]
      expect(target.say!.map((l) => fill(l))).toContain(q.options[q.answer])
      expect(q.options).toHaveLength(4)
      expect(new Set(q.options).size).toBe(4)
      // no wrong option is another right line of the same step
      for (const [i, o] of q.options.entries())
        if (i !== q.answer) expect(target.say!.map((l) => fill(l))).not.toContain(o)
      expect(q.prompt).toMatch(/：您应该怎么说？$/)
      if (q.branchIndex !== null)
        expect(q.prompt).toContain(visitor.steps[q.fromStepId].branches![q.branchIndex].label)
    }
    const noAppointment = quiz.questions.find(
      (q) => q.fromStepId === 'a.appointment' && q.toStepId === 'a.noAppointment'
    )!
    expect(noAppointment.prompt).toBe('【访客(来访人员)检查·询问预约】没有预约：您应该怎么说？')
    expect(noAppointment.options[noAppointment.answer]).toBe('先生/小姐,请您同他预约,好吗?')
  })

  test('fills options with the context given, limits the count, and borrows from a pool', () => {
    const quiz = buildQuiz(visitor, 5, { ctx: { gender: 'female' }, limit: 3 })
    expect(quiz.questions).toHaveLength(3)
    expect(quiz.questions.flatMap((q) => q.options).join('')).not.toContain('先生/小姐')
    // a script with only two lines to say: one wrong option of its own, the rest from the pool
    const sparse = tinyScript()
    delete sparse.steps.call.say
    delete sparse.steps.admitted.say
    const own = buildQuiz(sparse, 1)
    // two branches lead to 'refused' (推销 / 不同意): one question each
    expect(own.questions.map((q) => [q.id, q.options.length]).sort()).toEqual([
      ['call>1', 2],
      ['greet>1', 2]
    ])
    const pooled = buildQuiz(sparse, 1, { pool: SCRIPTS })
    expect(pooled.questions).toHaveLength(2)
    for (const q of pooled.questions) {
      expect(q.options).toHaveLength(4)
      expect(q.options).toContain('先生/小姐,请问您找谁?')
    }
  })

  test('every library script with choices gets at least one question', () => {
    for (const s of SCRIPTS) {
      const hasSayingMove = Object.values(s.steps).some((st) =>
        [...(st.branches ?? []).map((b) => b.to), ...(st.next ? [st.next] : [])].some(
          (t) => (s.steps[t].say?.length ?? 0) > 0
        )
      )
      if (hasSayingMove)
        expect([s.id, buildQuiz(s, 1, { pool: SCRIPTS }).questions.length > 0]).toEqual([s.id, true])
    }
  })
})

describe('gradeQuiz', () => {
  const quiz = buildQuiz(visitor, 11, { limit: 5 })

  test('all right scores 100 and passes', () => {
    const r = gradeQuiz(
      quiz,
      quiz.questions.map((q) => q.answer)
    )
    expect(r).toMatchObject({ total: 5, correct: 5, score: 100, passed: true })
    expect(r.items.every((i) => i.correct)).toBe(true)
  })

  test('wrong, missing and out-of-range choices count as wrong', () => {
    const chosen = quiz.questions.map((q, i) =>
      i === 0 ? (q.answer + 1) % q.options.length : i === 1 ? undefined : i === 2 ? 99 : q.answer
    )
    const r = gradeQuiz(quiz, chosen)
    expect(r).toMatchObject({ total: 5, correct: 2, score: 40, passed: false })
    expect(r.items[1].chosen).toBeNull()
    expect(r.items[2].chosen).toBeNull()
    expect(r.items[0].correct).toBe(false)
  })

  test('accepts answers by question id, and a pass mark', () => {
    const byId: Record<string, number> = {}
    quiz.questions.forEach((q, i) => (byId[q.id] = i < 3 ? q.answer : (q.answer + 1) % q.options.length))
    expect(gradeQuiz(quiz, byId)).toMatchObject({ correct: 3, score: 60, passed: false })
    expect(gradeQuiz(quiz, byId, 60).passed).toBe(true)
  })

  test('an empty quiz scores 0 and does not pass', () => {
    expect(gradeQuiz({ ...quiz, questions: [] }, [])).toMatchObject({
      total: 0,
      correct: 0,
      score: 0,
      passed: false
    })
  })
})

describe('quizResultLine', () => {
  test('right of all, and 合格 or the pass mark still to reach', () => {
    expect(quizResultLine({ correct: 4, total: 5, passed: true })).toBe('答对 4 / 5 题 · 合格')
    expect(quizResultLine({ correct: 3, total: 5, passed: false })).toBe(
      '答对 3 / 5 题 · 未达到80分，再练一次吧'
    )
    expect(quizResultLine({ correct: 1, total: 5, passed: false }, 60)).toBe(
      '答对 1 / 5 题 · 未达到60分，再练一次吧'
    )
  })
})
