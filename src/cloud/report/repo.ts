/**
 * The daily report's stored documents (`reports`, one per estate and day) and the named reads
 * a day's figures come from. Every read is bounded by the estate and a time range on an index
 * (src/cloud/data/schema.ts): a day of a year-old estate is a few thousand documents, never a
 * scan of its history.
 */
import type { Doc, Estate } from '../../domain/entities'
import type { Handover } from '../../domain/handover/rules'
import type { IncidentStatus } from '../../domain/work/model'
import { STAY_LOOKBACK_MS, WORK_LOOKBACK_MS } from '../../domain/report/compute'
import type { DailyReport, ReportComment } from '../../domain/report/types'
import { DAY_MS } from '../../domain/time'
import { coll, Repo } from '../kit'
import { GATE_EVENTS, GOODS_CHECKS, VEHICLE_VISITS, VISITORS } from '../gate/repo'
import { HANDOVERS } from '../handover/repo'
import { INCIDENTS, TASKS } from '../work/repo'

/** A day's report as stored: the figures once generated, and the supervisor's comment (either may come first). */
export interface ReportDoc extends Doc {
  estateId: string
  day: string
  report?: Omit<DailyReport, 'stored' | 'comment'>
  comment?: ReportComment
}
export const REPORTS = coll<ReportDoc>('reports')
const ESTATES = coll<Estate>('estates')

/** The one stored report of an estate and day. */
export const reportId = (estateId: string, day: string) => `${estateId}@${day}`

const OPEN_INCIDENT: readonly IncidentStatus[] = [
  'reported',
  'assigned',
  'accepted',
  'inProgress',
  'reopened'
]
/** How far around the day tasks due are read: work done (or sent back) on the day was due within it. */
export const TASK_DUE_WINDOW_MS = 7 * DAY_MS

export class ReportRepo extends Repo {
  stored(estateId: string, day: string): Promise<ReportDoc | null> {
    return this.get(REPORTS, reportId(estateId, day))
  }

  /** The stored reports of an estate for days in [from, to] (YYYY-MM-DD), by day. */
  storedBetween(estateId: string, from: string, to: string): Promise<ReportDoc[]> {
    return this.all(REPORTS, {
      where: { estateId, day: { gte: from, lte: to } },
      orderBy: [['day', 'asc']]
    })
  }

  estates(ids?: readonly string[]): Promise<Estate[]> {
    if (ids) return this.allIn(ESTATES, '_id', ids, { orderBy: [['_id', 'asc']] })
    return this.all(ESTATES, { orderBy: [['_id', 'asc']] })
  }

  /** The day's gate events (index estateId, at). */
  gateEvents(estateId: string, d0: number) {
    return this.all(GATE_EVENTS, {
      where: { estateId, at: { gte: d0, lt: d0 + DAY_MS } },
      orderBy: [['at', 'asc']]
    })
  }

  /**
   * Visitors in during the day or the STAY_LOOKBACK_MS before it (index estateId, inAt), and
   * those still inside now who came in earlier (index estateId, status, inAt).
   */
  async visitors(estateId: string, d0: number) {
    const from = d0 - STAY_LOOKBACK_MS
    const [recent, inside] = await Promise.all([
      this.all(VISITORS, {
        where: { estateId, inAt: { gte: from, lt: d0 + DAY_MS } },
        orderBy: [['inAt', 'asc']]
      }),
      this.all(VISITORS, {
        where: { estateId, status: 'inside', inAt: { lt: from } },
        orderBy: [['inAt', 'asc']]
      })
    ])
    return [...inside, ...recent]
  }

  /** Cars in as visitors are: the recent ones (index estateId, inAt) and outside cars still inside from before. */
  async vehicles(estateId: string, d0: number) {
    const from = d0 - STAY_LOOKBACK_MS
    const [recent, inside] = await Promise.all([
      this.all(VEHICLE_VISITS, {
        where: { estateId, inAt: { gte: from, lt: d0 + DAY_MS } },
        orderBy: [['inAt', 'asc']]
      }),
      this.all(VEHICLE_VISITS, {
        where: { estateId, status: 'inside', kind: 'outside', inAt: { lt: from } },
        orderBy: [['inAt', 'asc']]
      })
    ])
    return [...inside, ...recent]
  }

  /** The day's goods checks (index estateId, at). */
  goodsChecks(estateId: string, d0: number) {
    return this.all(GOODS_CHECKS, {
      where: { estateId, at: { gte: d0, lt: d0 + DAY_MS } },
      orderBy: [['at', 'asc']]
    })
  }

  /**
   * Incidents reported in the WORK_LOOKBACK_MS up to the day's end (index estateId, reportedAt),
   * and older ones still open now (index estateId, status, reportedAt).
   */
  async incidents(estateId: string, d0: number) {
    const end = d0 + DAY_MS
    const from = end - WORK_LOOKBACK_MS
    const [recent, older] = await Promise.all([
      this.all(INCIDENTS, {
        where: { estateId, reportedAt: { gte: from, lt: end } },
        orderBy: [['reportedAt', 'asc']]
      }),
      this.all(INCIDENTS, {
        where: { estateId, status: { in: [...OPEN_INCIDENT] }, reportedAt: { lt: from } },
        orderBy: [['reportedAt', 'asc']]
      })
    ])
    return [...older, ...recent]
  }

  /**
   * Tasks due within TASK_DUE_WINDOW_MS of the day (index estateId, dueAt) and those finished
   * on the day (index estateId, completedAt): a task is counted once.
   */
  async tasks(estateId: string, d0: number) {
    const [due, finished] = await Promise.all([
      this.all(TASKS, {
        where: { estateId, dueAt: { gte: d0 - TASK_DUE_WINDOW_MS, lt: d0 + DAY_MS + TASK_DUE_WINDOW_MS } },
        orderBy: [['dueAt', 'asc']]
      }),
      this.all(TASKS, {
        where: { estateId, completedAt: { gte: d0, lt: d0 + DAY_MS } },
        orderBy: [['completedAt', 'asc']]
      })
    ])
    const seen = new Set(due.map((t) => t._id))
    return [...due, ...finished.filter((t) => !seen.has(t._id))]
  }

  /** The day's handovers (index estateId, day, at). */
  handovers(estateId: string, day: string): Promise<Handover[]> {
    return this.all(HANDOVERS, { where: { estateId, day }, orderBy: [['at', 'asc']] })
  }
}
