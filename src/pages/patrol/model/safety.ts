/**
 * Lone-worker safety on the walker's phone: when the next check-in (我安全) is due in the round
 * being walked, the check-in itself and the panic alert, both through the outbox (offline
 * first). The server keeps the real timer (domain/safety); this one only prompts the person.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { SafetyMine } from '../../../domain/contract'
import { SAFETY_ACTIONS } from '../../../domain/contract/safety'
import { DEFAULT_SAFETY, type SafetyPosition } from '../../../domain/safety/rules'
import type { KeyValueStorage } from '../../../services/storage'
import type { Api } from '../../../stores/api'
import { loadActions } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { queueAndSend } from '../../send'

loadActions(SAFETY_ACTIONS)

export interface CheckInDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  estateId: () => string | undefined
  now: () => number
  newId: () => string
  position: () => Promise<SafetyPosition | undefined>
  /** the round being walked and when it started (on the server or on this phone) */
  round: () => { id: string; startedAt: number } | undefined
  /** a vibration where the platform has one */
  buzz: () => void
}

export class CheckInStore {
  mine: SafetyMine | undefined = undefined
  /** the last check-in made on this phone, by round */
  last: { roundId: string; at: number } | undefined = undefined
  error = ''
  /** the last panic alert sent from this phone (its time), for the confirmation shown */
  panicAt: number | undefined = undefined
  sending = false
  private buzzedFor = 0

  constructor(private deps: CheckInDeps) {
    makeAutoObservable<CheckInStore, 'deps' | 'buzzedFor'>(this, { deps: false, buzzedFor: false })
  }

  private key(what: string) {
    return `gwt.safety.${what}.${this.deps.estateId() ?? ''}`
  }

  async load(): Promise<void> {
    if (!this.mine) this.mine = this.deps.storage.get<SafetyMine>(this.key('mine'))
    if (!this.last) this.last = this.deps.storage.get<{ roundId: string; at: number }>(this.key('last'))
    try {
      const mine = await this.deps.api()('safety.mine', {})
      runInAction(() => (this.mine = mine))
      this.deps.storage.set(this.key('mine'), mine)
    } catch {
      // offline: the cached rhythm (or the defaults) keeps prompting
    }
  }

  get interval(): number {
    return this.mine?.checkInMinutes ?? DEFAULT_SAFETY.checkInMinutes
  }
  get on(): boolean {
    return this.interval > 0
  }

  /** When the walker's next check-in is due, by the latest of the round's start and the check-ins known. */
  get dueAt(): number | undefined {
    const r = this.deps.round()
    if (!r || !this.on) return undefined
    const times = [r.startedAt]
    const w = this.mine?.watch
    if (w && w.roundId === r.id) times.push(w.lastAt)
    if (this.last?.roundId === r.id) times.push(this.last.at)
    return Math.max(...times) + this.interval * 60_000
  }

  /** Whether the check-in is due now; the first time it is, the phone buzzes. */
  isDue(now: number): boolean {
    const due = this.dueAt
    if (due === undefined || now < due) return false
    if (this.buzzedFor !== due) {
      this.buzzedFor = due
      this.deps.buzz()
    }
    return true
  }

  /** 我安全: queued at once (offline too) with the position when the phone has one. */
  async checkIn(): Promise<boolean> {
    const r = this.deps.round()
    if (!r) return false
    this.sending = true
    const at = this.deps.now()
    const position = await this.deps.position()
    const refused = queueAndSend(
      this.deps.outbox,
      'safety.checkIn',
      { roundId: r.id, ...(position ? { position } : {}) },
      // after the round's start in the queue: the server's watch is made by it
      { record: `round:${r.id}`, summary: '报平安' }
    )
    runInAction(() => {
      this.sending = false
      this.error = refused ?? ''
      if (!refused) this.last = { roundId: r.id, at }
    })
    if (!refused) this.deps.storage.set(this.key('last'), this.last)
    return !refused
  }

  /** The panic button held: the alert goes at once, with the position when one comes within 3 s. */
  async panic(): Promise<boolean> {
    const r = this.deps.round()
    const id = this.deps.newId()
    const at = this.deps.now()
    this.deps.buzz()
    const position = await this.deps.position()
    const refused = queueAndSend(
      this.deps.outbox,
      'safety.panic',
      { id, ...(r ? { roundId: r.id } : {}), ...(position ? { position } : {}) },
      { record: `panic:${id}`, summary: '求助' }
    )
    runInAction(() => {
      this.error = refused ?? ''
      if (!refused) this.panicAt = at
    })
    return !refused
  }
}
