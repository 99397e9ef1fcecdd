import { makeAutoObservable, observableRef } from 'mobx'
import {
  answerCurrent,
  back,
  canBack,
  choose,
  current,
  isScriptError,
  next,
  noteCurrent,
  noteKey,
  restart,
  start,
  type RunState
} from '../../domain/scripts/engine'
import { fill, toDisplayPunctuation, type FillContext } from '../../domain/scripts/placeholders'
import type { Script, Step } from '../../domain/scripts/model'
import { messageOf } from '../../stores/api'

export interface ScriptRunDeps {
  now: () => number
  /** Names, estate, gate … for the lines; the time and the room answered so far are added here. */
  context?: () => Omit<FillContext, 'now'>
  /** Called once each time the run reaches an end. */
  onEnd?: (run: RunState) => void
}

/**
 * One run of one script, step by step, for the ScriptRunner component: the gate's inline
 * scripts and the scripts pages both drive their runs through it. The steps themselves are the
 * pure engine (src/domain/scripts/engine.ts); this keeps the state and the message of a bad tap.
 */
export class ScriptRunModel {
  run: RunState
  /** The time the lines are filled for (the greeting); set at every move. */
  stepAt: number
  error = ''

  constructor(
    readonly script: Script,
    private deps: ScriptRunDeps,
    init?: RunState
  ) {
    const now = deps.now()
    this.run = init ?? start(script, now)
    this.stepAt = now
    makeAutoObservable<ScriptRunModel, 'deps'>(this, { deps: false, script: false, run: observableRef })
  }

  get step(): Step {
    return current(this.script, this.run)
  }
  get stepNo(): number {
    return this.run.path.length
  }
  /** Changes at every move (a step can be visited twice). */
  get stepKey(): string {
    return `${this.stepNo}:${this.step.id}`
  }
  get done(): boolean {
    return !!this.step.outcome
  }
  get canBack(): boolean {
    return canBack(this.run) && !this.done
  }

  get fillContext(): FillContext {
    const ctx = this.deps.context?.()
    const a = this.run.answers
    return { ...ctx, room: a.room ?? ctx?.room, event: a.event ?? ctx?.event, now: this.stepAt }
  }
  /** A line ready for the screen: placeholders filled in, Chinese punctuation. */
  line(text: string): string {
    return toDisplayPunctuation(fill(text, this.fillContext))
  }
  /** The current step's lines to say, filled in. */
  get say(): string[] {
    return (this.step.say ?? []).map((l) => this.line(l))
  }
  get currentAnswer(): string {
    const key = this.step.ask?.key
    return key ? (this.run.answers[key] ?? '') : ''
  }
  /** The current step's optional note (engine noteKey), '' when none. */
  get currentNote(): string {
    const ask = this.step.ask
    return ask?.note ? (this.run.answers[noteKey(ask)] ?? '') : ''
  }

  private fail(e: unknown): false {
    this.error = isScriptError(e) ? e.message : messageOf(e)
    return false
  }

  private move(f: (script: Script, run: RunState, now: number) => RunState): boolean {
    const now = this.deps.now()
    try {
      this.run = f(this.script, this.run, now)
    } catch (e) {
      return this.fail(e)
    }
    this.stepAt = now
    this.error = ''
    if (this.done) this.deps.onEnd?.(this.run)
    return true
  }

  choose(branchIndex: number): boolean {
    return this.move((s, r, now) => choose(s, r, branchIndex, now))
  }
  next(): boolean {
    return this.move((s, r, now) => next(s, r, now))
  }
  /** Record the current step's answer (a choice, yes/no, or typed text; '' clears it). */
  answer(value: string): boolean {
    try {
      this.run = answerCurrent(this.script, this.run, value)
    } catch (e) {
      return this.fail(e)
    }
    this.error = ''
    return true
  }
  /** Record the current step's optional note ('' clears it); never needed to move on. */
  note(value: string): boolean {
    try {
      this.run = noteCurrent(this.script, this.run, value)
    } catch (e) {
      return this.fail(e)
    }
    this.error = ''
    return true
  }
  back(): boolean {
    if (!this.canBack) return false
    this.run = back(this.run)
    this.stepAt = this.deps.now()
    this.error = ''
    return true
  }
  /** From the first step again; the answers go, the names given before the run stay. */
  restart(): void {
    const now = this.deps.now()
    this.run = restart(this.run, now)
    this.stepAt = now
    this.error = ''
  }
}
