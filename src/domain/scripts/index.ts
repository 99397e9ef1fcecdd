/** Guided scripts (话术/SOP): model, runner, placeholders, validator, library, phrasebook, quizzes. */
export * from './model'
export * from './engine'
export * from './placeholders'
export * from './validate'
export * from './phrasebook'
export * from './quiz'
export * from './record'
export { SCRIPTS, getScript, LIBRARY_VERSION, SEED, SEED_FILES, SEED_TITLES, type SeedFile } from './library'

import type { Script } from './model'
import { ScriptError } from './engine'
import { getScript } from './library'

/** Like getScript, but throws SCRIPT_NOT_FOUND. */
export function requireScript(id: string): Script {
  const s = getScript(id)
  if (!s) throw new ScriptError('SCRIPT_NOT_FOUND', `没有找到这份话术(${id})`)
  return s
}
