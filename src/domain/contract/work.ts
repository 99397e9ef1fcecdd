/**
 * Incidents and tasks (报事与任务). Reporting and working tasks are in `staff` (anyone on
 * duty); creating, assigning, reviewing and the supervisor's board are in `admin`.
 */
import * as v from 'valibot'
import { CN_PHONE } from '../privacy'
import { MANAGER_ROLES, type Role } from '../roles'
import type { Doc } from '../entities'
import {
  CATEGORIES,
  DEPTS,
  TASK_TYPES,
  type Dept,
  type Incident,
  type Task,
  type TaskTemplate
} from '../work/model'
import {
  action,
  defineActions,
  devicePosition,
  clockTime,
  epochMs,
  id,
  optText,
  text,
  weekdays
} from './define'

/** Who calls owners back after a repair. */
export const FOLLOW_UP_ROLES: readonly Role[] = ['service', 'housekeeper', 'supervisor', 'admin']

const optPhone = () =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((p) => p === '' || CN_PHONE.test(p), '请填写11位手机号或带区号的座机')
    )
  )
const photoIds = () => v.pipe(v.array(id()), v.maxLength(9, '最多9张照片'))
const severity = () => v.picklist(['low', 'normal', 'high', 'urgent'] as const, '紧急程度不正确')
const dept = () => v.picklist(DEPTS, '部门不正确')
const checklist = () => v.pipe(v.array(text(40)), v.maxLength(20, '最多20项'))
/** What a task and a recurring task's template both say about the work. */
const taskFields = () => ({
  title: text(40),
  type: v.picklist(TASK_TYPES, '类型不正确'),
  place: optText(40),
  checklist: checklist(),
  priority: v.picklist(['low', 'normal', 'high'] as const, '优先级不正确'),
  photoRequired: v.boolean(),
  assigneeId: v.optional(id()),
  dept: v.optional(dept())
})

/** An incident as people see it: the stored record without the server's own fields, and what is worked out from it. */
export interface IncidentOut extends Omit<
  Incident,
  | keyof Doc
  | 'estateId'
  | 'checkpointId'
  | 'position'
  | 'reporterId'
  | 'deviceAt'
  | 'verifiedAt'
  | 'escalatedAt'
  | 'ownerPhone'
> {
  id: string
  overdue: boolean
  /** the owner's number masked (138****5678); the whole number only through work.ownerPhone */
  ownerPhoneMasked?: string
  /** where each after-photo is stored (cloud://… in WeChat cloud, local:… on our server), once it has been uploaded */
  /** `url`: a photo on our server, signed for a few minutes (a path under the API base) */
  afterPhotoFiles?: { id: string; fileId: string; url?: string }[]
}
/** A recurring task's template as the supervisor lists it (the active ones only). */
export interface TemplateOut extends Omit<TaskTemplate, keyof Doc | 'estateId'> {
  id: string
}
/** A task as people see it: the stored record without the server's own fields, and whether it is late. */
export interface TaskOut extends Omit<
  Task,
  keyof Doc | 'estateId' | 'templateId' | 'createdBy' | 'escalatedAt'
> {
  id: string
  overdue: boolean
  /** the report a task was made from, as its reporter left it: what the worker goes by */
  report?: { reporterName: string; note?: string; photoFiles: PhotoFile[] }
  /** the after-photos that have arrived, for the supervisor's review */
  completionPhotoFiles?: PhotoFile[]
}
/** A stored photo: `fileId` (cloud://… or local:…) and, on our server, `url` signed for a few minutes. */
export interface PhotoFile {
  id: string
  fileId: string
  url?: string
}
export interface WorkBoard {
  openIncidents: IncidentOut[]
  overdueTasks: TaskOut[]
  /** today's tasks per department: done of all */
  completion: { dept: Dept | 'people'; label: string; done: number; total: number }[]
  /** incidents per category per day, last 14 days (oldest first) */
  perCategory: { days: string[]; categories: { key: string; label: string; counts: number[] }[] }
}

export const WORK_ACTIONS = defineActions({
  'work.report': action<IncidentOut>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      category: v.picklist(
        CATEGORIES.map((c) => c.key),
        '类别不正确'
      ),
      severity: v.optional(severity()),
      place: optText(40),
      checkpointId: v.optional(id()),
      position: v.optional(devicePosition()),
      note: optText(300),
      photoIds: v.optional(photoIds()),
      source: v.optional(v.picklist(['staff', 'owner'] as const)),
      ownerRoom: optText(32)
    }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '报事：一键上报'
  }),
  'work.reportMore': action<IncidentOut>()({
    fn: 'staff',
    input: v.strictObject({
      incidentId: id(),
      note: optText(300),
      photoIds: v.optional(photoIds()),
      severity: v.optional(severity()),
      place: optText(40),
      position: v.optional(devicePosition()),
      ownerRoom: optText(32),
      ownerPhone: optPhone()
    }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '报事：补充照片、说明、紧急程度'
  }),
  'work.myIncidents': action<IncidentOut[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '报事：我报的事和处理结果'
  }),
  'work.incident': action<IncidentOut>()({
    fn: 'staff',
    input: v.strictObject({ incidentId: id() }),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '报事：一条报事和它的经过'
  }),
  'work.tasks': action<TaskOut[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '任务：我的任务和本部门可抢的单'
  }),
  'work.taskAct': action<TaskOut>()({
    fn: 'staff',
    input: v.strictObject({
      taskId: id(),
      act: v.picklist(['grab', 'accept', 'start', 'complete', 'handBack'] as const, '操作不正确'),
      checklist: v.optional(v.pipe(v.array(v.boolean()), v.maxLength(20))),
      note: optText(300),
      photoIds: v.optional(photoIds()),
      reason: optText(100)
    }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '任务：抢单、接单、开始、完成、退回'
  }),
  'work.followUp': action<IncidentOut>()({
    fn: 'staff',
    input: v.strictObject({ incidentId: id(), satisfied: v.boolean(), note: optText(200) }),
    access: FOLLOW_UP_ROLES,
    scope: 'estate',
    write: true,
    summary: '回访：业主是否满意（不满意退回重做）'
  }),
  'work.ownerPhone': action<{ room?: string; ownerName?: string; phone: string }>()({
    fn: 'staff',
    input: v.strictObject({ incidentId: id() }),
    access: FOLLOW_UP_ROLES,
    scope: 'estate',
    // a read, but each one is audited: lists show the number masked, this gives the whole number
    write: false,
    summary: '回访：打电话前取这条业主报修的电话（报修时留的，否则房间登记的；每次记入操作记录）'
  }),
  'work.followUps': action<IncidentOut[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: FOLLOW_UP_ROLES,
    scope: 'estate',
    write: false,
    summary: '回访：已处理、等回访的业主报修'
  }),
  'work.taskCreate': action<TaskOut>()({
    fn: 'admin',
    input: v.strictObject({ id: id(), ...taskFields(), dueAt: epochMs() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：派任务（给人或部门抢单）'
  }),
  'work.taskReview': action<TaskOut>()({
    fn: 'admin',
    input: v.strictObject({
      taskId: id(),
      act: v.picklist(['close', 'reject', 'assign'] as const, '操作不正确'),
      reason: optText(100),
      assigneeId: v.optional(id())
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：验收、退回、改派'
  }),
  'work.templateSave': action<{ id: string; title: string }>()({
    fn: 'admin',
    input: v.strictObject({
      id: id(),
      ...taskFields(),
      time: clockTime(),
      days: weekdays(),
      durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(10), v.maxValue(24 * 60))
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：周期任务模板（每天/每周自动生成）'
  }),
  'work.templates': action<TemplateOut[]>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：正在生效的周期任务'
  }),
  'work.templateStop': action<{ id: string; title: string }>()({
    fn: 'admin',
    input: v.strictObject({ id: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '主管：停用周期任务（已生成的任务不受影响）'
  }),
  'work.board': action<WorkBoard>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：未结报事、超时任务、各部门完成率、近14天报事分类'
  }),
  'work.allTasks': action<TaskOut[]>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：今天和未完成的全部任务'
  })
})
