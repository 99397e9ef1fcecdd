/**
 * How a report becomes an incident and its task, and how a recurring template becomes the day's
 * task: the rules the server applies, pure and tested (test/unit/domain/work/incidents.test.ts).
 */
import type {
  Category,
  Dept,
  Incident,
  IncidentStatus,
  Priority,
  Severity,
  Task,
  TaskTemplate,
  TaskType
} from './model'
import { categoryOf, dueAt } from './model'
import { dayStart, localDate, weekday } from '../time'
import { minutesOf } from '../patrol/slots'

/** An incident still being worked on: reported and not yet resolved (or reopened). */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'reported',
  'assigned',
  'accepted',
  'inProgress',
  'reopened'
]

/** An incident's task: `t-<incident id>`, so the two can be read together. */
/** A second tap on a report button within this long is the same report (a double tap), not another. */
export const SAME_REPORT_MS = 2000
export function sameReportTap(lastTapAt: number | undefined, now: number): boolean {
  return lastTapAt !== undefined && now - lastTapAt < SAME_REPORT_MS
}

export function taskIdOf(incidentId: string): string {
  return `t-${incidentId}`
}

/** The incident a task made from a report belongs to, by the id alone (undefined: none). */
export function incidentIdOfTask(taskId: string): string | undefined {
  return taskId.startsWith('t-') ? taskId.slice(2) : undefined
}

/** What a report decides before anything is stored. */
export interface IncidentPlan {
  severity: Severity
  emergency: boolean
  dueAt: number
  source: Incident['source']
}

/**
 * A report's severity (the person's choice, else the category's), whether it is an emergency
 * (the category says so, or it is urgent), when it is due (the estate's response minutes) and
 * whose it is (an owner's request comes from the owner).
 */
export function incidentPlan(
  cat: Category,
  at: number,
  opts: {
    severity?: Severity
    source?: Incident['source']
    responseMinutes?: Partial<Record<Severity, number>>
  } = {}
): IncidentPlan {
  const severity = opts.severity ?? cat.severity
  return {
    severity,
    emergency: !!cat.emergency || severity === 'urgent',
    dueAt: dueAt(at, severity, opts.responseMinutes),
    source: opts.source ?? (cat.key === 'ownerRequest' ? 'owner' : 'staff')
  }
}

/** The task fields a report's incident gets: into its department's pool, due with the incident. */
export type IncidentTask = Pick<
  Task,
  'title' | 'type' | 'place' | 'checklist' | 'dueAt' | 'priority' | 'photoRequired' | 'dept' | 'status'
>

const TYPE_OF_DEPT: Partial<Record<Dept, TaskType>> = { engineering: 'repair', cleaning: 'cleaning' }
/** The department whose work a task of this type is (the other way round of the table above). */
const DEPT_OF_TYPE: Partial<Record<TaskType, Dept>> = { repair: 'engineering', cleaning: 'cleaning' }

/**
 * How an incident becomes a task: titled by category and place, typed by the department
 * (repair, cleaning, other), high priority when high or urgent, a photo required of engineering
 * and cleaning work, open in the department's pool.
 */
export function taskForIncident(
  cat: Pick<Category, 'label' | 'dept'>,
  severity: Severity,
  due: number,
  place?: string
): IncidentTask {
  const priority: Priority = severity === 'urgent' || severity === 'high' ? 'high' : 'normal'
  return {
    title: `${cat.label}${place ? ` · ${place}` : ''}`,
    type: TYPE_OF_DEPT[cat.dept] ?? 'other',
    place: place || undefined,
    checklist: [],
    dueAt: due,
    priority,
    photoRequired: cat.dept === 'engineering' || cat.dept === 'cleaning',
    dept: cat.dept,
    status: 'open'
  }
}

/**
 * The pool a task handed back goes to: its own department; else the department of the incident it
 * came from (its category's, as `taskForIncident` routed it); else the department of its type's
 * work (repair: engineering, cleaning: cleaning); else the department of the person handing it
 * back. Undefined: no department can be found, and the hand-back is refused (an open task of no
 * department is in nobody's pool).
 */
export function handBackDept(
  t: { dept?: Dept; type?: TaskType },
  incident: Pick<Incident, 'dept' | 'category'> | undefined,
  handerDepts: readonly Dept[]
): Dept | undefined {
  return (
    t.dept ??
    (incident && (incident.dept ?? categoryOf(incident.category)?.dept)) ??
    (t.type && DEPT_OF_TYPE[t.type]) ??
    handerDepts[0]
  )
}

/** What a reporter's addition changes, and the words of its history line. */
export interface Addition {
  patch: Partial<
    Pick<
      Incident,
      | 'note'
      | 'photoIds'
      | 'place'
      | 'position'
      | 'severity'
      | 'emergency'
      | 'dueAt'
      | 'ownerRoom'
      | 'ownerPhone'
    >
  >
  /** the parts added, in Chinese; empty: nothing to add */
  parts: string[]
}

/** The most photos an incident keeps. */
export const MAX_INCIDENT_PHOTOS = 9

/**
 * A reporter adds to a report: a note replaces the note, photos join (at most nine), a place
 * replaces the place, a position is kept only if there was none, a new severity moves the due
 * time (from the report's time) and can make it an emergency.
 */
export function incidentAddition(
  i: Pick<Incident, 'photoIds' | 'position' | 'severity' | 'emergency' | 'reportedAt'>,
  add: {
    note?: string
    photoIds?: string[]
    place?: string
    position?: Incident['position']
    severity?: Severity
    ownerRoom?: string
    ownerPhone?: string
  },
  responseMinutes?: Partial<Record<Severity, number>>
): Addition {
  const patch: Addition['patch'] = {}
  const parts: string[] = []
  if (add.note) {
    patch.note = add.note
    parts.push('说明')
  }
  if (add.photoIds?.length) {
    patch.photoIds = [...new Set([...i.photoIds, ...add.photoIds])].slice(0, MAX_INCIDENT_PHOTOS)
    parts.push(`照片${add.photoIds.length}张`)
  }
  if (add.place) {
    patch.place = add.place
    parts.push('地点')
  }
  if (add.ownerRoom) {
    patch.ownerRoom = add.ownerRoom
    parts.push('业主房号')
  }
  if (add.ownerPhone) {
    patch.ownerPhone = add.ownerPhone
    parts.push('业主电话')
  }
  if (add.position && !i.position) {
    patch.position = add.position
    parts.push('定位')
  }
  if (add.severity && add.severity !== i.severity) {
    patch.severity = add.severity
    patch.emergency = i.emergency || add.severity === 'urgent'
    patch.dueAt = dueAt(i.reportedAt, add.severity, responseMinutes)
    parts.push('紧急程度')
  }
  return { patch, parts }
}

/** Open incidents on the board: the most severe first. */
export const SEVERITY_RANK: Record<Severity, number> = { urgent: 0, high: 1, normal: 2, low: 3 }

/** The id of a template's task on the day starting `d0`: made once per day, whatever runs. */
export function templateTaskId(templateId: string, d0: number): string {
  return `tpl-${templateId}-${localDate(d0)}`
}

/** Whether a template makes a task on the day of `now` (its weekdays, estate time). */
export function templateRunsOn(tpl: Pick<TaskTemplate, 'days'>, now: number): boolean {
  return tpl.days.includes(weekday(dayStart(now)))
}

/**
 * The day's task of a recurring template: due `durationMinutes` after its time, assigned to its
 * person or open in its department's pool, the checklist unticked.
 */
export function taskFromTemplate(
  tpl: TaskTemplate,
  d0: number
): Omit<Task, '_id' | '_v' | 'createdAt' | 'updatedAt' | 'history' | 'createdBy' | 'createdByName'> {
  const start = d0 + minutesOf(tpl.time) * 60_000
  return {
    estateId: tpl.estateId,
    title: tpl.title,
    type: tpl.type,
    place: tpl.place,
    checklist: tpl.checklist.map((label) => ({ label, done: false })),
    dueAt: start + tpl.durationMinutes * 60_000,
    priority: tpl.priority,
    photoRequired: tpl.photoRequired,
    dept: tpl.assigneeId ? undefined : tpl.dept,
    assigneeId: tpl.assigneeId,
    assigneeName: tpl.assigneeName,
    status: tpl.assigneeId ? 'assigned' : 'open',
    templateId: tpl._id
  }
}
