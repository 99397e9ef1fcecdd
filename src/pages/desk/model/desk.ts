/**
 * The front desk: visitor passes and goods release passes. Both are saved through the outbox
 * (a desk with a bad connection still records them); the six-digit code is assigned by the
 * server, so a pass shows its code and QR once it has synced.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { ActionName, GoodsSlipOut, InputOf, PassOut } from '../../../domain/contract'
import type { KeyValueStorage } from '../../../services/storage'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { GATE_ACTIONS } from '../../../domain/contract/gate'
import { RoomCache } from '../../roomCache'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(GATE_ACTIONS)

export interface DeskDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  estateId: () => string | undefined
  now: () => number
  newId: () => string
}

type PassInput = Omit<InputOf<'gate.passCreate'>, 'id'>
type GoodsInput = Omit<InputOf<'gate.goodsIssue'>, 'id'>

/** A record made on this phone that the server has not taken yet: what was typed, and its queue entry. */
export type Waiting<T> = T & {
  id: string
  opId: string
  /** set when the server refused it: why */
  refused?: string
}

/**
 * What became of a write: on the server, waiting on the phone, or refused (the reason is in
 * `error`; a refusal the person saw on the form is not kept in the queue, the form still
 * holds what they typed).
 */
export type SaveResult = 'done' | 'waiting' | 'refused'

export class DeskStore {
  passes: PassOut[] = []
  goods: GoodsSlipOut[] = []
  private loadedFor = ''
  error = ''
  note = ''
  /** the pass or goods slip just made (shown big with its code) */
  shown: { kind: 'pass' | 'goods'; id: string } | undefined = undefined
  /** the estate's rooms on the phone, for the room keys */
  readonly roomCache: RoomCache

  constructor(private deps: DeskDeps) {
    this.roomCache = new RoomCache(deps)
    makeAutoObservable<DeskStore, 'deps'>(this, { deps: false, roomCache: false })
  }

  /** The estate's rooms for the room keys ([] when none were imported: the room is typed). */
  get rooms() {
    return this.roomCache.rooms
  }

  private key(what: string): string {
    return `gwt.desk.${what}.${this.deps.estateId() ?? ''}`
  }

  async load(): Promise<void> {
    // a switch of estate in 我的 starts over from that estate's cache
    const e = this.deps.estateId() ?? ''
    if (this.loadedFor !== e) {
      this.passes = []
      this.goods = []
      this.loadedFor = e
    }
    if (!this.passes.length) this.passes = this.deps.storage.get<PassOut[]>(this.key('passes')) ?? []
    if (!this.goods.length) this.goods = this.deps.storage.get<GoodsSlipOut[]>(this.key('goods')) ?? []
    void this.roomCache.load(e)
    try {
      const [p, g] = await Promise.all([
        this.deps.api()('gate.passes', {}),
        this.deps.api()('gate.goodsSlips', {})
      ])
      runInAction(() => {
        this.passes = p
        this.goods = g
        this.note = ''
      })
      this.deps.storage.set(this.key('passes'), p)
      this.deps.storage.set(this.key('goods'), g)
    } catch (e) {
      runInAction(() => (this.note = `离线：显示上次同步的记录（${messageOf(e)}）`))
    }
  }

  private waitingOf<T>(action: ActionName): Waiting<T>[] {
    return this.deps.outbox.mine
      .filter((e) => e.action === action)
      .map((e) => ({
        ...(e.input as T & { id: string }),
        opId: e.id,
        refused: e.status === 'refused' ? (e.lastError?.message ?? '服务器未接收') : undefined
      }))
  }
  /** Made here, not yet on the server (no code yet), or refused later by it. */
  get pendingPasses(): Waiting<PassInput>[] {
    return this.waitingOf<PassInput>('gate.passCreate')
  }
  get pendingGoods(): Waiting<GoodsInput>[] {
    return this.waitingOf<GoodsInput>('gate.goodsIssue')
  }
  /** A pass or goods slip made here and still in the queue (not refused). */
  isWaiting(id: string): boolean {
    return [...this.pendingPasses, ...this.pendingGoods].some((w) => w.id === id && !w.refused)
  }
  /** Revocations waiting to be sent: the list shows them as 作废中. */
  isRevoking(id: string): boolean {
    return this.deps.outbox.mine.some(
      (e) =>
        (e.action === 'gate.passRevoke' || e.action === 'gate.goodsRevoke') &&
        e.status !== 'refused' &&
        (e.input as { passId: string }).passId === id
    )
  }

  private async save<
    A extends 'gate.passCreate' | 'gate.goodsIssue' | 'gate.passRevoke' | 'gate.goodsRevoke'
  >(action: A, input: InputOf<A>, record: string, summary: string): Promise<SaveResult> {
    this.error = ''
    const r = await this.deps.outbox.submit(action, input, { record, summary })
    if (r.status === 'refused') {
      // refused while the form is still filled in: say why there and keep nothing in the queue
      runInAction(() => (this.error = r.message))
      if (r.opId) {
        this.deps.outbox.discard(r.opId)
        await this.load()
      }
      return 'refused'
    }
    await this.load()
    return r.status
  }

  /** The new pass's id, or undefined when it was refused (the reason is in `error`). */
  async createPass(input: PassInput): Promise<string | undefined> {
    const id = this.deps.newId()
    const r = await this.save(
      'gate.passCreate',
      { ...input, id },
      `pass:${id}`,
      `访客通行证：${input.visitorName}`
    )
    if (r === 'refused') return undefined
    runInAction(() => (this.shown = { kind: 'pass', id }))
    return id
  }

  async issueGoods(input: GoodsInput): Promise<string | undefined> {
    const id = this.deps.newId()
    const r = await this.save(
      'gate.goodsIssue',
      { ...input, id },
      `goods:${id}`,
      `物品放行条：${input.holderName}`
    )
    if (r === 'refused') return undefined
    runInAction(() => (this.shown = { kind: 'goods', id }))
    return id
  }

  async revokePass(id: string): Promise<boolean> {
    return (await this.save('gate.passRevoke', { passId: id }, `pass:${id}`, '作废通行证')) !== 'refused'
  }
  async revokeGoods(id: string): Promise<boolean> {
    return (await this.save('gate.goodsRevoke', { passId: id }, `goods:${id}`, '作废放行条')) !== 'refused'
  }

  /** Gives up a record the server refused later (after the person confirmed). */
  drop(opId: string): void {
    this.deps.outbox.discard(opId)
  }

  show(kind: 'pass' | 'goods', id: string): void {
    this.shown = { kind, id }
  }
  hide(): void {
    this.shown = undefined
  }
  get shownPass(): PassOut | undefined {
    return this.shown?.kind === 'pass' ? this.passes.find((p) => p.id === this.shown!.id) : undefined
  }
  get shownGoods(): GoodsSlipOut | undefined {
    return this.shown?.kind === 'goods' ? this.goods.find((p) => p.id === this.shown!.id) : undefined
  }
}
