import { makeAutoObservable, observableRef } from 'mobx'
import type { FillContext } from '../../../domain/scripts/placeholders'
import type { Quiz, QuizResult } from '../../../domain/scripts/quiz'
import type { ScriptCatalogStore } from './catalog'

/** Questions in one practice round. */
export const QUIZ_SIZE = 8

export interface QuizState {
  quiz: Quiz
  /** chosen option per question, in order */
  chosen: (number | null)[]
  index: number
}

export interface QuizDeps {
  catalog: ScriptCatalogStore
  /** the names the lines are filled with (those given for the last run) */
  context: () => FillContext
  now: () => number
}

/** 练习: "in this situation, what do you say?", one tap per question, then the grade. */
export class QuizStore {
  quiz: QuizState | undefined = undefined

  constructor(private deps: QuizDeps) {
    makeAutoObservable<QuizStore, 'deps'>(this, { deps: false, quiz: observableRef })
  }

  /** A practice round for the script; the same seed gives the same questions. */
  start(scriptId: string, seed = this.deps.now()): boolean {
    const { lib } = this.deps.catalog
    const script = lib?.getScript(scriptId)
    if (!lib || !script) return false
    const quiz = lib.buildQuiz(script, seed >>> 0, {
      limit: QUIZ_SIZE,
      ctx: this.deps.context(),
      pool: lib.SCRIPTS
    })
    this.quiz = { quiz, chosen: quiz.questions.map(() => null), index: 0 }
    return quiz.questions.length > 0
  }
  get question() {
    const q = this.quiz
    return q ? q.quiz.questions[q.index] : undefined
  }
  /** The option chosen for the current question, once answered. */
  get chosen(): number | null {
    const q = this.quiz
    return q ? (q.chosen[q.index] ?? null) : null
  }
  /** One answer per question: the first tap counts. */
  answer(option: number): void {
    const q = this.quiz
    if (!q || q.index >= q.quiz.questions.length || q.chosen[q.index] !== null) return
    const chosen = [...q.chosen]
    chosen[q.index] = option
    this.quiz = { ...q, chosen }
  }
  next(): void {
    const q = this.quiz
    if (!q || q.chosen[q.index] === null) return
    this.quiz = { ...q, index: q.index + 1 }
  }
  get done(): boolean {
    const q = this.quiz
    return !!q && q.index >= q.quiz.questions.length
  }
  get result(): QuizResult | undefined {
    const q = this.quiz
    if (!q || !this.done) return undefined
    return this.deps.catalog.L.gradeQuiz(q.quiz, q.chosen)
  }
}
