/**
 * A finished run as it is recorded (`scripts.recordRun`): the scripts pages and the gate's
 * check-in both send this shape, made here once.
 */
import { outcome, type RunOutcome, type RunState, type TimeInput } from './engine'
import type { Script } from './model'

export interface ScriptRunRecord {
  id: string
  scriptId: string
  version: number
  path: string[]
  answers: Record<string, string>
  /** the terminal step's outcome kind, e.g. 'visitor.admitted' */
  outcome: string
  startedAt: number
  finishedAt: number
  durationMs: number
}

/** The record of a run's outcome, under the id the phone made for it. */
export function recordOf(o: RunOutcome, id: string): ScriptRunRecord {
  return {
    id,
    scriptId: o.scriptId,
    version: o.version,
    path: [...o.path],
    answers: { ...o.answers },
    outcome: o.kind,
    startedAt: o.startedAt,
    finishedAt: o.finishedAt,
    durationMs: o.durationMs
  }
}

/** A finished run straight to its record (throws SCRIPT_NOT_DONE when it has not reached an end). */
export function runRecord(script: Script, run: RunState, finishedAt: TimeInput, id: string): ScriptRunRecord {
  return recordOf(outcome(script, run, finishedAt), id)
}
