/**
 * Incidents (报事) and tasks (任务), one closed loop: an incident is routed by its category to
 * a department and becomes a task; completing the task resolves the incident. Pure data and
 * rules; time is passed in.
 */
import type { TimeFlag } from '../time/eventTime'
import type { Doc } from '../entities'
import type { Role } from '../roles'

export const DEPTS = ['engineering', 'cleaning', 'security', 'service'] as const
export type Dept = (typeof DEPTS)[number]
export const DEPT_LABELS: Record<Dept, string> = {
  engineering: '工程部',
  cleaning: '清洁部',
  security: '保安部',
  service: '客服部'
}
/** Who works in which department's pool. */
export const DEPT_ROLES: Record<Dept, readonly Role[]> = {
  engineering: ['engineer'],
  cleaning: ['cleaner'],
  security: ['guard', 'patrol'],
  service: ['service', 'housekeeper']
}
export function deptsOf(roles: readonly Role[]): Dept[] {
  return DEPTS.filter((d) => DEPT_ROLES[d].some((r) => roles.includes(r)))
}

export type Severity = 'low' | 'normal' | 'high' | 'urgent'
export const SEVERITY_LABELS: Record<Severity, string> = {
  low: '一般',
  normal: '普通',
  high: '紧急',
  urgent: '特急'
}

export interface Category {
  key: string
  label: string
  icon: string
  dept: Dept
  severity: Severity
  /** an emergency: the reporter gets the emergency script and the supervisor is told at once */
  emergency?: boolean
}

/** The grid a person taps: what people on duty actually see. */
export const CATEGORIES: readonly Category[] = [
  { key: 'leak', label: '漏水', icon: '💧', dept: 'engineering', severity: 'high' },
  { key: 'light', label: '灯坏了', icon: '💡', dept: 'engineering', severity: 'normal' },
  { key: 'elevator', label: '电梯故障', icon: '🛗', dept: 'engineering', severity: 'high' },
  { key: 'door', label: '门禁/门锁', icon: '🚪', dept: 'engineering', severity: 'normal' },
  { key: 'rubbish', label: '垃圾/污渍', icon: '🗑️', dept: 'cleaning', severity: 'low' },
  { key: 'fireExit', label: '消防通道堵塞', icon: '🚫', dept: 'security', severity: 'high' },
  { key: 'fireLane', label: '占用消防车道', icon: '🚗', dept: 'security', severity: 'high' },
  { key: 'suspicious', label: '可疑人员', icon: '👀', dept: 'security', severity: 'high' },
  { key: 'noise', label: '噪音扰民', icon: '🔊', dept: 'service', severity: 'normal' },
  { key: 'ownerRequest', label: '业主报修', icon: '🏠', dept: 'engineering', severity: 'normal' },
  { key: 'fire', label: '火情', icon: '🔥', dept: 'security', severity: 'urgent', emergency: true },
  {
    key: 'injury',
    label: '有人受伤/摔倒',
    icon: '🚑',
    dept: 'security',
    severity: 'urgent',
    emergency: true
  },
  { key: 'fight', label: '打架斗殴', icon: '⚠️', dept: 'security', severity: 'urgent', emergency: true },
  { key: 'flood', label: '水浸', icon: '🌊', dept: 'engineering', severity: 'urgent', emergency: true },
  { key: 'other', label: '其他', icon: '📝', dept: 'service', severity: 'normal' }
]
export function categoryOf(key: string): Category | undefined {
  return CATEGORIES.find((c) => c.key === key)
}

/** Minutes from report to done, by severity (an estate may set its own). Engineering repairs: on site within two hours. */
export const RESPONSE_MINUTES: Record<Severity, number> = { urgent: 30, high: 120, normal: 120, low: 24 * 60 }
export function dueAt(
  reportedAt: number,
  severity: Severity,
  estateMinutes?: Partial<Record<Severity, number>>
): number {
  return reportedAt + (estateMinutes?.[severity] ?? RESPONSE_MINUTES[severity]) * 60_000
}

export type IncidentStatus =
  'reported' | 'assigned' | 'accepted' | 'inProgress' | 'resolved' | 'verified' | 'reopened'
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  reported: '已上报',
  assigned: '已派单',
  accepted: '已接单',
  inProgress: '处理中',
  resolved: '已处理',
  verified: '已验收',
  reopened: '已退回重做'
}

export interface HistoryEntry {
  at: number
  by: string
  byName: string
  what: string
  note?: string
}

export interface Incident extends Doc {
  estateId: string
  category: string
  categoryLabel: string
  severity: Severity
  emergency: boolean
  dept: Dept
  status: IncidentStatus
  place?: string
  checkpointId?: string
  position?: { lat: number; lng: number; accuracyM: number }
  note?: string
  photoIds: string[]
  /** raised by an owner through staff (gets a follow-up call) */
  source: 'staff' | 'owner'
  ownerRoom?: string
  /** the number the owner gave for this repair (whole; answers show it masked, work.ownerPhone gives it, audited) */
  ownerPhone?: string
  /**
   * who reported it (报事人): an incident's recorder, as `createdBy`/`createdByName` is a task's and
   * `by`/`byName` a history entry's; stored and indexed under these names, so they stay
   */
  reporterId: string
  reporterName: string
  reportedAt: number
  deviceAt: number
  dueAt: number
  taskId: string
  /** who has its task now */
  assigneeName?: string
  resolvedAt?: number
  resolutionNote?: string
  afterPhotoIds?: string[]
  verifiedAt?: number
  followUp?: { satisfied: boolean; note?: string; at: number; byName: string }
  escalatedAt?: number
  history: HistoryEntry[]
}

export const TASK_TYPES = [
  'cleaning',
  'inspection',
  'repair',
  'greening',
  'delivery',
  'followUp',
  'other'
] as const
export type TaskType = (typeof TASK_TYPES)[number]
export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  cleaning: '保洁',
  inspection: '巡检',
  repair: '维修',
  greening: '绿化',
  delivery: '派送',
  followUp: '回访',
  other: '其他'
}
export type TaskStatus = 'open' | 'assigned' | 'accepted' | 'inProgress' | 'done' | 'closed'
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: '待抢单',
  assigned: '待接单',
  accepted: '已接单',
  inProgress: '进行中',
  done: '待验收',
  closed: '已完成'
}
export type Priority = 'low' | 'normal' | 'high'
export const PRIORITY_LABELS: Record<Priority, string> = { low: '低', normal: '中', high: '高' }

export interface Task extends Doc {
  estateId: string
  title: string
  type: TaskType
  place?: string
  checklist: { label: string; done: boolean }[]
  dueAt: number
  priority: Priority
  photoRequired: boolean
  /** a department pool (抢单) when nobody is assigned */
  dept?: Dept
  assigneeId?: string
  assigneeName?: string
  status: TaskStatus
  incidentId?: string
  templateId?: string
  /** who recorded the task (a supervisor, the reporter of its incident, or 'cron'): not who does it, that is the assignee */
  createdBy: string
  createdByName: string
  completedAt?: number
  completionNote?: string
  completionPhotoIds?: string[]
  escalatedAt?: number
  history: HistoryEntry[]
  /** a step's phone time was not believed: the server's is stored (domain/time/eventTime.ts) */
  timeFlag?: TimeFlag
}

/** A recurring task: the cron function makes one each day (or on the given weekdays) at `time`. */
export interface TaskTemplate extends Doc {
  estateId: string
  title: string
  type: TaskType
  place?: string
  checklist: string[]
  priority: Priority
  photoRequired: boolean
  dept?: Dept
  assigneeId?: string
  assigneeName?: string
  time: string
  days: number[]
  /** minutes after `time` the task is due */
  durationMinutes: number
  active: boolean
}

/** Something new for a person: the badge on the home page (and a subscribe message in WeChat). */
export interface InboxItem extends Doc {
  estateId: string
  staffId: string
  /** `safety`: a lone-worker alert (refId the alert) */
  kind: 'assigned' | 'escalated' | 'resolved' | 'emergency' | 'rejected' | 'safety'
  title: string
  refId: string
  at: number
  readAt?: number
}
