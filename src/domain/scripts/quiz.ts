/**
 * Training quizzes built from a script: for each move into a step that has lines to say, ask
 * "in this situation, what do you say?". Deterministic: the same script and seed always give
 * the same quiz (a seeded PRNG, never Math.random).
 */
import type { Script, Step } from './model'
import { fill, type FillContext } from './placeholders'

export interface QuizQuestion {
  /** `${fromStepId}>${branchIndex|next}` */
  id: string
  prompt: string
  options: string[]
  /** index of the correct option */
  answer: number
  fromStepId: string
  /** null for a linear move */
  branchIndex: number | null
  toStepId: string
}

export interface Quiz {
  scriptId: string
  version: number
  seed: number
  questions: QuizQuestion[]
}

export interface QuizOptions {
  /** at most this many questions */
  limit?: number
  /** wrong options per question, default 3 */
  distractors?: number
  /** used to fill placeholders in the options; default neutral text */
  ctx?: FillContext
  /** other scripts to borrow wrong options from when this one has too few lines */
  pool?: readonly Script[]
}

/** mulberry32: small, fast, good enough for shuffling; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const a = [...items]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[a[i], a[j]] = [a[j], a[i]]
  }
  return a
}

function uniq(xs: string[]): string[] {
  return Array.from(new Set(xs))
}

export function buildQuiz(script: Script, seed: number, opts: QuizOptions = {}): Quiz {
  const rnd = seededRandom(seed)
  const ctx = opts.ctx ?? {}
  const want = Math.max(1, opts.distractors ?? 3)
  const say = (step: Step | undefined) => uniq((step?.say ?? []).map((l) => fill(l, ctx)))
  const allLines = (s: Script) => uniq(Object.values(s.steps).flatMap((st) => say(st)))
  const ownLines = allLines(script)
  const poolLines = uniq((opts.pool ?? []).filter((s) => s.id !== script.id).flatMap(allLines))

  const questions: QuizQuestion[] = []
  const seen = new Set<string>()
  for (const from of Object.values(script.steps)) {
    const moves: { label: string; to: string; branchIndex: number | null }[] = []
    ;(from.branches ?? []).forEach((b, i) => moves.push({ label: b.label, to: b.to, branchIndex: i }))
    if (from.next) moves.push({ label: '', to: from.next, branchIndex: null })
    for (const m of moves) {
      const target = script.steps[m.to]
      const correctLines = say(target)
      if (correctLines.length === 0) continue
      const situation = m.branchIndex === null ? (target.title ?? '下一步') : m.label
      const prompt = `【${script.title}·${from.title ?? from.id}】${situation}：您应该怎么说？`
      if (seen.has(prompt)) continue
      const correct = correctLines[0]
      const wrongOwn = shuffle(
        ownLines.filter((l) => !correctLines.includes(l)),
        rnd
      )
      const wrongPool = shuffle(
        poolLines.filter((l) => !correctLines.includes(l) && !wrongOwn.includes(l)),
        rnd
      )
      const wrong = [...wrongOwn, ...wrongPool].slice(0, want)
      if (wrong.length === 0) continue
      seen.add(prompt)
      const options = shuffle([correct, ...wrong], rnd)
      questions.push({
        id: `${from.id}>${m.branchIndex ?? 'next'}`,
        prompt,
        options,
        answer: options.indexOf(correct),
        fromStepId: from.id,
        branchIndex: m.branchIndex,
        toStepId: m.to
      })
    }
  }
  const ordered = shuffle(questions, rnd)
  return {
    scriptId: script.id,
    version: script.version,
    seed,
    questions: opts.limit !== undefined ? ordered.slice(0, Math.max(0, opts.limit)) : ordered
  }
}

export interface QuizItemResult {
  questionId: string
  chosen: number | null
  answer: number
  correct: boolean
}

/** The score a practice quiz passes at. */
export const QUIZ_PASS_MARK = 80

export interface QuizResult {
  total: number
  correct: number
  /** 0–100, rounded */
  score: number
  /** score ≥ passMark (default QUIZ_PASS_MARK) */
  passed: boolean
  items: QuizItemResult[]
}

/**
 * Grade chosen option indexes, given in question order or by question id. A missing or
 * out-of-range choice counts as wrong.
 */
export function gradeQuiz(
  quiz: Quiz,
  chosen: readonly (number | null | undefined)[] | Readonly<Record<string, number | null | undefined>>,
  passMark = QUIZ_PASS_MARK
): QuizResult {
  const items = quiz.questions.map((q, i) => {
    const c = Array.isArray(chosen) ? chosen[i] : (chosen as Record<string, number | null | undefined>)[q.id]
    const pick = typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < q.options.length ? c : null
    return { questionId: q.id, chosen: pick, answer: q.answer, correct: pick === q.answer }
  })
  const total = items.length
  const correct = items.filter((x) => x.correct).length
  const score = total === 0 ? 0 : Math.round((correct / total) * 100)
  return { total, correct, score, passed: total > 0 && score >= passMark, items }
}

/** Under the score: 答对 4 / 5 题 · 合格, or what is missing to pass. */
export function quizResultLine(
  r: Pick<QuizResult, 'correct' | 'total' | 'passed'>,
  passMark = QUIZ_PASS_MARK
): string {
  return `答对 ${r.correct} / ${r.total} 题 · ${r.passed ? '合格' : `未达到${passMark}分，再练一次吧`}`
}
