import { makeAutoObservable, runInAction } from 'mobx'
import type { ScriptAckStatus, ScriptRunItem } from '../../../domain/contract'
import type { Api } from '../../../stores/api'
import { messageOf } from '../../../stores/api'
import { outdatedStaff } from '../../../domain/scripts/overview'

/** The supervisor's view of 话术: who has not confirmed new versions, and the latest runs (server data only). */
export class ScriptsOverviewStore {
  ackStatus: ScriptAckStatus[] = []
  recentRuns: ScriptRunItem[] = []
  loading = false
  error = ''

  constructor(private deps: { api: () => Api }) {
    makeAutoObservable<ScriptsOverviewStore, 'deps'>(this, { deps: false })
  }

  /** People with scripts to confirm, most first. */
  get outdatedStaff(): ScriptAckStatus[] {
    return outdatedStaff(this.ackStatus)
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = ''
    try {
      const api = this.deps.api()
      const [status, runs] = await Promise.all([api('scripts.ackStatus', {}), api('scripts.runs', {})])
      runInAction(() => {
        this.ackStatus = status
        this.recentRuns = runs
      })
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }
}
