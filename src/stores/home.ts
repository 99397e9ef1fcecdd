import { makeAutoObservable, runInAction } from 'mobx'
import type { HomeToday, InboxOut } from '../domain/contract'
import type { Role } from '../domain/roles'
import type { KeyValueStorage } from '../services/storage'
import type { Api } from './api'
import { messageOf } from './api'
import type { OutboxStore } from './outbox'

export interface HomeDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  staffId: () => string | undefined
  newId: () => string
  /** attendance: where the phone is (position, Wi-Fi), or why not; absent in tests that do not need it */
  locate?: () => Promise<ClockWhereIn>
  now?: () => number
}

/** What a clock-in or clock-out carries (shift.start / shift.end `where`). */
export interface ClockWhereIn {
  position?: { lat: number; lng: number; accuracyM: number }
  bssid?: string
  noPositionReason?: string
}
/**
 * Who clocks at a post that can have a place (a gate or post with position and Wi-Fi): guards.
 * Only their phone is located, and only on home (about to 上岗, or on shift for 下岗); nobody
 * else's location is read.
 */
export function clocksAtPost(roles: readonly Role[]): boolean {
  return roles.includes('guard')
}

/** A fix older than this is not sent with a clock-in (the page locates again when it shows). */
const WHERE_FRESH_MS = 3 * 60_000

export interface ShiftView {
  id: string
  post: string
  startedAt: number
  /** Not on the server yet (clock-in or clock-out waiting in the outbox). */
  pending: boolean
}

const cacheKey = (staffId: string) => `gwt.home.${staffId}`

/**
 * The home page: today's work for the signed-in person, and clocking in and out. Clocking
 * goes through the outbox, so it works with no signal; the page shows the server's state
 * with the waiting operations laid over it.
 */
export class HomeStore {
  today: HomeToday | undefined = undefined
  /** new for this person: assigned work, escalations, their reports resolved */
  inbox: InboxOut[] = []
  loading = false
  error = ''
  /** the last place the phone found for clocking (attendance), and when */
  where: { at: number; where: ClockWhereIn } | undefined = undefined

  constructor(private deps: HomeDeps) {
    makeAutoObservable<HomeStore, 'deps'>(this, { deps: false })
  }

  /** Last known state first (it works offline after a restart), then the server's. */
  async load(): Promise<void> {
    const staffId = this.deps.staffId()
    if (!staffId) return
    if (!this.today) this.today = this.deps.storage.get<HomeToday>(cacheKey(staffId))
    this.loading = true
    this.error = ''
    try {
      const [t, inbox] = await Promise.all([
        this.deps.api()('home.today', {}),
        this.deps
          .api()('work.inbox', {})
          .catch(() => this.inbox)
      ])
      runInAction(() => {
        this.today = t
        this.inbox = inbox
      })
      this.deps.storage.set(cacheKey(staffId), t)
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  /** Seen: the badge goes; the server hears through the outbox. */
  markRead(ids: string[]): void {
    if (!ids.length) return
    this.inbox = this.inbox.filter((x) => !ids.includes(x.id))
    try {
      this.deps.outbox.enqueue('work.inboxRead', { ids }, { record: `inbox:${ids[0]}`, summary: '消息已读' })
      void this.deps.outbox.sync()
    } catch {
      // nothing lost: the items come back on the next load
    }
  }

  /** Finds where the phone is, for the next clock-in or clock-out (the page calls it when it shows). */
  async locate(): Promise<void> {
    const { locate, now } = this.deps
    if (!locate || !now) return
    const where = await locate()
    runInAction(() => (this.where = { at: now(), where }))
  }

  /** Locates only people who clock at a post (clocksAtPost); anyone else's position is never read. */
  async locateToClock(roles: readonly Role[]): Promise<void> {
    if (!clocksAtPost(roles)) return
    await this.locate()
  }

  /** The fresh place to send with a clock, or nothing (the server flags 没有取得位置 where the post has one). */
  private get clockWhere(): { where?: ClockWhereIn } {
    const w = this.where
    const now = this.deps.now?.()
    return w && now !== undefined && now - w.at <= WHERE_FRESH_MS ? { where: w.where } : {}
  }

  private get shiftRecord(): string {
    return `shift:${this.deps.staffId() ?? ''}`
  }

  /** The server's shift with this person's waiting clock-ins and clock-outs applied in order. */
  get shift(): ShiftView | undefined {
    const s = this.today?.shift
    let view: ShiftView | undefined =
      s && s.status === 'on' ? { id: s._id, post: s.post, startedAt: s.startedAt, pending: false } : undefined
    for (const e of this.deps.outbox.mine) {
      if (e.record !== this.shiftRecord) continue
      if (e.action === 'shift.start') {
        const i = e.input as { id: string; post: string }
        if (view?.id !== i.id) view = { id: i.id, post: i.post, startedAt: e.deviceTime, pending: true }
      } else if (e.action === 'shift.end' && view && (e.input as { shiftId: string }).shiftId === view.id)
        view = undefined
    }
    return view
  }

  /** A clock-out is waiting to reach the server. */
  get endPending(): boolean {
    return this.deps.outbox.mine.some((e) => e.action === 'shift.end')
  }

  startShift(post: string): boolean {
    this.error = ''
    try {
      this.deps.outbox.enqueue(
        'shift.start',
        { id: this.deps.newId(), post, ...this.clockWhere },
        { record: this.shiftRecord, summary: `上岗：${post}` }
      )
      void this.deps.outbox.sync()
      return true
    } catch (e) {
      this.error = messageOf(e)
      return false
    }
  }

  endShift(): boolean {
    const s = this.shift
    if (!s) return false
    this.error = ''
    try {
      this.deps.outbox.enqueue(
        'shift.end',
        { shiftId: s.id, ...this.clockWhere },
        { record: this.shiftRecord, summary: `下岗：${s.post}` }
      )
      void this.deps.outbox.sync()
      return true
    } catch (e) {
      this.error = messageOf(e)
      return false
    }
  }
}
