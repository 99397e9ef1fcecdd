/**
 * An emergency nobody has taken yet (火情, 有人受伤, 打架斗殴, 水浸: `Category.emergency`): the red
 * banner on the home page of the managers and of the department it was sent to, read with home
 * every 30 s, until someone grabs it, it is assigned to a person, or it is done. Pure: time passed in.
 * Tested in test/unit/domain/work/emergency.test.ts.
 */
import type { Role } from '../roles'
import { hasAnyRole, MANAGER_ROLES } from '../roles'
import { formatWhen } from '../dates'
import { EMERGENCY_WATCH_ROLES } from './emergencyWatch'
import { CATEGORIES, DEPT_LABELS, DEPT_ROLES, type Dept, type Incident } from './model'

export { EMERGENCY_WATCH_ROLES }

/** The departments an emergency category sends its reports to. */
export const EMERGENCY_DEPTS: readonly Dept[] = [
  ...new Set(CATEGORIES.filter((c) => c.emergency).map((c) => c.dept))
]

/** Whether this person is shown an emergency of `dept`: the managers, and the department's own people. */
export function seesEmergency(roles: readonly Role[], dept: Dept): boolean {
  return hasAnyRole(roles, MANAGER_ROLES) || hasAnyRole(roles, DEPT_ROLES[dept])
}

/** Whether anyone may take an emergency of these departments' from this person's home (re-read every 30 s). */
export function watchesEmergencies(roles: readonly Role[]): boolean {
  return hasAnyRole(roles, EMERGENCY_WATCH_ROLES)
}

/** The incident statuses in which its task may still be untaken (a new report, or one handed back). */
export const UNTAKEN_STATUSES = ['reported', 'assigned'] as const

/**
 * An emergency still waiting for someone: not grabbed, not assigned to a person (a handed-back
 * one waits again), not resolved.
 */
export function untakenEmergency(i: Pick<Incident, 'emergency' | 'status' | 'assigneeName'>): boolean {
  return i.emergency && (UNTAKEN_STATUSES as readonly string[]).includes(i.status) && !i.assigneeName
}

/** One red banner: what, where, when, who reported it; `url` the page where it is taken. */
export interface EmergencyBanner {
  id: string
  title: string
  lines: string[]
  /** when it was reported (the banners show the oldest first) */
  at: number
  url: string
}

export function emergencyBanner(
  i: Pick<Incident, '_id' | 'categoryLabel' | 'place' | 'note' | 'reporterName' | 'reportedAt' | 'dept'>,
  roles: readonly Role[],
  now: number
): EmergencyBanner {
  const lines = [
    `地点：${i.place?.trim() || '未填写'}`,
    `${formatWhen(i.reportedAt, now)} ${i.reporterName} 上报`
  ]
  if (i.note?.trim()) lines.push(`说明：${i.note.trim()}`)
  lines.push(`在${DEPT_LABELS[i.dept]}抢单池，还没有人接`)
  return {
    id: i._id,
    title: `紧急：${i.categoryLabel}`,
    lines,
    at: i.reportedAt,
    // the managers assign it on their work board; the department's people grab it from their tasks
    url: hasAnyRole(roles, MANAGER_ROLES) ? '/pages/supervisor/work/index' : '/pages/work/tasks/index'
  }
}

/** The caller's banners from the estate's open emergencies: untaken ones of their departments, oldest first. */
export function emergencyBanners(
  incidents: readonly Pick<
    Incident,
    | '_id'
    | 'emergency'
    | 'status'
    | 'assigneeName'
    | 'categoryLabel'
    | 'place'
    | 'note'
    | 'reporterName'
    | 'reportedAt'
    | 'dept'
  >[],
  roles: readonly Role[],
  now: number
): EmergencyBanner[] {
  return incidents
    .filter((i) => untakenEmergency(i) && seesEmergency(roles, i.dept))
    .sort((a, b) => a.reportedAt - b.reportedAt)
    .map((i) => emergencyBanner(i, roles, now))
}
