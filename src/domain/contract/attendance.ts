/**
 * Attendance (考勤): schedules per post (who should be where when), the supervisor's day of
 * clock-ins with late, early leave, absence and the flagged ones, and the monthly sheet as
 * .xlsx. Clocking itself is `shift.start` / `shift.end` (core.ts), which carry where the phone
 * was. Loaded by the attendance subpackage with `loadActions(ATTENDANCE_ACTIONS)`.
 */
import * as v from 'valibot'
import { MANAGER_ROLES } from '../roles'
import { HHMM, OVERRIDES_MAX, SLOTS_MAX, SLOT_STAFF_MAX } from '../attendance/schedule'
import type { DayStatus, ScheduleOverride, ScheduleSlot } from '../attendance/schedule'
import type { XlsxOut } from './report'
import { action, defineActions, id, localDay, weekdays } from './define'

export type { XlsxOut } from './report'

/** A post's schedule as the supervisor edits it; `v` is the version to send back with a change (0: none yet). */
export interface PostScheduleOut {
  postId: string
  post: string
  kind: 'gate' | 'post'
  slots: ScheduleSlot[]
  overrides: ScheduleOverride[]
  v: number
}
export interface SchedulesOut {
  posts: PostScheduleOut[]
  /** the estate's active people, to assign */
  people: { id: string; name: string }[]
}
/** One line of the supervisor's day: a scheduled person or a clock-in nobody scheduled. */
export interface AttendanceRowOut {
  staffId: string
  staffName: string
  post: string
  start?: number
  end?: number
  shiftId?: string
  inAt?: number
  outAt?: number
  lateMin: number
  earlyMin: number
  absent: boolean
  status: DayStatus
  /** flags in words: the place (outside the radius, no position, not the post's Wi-Fi), time doubts, another post */
  flags: string[]
}
export interface AttendanceDayOut {
  date: string
  rows: AttendanceRowOut[]
  counts: { scheduled: number; present: number; late: number; early: number; absent: number; flagged: number }
}
export interface AttendanceSheetOut extends XlsxOut {
  /** data rows in the sheet (one per person per day) */
  rows: number
}

const hhmm = () => v.pipe(v.string(), v.regex(HHMM, '时间格式应为 HH:mm'))
const staffIds = () => v.pipe(v.array(id()), v.maxLength(SLOT_STAFF_MAX, `每个班次最多 ${SLOT_STAFF_MAX} 人`))
const slot = () =>
  v.strictObject({ id: id(), days: weekdays(), start: hhmm(), end: hhmm(), staffIds: staffIds() })
const override = () => v.strictObject({ date: localDay(), slotId: id(), staffIds: staffIds() })
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export const ATTENDANCE_ACTIONS = defineActions({
  'attendance.schedules': action<SchedulesOut>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '考勤：各岗位的排班与可排的人员'
  }),
  'attendance.scheduleSave': action<PostScheduleOut>()({
    fn: 'admin',
    input: v.strictObject({
      postId: id(),
      slots: v.pipe(v.array(slot()), v.maxLength(SLOTS_MAX, `每个岗位最多 ${SLOTS_MAX} 个班次`)),
      overrides: v.optional(v.pipe(v.array(override()), v.maxLength(OVERRIDES_MAX, '临时调班太多'))),
      /** the version the change was made on (0: the post had no schedule) */
      v: v.pipe(v.number(), v.integer(), v.minValue(0))
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '考勤：保存一个岗位的排班（每周班次与人员、临时调班）'
  }),
  'attendance.day': action<AttendanceDayOut>()({
    fn: 'admin',
    input: v.strictObject({ date: localDay() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '考勤：某天谁在哪个岗位，迟到、早退、缺勤与存疑的打卡'
  }),
  'attendance.monthXlsx': action<AttendanceSheetOut>()({
    fn: 'admin',
    input: v.strictObject({
      month: v.pipe(v.string(), v.regex(MONTH, '月份格式应为 YYYY-MM')),
      staffId: v.optional(id())
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '考勤：导出一个月的考勤表（每人每天一行，.xlsx）'
  })
})
