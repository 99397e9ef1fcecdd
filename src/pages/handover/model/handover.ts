/**
 * The shift handover on the phone: the outgoing guard's list (the server's for the post, or,
 * offline, built from the cached gate board with this phone's waiting records laid over it),
 * the handover and the acceptance queued through the outbox like every record, and the
 * supervisor's day. Rules in src/domain/handover/rules.ts.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { GateBoard, GateRefs, HandoverOut } from '../../../domain/contract'
import { HANDOVER_ACTIONS } from '../../../domain/contract/handover'
import {
  buildItems,
  confirmText,
  differences,
  gateOfPost,
  insideWithWaiting,
  openCount,
  type HandoverItem,
  type HandoverKey,
  type ItemCheck
} from '../../../domain/handover/rules'
import { localDate } from '../../../domain/time'
import type { KeyValueStorage } from '../../../services/storage'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { queueShowing } from '../../send'

loadActions(HANDOVER_ACTIONS)

export interface HandoverDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  estateId: () => string | undefined
  /** the open shift (post and start), as the home page shows it */
  shift: () => { post: string; startedAt: number } | undefined
  /** clocks out through the home store (the outbox's shift.end) */
  endShift: () => boolean
  now: () => number
  newId: () => string
}

/** The gate store's caches (src/pages/gate/model/gate.ts): the board and the refs, per estate. */
const boardKey = (estate: string) => `gwt.gate.board.${estate}`
const refsKey = (estate: string) => `gwt.gate.refs.${estate}`
const pendingKey = (estate: string, post: string) => `gwt.handover.pending.${estate}.${post}`

/** The incoming guard's word on one item, as the form holds it. */
export interface CheckForm {
  differs: boolean
  found: number
  note: string
}

export class HandoverStore {
  // ---- going off shift ----
  post = ''
  items: HandoverItem[] = []
  /** built on the phone (no network): says so on the page */
  offline = false
  note = ''
  loading = false
  error = ''
  submitted = false

  // ---- going on shift ----
  pending: HandoverOut | null = null
  checks: Partial<Record<HandoverKey, CheckForm>> = {}
  acceptNote = ''
  accepted = false
  /** the handover was taken by someone else (the server said so) */
  taken = ''

  constructor(private deps: HandoverDeps) {
    makeAutoObservable<HandoverStore, 'deps'>(this, { deps: false })
  }

  private get estate(): string {
    return this.deps.estateId() ?? ''
  }

  /** The list of the post now: the server's, or the phone's when the server cannot be reached. */
  async loadOut(): Promise<void> {
    const shift = this.deps.shift()
    this.submitted = false
    this.error = ''
    this.note = ''
    if (!shift) {
      this.post = ''
      this.items = []
      return
    }
    this.post = shift.post
    this.loading = true
    try {
      const d = await this.deps.api()('handover.draft', { post: shift.post })
      runInAction(() => {
        this.items = d.items
        this.offline = false
      })
    } catch {
      runInAction(() => {
        this.items = this.itemsOnPhone(shift.post, shift.startedAt)
        this.offline = true
      })
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  /** Offline: the cached board with this phone's waiting gate records, at the post's gate. */
  itemsOnPhone(post: string, since: number): HandoverItem[] {
    const board = this.deps.storage.get<GateBoard>(boardKey(this.estate))
    const refs = this.deps.storage.get<GateRefs>(refsKey(this.estate))
    const gate = gateOfPost(
      post,
      refs?.gates ?? (board ? [...new Set(board.visitors.map((v) => v.gate))] : [])
    )
    const waiting = this.deps.outbox.mine.filter((e) => e.action.startsWith('gate.'))
    const inside = insideWithWaiting(
      { visitors: board?.visitors ?? [], vehicles: (board?.vehicles ?? []).map((v) => ({ ...v })) },
      waiting,
      gate ?? ''
    )
    const now = this.deps.now()
    return buildItems(inside, { gate, since, now, today: localDate(now) })
  }

  get openCount(): number {
    return openCount(this.items)
  }

  /** The one question before 下岗 with things still open; '' when nothing is. */
  get confirmText(): string {
    return confirmText(this.items)
  }

  setNote(s: string): void {
    this.note = s
  }

  /** The handover, then the clock-out: both queued (offline too), in that order. */
  submit(): boolean {
    if (!this.post || this.submitted) return false
    const id = this.deps.newId()
    const note = this.note.trim()
    const queued = queueShowing(
      this,
      this.deps.outbox,
      'handover.submit',
      { id, post: this.post, items: this.items, ...(note ? { note } : {}) },
      { record: `handover:${id}`, summary: `交班：${this.post}` }
    )
    if (!queued) return false
    this.deps.endShift()
    this.submitted = true
    return true
  }

  // ---- going on shift ----

  /** The post's waiting handover: the server's, or the last one this phone saw offline. */
  async loadIn(post: string): Promise<void> {
    this.post = post
    this.error = ''
    this.accepted = false
    this.taken = ''
    this.acceptNote = ''
    this.loading = true
    try {
      const p = await this.deps.api()('handover.pending', { post })
      this.deps.storage.set(pendingKey(this.estate, post), p)
      runInAction(() => this.setPending(p))
    } catch (e) {
      const cached = this.deps.storage.get<HandoverOut | null>(pendingKey(this.estate, post)) ?? null
      runInAction(() => {
        this.setPending(cached)
        if (!cached) this.error = messageOf(e)
      })
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  private setPending(p: HandoverOut | null): void {
    this.pending = p
    this.checks = {}
    for (const i of p?.items ?? []) this.checks[i.key] = { differs: false, found: i.count, note: '' }
  }

  setCheck(key: HandoverKey, patch: Partial<CheckForm>): void {
    const c = this.checks[key]
    if (c) this.checks[key] = { ...c, ...patch }
  }

  setAcceptNote(s: string): void {
    this.acceptNote = s
  }

  /** What the form says, item by item: the listed count where it matches. */
  get checkList(): ItemCheck[] {
    return (this.pending?.items ?? []).map((i) => {
      const c = this.checks[i.key]
      if (!c?.differs) return { key: i.key, found: i.count }
      const note = c.note.trim()
      return { key: i.key, found: c.found, ...(note ? { note } : {}) }
    })
  }

  get differenceTexts(): string[] {
    return differences(this.pending?.items ?? [], this.checkList).map((d) => d.text)
  }

  /** Accepts: sent and waited for online (a handover someone else took is said at once), queued offline. */
  async accept(): Promise<boolean> {
    const p = this.pending
    if (!p || this.accepted) return false
    this.error = ''
    const note = this.acceptNote.trim()
    const r = await this.deps.outbox.submit(
      'handover.accept',
      { handoverId: p.id, checks: this.checkList, ...(note ? { note } : {}) },
      { record: `handover:${p.id}`, summary: `接班：${p.post}（${p.fromName}交）` }
    )
    runInAction(() => {
      if (r.status === 'refused') {
        if (r.opId) {
          // the server's answer (taken by someone else): the entry is not kept for a resend
          this.taken = r.message
          this.deps.outbox.discard(r.opId)
        } else this.error = r.message
        return
      }
      this.accepted = true
      this.deps.storage.set(pendingKey(this.estate, p.post), null)
    })
    return r.status !== 'refused'
  }
}

/** The supervisor's day: each post's handovers and their differences. */
export class HandoverDayStore {
  list: HandoverOut[] = []
  error = ''
  loading = false

  constructor(private deps: { api: () => Api; now: () => number }) {
    makeAutoObservable<HandoverDayStore, 'deps'>(this, { deps: false })
  }

  async load(date = localDate(this.deps.now())): Promise<void> {
    this.loading = true
    this.error = ''
    try {
      const list = await this.deps.api()('handover.day', { date })
      runInAction(() => (this.list = list))
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }
}
