/**
 * The phrasebook: every line to say in the library, grouped by situation (one group per script
 * step), each citing its seed source. Built from the scripts, so it can never drift from them.
 */
import type { Role } from '../roles'
import type { Department, Script, ScriptSource } from './model'
import { SCRIPTS } from './library'

export interface Phrase {
  /** `${scriptId}/${stepId}#${index}` */
  id: string
  /** the line with placeholders, e.g. '{surname}{honorific},您好。' */
  text: string
  /** e.g. '来访人员检查 · 询问预约' */
  situation: string
  scriptId: string
  stepId: string
  department: Department
  roles: Role[]
  tags: string[]
  source: ScriptSource
}

export interface PhraseGroup {
  /** `${scriptId}/${stepId}` */
  id: string
  situation: string
  scriptId: string
  stepId: string
  department: Department
  source: ScriptSource
  phrases: Phrase[]
}

export function buildPhrasebook(scripts: readonly Script[] = SCRIPTS): PhraseGroup[] {
  const groups: PhraseGroup[] = []
  for (const script of scripts) {
    for (const step of Object.values(script.steps)) {
      if (!step.say?.length) continue
      const situation = `${script.title} · ${step.title ?? step.id}`
      const source = step.source ?? script.source
      const tags = [...script.tags, ...(step.title ? [step.title] : [])]
      const id = `${script.id}/${step.id}`
      groups.push({
        id,
        situation,
        scriptId: script.id,
        stepId: step.id,
        department: script.department,
        source,
        phrases: step.say.map((text, i) => ({
          id: `${id}#${i}`,
          text,
          situation,
          scriptId: script.id,
          stepId: step.id,
          department: script.department,
          roles: script.roles,
          tags,
          source
        }))
      })
    }
  }
  return groups
}

export const PHRASEBOOK: PhraseGroup[] = buildPhrasebook()

export function allPhrases(book: readonly PhraseGroup[] = PHRASEBOOK): Phrase[] {
  return book.flatMap((g) => g.phrases)
}

/**
 * Lower case, full-width → half-width (the seeds write ASCII punctuation), no spaces, so
 * '请问您找谁？' finds '请问您找谁?'.
 */
export function normalizeQuery(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '')
}

function terms(query: string): string[] {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .map((t) => t.trim())
    .filter(Boolean)
}

export interface SearchOptions {
  department?: Department
  role?: Role
}

function matchesFilter(o: { department: Department; roles: readonly Role[] }, opts: SearchOptions): boolean {
  if (opts.department && o.department !== opts.department) return false
  if (opts.role && !o.roles.includes(opts.role)) return false
  return true
}

/** Score fields: every term must hit at least one field; a hit in a heavier field counts more. */
function score(fields: { text: string; weight: number }[], ts: string[]): number {
  let total = 0
  const normalized = fields.map((f) => ({ text: normalizeQuery(f.text), weight: f.weight }))
  for (const t of ts) {
    let best = 0
    for (const f of normalized) if (f.weight > best && f.text.includes(t)) best = f.weight
    if (best === 0) return 0
    total += best
  }
  return total
}

/**
 * Phrases whose text, situation or tags contain the query (Chinese substring; several words
 * separated by spaces must all match). Best matches first; an empty query returns all.
 */
export function searchPhrases(
  query: string,
  opts: SearchOptions = {},
  book: readonly PhraseGroup[] = PHRASEBOOK
): Phrase[] {
  const ts = terms(query)
  const hits: { p: Phrase; s: number; i: number }[] = []
  allPhrases(book).forEach((p, i) => {
    if (!matchesFilter(p, opts)) return
    if (ts.length === 0) return void hits.push({ p, s: 1, i })
    const s = score(
      [
        { text: p.text, weight: 3 },
        { text: p.situation, weight: 2 },
        { text: p.tags.join(' '), weight: 1 }
      ],
      ts
    )
    if (s > 0) hits.push({ p, s, i })
  })
  return hits.sort((a, b) => b.s - a.s || a.i - b.i).map((h) => h.p)
}

function stepText(script: Script): string {
  const parts: string[] = []
  for (const step of Object.values(script.steps)) {
    if (step.title) parts.push(step.title)
    parts.push(...(step.say ?? []), ...(step.do ?? []), ...(step.check ?? []), ...(step.never ?? []))
    for (const b of step.branches ?? []) parts.push(b.label)
    if (step.ask) parts.push(step.ask.label)
    if (step.outcome) parts.push(step.outcome.label)
  }
  return parts.join('\n')
}

/**
 * Scripts matching the query in title, tags, situation, id or any step text, optionally only
 * for one department or role. Best matches first; an empty query returns all that pass the filter.
 */
export function searchScripts(
  query: string,
  opts: SearchOptions = {},
  scripts: readonly Script[] = SCRIPTS
): Script[] {
  const ts = terms(query)
  const hits: { s: Script; score: number; i: number }[] = []
  scripts.forEach((script, i) => {
    if (!matchesFilter(script, opts)) return
    if (ts.length === 0) return void hits.push({ s: script, score: 1, i })
    const sc = score(
      [
        { text: script.title, weight: 5 },
        { text: script.tags.join(' '), weight: 4 },
        { text: script.id, weight: 3 },
        { text: script.situation, weight: 3 },
        { text: stepText(script), weight: 1 }
      ],
      ts
    )
    if (sc > 0) hits.push({ s: script, score: sc, i })
  })
  return hits.sort((a, b) => b.score - a.score || a.i - b.i).map((h) => h.s)
}
