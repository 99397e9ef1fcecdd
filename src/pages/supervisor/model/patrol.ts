/** The supervisor's patrol views: the day by plan, a round's timeline, the week's coverage, the QR sheet, and setup. */
import { makeAutoObservable, runInAction } from 'mobx'
import type {
  InputOf,
  PatrolDay,
  PatrolRefs,
  PatrolWeek,
  QrSheetItem,
  RoundDetail
} from '../../../domain/contract'
import { localDate, stepDay } from '../../../domain/time'
import type { CheckpointDraft, Editing, PlanForm, RouteForm } from '../../../domain/patrol/setupForm'
import type { PlanOut } from '../../../domain/contract'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { submitAndReload } from '../../send'
import { PATROL_ACTIONS } from '../../../domain/contract/patrol'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(PATROL_ACTIONS)

export interface PatrolAdminDeps {
  api: () => Api
  outbox: OutboxStore
  now: () => number
  newId: () => string
}

/** The forms this store sends and waits for. */
type SetupSave = 'patrol.checkpointSave' | 'patrol.routeSave' | 'patrol.planSave'
/** The edits of a record in use: saved at the version they were made on. */
type EditSave = 'patrol.routeSave' | 'patrol.planSave' | 'patrol.planActive' | 'patrol.checkpointRemove'

/**
 * How an edit went, for the form that sent it (its message goes by its button): saved (or, with
 * no network, waiting on the phone), or refused; `conflict` when someone else changed the record
 * since it was read: the lists are reloaded and the form is filled again from the current one.
 */
export type EditOutcome = { ok: true; waiting: boolean } | { ok: false; message: string; conflict: boolean }

export class PatrolAdminStore {
  date: string
  day: PatrolDay | undefined = undefined
  week: PatrolWeek | undefined = undefined
  detail: RoundDetail | undefined = undefined
  sheet: QrSheetItem[] = []
  refs: PatrolRefs | undefined = undefined
  error = ''

  constructor(private deps: PatrolAdminDeps) {
    this.date = localDate(deps.now())
    makeAutoObservable<PatrolAdminStore, 'deps'>(this, { deps: false })
  }

  private async get<T>(f: () => Promise<T>): Promise<T | undefined> {
    try {
      return await f()
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return undefined
    }
  }

  async load(): Promise<void> {
    this.error = ''
    const [day, week] = await Promise.all([
      this.get(() => this.deps.api()('patrol.day', { date: this.date })),
      this.get(() => this.deps.api()('patrol.week', { endDate: this.date }))
    ])
    runInAction(() => {
      this.day = day
      this.week = week
    })
  }

  /** Earlier days freely; never past today (domain/time.ts: stepDay). */
  moveDay(n: number): void {
    const d = stepDay(this.date, n, this.deps.now())
    if (!d) return
    this.date = d
    this.detail = undefined
    void this.load()
  }
  get isToday(): boolean {
    return this.date === localDate(this.deps.now())
  }

  async open(roundId: string): Promise<void> {
    const d = await this.get(() => this.deps.api()('patrol.round', { roundId }))
    runInAction(() => (this.detail = d))
  }
  close(): void {
    this.detail = undefined
  }

  async loadSheet(): Promise<void> {
    const s = await this.get(() => this.deps.api()('patrol.qrSheet', {}))
    runInAction(() => (this.sheet = s ?? []))
  }
  async loadRefs(): Promise<void> {
    const r = await this.get(() => this.deps.api()('patrol.refs', {}))
    runInAction(() => (this.refs = r))
  }

  private save<A extends SetupSave>(action: A, input: InputOf<A>, summary: string) {
    const record = `patrolsetup:${(input as { id: string }).id}`
    return submitAndReload(this, this.deps.outbox, action, input, { record, summary }, () => this.loadRefs())
  }

  /** A checkpoint as the form gives it (domain/patrol/setupForm.ts: checkpointDraft). */
  addCheckpoint(draft: CheckpointDraft): Promise<boolean> {
    return this.save('patrol.checkpointSave', { id: this.deps.newId(), ...draft }, `巡更点：${draft.name}`)
  }
  addRoute(name: string, checkpointIds: string[], ordered: boolean): Promise<boolean> {
    return this.save(
      'patrol.routeSave',
      { id: this.deps.newId(), name: name.trim(), checkpointIds, ordered },
      `巡更路线：${name}`
    )
  }
  /**
   * Sends an edit and waits for it. A CONFLICT is dropped from the outbox (it can never go
   * through as it is: the person redoes it on the current version, which the reload brings).
   */
  private async edit<A extends EditSave>(
    action: A,
    input: InputOf<A>,
    summary: string
  ): Promise<EditOutcome> {
    const record = `patrolsetup:${(input as { id: string }).id}`
    const r = await this.deps.outbox.submit(action, input, { record, summary })
    if (r.status !== 'refused') {
      await this.loadRefs()
      return { ok: true, waiting: r.status === 'waiting' }
    }
    const conflict =
      !!r.opId && this.deps.outbox.mine.find((e) => e.id === r.opId)?.lastError?.code === 'CONFLICT'
    if (conflict) this.deps.outbox.discard(r.opId!)
    if (r.opId) await this.loadRefs()
    return { ok: false, message: r.message, conflict }
  }

  /** A new route (no `editing`) or a change of one at the version it was read. */
  saveRoute(f: RouteForm, editing?: Editing): Promise<EditOutcome> {
    const name = f.name.trim()
    return this.edit(
      'patrol.routeSave',
      {
        id: editing?.id ?? this.deps.newId(),
        ...(editing ? { v: editing.v } : {}),
        name,
        checkpointIds: f.checkpointIds,
        ordered: f.ordered
      },
      `巡更路线：${name}`
    )
  }

  /** A new plan (no `editing`) or a change of one at the version it was read. */
  savePlan(f: PlanForm, editing?: Editing): Promise<EditOutcome> {
    const name = f.name.trim()
    return this.edit(
      'patrol.planSave',
      { id: editing?.id ?? this.deps.newId(), ...(editing ? { v: editing.v } : {}), ...f, name },
      `巡更计划：${name}`
    )
  }

  /** 停用 or 启用 a plan, at the version shown. */
  setPlanActive(pl: Pick<PlanOut, 'id' | 'v' | 'name'>, active: boolean): Promise<EditOutcome> {
    return this.edit(
      'patrol.planActive',
      { id: pl.id, v: pl.v, active },
      `${active ? '启用' : '停用'}巡更计划：${pl.name}`
    )
  }

  /** Removes a point that is on no route (the server refuses one that is, naming the routes). */
  removeCheckpoint(id: string, name: string): Promise<EditOutcome> {
    return this.edit('patrol.checkpointRemove', { id }, `删除巡更点：${name}`)
  }

  addPlan(f: PlanForm): Promise<boolean> {
    return this.save(
      'patrol.planSave',
      { id: this.deps.newId(), ...f, name: f.name.trim() },
      `巡更计划：${f.name}`
    )
  }
}
