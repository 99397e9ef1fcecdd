/**
 * The safety alerts (安全告警) as the supervisors and the guards on duty see them: the open ones
 * first, each acknowledged once with a note (one wins: a second person is told who did), and
 * the last day's acknowledged ones with who, when and the note. The page polls while shown.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { AlertOut } from '../../../domain/contract'
import { SAFETY_ACTIONS } from '../../../domain/contract/safety'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'

loadActions(SAFETY_ACTIONS)

export interface AlertsDeps {
  api: () => Api
  outbox: OutboxStore
}

export class AlertsStore {
  open: AlertOut[] = []
  recent: AlertOut[] = []
  loaded = false
  error = ''
  /** the note typed under each open alert, by id */
  notes: Record<string, string> = {}
  /** why an acknowledgement was not taken (someone else was first), by id */
  taken: Record<string, string> = {}
  acking = ''

  constructor(private deps: AlertsDeps) {
    makeAutoObservable<AlertsStore, 'deps'>(this, { deps: false })
  }

  async load(): Promise<void> {
    try {
      const r = await this.deps.api()('safety.alerts', {})
      runInAction(() => {
        this.open = r.open
        this.recent = r.recent
        this.loaded = true
        this.error = ''
      })
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    }
  }

  setNote(id: string, note: string): void {
    this.notes[id] = note
  }

  /** 确认: sent and waited for (the answer says whether this person was first), then the list again. */
  async ack(id: string): Promise<boolean> {
    this.acking = id
    this.error = ''
    const note = (this.notes[id] ?? '').trim()
    const r = await this.deps.outbox.submit(
      'safety.ack',
      { alertId: id, ...(note ? { note } : {}) },
      { record: `safety:${id}`, summary: '确认安全告警' }
    )
    runInAction(() => {
      this.acking = ''
      if (r.status === 'refused') {
        if (r.opId) {
          // the server's answer (acknowledged by someone else): not kept for a resend
          this.taken[id] = r.message
          this.deps.outbox.discard(r.opId)
        } else this.error = r.message
      }
    })
    await this.load()
    return r.status !== 'refused'
  }
}
