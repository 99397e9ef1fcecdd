/** Test helpers: read the seed SOP documents and compare library text with them. */
import * as fs from 'fs'
import * as path from 'path'

/**
 * A copy of the company SOP documents (shared/seeds beside the repository) kept in the repo,
 * so a clean clone tests the library against them; library.test.ts checks the copy is current
 * when shared/ is there.
 */
export const SEEDS_DIR = path.resolve(__dirname, '../../../fixtures/seeds')
export const SHARED_SEEDS_DIR = path.resolve(__dirname, '../../../../../shared/seeds')

export function seedFiles(): string[] {
  return fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
}

export function readSeed(file: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8')
}

/** The marker both sides use for "a blank to fill". */
export const BLANK = '□'

/**
 * The blanks the seeds leave for the speaker, longest first: ××先生(小姐), xx先生/小姐,
 * *先生/(女士), [物业公司名称], z豪园××, 利海酒店物业XX, 早上(晚上)好, 早上好/下午好 …
 */
const SEED_BLANKS: RegExp[] = [
  /××部门\(或××人\)/g,
  /(?:××|xx|XX|\*)?先生(?:或|\/|\()?\(?(?:小姐|女士)\)?/g,
  /\[[^\]]*\]/g,
  /z豪园××|z豪园|z物业|利海酒店物业XX|利海酒店物业/g,
  /早上\(晚上\)好|早上好\/下午好/g,
  /××|xx|XX/g
]

/**
 * Compare text the way a reader would: NFKC (full-width → ASCII punctuation, as the seeds are
 * written), no whitespace, quotation marks, dashes or ellipses, no punctuation at either end.
 */
export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"‘’]/g, '')
    .replace(/[―—…]/g, '')
    .replace(/^[,.;:!?。、]+|[,.;:!?。、]+$/gu, '')
}

/** Seed text with its blanks replaced by □. */
export function seedForm(s: string): string {
  let t = norm(s)
  for (const re of SEED_BLANKS) t = t.replace(re, BLANK)
  return t.replace(/□+/g, BLANK)
}

/** Library text with each run of placeholders replaced by □. */
export function lineForm(s: string): string {
  return norm(s.replace(/(?:\{[A-Za-z][A-Za-z0-9_]*\})+/g, BLANK)).replace(/□+/g, BLANK)
}

/** Quoted phrases (“…”) in a seed, in seed form, each once; pure blanks are dropped. */
export function quotedPhrases(text: string): string[] {
  const out = new Set<string>()
  for (const m of text.matchAll(/“([^”\n]{1,120})”/g)) out.add(seedForm(m[1]))
  return Array.from(out).filter((q) => q.replace(/□/g, '') !== '')
}

/**
 * The forms a library line can take: as written, and with {greeting} as its fallback 您好 (the
 * seeds write 您好 where the scripts greet by time of day).
 */
export function lineForms(s: string): string[] {
  return Array.from(new Set([lineForm(s), lineForm(s.replace(/\{greeting\}/g, '您好'))]))
}

/** Does library text `t` say the seed phrase `q` (in seed form)? */
export function says(t: string, q: string): boolean {
  return lineForms(t).some((f) => f.includes(q))
}

/** Is library line `t` worded as somewhere in the seed text (in seed form)? */
export function fromSeeds(t: string, seedText: string): boolean {
  return lineForms(t).some((f) => seedText.includes(f))
}
