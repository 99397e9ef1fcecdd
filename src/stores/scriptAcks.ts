import { makeAutoObservable, runInAction } from 'mobx'
import type { ScriptAckOut } from '../domain/contract'
import type { Script } from '../domain/scripts/model'
import type { Role } from '../domain/roles'
import type { KeyValueStorage } from '../services/storage'
import type { Api } from './api'
import { messageOf } from './api'
import type { OutboxStore } from './outbox'

/**
 * The part of 话术 the main package may carry: which script versions this person has confirmed
 * (read receipts). It imports only types of the script library and of the scripts contract, so
 * it costs the main package nothing until a main page uses it; whoever makes it must have loaded
 * the scripts actions (`loadActions(SCRIPTS_ACTIONS)`, src/pages/scripts/model/index.ts does).
 */
export interface ScriptAcksDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  staff: () => { id: string; roles: readonly Role[] } | undefined
  now: () => number
}

type Receipts = Record<string, { version: number; at: number }>

const acksKey = (staffId: string) => `gwt.scriptacks.${staffId}`

export class ScriptAcksStore {
  acks: Receipts = {}
  /** whose receipts `acks` holds; undefined until loaded from the cache or the server */
  acksFor: string | undefined = undefined
  loading = false
  /** why the last confirmation could not be saved */
  error = ''

  constructor(private deps: ScriptAcksDeps) {
    makeAutoObservable<ScriptAcksStore, 'deps'>(this, { deps: false })
  }

  private get staffId(): string | undefined {
    return this.deps.staff()?.id
  }

  /** The cached receipts at once (offline after a restart), then the server's. */
  async load(): Promise<void> {
    const staffId = this.staffId
    if (!staffId) return
    if (this.acksFor !== staffId) {
      const cached = this.deps.storage.get<Receipts>(acksKey(staffId))
      this.acks = cached ?? {}
      this.acksFor = cached ? staffId : undefined
    }
    this.loading = true
    try {
      const list = await this.deps.api()('scripts.myAcks', {})
      runInAction(() => {
        if (this.staffId !== staffId) return
        this.acks = merge(this.acksFor === staffId ? this.acks : {}, list)
        this.acksFor = staffId
        this.save()
      })
    } catch {
      // offline: the cache (or nothing) stands; the list just shows no 新版本 tags until known
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  private save(): void {
    const staffId = this.staffId
    if (!staffId) return
    try {
      this.deps.storage.set(acksKey(staffId), this.acks)
    } catch {
      // only a cache
    }
  }

  /** For this person's roles, and not yet confirmed at this version. */
  needsAck(script: Pick<Script, 'id' | 'version' | 'roles'>): boolean {
    const staffId = this.staffId
    if (!staffId || this.acksFor !== staffId) return false
    const roles = this.deps.staff()?.roles ?? []
    if (!script.roles.some((r) => roles.includes(r))) return false
    return (this.acks[script.id]?.version ?? 0) < script.version
  }

  /** 确认已阅读新版本: saved on the phone at once, sent through the outbox. */
  acknowledge(script: Pick<Script, 'id' | 'version' | 'title'>): boolean {
    const staffId = this.staffId
    if (!staffId) return false
    try {
      this.deps.outbox.enqueue(
        'scripts.ack',
        { scriptId: script.id, version: script.version },
        { record: `ack:${script.id}`, summary: `确认话术：${script.title}` }
      )
    } catch (e) {
      this.error = messageOf(e)
      return false
    }
    this.error = ''
    if (this.acksFor !== staffId) {
      this.acks = {}
      this.acksFor = staffId
    }
    this.acks = { ...this.acks, [script.id]: { version: script.version, at: this.deps.now() } }
    this.save()
    void this.deps.outbox.sync()
    return true
  }
}

/** Server receipts and ones still waiting in the outbox: the higher version wins. */
function merge(local: Receipts, server: ScriptAckOut[]): Receipts {
  const out = { ...local }
  for (const a of server)
    if ((out[a.scriptId]?.version ?? 0) < a.version) out[a.scriptId] = { version: a.version, at: a.at }
  return out
}
