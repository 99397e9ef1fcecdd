/**
 * The day's attendance for the report, through the small interface the report reads
 * (AttendanceDay): the attendance area's own day (src/cloud/attendance/day.ts), undefined when
 * the estate has no schedule and nobody clocked in (the report says 未记录).
 */
export { attendanceDay } from '../attendance/day'
