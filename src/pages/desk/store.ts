/**
 * The front desk: visitor passes and goods release passes. Both are saved through the outbox
 * (a desk with a bad connection still records them); the six-digit code is assigned by the
 * server, so a pass shows its code and QR once it has synced.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { GoodsPassOut, InputOf, PassOut } from '../../domain/contract'
import type { KeyValueStorage } from '../../services/storage'
import type { Api } from '../../stores/api'
import { messageOf } from '../../stores/api'
import type { OutboxStore } from '../../stores/outbox'

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

export class DeskStore {
  passes: PassOut[] = []
  goods: GoodsPassOut[] = []
  error = ''
  note = ''
  /** the pass or goods pass just made (shown big with its code) */
  shown: { kind: 'pass' | 'goods'; id: string } | undefined = undefined

  constructor(private deps: DeskDeps) {
    makeAutoObservable<DeskStore, 'deps'>(this, { deps: false })
  }

  private key(what: string): string {
    return `gwt.desk.${what}.${this.deps.estateId() ?? ''}`
  }

  async load(): Promise<void> {
    if (!this.passes.length) this.passes = this.deps.storage.get<PassOut[]>(this.key('passes')) ?? []
    if (!this.goods.length) this.goods = this.deps.storage.get<GoodsPassOut[]>(this.key('goods')) ?? []
    try {
      const [p, g] = await Promise.all([this.deps.api()('gate.passes', {}), this.deps.api()('gate.goodsPasses', {})])
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

  /** Waiting on this phone: made here, not yet on the server (no code yet). */
  get pendingPasses(): (PassInput & { id: string })[] {
    return this.deps.outbox.mine.filter((e) => e.action === 'gate.passCreate').map((e) => e.input as PassInput & { id: string })
  }
  get pendingGoods(): (GoodsInput & { id: string })[] {
    return this.deps.outbox.mine.filter((e) => e.action === 'gate.goodsIssue').map((e) => e.input as GoodsInput & { id: string })
  }

  private async save<A extends 'gate.passCreate' | 'gate.goodsIssue' | 'gate.passRevoke' | 'gate.goodsRevoke'>(
    action: A,
    input: InputOf<A>,
    record: string,
    summary: string
  ): Promise<boolean> {
    this.error = ''
    try {
      this.deps.outbox.enqueue(action, input, { record, summary })
    } catch (e) {
      this.error = messageOf(e)
      return false
    }
    await this.deps.outbox.sync()
    await this.load()
    return true
  }

  async createPass(input: PassInput): Promise<string | undefined> {
    const id = this.deps.newId()
    const ok = await this.save('gate.passCreate', { ...input, id }, `pass:${id}`, `访客通行证：${input.visitorName}`)
    if (!ok) return undefined
    runInAction(() => (this.shown = { kind: 'pass', id }))
    return id
  }

  async issueGoods(input: GoodsInput): Promise<string | undefined> {
    const id = this.deps.newId()
    const ok = await this.save('gate.goodsIssue', { ...input, id }, `goods:${id}`, `物品放行条：${input.holderName}`)
    if (!ok) return undefined
    runInAction(() => (this.shown = { kind: 'goods', id }))
    return id
  }

  revokePass(id: string): Promise<boolean> {
    return this.save('gate.passRevoke', { passId: id }, `pass:${id}`, '作废通行证')
  }
  revokeGoods(id: string): Promise<boolean> {
    return this.save('gate.goodsRevoke', { passId: id }, `goods:${id}`, '作废放行条')
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
  get shownGoods(): GoodsPassOut | undefined {
    return this.shown?.kind === 'goods' ? this.goods.find((p) => p.id === this.shown!.id) : undefined
  }
}
