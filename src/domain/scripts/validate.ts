/**
 * Checks a script (or the whole library) before it is shipped or run: every target exists,
 * every path ends in an outcome, every placeholder is known, nothing is unreachable. Returns a
 * list of problems; an empty list means the script is fine.
 */
import { ROLES, type Role } from '../roles'
import { DEPARTMENTS, type Script, type ScriptSource, type Step } from './model'
import { hasMalformedBraces, unknownPlaceholders } from './placeholders'

export type ProblemCode =
  | 'SCRIPT_ID_INVALID'
  | 'SCRIPT_ID_DUPLICATE'
  | 'VERSION_INVALID'
  | 'DEPARTMENT_INVALID'
  | 'ROLES_EMPTY'
  | 'ROLE_INVALID'
  | 'TITLE_MISSING'
  | 'SITUATION_MISSING'
  | 'SOURCE_MISSING'
  | 'START_MISSING'
  | 'STEP_ID_MISMATCH'
  | 'STEP_ID_DUPLICATE'
  | 'STEP_EMPTY'
  | 'TARGET_MISSING'
  | 'NEXT_AND_BRANCHES'
  | 'OUTCOME_WITH_MOVES'
  | 'OUTCOME_INVALID'
  | 'DEAD_END'
  | 'NO_EXIT'
  | 'UNREACHABLE'
  | 'BRANCH_LABEL_MISSING'
  | 'BRANCH_LABEL_DUPLICATE'
  | 'SET_INVALID'
  | 'ASK_INVALID'
  | 'PLACEHOLDER_UNKNOWN'
  | 'PLACEHOLDER_MALFORMED'
  | 'RAW_BLANK'
  | 'TEXT_EMPTY'

export interface Problem {
  code: ProblemCode
  message: string
  scriptId: string
  stepId?: string
}

/** Seed file names look like '000_86fd12d757344a0e.txt'. */
export const SEED_FILE_PATTERN = /^\d{3}_[0-9a-f]{16}\.txt$/
const SCRIPT_ID_PATTERN = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/
/** Blanks the seeds leave for the speaker to fill; scripts must use a placeholder instead. */
const RAW_BLANKS = /××|xx|XX|\[[^\]]*\]|\*先生|\*小姐/

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === ''

function targets(step: Step): string[] {
  const out: string[] = []
  if (step.next !== undefined) out.push(step.next)
  for (const b of step.branches ?? []) out.push(b.to)
  return out
}

function textsOf(step: Step): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = []
  for (const f of ['say', 'do', 'check', 'never'] as const)
    for (const t of step[f] ?? []) out.push({ field: f, text: t })
  if (step.title !== undefined) out.push({ field: 'title', text: step.title })
  if (step.ask) {
    out.push({ field: 'ask.label', text: step.ask.label })
    if (step.ask.note !== undefined) out.push({ field: 'ask.note', text: step.ask.note })
    for (const o of step.ask.options ?? []) out.push({ field: 'ask.options', text: o })
  }
  for (const b of step.branches ?? []) out.push({ field: 'branches.label', text: b.label })
  if (step.outcome) out.push({ field: 'outcome.label', text: step.outcome.label })
  return out
}

export function validateScript(script: Script): Problem[] {
  const problems: Problem[] = []
  const id = typeof script?.id === 'string' ? script.id : ''
  const add = (code: ProblemCode, message: string, stepId?: string) =>
    problems.push(
      stepId === undefined ? { code, message, scriptId: id } : { code, message, scriptId: id, stepId }
    )

  if (!SCRIPT_ID_PATTERN.test(id)) add('SCRIPT_ID_INVALID', `话术编号“${id}”无效（小写字母、数字、点或横线）`)
  if (!Number.isInteger(script.version) || script.version < 1) add('VERSION_INVALID', '版本号必须是正整数')
  if (!(DEPARTMENTS as readonly string[]).includes(script.department))
    add('DEPARTMENT_INVALID', `部门“${String(script.department)}”无效`)
  if (!Array.isArray(script.roles) || script.roles.length === 0) add('ROLES_EMPTY', '没有指定适用岗位')
  else
    for (const r of script.roles)
      if (!(ROLES as readonly string[]).includes(r as Role)) add('ROLE_INVALID', `岗位“${String(r)}”不存在`)
  if (blank(script.title)) add('TITLE_MISSING', '缺少标题')
  if (blank(script.situation)) add('SITUATION_MISSING', '缺少使用场景说明')
  const badSource = (src: ScriptSource | undefined) =>
    !src || !SEED_FILE_PATTERN.test(src.file ?? '') || blank(src.section)
  const sourceMessage = (src: ScriptSource | undefined) =>
    `出处不完整：需要规程文件名（如 000_86fd12d757344a0e.txt）和章节（${src?.file || '无'}）`
  for (const src of [script.source, ...(script.moreSources ?? [])])
    if (badSource(src)) add('SOURCE_MISSING', sourceMessage(src))

  const steps = script.steps && typeof script.steps === 'object' ? script.steps : {}
  for (const key of Object.keys(steps)) {
    const src = steps[key].source
    if (src !== undefined && badSource(src)) add('SOURCE_MISSING', sourceMessage(src), key)
  }
  const keys = Object.keys(steps)
  const seenIds = new Map<string, string>()
  for (const key of keys) {
    const step = steps[key]
    if (step.id !== key) add('STEP_ID_MISMATCH', `步骤“${key}”的 id 写成了“${step.id}”`, key)
    if (seenIds.has(step.id))
      add('STEP_ID_DUPLICATE', `步骤 id“${step.id}”重复（${seenIds.get(step.id)} 与 ${key}）`, key)
    else seenIds.set(step.id, key)
  }
  if (!has(steps, script.start)) add('START_MISSING', `第一步“${script.start}”不存在`)

  for (const key of keys) {
    const step = steps[key]
    const shown =
      (step.say?.length ?? 0) +
        (step.do?.length ?? 0) +
        (step.check?.length ?? 0) +
        (step.never?.length ?? 0) >
        0 ||
      step.ask !== undefined ||
      step.outcome !== undefined
    if (!shown) add('STEP_EMPTY', `步骤“${key}”没有任何要说、要做或要填的内容`, key)

    const moves = step.next !== undefined || (step.branches?.length ?? 0) > 0
    if (step.next !== undefined && (step.branches?.length ?? 0) > 0)
      add('NEXT_AND_BRANCHES', `步骤“${key}”同时有“下一步”和选项，只能有一种`, key)
    if (step.outcome) {
      if (moves) add('OUTCOME_WITH_MOVES', `步骤“${key}”是结束步骤，不能再有下一步或选项`, key)
      if (blank(step.outcome.kind) || blank(step.outcome.label))
        add('OUTCOME_INVALID', `步骤“${key}”的结果缺少类型或名称`, key)
    } else if (!moves) {
      add('DEAD_END', `步骤“${key}”既没有下一步、选项，也没有结果`, key)
    }
    for (const t of targets(step))
      if (!has(steps, t)) add('TARGET_MISSING', `步骤“${key}”指向不存在的步骤“${t}”`, key)

    const labels = new Set<string>()
    for (const b of step.branches ?? []) {
      if (blank(b.label)) add('BRANCH_LABEL_MISSING', `步骤“${key}”有选项没有文字`, key)
      else if (labels.has(b.label)) add('BRANCH_LABEL_DUPLICATE', `步骤“${key}”的选项“${b.label}”重复`, key)
      labels.add(b.label)
      for (const [k, v] of Object.entries(b.set ?? {})) {
        if (blank(k) || typeof v !== 'string')
          add('SET_INVALID', `步骤“${key}”的选项“${b.label}”记录的“${k}”无效`, key)
      }
    }

    const ask = step.ask
    if (ask) {
      const okKind =
        ask.kind === 'text' || ask.kind === 'choice' || ask.kind === 'yesno' || ask.kind === 'room'
      if (blank(ask.key) || blank(ask.label) || !okKind)
        add('ASK_INVALID', `步骤“${key}”的填写项缺少名称或类型`, key)
      if (ask.kind === 'choice' && (!ask.options || ask.options.length < 2 || ask.options.some(blank))) {
        add('ASK_INVALID', `步骤“${key}”的选择题至少要有两个选项`, key)
      }
      // the note is what a tap cannot say; a typed answer needs none beside it
      if (ask.note !== undefined && ask.kind !== 'choice' && ask.kind !== 'yesno')
        add('ASK_INVALID', `步骤“${key}”：只有选择题和是否题可以加补充说明`, key)
    }

    for (const { field, text } of textsOf(step)) {
      if (blank(text)) {
        add('TEXT_EMPTY', `步骤“${key}”的 ${field} 有空白内容`, key)
        continue
      }
      for (const n of unknownPlaceholders(text))
        add('PLACEHOLDER_UNKNOWN', `步骤“${key}”的 ${field} 用了不认识的占位符 {${n}}`, key)
      if (hasMalformedBraces(text))
        add('PLACEHOLDER_MALFORMED', `步骤“${key}”的 ${field} 有不成对的花括号：${text}`, key)
      if (field === 'say' && RAW_BLANKS.test(text)) {
        add('RAW_BLANK', `步骤“${key}”的话术里还留着“××”或“[ ]”之类的空白，请改用占位符：${text}`, key)
      }
    }
  }

  // reachability from the start
  const reachable = new Set<string>()
  if (has(steps, script.start)) {
    const stack = [script.start]
    while (stack.length) {
      const s = stack.pop() as string
      if (reachable.has(s) || !has(steps, s)) continue
      reachable.add(s)
      stack.push(...targets(steps[s]))
    }
    for (const key of keys) if (!reachable.has(key)) add('UNREACHABLE', `步骤“${key}”从第一步走不到`, key)
  }

  // every reachable step must be able to reach an outcome (no dead ends, no cycles without exit)
  const canFinish = new Set<string>(keys.filter((k) => steps[k].outcome))
  let grew = true
  while (grew) {
    grew = false
    for (const key of keys) {
      if (canFinish.has(key)) continue
      if (targets(steps[key]).some((t) => canFinish.has(t))) {
        canFinish.add(key)
        grew = true
      }
    }
  }
  for (const key of keys) {
    const step = steps[key]
    const isDeadEnd = !step.outcome && step.next === undefined && !(step.branches?.length ?? 0)
    if (reachable.has(key) && !canFinish.has(key) && !isDeadEnd) {
      add('NO_EXIT', `从步骤“${key}”出发永远走不到结束（死循环或只通向死胡同）`, key)
    }
  }
  return problems
}

export function validateLibrary(scripts: readonly Script[]): Problem[] {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const s of scripts) {
    if (seen.has(s.id))
      problems.push({ code: 'SCRIPT_ID_DUPLICATE', message: `话术编号“${s.id}”重复`, scriptId: s.id })
    seen.add(s.id)
    problems.push(...validateScript(s))
  }
  return problems
}

/** One way through a script from its start to an outcome. */
export interface ScriptPath {
  /** step ids, start first, the terminal step last */
  steps: string[]
  /** labels of the branches taken ('next' for linear moves) */
  moves: string[]
  /** answers recorded by the branches taken */
  answers: Record<string, string>
  outcome: string
}

/**
 * All ways from the start to an outcome that visit no step twice (a loop is walked at most once).
 * Stops after `limit` paths.
 */
export function enumeratePaths(script: Script, limit = 10000): ScriptPath[] {
  const out: ScriptPath[] = []
  const walk = (id: string, steps: string[], moves: string[], answers: Record<string, string>) => {
    if (out.length >= limit) return
    const step = script.steps[id]
    if (!step || steps.includes(id)) return
    const here = [...steps, id]
    if (step.outcome) {
      out.push({ steps: here, moves, answers, outcome: step.outcome.kind })
      return
    }
    if (step.next !== undefined) walk(step.next, here, [...moves, 'next'], answers)
    for (const b of step.branches ?? [])
      walk(b.to, here, [...moves, b.label], { ...answers, ...(b.set ?? {}) })
  }
  walk(script.start, [], [], {})
  return out
}
