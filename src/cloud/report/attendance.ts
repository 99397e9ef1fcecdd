/**
 * The day's attendance for the report, through the small interface the report reads
 * (AttendanceDay). The attendance area (src/cloud/attendance) is being built alongside; until
 * its day is wired here the report says 未记录 (recorded: false) for every day.
 */
import type { AttendanceDay } from '../../domain/report/types'
import type { Ctx } from '../context'

export async function attendanceDay(
  _ctx: Ctx,
  _estateId: string,
  _day: string
): Promise<AttendanceDay | undefined> {
  return undefined
}
