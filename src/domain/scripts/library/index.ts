/** The full script library, built from the company SOP documents in shared/seeds. */
import type { Script } from '../model'
import { SECURITY_SCRIPTS } from './security'
import { SERVICE_SCRIPTS } from './service'
import { ESTATE_TEAM_SCRIPTS } from './estateTeams'

/** Bump whenever any script's version changes, so clients can tell their cached copy is old. */
export const LIBRARY_VERSION = 1

export const SCRIPTS: Script[] = [...SECURITY_SCRIPTS, ...SERVICE_SCRIPTS, ...ESTATE_TEAM_SCRIPTS]

const BY_ID = new Map(SCRIPTS.map((s) => [s.id, s]))

export function getScript(id: string): Script | undefined {
  return BY_ID.get(id)
}

export { SEED, SEED_FILES, SEED_TITLES, type SeedFile } from './seeds'
