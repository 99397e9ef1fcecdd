/**
 * Running a script: a pure, immutable state machine. Every function returns a new state and
 * never changes the one it is given, so a store can keep states as plain JSON, undo by keeping
 * the old one, and save a run to finish later. Time is always passed in.
 */
import type { Script, Step } from './model'

export const SCRIPT_ERROR_MESSAGES = {
  SCRIPT_MISMATCH: '这条记录属于另一份话术或旧版本，请重新开始',
  SCRIPT_BAD_STEP: '话术里没有这一步，请重新开始或联系主管',
  SCRIPT_BAD_BRANCH: '没有这个选项，请重新选择',
  SCRIPT_NO_NEXT: '这一步需要先选择一个选项',
  SCRIPT_DONE: '这份话术已经走完，如需重来请点“重新开始”',
  SCRIPT_NOT_DONE: '这份话术还没有走完',
  SCRIPT_NOTHING_TO_UNDO: '已经是第一步了',
  SCRIPT_ANSWER_REQUIRED: '请先填写这一步要记录的内容',
  SCRIPT_BAD_ANSWER: '填写的内容不在可选范围内',
  SCRIPT_NOT_FOUND: '没有找到这份话术',
  SCRIPT_BAD_TIME: '时间无效，请检查手机时间后重试'
} as const

export type ScriptErrorCode = keyof typeof SCRIPT_ERROR_MESSAGES

export class ScriptError extends Error {
  readonly code: ScriptErrorCode
  readonly stepId?: string
  constructor(code: ScriptErrorCode, message?: string, stepId?: string) {
    super(message ?? SCRIPT_ERROR_MESSAGES[code])
    this.name = 'ScriptError'
    this.code = code
    this.stepId = stepId
  }
}

export function isScriptError(e: unknown): e is ScriptError {
  return (
    e instanceof ScriptError ||
    (typeof e === 'object' && e !== null && (e as ScriptError).name === 'ScriptError')
  )
}

/** One move from step to step, kept so `back` can undo it exactly. */
export interface Move {
  from: string
  to: string
  /** index of the branch taken; null for a linear `next` */
  branch: number | null
  /** epoch ms */
  at: number
  /** all answers just before the move */
  before: Record<string, string>
}

export interface RunState {
  scriptId: string
  version: number
  /** step ids visited, the current step last */
  path: string[]
  answers: Record<string, string>
  /** epoch ms */
  startedAt: number
  moves: Move[]
}

export interface RunOutcome {
  scriptId: string
  version: number
  /** the terminal step's outcome kind, e.g. 'visitor.admitted' */
  kind: string
  label: string
  answers: Record<string, string>
  path: string[]
  startedAt: number
  finishedAt: number
  durationMs: number
}

export type TimeInput = Date | number

function ms(t: TimeInput): number {
  const v = typeof t === 'number' ? t : t.getTime()
  if (!Number.isFinite(v)) throw new ScriptError('SCRIPT_BAD_TIME')
  return v
}

function stepOf(script: Script, id: string): Step {
  const step = Object.prototype.hasOwnProperty.call(script.steps, id) ? script.steps[id] : undefined
  if (!step) throw new ScriptError('SCRIPT_BAD_STEP', `${SCRIPT_ERROR_MESSAGES.SCRIPT_BAD_STEP}（${id}）`, id)
  return step
}

function ensureSame(script: Script, state: RunState): void {
  if (state.scriptId !== script.id || state.version !== script.version)
    throw new ScriptError('SCRIPT_MISMATCH')
}

export function start(script: Script, now: TimeInput): RunState {
  stepOf(script, script.start)
  return {
    scriptId: script.id,
    version: script.version,
    path: [script.start],
    answers: {},
    startedAt: ms(now),
    moves: []
  }
}

export function currentId(state: RunState): string {
  return state.path[state.path.length - 1]
}

export function current(script: Script, state: RunState): Step {
  ensureSame(script, state)
  return stepOf(script, currentId(state))
}

export function isDone(script: Script, state: RunState): boolean {
  return current(script, state).outcome !== undefined
}

function ensureCanLeave(step: Step, state: RunState): void {
  if (step.outcome) throw new ScriptError('SCRIPT_DONE', undefined, step.id)
  const ask = step.ask
  if (ask?.required && !(state.answers[ask.key] ?? '').trim()) {
    throw new ScriptError('SCRIPT_ANSWER_REQUIRED', `请先填写：${ask.label}`, step.id)
  }
}

function move(
  state: RunState,
  from: string,
  to: string,
  branch: number | null,
  at: number,
  set?: Record<string, string>
): RunState {
  return {
    ...state,
    path: [...state.path, to],
    answers: set ? { ...state.answers, ...set } : state.answers,
    moves: [...state.moves, { from, to, branch, at, before: state.answers }]
  }
}

/** Take branch `branchIndex` of the current step, recording its `set` answers. */
export function choose(script: Script, state: RunState, branchIndex: number, now: TimeInput): RunState {
  const step = current(script, state)
  if (step.outcome) throw new ScriptError('SCRIPT_DONE', undefined, step.id)
  const branches = step.branches ?? []
  if (branches.length === 0) {
    throw new ScriptError('SCRIPT_BAD_BRANCH', '这一步没有选项，请点“下一步”', step.id)
  }
  if (!Number.isInteger(branchIndex) || branchIndex < 0 || branchIndex >= branches.length) {
    throw new ScriptError('SCRIPT_BAD_BRANCH', undefined, step.id)
  }
  ensureCanLeave(step, state)
  const b = branches[branchIndex]
  stepOf(script, b.to)
  return move(state, step.id, b.to, branchIndex, ms(now), b.set)
}

/** Go on from a linear step (one with `next`). */
export function next(script: Script, state: RunState, now?: TimeInput): RunState {
  const step = current(script, state)
  if (step.outcome) throw new ScriptError('SCRIPT_DONE', undefined, step.id)
  if (!step.next) throw new ScriptError('SCRIPT_NO_NEXT', undefined, step.id)
  ensureCanLeave(step, state)
  stepOf(script, step.next)
  const at =
    now === undefined
      ? state.moves.length
        ? state.moves[state.moves.length - 1].at
        : state.startedAt
      : ms(now)
  return move(state, step.id, step.next, null, at)
}

/** Record an answer (an empty value clears it). Not a move: `back` leaves answers typed at the step it returns to. */
export function answer(state: RunState, key: string, value: string): RunState {
  if (typeof key !== 'string' || !key.trim())
    throw new ScriptError('SCRIPT_BAD_ANSWER', '要记录的项目名称为空')
  if (typeof value !== 'string') throw new ScriptError('SCRIPT_BAD_ANSWER')
  const answers = { ...state.answers }
  if (value.trim() === '') delete answers[key]
  else answers[key] = value
  return { ...state, answers }
}

/** Answer the current step's `ask`, checking the value against its kind and options. */
export function answerCurrent(script: Script, state: RunState, value: string): RunState {
  const step = current(script, state)
  const ask = step.ask
  if (!ask) throw new ScriptError('SCRIPT_BAD_ANSWER', '这一步不需要填写', step.id)
  if (step.outcome) throw new ScriptError('SCRIPT_DONE', undefined, step.id)
  const v = typeof value === 'string' ? value.trim() : value
  if (v !== '') {
    if (ask.kind === 'yesno' && v !== 'yes' && v !== 'no')
      throw new ScriptError('SCRIPT_BAD_ANSWER', undefined, step.id)
    if (ask.kind === 'choice' && !(ask.options ?? []).includes(v))
      throw new ScriptError('SCRIPT_BAD_ANSWER', undefined, step.id)
  }
  return answer(state, ask.key, v)
}

/** Where the optional note of an ask is recorded (`event` → `eventNote`). */
export function noteKey(ask: { key: string }): string {
  return `${ask.key}Note`
}

/**
 * Record the optional note of the current step's ask (an empty value clears it). A note is never
 * required: leaving the step asks only for the answer itself.
 */
export function noteCurrent(script: Script, state: RunState, value: string): RunState {
  const step = current(script, state)
  if (step.outcome) throw new ScriptError('SCRIPT_DONE', undefined, step.id)
  if (!step.ask?.note) throw new ScriptError('SCRIPT_BAD_ANSWER', '这一步没有补充说明', step.id)
  if (typeof value !== 'string') throw new ScriptError('SCRIPT_BAD_ANSWER', undefined, step.id)
  return answer(state, noteKey(step.ask), value.trim())
}

export function canBack(state: RunState): boolean {
  return state.moves.length > 0
}

/** Undo the last move: back to the previous step, with the answers as they were before that move. */
export function back(state: RunState): RunState {
  if (state.moves.length === 0) throw new ScriptError('SCRIPT_NOTHING_TO_UNDO')
  const last = state.moves[state.moves.length - 1]
  return { ...state, path: state.path.slice(0, -1), answers: last.before, moves: state.moves.slice(0, -1) }
}

/** Start over from the first step, with no answers. */
export function restart(state: RunState, now: TimeInput): RunState {
  return {
    scriptId: state.scriptId,
    version: state.version,
    path: [state.path[0]],
    answers: {},
    startedAt: ms(now),
    moves: []
  }
}

/** The record of a finished run. */
export function outcome(script: Script, state: RunState, now: TimeInput): RunOutcome {
  const step = current(script, state)
  if (!step.outcome) throw new ScriptError('SCRIPT_NOT_DONE', undefined, step.id)
  const finishedAt = ms(now)
  return {
    scriptId: state.scriptId,
    version: state.version,
    kind: step.outcome.kind,
    label: step.outcome.label,
    answers: { ...state.answers },
    path: [...state.path],
    startedAt: state.startedAt,
    finishedAt,
    durationMs: Math.max(0, finishedAt - state.startedAt)
  }
}

/**
 * Follow a list of moves from the start: each item is a branch label, a branch's target step id,
 * or 'next'. Before each move, a step's `ask` is answered from `answers` when it has that key.
 * Handy for tests, demos and training.
 */
export function walk(
  script: Script,
  moves: readonly string[],
  now: TimeInput,
  answers: Record<string, string> = {}
): RunState {
  let state = start(script, now)
  for (const m of moves) {
    const step = current(script, state)
    if (step.ask && answers[step.ask.key] !== undefined)
      state = answer(state, step.ask.key, answers[step.ask.key])
    if (m === 'next') {
      state = next(script, state, now)
      continue
    }
    const branches = step.branches ?? []
    let i = branches.findIndex((b) => b.label === m)
    if (i < 0) i = branches.findIndex((b) => b.to === m)
    if (i < 0) throw new ScriptError('SCRIPT_BAD_BRANCH', `“${step.title ?? step.id}”没有选项“${m}”`, step.id)
    state = choose(script, state, i, now)
  }
  return state
}
