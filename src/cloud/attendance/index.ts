import { defineHandlers } from '../kit'
import * as day from './day'
import * as schedules from './schedules'
import * as sheet from './sheet'

/** Attendance (考勤): schedules per post, the supervisor's day, the monthly sheet. Clocking is shift.start/shift.end. */
export const ATTENDANCE_HANDLERS = defineHandlers({
  'attendance.schedules': schedules.schedules,
  'attendance.scheduleSave': schedules.scheduleSave,
  'attendance.day': day.day,
  'attendance.monthXlsx': sheet.monthXlsx
})

export { attendanceDay } from './day'
export { clockAt, postPlaces } from './clock'
