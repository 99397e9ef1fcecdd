/**
 * Work's stored records (incidents, tasks, recurring templates, the inbox) and the named
 * queries its handlers use. Reads by id and writes go through the kit's `Repo` (the transaction
 * of a write), queries through the store.
 */
import type { Staff } from '../../domain/entities'
import type { Dept, InboxItem, Incident, Task, TaskTemplate } from '../../domain/work/model'
import { OPEN_INCIDENT_STATUSES } from '../../domain/work/incidents'
import { UNTAKEN_STATUSES } from '../../domain/work/emergency'
import { OPEN_TASK_STATUSES } from '../../domain/work/rules'
import type { Page } from '../data/port'
import { FILES, type FileDoc } from '../files/repo'
import { ROOMS } from '../estates/repo'
import { labelParts } from '../../domain/estates/roomPick'
import type { Room } from '../../domain/entities'
import { coll, Repo } from '../kit'

export const INCIDENTS = coll<Incident>('incidents')
export const TASKS = coll<Task>('tasks')
export const TEMPLATES = coll<TaskTemplate>('tasktemplates')
export const INBOX = coll<InboxItem>('inbox')
export const STAFF = coll<Staff>('staff')

/** Tasks a supervisor's list shows: every open one, and those done awaiting review. */
const LISTED_TASK_STATUSES = [...OPEN_TASK_STATUSES, 'done']

export class WorkRepo extends Repo {
  /** An estate's active people (who is told, and who is in which pool). */
  async staffOf(estateId: string): Promise<Staff[]> {
    return (
      await this.find(STAFF, {
        where: { estateIds: { has: estateId }, active: true },
        orderBy: [['createdAt', 'asc']],
        limit: 1000
      })
    ).items
  }

  /** The active person of this id in the estate (null: not there). */
  async personIn(
    estateId: string,
    staffId: string | undefined,
    opts: { active?: boolean } = {}
  ): Promise<Staff | null> {
    const a = staffId ? await this.get(STAFF, staffId) : null
    if (!a || !a.estateIds.includes(estateId) || (opts.active && !a.active)) return null
    return a
  }

  /** A person's tasks due since `since` (the newest 200). */
  async assignedTo(estateId: string, staffId: string, since: number): Promise<Task[]> {
    return (
      await this.find(TASKS, {
        where: { estateId, assigneeId: staffId, dueAt: { gte: since } },
        orderBy: [['dueAt', 'desc']],
        limit: 200
      })
    ).items
  }

  /** A department's pool: open tasks nobody has taken, soonest due first (at most 100). */
  async pool(estateId: string, dept: Dept): Promise<Task[]> {
    return (
      await this.find(TASKS, {
        where: { estateId, dept, status: 'open' },
        orderBy: [['dueAt', 'asc']],
        limit: 100
      })
    ).items
  }

  /** Open and done-awaiting-review tasks, soonest due first (at most 500). */
  async listedOpen(estateId: string): Promise<Task[]> {
    return (
      await this.find(TASKS, {
        where: { estateId, status: { in: LISTED_TASK_STATUSES } },
        orderBy: [['dueAt', 'asc']],
        limit: 500
      })
    ).items
  }

  /** Tasks due in [from, to). */
  async dueBetween(estateId: string, from: number, to: number, limit = 1000): Promise<Task[]> {
    return (
      await this.find(TASKS, {
        where: { estateId, dueAt: { gte: from, lt: to } },
        orderBy: [['dueAt', 'asc']],
        limit
      })
    ).items
  }

  /** Open tasks past due at `now`, oldest due first: one page of `limit`, `after` the last. */
  lateOpen(estateId: string, now: number, limit: number, after?: string): Promise<Page<Task>> {
    return this.find(TASKS, {
      where: { estateId, status: { in: [...OPEN_TASK_STATUSES] }, dueAt: { lt: now } },
      orderBy: [['dueAt', 'asc']],
      limit,
      after
    })
  }

  /** These tasks (by id) that exist. */
  tasksWithIds(ids: readonly string[]): Promise<Task[]> {
    return this.allIn(TASKS, '_id', ids, { orderBy: [['_id', 'asc']] })
  }

  /** These incidents (by id) that exist. */
  incidentsWithIds(ids: readonly string[]): Promise<Incident[]> {
    return this.allIn(INCIDENTS, '_id', ids, { orderBy: [['_id', 'asc']] })
  }

  /** Incidents still being worked on, oldest first (at most 200). */
  async openIncidents(estateId: string): Promise<Incident[]> {
    return (
      await this.find(INCIDENTS, {
        where: { estateId, status: { in: [...OPEN_INCIDENT_STATUSES] } },
        orderBy: [['reportedAt', 'asc']],
        limit: 200
      })
    ).items
  }

  /**
   * The estate's emergencies whose task may still be untaken (a new report or one handed back),
   * oldest first (at most 50): the home banner's read (index estateId, status, reportedAt).
   */
  async emergenciesWaiting(estateId: string): Promise<Incident[]> {
    return (
      await this.find(INCIDENTS, {
        where: { estateId, status: { in: [...UNTAKEN_STATUSES] }, emergency: true },
        orderBy: [['reportedAt', 'asc']],
        limit: 50
      })
    ).items
  }

  /** Incidents reported since `since`, oldest first (at most 1000). */
  async reportedSince(estateId: string, since: number): Promise<Incident[]> {
    return (
      await this.find(INCIDENTS, {
        where: { estateId, reportedAt: { gte: since } },
        orderBy: [['reportedAt', 'asc']],
        limit: 1000
      })
    ).items
  }

  /** What a person reported since `since`, newest first (any estate: the caller filters). */
  async reportedBy(staffId: string, since: number): Promise<Incident[]> {
    return (
      await this.find(INCIDENTS, {
        where: { reporterId: staffId, reportedAt: { gte: since } },
        orderBy: [['reportedAt', 'desc']],
        limit: 50
      })
    ).items
  }

  /** Incidents resolved or verified, reported since `since`, newest first (at most 200). */
  async resolvedSince(estateId: string, since: number): Promise<Incident[]> {
    return (
      await this.find(INCIDENTS, {
        where: { estateId, status: { in: ['resolved', 'verified'] }, reportedAt: { gte: since } },
        orderBy: [['reportedAt', 'desc']],
        limit: 200
      })
    ).items
  }

  /** A person's inbox since `since`, newest first (any estate: the caller filters). */
  async inboxOf(staffId: string, since: number): Promise<InboxItem[]> {
    return (
      await this.find(INBOX, {
        where: { staffId, at: { gte: since } },
        orderBy: [['at', 'desc']],
        limit: 100
      })
    ).items
  }

  /** An estate's active recurring templates, oldest first (the supervisor's list). */
  templatesOf(estateId: string): Promise<TaskTemplate[]> {
    return this.all(TEMPLATES, { where: { estateId, active: true }, orderBy: [['createdAt', 'asc']] })
  }

  /** Every active recurring template (of every estate: the cron's). */
  activeTemplates(): Promise<TaskTemplate[]> {
    return this.all(TEMPLATES, { where: { active: true }, orderBy: [['createdAt', 'asc']] })
  }

  /** An imported room of the estate by its label (2-1-601 or 2栋1单元601), as the gate finds it. */
  async roomByLabel(estateId: string, label: string): Promise<Room | undefined> {
    const found = await Promise.all(
      labelParts(label).map((p) =>
        this.first(ROOMS, { estateId, building: p.building, unit: p.unit, no: p.no })
      )
    )
    return found.find((r): r is Room => !!r)
  }

  /** The registered files of many photo ids in the estate, in `in` queries (a list's photos at once). */
  async filesWithIds(estateId: string, ids: readonly string[]): Promise<FileDoc[]> {
    if (!ids.length) return []
    const got = await this.allIn(FILES, '_id', [...new Set(ids)], { orderBy: [['_id', 'asc']] })
    return got.filter((f) => f.estateId === estateId)
  }

  /** The registered files of these photo ids in the estate, read at once (missing ones left out). */
  async filesIn(estateId: string, ids: readonly string[]): Promise<FileDoc[]> {
    const got = await Promise.all(ids.map((id) => this.get(FILES, id)))
    return got.filter((f): f is FileDoc => !!f && f.estateId === estateId)
  }
}
