/**
 * Walking rounds: the plans' rounds due now and next, a round's progress, and scans saved on
 * the phone first. A scan is checked against the route on the phone (wrong point, repeat,
 * order) so the person sees why at once, offline too; the server checks it again.
 */
import { makeAutoObservable, reaction, runInAction } from 'mobx'
import type { CheckpointOut, InputOf, PatrolRefs, RoundCard } from '../../../domain/contract'
import { acceptScan, anomaliesOf } from '../../../domain/patrol/rules'
import { endProblem } from '../../../domain/patrol/setup'
import { pointFor, walkProgress } from '../../../domain/patrol/walk'
import type { ScanMethod } from '../../../domain/patrol/model'
import type { KeyValueStorage } from '../../../services/storage'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { queueAndSend, queueShowing } from '../../send'
import { PATROL_ACTIONS } from '../../../domain/contract/patrol'
import { WORK_ACTIONS } from '../../../domain/contract/work'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(PATROL_ACTIONS)
loadActions(WORK_ACTIONS)

/** What the walker's phone records about a round. */
type RoundWrite = 'patrol.start' | 'patrol.scan' | 'patrol.end'

export interface PatrolDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  estateId: () => string | undefined
  staffName: () => string | undefined
  now: () => number
  newId: () => string
  position: () => Promise<{ lat: number; lng: number; accuracyM: number } | undefined>
}

export interface ActiveRound {
  id: string
  planId: string
  planName: string
  routeName: string
  checkpointIds: string[]
  ordered: boolean
  slotEnd: number
  pending: boolean
}

export class PatrolStore {
  refs: PatrolRefs | undefined = undefined
  cards: RoundCard[] = []
  private loadedFor = ''
  note = ''
  error = ''
  /** the point just identified, waiting for its answers */
  point: CheckpointOut | undefined = undefined
  pointMethod: ScanMethod = 'typed'
  pointValue = ''
  hint = ''
  /** anomalies just recorded at a point: one more tap makes them an incident */
  anomaly: { checkpointId: string; name: string; lines: string[]; reported: boolean } | undefined = undefined

  constructor(private deps: PatrolDeps) {
    makeAutoObservable<PatrolStore, 'deps'>(this, { deps: false })
    reaction(
      () => this.deps.outbox.mine.filter((e) => e.action.startsWith('patrol.')).length,
      (n, before) => {
        if (n < before) void this.load()
      }
    )
  }

  private key(what: string) {
    return `gwt.patrol.${what}.${this.deps.estateId() ?? ''}`
  }

  async load(): Promise<void> {
    // a switch of estate in 我的 starts over from that estate's cache
    const e = this.deps.estateId() ?? ''
    if (this.loadedFor !== e) {
      this.refs = undefined
      this.cards = []
      this.loadedFor = e
    }
    if (!this.refs) this.refs = this.deps.storage.get<PatrolRefs>(this.key('refs'))
    if (!this.cards.length) this.cards = this.deps.storage.get<RoundCard[]>(this.key('cards')) ?? []
    try {
      const [refs, cards] = await Promise.all([
        this.deps.api()('patrol.refs', {}),
        this.deps.api()('patrol.today', {})
      ])
      runInAction(() => {
        this.refs = refs
        this.cards = cards
        this.note = ''
      })
      this.deps.storage.set(this.key('refs'), refs)
      this.deps.storage.set(this.key('cards'), cards)
    } catch (e) {
      runInAction(
        () => (this.note = this.refs ? '网络不通：显示上次同步的计划，打点先保存在手机上' : messageOf(e))
      )
    }
  }

  private get ops() {
    return this.deps.outbox.mine.filter((e) => e.action.startsWith('patrol.'))
  }

  /** The round being walked: on the server, or started on this phone and not yet sent. */
  get active(): ActiveRound | undefined {
    const ended = new Set(
      this.ops.filter((e) => e.action === 'patrol.end').map((e) => (e.input as { roundId: string }).roundId)
    )
    const route = (id: string) => this.refs?.routes.find((r) => r.id === id)
    const plan = (id: string) => this.refs?.plans.find((p) => p.id === id)
    for (const e of this.ops) {
      if (e.action !== 'patrol.start') continue
      const i = e.input as InputOf<'patrol.start'>
      if (ended.has(i.id)) continue
      const p = plan(i.planId)
      const r = p && route(p.routeId)
      const card = this.cards.find((c) => c.planId === i.planId && c.slotStart === i.slotStart)
      if (p && r)
        return {
          id: i.id,
          planId: p.id,
          planName: p.name,
          routeName: r.name,
          checkpointIds: r.checkpointIds,
          ordered: r.ordered,
          slotEnd: card?.slotEnd ?? i.slotStart,
          pending: true
        }
    }
    const c = this.cards.find((x) => x.round?.status === 'inProgress' && !ended.has(x.round.id))
    // the route the round started with (the server keeps it): a supervisor's edit since does not move it
    const r = c && (c.round!.route ?? route(c.round!.routeId))
    if (!c || !r) return undefined
    return {
      id: c.round!.id,
      planId: c.planId,
      planName: c.planName,
      routeName: r.name,
      checkpointIds: r.checkpointIds,
      ordered: r.ordered,
      slotEnd: c.slotEnd,
      pending: false
    }
  }

  /** Points done in the active round: the server's and this phone's waiting scans. */
  get scanned(): string[] {
    const a = this.active
    if (!a) return []
    const server = this.cards.find((c) => c.round?.id === a.id)?.round?.scannedIds ?? []
    const mine = this.ops
      .filter(
        (e) =>
          e.action === 'patrol.scan' &&
          e.status !== 'refused' &&
          (e.input as { roundId: string }).roundId === a.id
      )
      .map((e) => this.pointOf(e.input as InputOf<'patrol.scan'>)?.id ?? '')
    return [...new Set([...server, ...mine.filter(Boolean)])]
  }

  /** Points of the active round whose scan is still on this phone (待上传): shown as not uploaded. */
  get waitingScans(): string[] {
    const a = this.active
    if (!a) return []
    return this.ops
      .filter(
        (e) =>
          e.action === 'patrol.scan' &&
          e.status !== 'refused' &&
          (e.input as { roundId: string }).roundId === a.id
      )
      .map((e) => this.pointOf(e.input as InputOf<'patrol.scan'>)?.id ?? '')
      .filter(Boolean)
  }

  /** A round ended on this phone whose end has not reached the server yet (its card still says 巡逻中). */
  endWaiting(roundId: string | undefined): boolean {
    return (
      !!roundId &&
      this.ops.some(
        (e) =>
          e.action === 'patrol.end' &&
          e.status !== 'refused' &&
          (e.input as { roundId: string }).roundId === roundId
      )
    )
  }

  /** Which checkpoint a scan is for, from what was scanned (QR, tag or typed code). */
  pointOf(i: { method: ScanMethod; value: string }): CheckpointOut | undefined {
    const found = pointFor(this.refs?.checkpoints ?? [], i.method, i.value, this.refs?.nfcSalt)
    return found.ok ? found.point : undefined
  }

  name(id: string): string {
    return this.refs?.checkpoints.find((c) => c.id === id)?.name ?? '巡更点'
  }

  /** How far the active round has got (domain/patrol/walk.ts: walkProgress). */
  get progress(): ReturnType<typeof walkProgress> | undefined {
    const a = this.active
    return a && walkProgress(a.checkpointIds, this.scanned)
  }

  get nextPoint(): string | undefined {
    return this.progress?.next
  }

  private save<A extends RoundWrite>(action: A, input: InputOf<A>, record: string, summary: string) {
    return queueShowing(this, this.deps.outbox, action, input, { record, summary })
  }

  startRound(card: RoundCard): boolean {
    const id = this.deps.newId()
    return this.save(
      'patrol.start',
      { id, planId: card.planId, slotStart: card.slotStart },
      `round:${id}`,
      `开始巡更：${card.planName}`
    )
  }

  /**
   * Identify the point from what was scanned or typed; explain at once when it does not fit. A
   * signed NFC tag is matched by its UID (`raw`) and sent as its SUN message (`signed`), which
   * the server verifies.
   */
  identify(method: ScanMethod, raw: string, signed?: string): boolean {
    this.hint = ''
    this.error = ''
    const a = this.active
    if (!a || !this.refs) return false
    const found = pointFor(this.refs.checkpoints, method, raw, this.refs.nfcSalt)
    if (!found.ok) return this.fail(found.message)
    const cp = found.point
    const other = this.refs.routes.find(
      (r) => r.checkpointIds.includes(cp.id) && r.name !== a.routeName
    )?.name
    const v = acceptScan(
      { name: a.routeName, checkpointIds: a.checkpointIds, ordered: a.ordered },
      this.scanned,
      cp.id,
      (id) => this.name(id),
      other
    )
    if (!v.ok) return this.fail(v.reason)
    if (v.outOfOrder && v.note) this.hint = v.note
    this.point = cp
    this.pointMethod = method
    this.pointValue = method === 'typed' ? cp.code : (signed ?? raw)
    return true
  }

  private fail(msg: string): false {
    this.error = msg
    return false
  }

  cancelPoint(): void {
    this.point = undefined
    this.hint = ''
  }

  /** Record the point with its answers (all OK is the default). Returns the anomalies found. */
  async record(answers: Record<string, string>): Promise<string[] | undefined> {
    const a = this.active
    const cp = this.point
    if (!a || !cp) return undefined
    const position = await this.deps.position()
    const anomalies = anomaliesOf(cp.questions, answers)
    const ok = this.save(
      'patrol.scan',
      {
        id: this.deps.newId(),
        roundId: a.id,
        method: this.pointMethod,
        value: this.pointValue,
        position,
        answers
      },
      `round:${a.id}`,
      `巡更打点：${cp.name}`
    )
    if (!ok) return undefined
    runInAction(() => {
      this.point = undefined
      this.anomaly = anomalies.length
        ? { checkpointId: cp.id, name: cp.name, lines: anomalies, reported: false }
        : undefined
    })
    return anomalies
  }

  /** The anomaly as an incident: category, place, note and the photos taken of it; it goes to the department like any report. */
  reportAnomaly(category = 'other', photoIds: string[] = []): boolean {
    const a = this.anomaly
    if (!a || a.reported) return false
    const id = this.deps.newId()
    const refused = queueAndSend(
      this.deps.outbox,
      'work.report',
      {
        id,
        category,
        place: a.name,
        checkpointId: a.checkpointId,
        note: `巡更发现：${a.lines.join('；')}`,
        ...(photoIds.length ? { photoIds } : {})
      },
      { record: `incident:${id}`, summary: `报事：${a.name}异常` }
    )
    if (refused !== undefined) {
      this.error = refused
      return false
    }
    this.anomaly = { ...a, reported: true }
    return true
  }
  dismissAnomaly(): void {
    this.anomaly = undefined
  }

  endRound(reason?: string): boolean {
    const a = this.active
    if (!a) return false
    const problem = endProblem(
      a.checkpointIds.filter((id) => !this.scanned.includes(id)).map((id) => this.name(id)),
      reason?.trim()
    )
    if (problem) return this.fail(problem.message)
    return this.save(
      'patrol.end',
      { roundId: a.id, reason: reason?.trim() || undefined },
      `round:${a.id}`,
      `结束巡更：${a.planName}`
    )
  }
}
