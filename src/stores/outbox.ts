import { makeAutoObservable, runInAction } from 'mobx'
import type { ActionName, InputOf } from '../domain/contract'
import { AppError, type Envelope } from '../domain/errors'
import { parseInput } from '../domain/validation'
import { actionDef, loadedActionDef } from './api'
import {
  backoffMs,
  byOrder,
  entryBytes,
  nextBatch,
  nextDue,
  STORAGE_WARN_BYTES,
  verdictOf,
  type OutboxEntry
} from '../domain/outbox'
import type { KeyValueStorage } from '../services/storage'
import type { Transport } from '../services/transport'

const INDEX_KEY = 'gwt.outbox'
const META_KEY = 'gwt.outbox.meta'
const entryKey = (id: string) => `gwt.outbox.${id}`
const BATCH_MAX = 20

export interface OutboxDeps {
  storage: KeyValueStorage
  transport: Transport
  /** The signed-in person, their token and estate; undefined when signed out. */
  session: () => { staffId?: string; token?: string; estateId?: string }
  now: () => number
  random: () => number
  newId: () => string
  /** An operation reached the server (first time or as a replay). */
  onApplied?: (entry: OutboxEntry, data: unknown) => void
  /** The server no longer accepts this session: the entries wait for the person to sign in. */
  onAuthLost?: (code: string) => void
}

export type SubmitResult =
  | { status: 'done'; opId: string }
  | { status: 'waiting'; opId: string }
  /** opId is absent when the input was refused before anything was stored */
  | { status: 'refused'; message: string; opId?: string }

export interface EnqueueOpts {
  /** Operations with the same record key reach the server in order. */
  record: string
  summary: string
}

interface Meta {
  lastSyncAt?: number
}

/**
 * Everything a person records goes through here: saved on the device before the tap is
 * confirmed, then sent in order, in batches, with backoff, until the server has it. The
 * server applies each operation once (its id is the idempotency key), so sending again after
 * a timeout is always safe.
 */
export class OutboxStore {
  entries: OutboxEntry[] = []
  syncing = false
  lastSyncAt: number | undefined = undefined
  /** Why the last attempt did not reach the server (network), cleared on success. */
  offlineReason = ''
  /** The phone has no network: its system said so, or the last attempt could not reach the server. */
  offline = false
  pausedForAuth = false
  /** Operations that reached the server since the app started (for the sync panel). */
  appliedCount = 0
  bytes = 0
  private running: Promise<void> | undefined = undefined

  constructor(private deps: OutboxDeps) {
    makeAutoObservable<OutboxStore, 'deps' | 'running'>(this, { deps: false, running: false })
  }

  /** What the phone's system says of its network (WeChat's onNetworkStatusChange, the browser's online/offline). */
  setOnline(online: boolean): void {
    this.offline = !online
  }

  /** Reads what was saved; anything caught mid-send goes back to waiting (replay is safe). */
  load(): void {
    const ids = this.deps.storage.get<string[]>(INDEX_KEY) ?? []
    const list: OutboxEntry[] = []
    let bytes = 0
    for (const id of ids) {
      const e = this.deps.storage.get<OutboxEntry>(entryKey(id))
      if (!e) continue
      if (e.status === 'sending') e.status = 'pending'
      list.push(e)
      bytes += entryBytes(e)
    }
    list.sort(byOrder)
    this.entries = list
    this.bytes = bytes
    this.lastSyncAt = this.deps.storage.get<Meta>(META_KEY)?.lastSyncAt
  }

  private get staffId(): string | undefined {
    return this.deps.session().staffId
  }

  /** This person's operations, oldest first. */
  get mine(): OutboxEntry[] {
    const id = this.staffId
    return this.entries.filter((e) => e.staffId === id)
  }
  get waiting(): OutboxEntry[] {
    return this.mine.filter((e) => e.status !== 'refused')
  }
  get refused(): OutboxEntry[] {
    return this.mine.filter((e) => e.status === 'refused')
  }
  /** Recorded on this phone by someone else: they go when that person signs in again. */
  get others(): OutboxEntry[] {
    const id = this.staffId
    return this.entries.filter((e) => e.staffId !== id)
  }
  get nearStorageLimit(): boolean {
    return this.bytes >= STORAGE_WARN_BYTES
  }
  isPending(id: string): boolean {
    return this.entries.some((e) => e.id === id || (e.input as { id?: unknown } | null)?.id === id)
  }

  /**
   * Saves the operation on the device and returns at once; the send happens in the
   * background. Bad input is refused here, with the same schema the server uses.
   */
  enqueue<A extends ActionName>(action: A, input: InputOf<A>, opts: EnqueueOpts): OutboxEntry {
    const def = actionDef(action)
    if (!def.write) throw new Error(`${action} is not a write`)
    parseInput(def.input, input)
    const { staffId, estateId } = this.deps.session()
    if (!staffId) throw new AppError('UNAUTHENTICATED')
    const id = this.deps.newId()
    const now = this.deps.now()
    // Order is what was recorded first, not what the clock says: an id made after a restart in
    // the same millisecond, or after the phone's clock went back, still goes after the rest.
    const last = this.entries.reduce((m, e) => (e.order > m ? e.order : m), '')
    const entry: OutboxEntry = {
      id,
      order: id > last ? id : `${last}~`,
      action,
      fn: def.fn,
      input,
      estateId: def.scope === 'estate' ? estateId : undefined,
      staffId,
      deviceTime: now,
      record: opts.record,
      summary: opts.summary,
      status: 'pending',
      attempts: 0,
      nextAt: now
    }
    this.persist(entry, true)
    this.entries.push(entry)
    this.bytes += entryBytes(entry)
    return entry
  }

  /**
   * For a form that waits for its answer: saves the operation, tries to send it now, and says
   * what became of this one operation: on the server, still waiting on the phone, or refused
   * (with the server's reason; the entry stays in the queue unless the caller discards it).
   * Bad input is refused before anything is stored.
   */
  async submit<A extends ActionName>(action: A, input: InputOf<A>, opts: EnqueueOpts): Promise<SubmitResult> {
    let id: string
    try {
      id = this.enqueue(action, input, opts).id
    } catch (e) {
      return { status: 'refused', message: e instanceof AppError ? e.message : '出了点问题，请稍后重试' }
    }
    const entry = () => this.mine.find((e) => e.id === id)
    await this.sync()
    // A run already under way may have left before this entry was queued: one more try.
    if (entry()?.attempts === 0) await this.sync()
    const left = entry()
    if (!left) return { status: 'done', opId: id }
    if (left.status === 'refused')
      return { status: 'refused', opId: id, message: left.lastError?.message ?? '服务器未接收' }
    return { status: 'waiting', opId: id }
  }

  /** Writes the entry, then the index: an entry is confirmed only once both are stored. */
  private persist(entry: OutboxEntry, isNew: boolean): void {
    try {
      this.deps.storage.set(entryKey(entry.id), entry)
      if (isNew) this.deps.storage.set(INDEX_KEY, [...this.entries.map((e) => e.id), entry.id])
    } catch {
      this.deps.storage.remove(entryKey(entry.id))
      throw new AppError('STORAGE_FULL')
    }
  }

  private drop(entry: OutboxEntry): void {
    this.entries = this.entries.filter((e) => e !== entry)
    this.bytes = Math.max(0, this.bytes - entryBytes(entry))
    this.deps.storage.set(
      INDEX_KEY,
      this.entries.map((e) => e.id)
    )
    this.deps.storage.remove(entryKey(entry.id))
  }

  private update(entry: OutboxEntry, patch: Partial<OutboxEntry>): void {
    Object.assign(entry, patch)
    try {
      this.deps.storage.set(entryKey(entry.id), entry)
    } catch {
      // Status changes are best effort: the entry itself is already safe on the device.
    }
  }

  /** Due now? For the periodic timer. */
  get dueAt(): number | undefined {
    const id = this.staffId
    return id ? nextDue(this.entries, id) : undefined
  }

  /** Sends what is due; concurrent calls share one run. Never throws. */
  sync(opts: { force?: boolean } = {}): Promise<void> {
    // A forced run (the network came back) must not be swallowed by a run already failing.
    if (this.running) return opts.force ? this.running.then(() => this.sync(opts)) : this.running
    if (opts.force) {
      this.pausedForAuth = false
      for (const e of this.mine) if (e.status === 'pending') this.update(e, { nextAt: this.deps.now() })
    }
    this.running = this.drain().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async drain(): Promise<void> {
    const { staffId, token } = this.deps.session()
    if (!staffId || this.pausedForAuth) return
    runInAction(() => (this.syncing = true))
    try {
      for (;;) {
        const batch = nextBatch(this.entries, { staffId, now: this.deps.now(), max: BATCH_MAX })
        if (batch.length === 0) break
        runInAction(() => batch.forEach((e) => (e.status = 'sending')))
        let env: Envelope<unknown>
        try {
          env = await this.deps.transport(
            batch[0].fn,
            {
              batch: batch.map((e) => ({
                action: e.action,
                input: e.input,
                estateId: e.estateId,
                op: { id: e.id, deviceTime: e.deviceTime }
              })),
              sentAt: this.deps.now()
            },
            token
          )
        } catch (e) {
          runInAction(() => {
            this.offlineReason = '网络不通，记录已保存在手机上，恢复网络后自动上传'
            this.offline = true
            for (const x of batch) this.retryLater(x, 'NETWORK', String((e as Error)?.message ?? e))
          })
          break
        }
        const stop = runInAction(() => this.settle(batch, env))
        if (stop) break
      }
    } finally {
      runInAction(() => {
        this.syncing = false
        for (const e of this.entries) if (e.status === 'sending') e.status = 'pending'
      })
    }
  }

  private retryLater(e: OutboxEntry, code: string, message: string): void {
    const attempts = e.attempts + 1
    const now = this.deps.now()
    this.update(e, {
      status: 'pending',
      attempts,
      nextAt: now + backoffMs(attempts, this.deps.random),
      lastError: { code, message, at: now }
    })
  }

  /** Applies the server's answers; returns true when sending should stop for now. */
  private settle(batch: OutboxEntry[], env: Envelope<unknown>): boolean {
    const now = this.deps.now()
    if (!env.ok) {
      // The request as a whole was refused (session gone, server busy): nothing was applied.
      const v = verdictOf(env.code)
      for (const e of batch) {
        if (v === 'auth')
          this.update(e, { status: 'pending', lastError: { code: env.code, message: env.message, at: now } })
        else this.retryLater(e, env.code, env.message)
      }
      if (v === 'auth') this.authLost(env.code)
      return true
    }
    const results = Array.isArray(env.data) ? (env.data as Envelope<unknown>[]) : []
    let stop = false
    this.offlineReason = ''
    this.offline = false
    this.lastSyncAt = now
    this.deps.storage.set(META_KEY, { lastSyncAt: now } satisfies Meta)
    batch.forEach((e, i) => {
      const r = results[i]
      if (!r) return this.retryLater(e, 'INTERNAL', '服务器没有回应这条记录')
      if (r.ok) {
        this.drop(e)
        this.appliedCount++
        this.deps.onApplied?.(e, r.data)
        return
      }
      const v = verdictOf(r.code)
      if (v === 'retry') this.retryLater(e, r.code, r.message)
      else if (v === 'auth') {
        this.update(e, { status: 'pending', lastError: { code: r.code, message: r.message, at: now } })
        this.authLost(r.code)
        stop = true
      } else this.update(e, { status: 'refused', lastError: { code: r.code, message: r.message, at: now } })
    })
    return stop
  }

  private authLost(code: string): void {
    this.pausedForAuth = true
    this.deps.onAuthLost?.(code)
  }

  /** After signing in again. */
  resume(): void {
    this.pausedForAuth = false
  }

  /**
   * Sends a refused operation again, as it was or with corrected input. Corrected input is a
   * new operation (new id: the server rejects a changed body under an old id) that keeps the
   * old one's place in the queue.
   */
  resend(id: string, input?: unknown): void {
    const e = this.entries.find((x) => x.id === id)
    if (!e) return
    if (input === undefined) {
      this.update(e, { status: 'pending', attempts: 0, nextAt: this.deps.now(), lastError: undefined })
      return
    }
    // Checked on the phone when this part of the contract is loaded; an operation of an area
    // not opened since the app started (a gate record resent from 我的) is checked by the server.
    const def = loadedActionDef(e.action)
    if (def) parseInput(def.input, input)
    const next: OutboxEntry = {
      ...e,
      id: this.deps.newId(),
      input,
      status: 'pending',
      attempts: 0,
      nextAt: this.deps.now(),
      lastError: undefined
    }
    this.persist(next, true)
    this.entries.push(next)
    this.bytes += entryBytes(next)
    this.drop(e)
    this.entries.sort(byOrder)
  }

  /** The person chose to give this operation up (after confirming). */
  discard(id: string): void {
    const e = this.entries.find((x) => x.id === id)
    if (e) this.drop(e)
  }
}
