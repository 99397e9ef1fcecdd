/**
 * Attendance (考勤) on the manager's phone: the day's clock-ins per post and person (late, early,
 * absent, flagged), a post's weekly schedule edited and saved with its version (a stale save is
 * the server's CONFLICT, shown as it says), and a month's sheet as .xlsx. The rules are the
 * cloud's (src/domain/attendance); this store only reads and sends.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import {
  ATTENDANCE_ACTIONS,
  type AttendanceDayOut,
  type AttendanceSheetOut,
  type PostScheduleOut,
  type SchedulesOut
} from '../../../domain/contract/attendance'
import type { ScheduleSlot } from '../../../domain/attendance/schedule'
import { scheduleProblem } from '../../../domain/attendance/schedule'
import { localDate, stepDay } from '../../../domain/time'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import { AppError } from '../../../domain/errors'

loadActions(ATTENDANCE_ACTIONS)

export interface AttendanceDeps {
  api: () => Api
  newId: () => string
  now: () => number
}

/** The month before `now`'s (the sheet usually wanted: the last full month), 'YYYY-MM'. */
export function lastMonth(now: number): string {
  const [y, m] = localDate(now).split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** `month` moved by n months, never past `now`'s month. */
export function stepMonth(month: string, n: number, now: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + n
  const next = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
  return next > localDate(now).slice(0, 7) ? month : next
}

export class AttendanceStore {
  date: string
  day: AttendanceDayOut | undefined = undefined
  dayError = ''
  dayLoading = false

  posts: PostScheduleOut[] = []
  people: SchedulesOut['people'] = []
  postId = ''
  /** the slots being edited for postId */
  slots: ScheduleSlot[] = []
  dirty = false
  saving = false
  scheduleError = ''
  saved = false

  month: string
  exporting = false
  exportError = ''
  exported: { filename: string; rows: number } | undefined = undefined

  constructor(private deps: AttendanceDeps) {
    this.date = localDate(deps.now())
    this.month = lastMonth(deps.now())
    makeAutoObservable<AttendanceStore, 'deps'>(this, { deps: false })
  }

  get isToday(): boolean {
    return this.date === localDate(this.deps.now())
  }

  async loadDay(): Promise<void> {
    const date = this.date
    this.dayLoading = true
    this.dayError = ''
    try {
      const d = await this.deps.api()('attendance.day', { date })
      runInAction(() => {
        if (this.date === date) this.day = d
      })
    } catch (e) {
      runInAction(() => (this.dayError = messageOf(e)))
    } finally {
      runInAction(() => (this.dayLoading = false))
    }
  }

  moveDay(n: -1 | 1): void {
    const d = stepDay(this.date, n, this.deps.now())
    if (!d) return
    this.date = d
    this.day = undefined
    void this.loadDay()
  }

  async loadSchedules(): Promise<void> {
    this.scheduleError = ''
    try {
      const s = await this.deps.api()('attendance.schedules', {})
      runInAction(() => {
        this.posts = s.posts
        this.people = s.people
        const keep = s.posts.find((p) => p.postId === this.postId) ?? s.posts[0]
        this.pick(keep?.postId ?? '')
      })
    } catch (e) {
      runInAction(() => (this.scheduleError = messageOf(e)))
    }
  }

  get post(): PostScheduleOut | undefined {
    return this.posts.find((p) => p.postId === this.postId)
  }

  /** Edits another post (unsaved changes to the current one are dropped). */
  pick(postId: string): void {
    this.postId = postId
    this.slots = (this.post?.slots ?? []).map((s) => ({ ...s, days: [...s.days], staffIds: [...s.staffIds] }))
    this.dirty = false
    this.saved = false
    this.scheduleError = ''
  }

  private edit(slotId: string, f: (s: ScheduleSlot) => void): void {
    const s = this.slots.find((x) => x.id === slotId)
    if (!s) return
    f(s)
    this.dirty = true
    this.saved = false
  }

  addSlot(): void {
    this.slots.push({
      id: this.deps.newId(),
      days: [1, 2, 3, 4, 5, 6, 0],
      start: '08:00',
      end: '20:00',
      staffIds: []
    })
    this.dirty = true
    this.saved = false
  }

  removeSlot(slotId: string): void {
    this.slots = this.slots.filter((s) => s.id !== slotId)
    this.dirty = true
    this.saved = false
  }

  setTime(slotId: string, which: 'start' | 'end', hhmm: string): void {
    this.edit(slotId, (s) => (s[which] = hhmm))
  }

  toggleDay(slotId: string, day: number): void {
    this.edit(
      slotId,
      (s) => (s.days = s.days.includes(day) ? s.days.filter((d) => d !== day) : [...s.days, day])
    )
  }

  togglePerson(slotId: string, staffId: string): void {
    this.edit(slotId, (s) => {
      s.staffIds = s.staffIds.includes(staffId)
        ? s.staffIds.filter((x) => x !== staffId)
        : [...s.staffIds, staffId]
    })
  }

  /** Saves with the version it was read at; a change by someone else in between is CONFLICT, said on screen. */
  async save(): Promise<boolean> {
    const post = this.post
    if (!post) return false
    const problem = scheduleProblem(this.slots)
    if (problem) {
      this.scheduleError = problem.message
      return false
    }
    this.saving = true
    this.scheduleError = ''
    try {
      const out = await this.deps.api()('attendance.scheduleSave', {
        postId: post.postId,
        slots: this.slots,
        overrides: post.overrides,
        v: post.v
      })
      runInAction(() => {
        this.posts = this.posts.map((p) => (p.postId === out.postId ? out : p))
        this.pick(out.postId)
        this.saved = true
      })
      return true
    } catch (e) {
      runInAction(() => {
        this.scheduleError =
          e instanceof AppError && e.code === 'CONFLICT'
            ? `${e.message}（点“刷新”取最新的排班）`
            : messageOf(e)
      })
      return false
    } finally {
      runInAction(() => (this.saving = false))
    }
  }

  moveMonth(n: -1 | 1): void {
    this.month = stepMonth(this.month, n, this.deps.now())
    this.exported = undefined
  }

  /** The month's sheet from the server, or undefined (the reason in exportError). */
  async monthXlsx(): Promise<AttendanceSheetOut | undefined> {
    this.exporting = true
    this.exportError = ''
    try {
      const f = await this.deps.api()('attendance.monthXlsx', { month: this.month })
      runInAction(() => (this.exported = { filename: f.filename, rows: f.rows }))
      return f
    } catch (e) {
      runInAction(() => (this.exportError = messageOf(e)))
      return undefined
    } finally {
      runInAction(() => (this.exporting = false))
    }
  }
}
