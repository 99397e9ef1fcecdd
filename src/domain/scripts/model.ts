/**
 * Guided scripts (话术 / SOP): what a member of staff says and does, step by step, in one
 * situation. Pure data: the library in `library/` is built from the company SOP documents
 * (shared/seeds/*.txt) and every script cites the seed file and section it comes from.
 *
 * Text conventions
 * - `say` lines keep the seeds' exact wording, including their punctuation (the seeds write
 *   ASCII `,` `?` `!` `(` `)` inside Chinese text). `toDisplayPunctuation` in placeholders.ts
 *   turns that into full-width punctuation for the screen if the UI wants it.
 * - Where a seed writes a blank to fill (××先生(小姐), [物业公司名称], [具体房号] …) the
 *   script writes a placeholder such as {surname}{honorific}, {company}, {room}; see
 *   KNOWN_PLACEHOLDERS in placeholders.ts for the full list.
 */
import type { Role } from '../roles'

export const DEPARTMENTS = [
  'security',
  'service',
  'housekeeping',
  'engineering',
  'cleaning',
  'greening',
  'general'
] as const
export type Department = (typeof DEPARTMENTS)[number]

export const DEPARTMENT_LABELS: Record<Department, string> = {
  security: '保安部',
  service: '客服部',
  housekeeping: '管家/有偿服务',
  engineering: '工程部',
  cleaning: '清洁部',
  greening: '绿化部',
  general: '通用'
}

/** Where a script comes from: the seed file name and the section heading inside it. */
export interface ScriptSource {
  /** e.g. '003_50baafb6da81e47b.txt' */
  file: string
  /** e.g. '一、对人员的检查 3、对来访人员的检查' */
  section: string
}

/** 'room': a room of the estate, picked by its keys where the page has the estate's rooms (RoomPicker), else typed */
export type AskKind = 'text' | 'choice' | 'yesno' | 'room'

/** A question whose answer is recorded under `key` (yesno answers are 'yes' | 'no'). */
export interface Ask {
  key: string
  label: string
  kind: AskKind
  /** choices for kind 'choice' */
  options?: string[]
  /** the run cannot move on from this step until it is answered */
  required?: boolean
  /**
   * a box for an optional note beside a choice or yes/no (its label; recorded under `<key>Note`,
   * see engine.ts noteKey): never needed to move on, so a person under stress only taps
   */
  note?: string
}

/** One tap: go to step `to`, recording `set` into the answers. */
export interface Branch {
  label: string
  to: string
  set?: Record<string, string>
}

/** A terminal step's result; `kind` is what other code branches on (e.g. 'visitor.admitted'). */
export interface Outcome {
  kind: string
  label: string
}

export interface Step {
  /** equals the key of this step in Script.steps */
  id: string
  /** short heading shown above the step, e.g. '询问预约' */
  title?: string
  /** lines to say, with placeholders like {surname}{honorific} */
  say?: string[]
  /** what to do: salute, stand up, hand over with both hands … */
  do?: string[]
  /** items to tick */
  check?: string[]
  /** a question whose answer is recorded */
  ask?: Ask
  /** 不允许: what must never be done or said here */
  never?: string[]
  /** linear: the one next step */
  next?: string
  /** choice: one tap each */
  branches?: Branch[]
  /** terminal: the run ends here */
  outcome?: Outcome
  /** where this step's wording comes from, when that is not the script's main source */
  source?: ScriptSource
}

export interface Script {
  /** stable id, e.g. 'gate.visitor' */
  id: string
  /** integer, bumped whenever the steps change so stored runs can tell */
  version: number
  department: Department
  title: string
  /** when to use it */
  situation: string
  source: ScriptSource
  /** further seed sections the script also draws on */
  moreSources?: ScriptSource[]
  /** which staff roles it is for */
  roles: Role[]
  /** search keywords */
  tags: string[]
  /** id of the first step */
  start: string
  steps: Record<string, Step>
}

/** Every source a script cites (script level, then step level), each once, the main one first. */
export function sourcesOf(script: Script): ScriptSource[] {
  const all = [script.source, ...(script.moreSources ?? [])]
  for (const step of Object.values(script.steps)) if (step.source) all.push(step.source)
  const seen = new Set<string>()
  return all.filter((s) => {
    const k = `${s.file}#${s.section}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
