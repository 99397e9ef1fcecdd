/**
 * Reporting (报事) and working tasks. A report is one tap: the incident is saved on the phone
 * with its own id and sent through the outbox, so a double tap or a retry never makes two.
 * Task steps go the same way; lists show the server's state with waiting steps laid over.
 */
import { makeAutoObservable, reaction, runInAction } from 'mobx'
import type { IncidentOut, InputOf, TaskOut } from '../../../domain/contract'
import { categoryOf, type Category } from '../../../domain/work/model'
import { sameReportTap } from '../../../domain/work/incidents'
import { taskMove, type TaskAct } from '../../../domain/work/rules'
import { stepInputRefusal, type StaffAct, type StepInput } from '../../../domain/work/steps'
import type { KeyValueStorage } from '../../../services/storage'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { queueAndSend, queueShowing } from '../../send'
import { WORK_ACTIONS } from '../../../domain/contract/work'
import { RoomCache } from '../../roomCache'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(WORK_ACTIONS)

export interface WorkDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  estateId: () => string | undefined
  staffId: () => string | undefined
  now: () => number
  newId: () => string
  /** the place the person is at (their shift's post), for the report */
  place: () => string | undefined
  position: () => Promise<{ lat: number; lng: number; accuracyM: number } | undefined>
}

export interface MyReport {
  id: string
  category: Category
  at: number
  pending: boolean
  server?: IncidentOut
}

export class WorkStore {
  mine: IncidentOut[] = []
  tasks: TaskOut[] = []
  followUps: IncidentOut[] = []
  note = ''
  error = ''
  /** the task whose card a refusal is about (shown under its button, not at the foot of the list) */
  errorTask = ''
  /** the report just made: the extras screen adds to it */
  last: { id: string; category: Category } | undefined = undefined
  private lastTapAt = 0
  /** the estate's rooms on the phone: an owner's repair is for a room picked by its keys */
  readonly roomCache: RoomCache

  constructor(private deps: WorkDeps) {
    this.roomCache = new RoomCache(deps)
    makeAutoObservable<WorkStore, 'deps' | 'lastTapAt'>(this, {
      deps: false,
      lastTapAt: false,
      roomCache: false
    })
    reaction(
      () => this.deps.outbox.mine.filter((e) => e.action.startsWith('work.')).length,
      (n, before) => {
        if (n < before) void this.load()
      }
    )
  }

  private key(what: string) {
    return `gwt.work.${what}.${this.deps.staffId() ?? ''}`
  }

  async load(): Promise<void> {
    if (!this.mine.length) this.mine = this.deps.storage.get<IncidentOut[]>(this.key('mine')) ?? []
    if (!this.tasks.length) this.tasks = this.deps.storage.get<TaskOut[]>(this.key('tasks')) ?? []
    try {
      const [mine, tasks] = await Promise.all([
        this.deps.api()('work.myIncidents', {}),
        this.deps.api()('work.tasks', {})
      ])
      runInAction(() => {
        this.mine = mine
        this.tasks = tasks
        this.note = ''
      })
      this.deps.storage.set(this.key('mine'), mine)
      this.deps.storage.set(this.key('tasks'), tasks)
    } catch (e) {
      runInAction(() => (this.note = `网络不通：显示上次同步的内容（${messageOf(e)}）`))
    }
  }

  private get ops() {
    return this.deps.outbox.mine.filter((e) => e.action.startsWith('work.'))
  }

  /** My reports: the server's, with the ones still on this phone first. */
  get reports(): MyReport[] {
    const out: MyReport[] = []
    for (const e of this.ops) {
      if (e.action !== 'work.report') continue
      const i = e.input as InputOf<'work.report'>
      if (this.mine.some((m) => m.id === i.id)) continue
      const c = categoryOf(i.category)
      if (c) out.push({ id: i.id, category: c, at: e.deviceTime, pending: true })
    }
    for (const m of this.mine)
      out.push({ id: m.id, category: categoryOf(m.category)!, at: m.reportedAt, pending: false, server: m })
    return out
  }

  /** One tap: recorded at once (offline too). A second tap within two seconds is the same report. */
  report(category: string): string | undefined {
    const now = this.deps.now()
    if (this.last && sameReportTap(this.lastTapAt, now)) return this.last.id
    const cat = categoryOf(category)
    if (!cat) return undefined
    const id = this.deps.newId()
    this.error = ''
    this.errorTask = ''
    try {
      this.deps.outbox.enqueue(
        'work.report',
        { id, category, place: this.deps.place() },
        { record: `incident:${id}`, summary: `报事：${cat.label}` }
      )
    } catch (e) {
      this.error = messageOf(e)
      return undefined
    }
    this.lastTapAt = now
    this.last = { id, category: cat }
    void this.deps.outbox.sync()
    // the position, if allowed, follows as an extra: the report never waits for it
    void this.deps.position().then((position) => {
      if (!position) return
      // the report is recorded; its position is a nicety (a refusal is not shown)
      queueAndSend(
        this.deps.outbox,
        'work.reportMore',
        { incidentId: id, position },
        { record: `incident:${id}`, summary: `报事定位：${cat.label}` }
      )
    })
    return id
  }

  /** The rooms for the owner's repair (the phone's copy at once, the server's when old). */
  loadRooms(): void {
    const e = this.deps.estateId()
    if (e) void this.roomCache.load(e)
  }

  /** Whether the report just made is still only on this phone (the confirmation says so). */
  get lastPending(): boolean {
    return !!this.last && this.deps.outbox.isPending(this.last.id)
  }

  addExtras(extra: {
    note?: string
    photoIds?: string[]
    severity?: 'low' | 'normal' | 'high' | 'urgent'
    place?: string
    ownerRoom?: string
    ownerPhone?: string
  }): boolean {
    const last = this.last
    if (!last) return false
    const input = {
      incidentId: last.id,
      note: extra.note?.trim() || undefined,
      photoIds: extra.photoIds?.length ? extra.photoIds : undefined,
      severity: extra.severity,
      place: extra.place?.trim() || undefined,
      ownerRoom: extra.ownerRoom?.trim() || undefined,
      ownerPhone: extra.ownerPhone?.trim() || undefined
    }
    if (
      !input.note &&
      !input.photoIds &&
      !input.severity &&
      !input.place &&
      !input.ownerRoom &&
      !input.ownerPhone
    )
      return true
    this.errorTask = ''
    return queueShowing(this, this.deps.outbox, 'work.reportMore', input, {
      record: `incident:${last.id}`,
      summary: `补充报事：${last.category.label}`
    })
  }

  // ---- tasks ----
  /** The task with this phone's waiting steps applied. */
  get myTasks(): (TaskOut & { pending: boolean })[] {
    return this.tasks.map((t) => {
      let status = t.status
      let pending = false
      for (const e of this.ops) {
        if (
          e.action !== 'work.taskAct' ||
          (e.input as { taskId: string }).taskId !== t.id ||
          e.status === 'refused'
        )
          continue
        const m = taskMove((e.input as { act: TaskAct }).act, status)
        if (m.ok) status = m.to
        pending = true
      }
      return { ...t, status, pending }
    })
  }

  /**
   * 抢单 is a race: it is sent and its answer waited for, never shown as won before the server
   * says so. Lost: the card keeps the task with who holds it (the server's words), the refused
   * entry is dropped (nothing to retry) and the list reloads. Offline: it waits in the queue.
   */
  async grab(t: TaskOut): Promise<'won' | 'waiting' | 'lost'> {
    this.error = ''
    this.errorTask = ''
    const r = await this.deps.outbox.submit(
      'work.taskAct',
      { taskId: t.id, act: 'grab' },
      { record: `task:${t.id}`, summary: `抢单：${t.title}` }
    )
    if (r.status === 'refused') {
      if (r.opId) this.deps.outbox.discard(r.opId)
      runInAction(() => (this.lost = { ...this.lost, [t.id]: { task: t, message: r.message } }))
    }
    await this.load()
    return r.status === 'done' ? 'won' : r.status === 'waiting' ? 'waiting' : 'lost'
  }

  /** Tasks this person tried to grab and lost (shown until the page is left), by task id. */
  lost: Record<string, { task: TaskOut; message: string }> = {}

  /** The list as shown: mine and the pool, and below them the grabs just lost. */
  get shownTasks(): ((TaskOut & { pending: boolean }) & { lostTo?: string })[] {
    const list: ((TaskOut & { pending: boolean }) & { lostTo?: string })[] = this.myTasks.map((t) =>
      this.lost[t.id] && t.status === 'open' ? { ...t, lostTo: this.lost[t.id]!.message } : t
    )
    for (const [id, l] of Object.entries(this.lost))
      if (!list.some((t) => t.id === id)) list.push({ ...l.task, pending: false, lostTo: l.message })
    return list
  }

  forgetLost(): void {
    this.lost = {}
  }

  /** A step on a task, queued; refused at once when what it needs is missing (domain/work/steps.ts: stepInputRefusal). */
  act(t: TaskOut, act: StaffAct, extra: Omit<StepInput, 'act'> = {}): boolean {
    this.errorTask = t.id
    const missing = stepInputRefusal(t, { act, ...extra })
    if (missing) {
      this.error = missing.message
      return false
    }
    return queueShowing(
      this,
      this.deps.outbox,
      'work.taskAct',
      { taskId: t.id, act, ...extra },
      { record: `task:${t.id}`, summary: t.title }
    )
  }

  // ---- follow-up calls (service staff) ----
  async loadFollowUps(): Promise<void> {
    try {
      const list = await this.deps.api()('work.followUps', {})
      runInAction(() => (this.followUps = list))
    } catch (e) {
      runInAction(() => {
        this.error = messageOf(e)
        this.errorTask = ''
      })
    }
  }
  /** The owner's whole number for the call (audited on the server), or why there is none. */
  async ownerPhone(i: IncidentOut): Promise<{ phone: string } | { error: string }> {
    try {
      const r = await this.deps.api()('work.ownerPhone', { incidentId: i.id })
      return { phone: r.phone }
    } catch (e) {
      return { error: messageOf(e) }
    }
  }

  followUp(i: IncidentOut, satisfied: boolean, note: string): boolean {
    try {
      this.deps.outbox.enqueue(
        'work.followUp',
        { incidentId: i.id, satisfied, note: note.trim() || undefined },
        { record: `incident:${i.id}`, summary: `回访：${i.categoryLabel}` }
      )
      void this.deps.outbox.sync()
      this.followUps = this.followUps.filter((x) => x.id !== i.id)
      return true
    } catch (e) {
      this.error = messageOf(e)
      this.errorTask = ''
      return false
    }
  }
}
