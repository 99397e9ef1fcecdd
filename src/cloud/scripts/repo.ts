import type { ScriptAck, ScriptRun } from '../../domain/entities'
import { coll, Repo } from '../kit'

export const RUNS = coll<ScriptRun>('scriptruns')
export const ACKS = coll<ScriptAck>('scriptacks')

/** Guided-script runs and read receipts. */
export class ScriptsRepo extends Repo {
  /** Every read receipt of these people. */
  acksOf(staffIds: readonly string[]): Promise<ScriptAck[]> {
    return this.allIn(ACKS, 'staffId', staffIds, { orderBy: [['_id', 'asc']] })
  }

  /** An estate's latest runs, newest first. */
  async recentRuns(estateId: string, limit: number): Promise<ScriptRun[]> {
    return (await this.find(RUNS, { where: { estateId }, orderBy: [['at', 'desc']], limit })).items
  }
}
