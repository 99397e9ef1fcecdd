/**
 * The daily report on the phone: one estate's day (yesterday by default, any past day by the day
 * navigation), the supervisor's comment (queued through the outbox like every record, so it is
 * kept offline and shown as 待上传 until the server has it), the share picture's draw commands
 * and the .xlsx; and the managers' side-by-side of their estates for a day with each estate's
 * 30-day trend. Rules of the figures are the cloud's (src/domain/report); these stores only read.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { XlsxOut } from '../../../domain/contract/report'
import { REPORT_ACTIONS } from '../../../domain/contract/report'
import type { CompareRow, DailyReport, FigureKey, ReportTrend } from '../../../domain/report/types'
import { COMMENT_MAX } from '../../../domain/report/types'
import { localDate, stepDay } from '../../../domain/time'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import type { KeyValueStorage } from '../../../services/storage'
import { canvasMeasure, paint, type Ctx2D } from './paint'
import { drawPicture, estimateWidth, type DrawCmd, type Measure } from './picture'
import { pictureOf } from './pictureOf'

loadActions(REPORT_ACTIONS)

export interface ReportDeps {
  api: () => Api
  outbox: OutboxStore
  /** the phone's storage: the last report read is kept there, to read again without a network */
  storage: KeyValueStorage
  estateId: () => string | undefined
  /** the signed-in person's name: the comment's author while it waits on the phone */
  staffName: () => string
  now: () => number
}

/** The latest day with a report: yesterday (the estate's day is not over before midnight). */
export function latestDay(now: number): string {
  return stepDay(localDate(now), -1, now) ?? localDate(now)
}

/** The entry of a comment waiting in the outbox, for this estate and day. */
const commentRecord = (estateId: string, date: string) => `report:${estateId}:${date}`
/** The last report read on this phone, per estate (one day kept: yesterday's, mostly). */
const cacheKey = (estateId: string) => `gwt.report.last.${estateId}`

export class ReportStore {
  date = ''
  report: DailyReport | null = null
  loading = false
  error = ''
  /** the report shown is the copy kept on the phone (the server could not be reached) */
  offline = false
  /** the comment as being typed */
  draft = ''
  editing = false
  commentError = ''
  exporting = false
  exportError = ''

  constructor(private deps: ReportDeps) {
    makeAutoObservable<ReportStore, 'deps'>(this, { deps: false })
  }

  private get estate(): string {
    return this.deps.estateId() ?? ''
  }

  get latest(): string {
    return latestDay(this.deps.now())
  }

  get isLatest(): boolean {
    return this.date >= this.latest
  }

  async load(date = this.latest): Promise<void> {
    this.date = date > this.latest ? this.latest : date
    this.loading = true
    this.error = ''
    this.editing = false
    const asked = this.date
    try {
      const r = await this.deps.api()('report.day', { date: asked })
      this.deps.storage.set(cacheKey(this.estate), r)
      runInAction(() => {
        if (this.date !== asked) return
        this.report = r
        this.offline = false
        this.draft = this.comment?.text ?? ''
      })
    } catch (e) {
      const kept = this.deps.storage.get<DailyReport>(cacheKey(this.estate))
      runInAction(() => {
        if (this.date !== asked) return
        // the phone's copy of this very day, when the server cannot be reached
        this.report = kept?.day === asked && kept.estateId === this.estate ? kept : null
        this.offline = !!this.report
        this.error = messageOf(e)
      })
    } finally {
      runInAction(() => {
        if (this.date === asked) this.loading = false
      })
    }
  }

  /** The day before or after; never past the latest report. */
  move(days: -1 | 1): void {
    const next = stepDay(this.date, days, this.deps.now())
    if (!next || next > this.latest) return
    void this.load(next)
  }

  /** A comment of this day still on the phone (not yet on the server). */
  get waitingComment(): string | undefined {
    const record = commentRecord(this.estate, this.date)
    const e = [...this.deps.outbox.mine]
      .reverse()
      .find((x) => x.action === 'report.comment' && x.record === record)
    return e ? (e.input as { comment: string }).comment : undefined
  }

  /** The comment shown: the one waiting on the phone, else the server's. */
  get comment(): { text: string; byName: string; waiting: boolean } | undefined {
    const w = this.waitingComment
    if (w !== undefined) return { text: w, byName: this.deps.staffName(), waiting: true }
    const c = this.report?.comment
    return c ? { text: c.text, byName: c.byName, waiting: false } : undefined
  }

  setDraft(s: string): void {
    this.draft = s.slice(0, COMMENT_MAX)
  }

  edit(on = true): void {
    this.editing = on
    if (on) this.draft = this.comment?.text ?? ''
    this.commentError = ''
  }

  /**
   * Saves the comment: queued first (kept offline), sent and waited for; the page shows the
   * comment at once, marked 待上传 while it waits. False when refused (the reason in commentError).
   */
  async saveComment(): Promise<boolean> {
    const text = this.draft.trim()
    if (!text) {
      this.commentError = '请先写点评'
      return false
    }
    this.commentError = ''
    const date = this.date
    const r = await this.deps.outbox.submit(
      'report.comment',
      { date, comment: text },
      { record: commentRecord(this.estate, date), summary: `日报点评：${date}` }
    )
    if (r.status === 'refused') {
      runInAction(() => (this.commentError = r.message))
      // refused by the server (not a network failure): nothing to resend
      if (r.opId) this.deps.outbox.discard(r.opId)
      return false
    }
    runInAction(() => (this.editing = false))
    if (r.status === 'done' && this.date === date) await this.load(date)
    return true
  }

  /** The share picture's draw commands (laid out with `measure`, the canvas's own when there is one). */
  picture(measure: Measure = estimateWidth): DrawCmd[] {
    if (!this.report) return []
    const c = this.comment
    return drawPicture(pictureOf(this.report, c ? { text: c.text, byName: c.byName } : undefined), measure)
  }

  /**
   * Paints the picture on a canvas's 2D context: laid out with the wider of the canvas's
   * measure and the estimate, so text fits whatever font the phone has.
   */
  paintOn(ctx: Ctx2D): void {
    const real = canvasMeasure(ctx)
    paint(
      ctx,
      this.picture((t, s, b) => Math.max(real(t, s, b), estimateWidth(t, s, b)))
    )
  }

  get pictureName(): string {
    return `日报-${this.report?.estateName ?? ''}-${this.date}.png`
  }

  /** The day's .xlsx from the server (the page hands it to the phone's export). */
  async xlsx(): Promise<XlsxOut | undefined> {
    this.exporting = true
    this.exportError = ''
    try {
      return await this.deps.api()('report.xlsx', { date: this.date })
    } catch (e) {
      runInAction(() => (this.exportError = messageOf(e)))
      return undefined
    } finally {
      runInAction(() => (this.exporting = false))
    }
  }
}

/** The figures a manager can follow over 30 days, in the trend's chips. */
export const TREND_FIGURES: readonly { key: FigureKey; label: string }[] = [
  { key: 'missedRounds', label: '漏巡' },
  { key: 'overdueIncidents', label: '超时报事' },
  { key: 'lateTasks', label: '超时任务' },
  { key: 'coveragePct', label: '巡更覆盖率' },
  { key: 'newIncidents', label: '新报事' },
  { key: 'visitors', label: '访客' },
  { key: 'vehicles', label: '车辆' }
]

export interface CompareDeps {
  api: () => Api
  /** the api speaking for one estate (report.trend is per estate) */
  apiFor: (estateId: string) => Api
  now: () => number
}

/** A manager's estates side by side for a day (worst first, as the server orders them), each with its 30-day trend. */
export class CompareStore {
  date = ''
  rows: CompareRow[] = []
  trends: Record<string, ReportTrend> = {}
  trendErrors: Record<string, string> = {}
  figure: FigureKey = 'missedRounds'
  loading = false
  error = ''

  constructor(private deps: CompareDeps) {
    makeAutoObservable<CompareStore, 'deps'>(this, { deps: false })
  }

  get latest(): string {
    return latestDay(this.deps.now())
  }

  get isLatest(): boolean {
    return this.date >= this.latest
  }

  async load(date = this.date || this.latest): Promise<void> {
    this.date = date > this.latest ? this.latest : date
    const asked = this.date
    this.loading = true
    this.error = ''
    try {
      const rows = await this.deps.api()('report.compare', { date: asked })
      runInAction(() => {
        if (this.date === asked) this.rows = rows
      })
      await this.loadTrends(rows.map((r) => r.estateId))
    } catch (e) {
      runInAction(() => {
        if (this.date !== asked) return
        this.rows = []
        this.error = messageOf(e)
      })
    } finally {
      runInAction(() => {
        if (this.date === asked) this.loading = false
      })
    }
  }

  /** Each estate's last 30 days, read once per visit of the page (they end yesterday whatever the day shown). */
  private async loadTrends(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.trends[id])
    await Promise.all(
      missing.map(async (id) => {
        try {
          const t = await this.deps.apiFor(id)('report.trend', { days: 30 })
          runInAction(() => (this.trends[id] = t))
        } catch (e) {
          runInAction(() => (this.trendErrors[id] = messageOf(e)))
        }
      })
    )
  }

  move(days: -1 | 1): void {
    const next = stepDay(this.date, days, this.deps.now())
    if (!next || next > this.latest) return
    void this.load(next)
  }

  setFigure(k: FigureKey): void {
    this.figure = k
  }
}
