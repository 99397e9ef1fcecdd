/**
 * What the server decides about a guided-script run a phone sends, and about read receipts.
 * Pure: the library and the time are passed in.
 */
import type { ScriptRun } from '../entities'
import { AppError } from '../errors'
import { hasAnyRole, type Role } from '../roles'
import type { Script } from './model'

/** A run as the phone sends it (the parsed input of `scripts.recordRun`). */
export interface RunInput {
  id: string
  scriptId: string
  version: number
  path: readonly string[]
  answers: Record<string, string>
  outcome: string
  startedAt: number
  finishedAt: number
  durationMs: number
}

function badInput(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `填写的内容有误：${message}`, [{ field, message }])
}

/** The script the client names, at a version it can have run (the current one or an older one). */
export function knownScript(
  lookup: (id: string) => Script | undefined,
  scriptId: string,
  version: number
): Script {
  const script = lookup(scriptId)
  if (!script) throw badInput('scriptId', '话术：没有这份话术，请升级小程序后重试')
  if (version > script.version) throw badInput('version', `版本：这份话术最新是第 ${script.version} 版`)
  return script
}

/** For the current version the path must be a walk the script allows, ending at the outcome given. */
export function checkPath(script: Script, path: readonly string[], outcome: string): string {
  const stepOf = (id: string) =>
    Object.prototype.hasOwnProperty.call(script.steps, id) ? script.steps[id] : undefined
  if (path[0] !== script.start) throw badInput('path', '步骤：应从话术的第一步开始')
  for (let i = 1; i < path.length; i++) {
    const from = stepOf(path[i - 1])
    const ok = !!from && (from.next === path[i] || (from.branches ?? []).some((b) => b.to === path[i]))
    if (!ok || !stepOf(path[i])) throw badInput('path', `步骤：第 ${i + 1} 步不在这份话术里`)
  }
  const last = stepOf(path[path.length - 1])
  if (!last?.outcome || last.outcome.kind !== outcome) throw badInput('outcome', '结果：与最后一步不符')
  return last.outcome.label
}

/** A label for an outcome of an older version, when the current one still has it. */
export function labelOf(script: Script, outcome: string): string {
  for (const s of Object.values(script.steps)) if (s.outcome?.kind === outcome) return s.outcome.label
  return ''
}

/**
 * The record of a run, or INVALID_INPUT naming the field: the current version's path is
 * checked step by step; an older version's cannot be any more and is kept as it was run.
 */
export function scriptRunDoc(
  lookup: (id: string) => Script | undefined,
  input: RunInput,
  who: { estateId: string; staffId: string; staffName: string },
  at: { now: number; deviceTime: number }
): Omit<ScriptRun, '_v' | 'createdAt' | 'updatedAt'> {
  const script = knownScript(lookup, input.scriptId, input.version)
  if (input.finishedAt < input.startedAt) throw badInput('finishedAt', '结束时间：早于开始时间')
  const outcomeLabel =
    input.version === script.version
      ? checkPath(script, input.path, input.outcome)
      : labelOf(script, input.outcome)
  return {
    // The device chose the id: a run recorded offline is stored once, however often it is sent.
    _id: input.id,
    ...who,
    scriptId: script.id,
    title: script.title,
    version: input.version,
    path: [...input.path],
    answers: input.answers,
    outcome: input.outcome,
    outcomeLabel,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    durationMs: input.durationMs,
    deviceTime: at.deviceTime,
    at: at.now
  }
}

/** The id of a person's read receipt of a script: one per person and script. */
export function ackId(staffId: string, scriptId: string): string {
  return `${staffId}:${scriptId}`
}

/** The scripts for these roles whose current version the person has not confirmed. */
export function outdatedScripts(
  scripts: readonly Script[],
  roles: readonly Role[],
  ackedVersion: (scriptId: string) => number | undefined
): { scriptId: string; title: string; version: number; ackedVersion?: number }[] {
  return scripts
    .filter((s) => hasAnyRole(roles, s.roles))
    .map((s) => ({ s, v: ackedVersion(s.id) }))
    .filter(({ s, v }) => (v ?? 0) < s.version)
    .map(({ s, v }) => ({
      scriptId: s.id,
      title: s.title,
      version: s.version,
      ...(v !== undefined ? { ackedVersion: v } : {})
    }))
}
