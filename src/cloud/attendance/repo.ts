/**
 * Attendance's stored records and reads: the schedules (one per post, id = the post's gate id),
 * the estate's places and people, and the shifts of a span (by when the server saw the clock-in:
 * the caller widens the span for clock-ins that reached it late).
 */
import type { Doc, Gate, Shift, Staff } from '../../domain/entities'
import type { ScheduleOverride, ScheduleSlot } from '../../domain/attendance/schedule'
import { coll, Repo } from '../kit'
import { GATES } from '../estates/repo'
import { SHIFTS, StaffRepo } from '../staff/repo'

export interface ScheduleDoc extends Doc {
  estateId: string
  postId: string
  slots: ScheduleSlot[]
  overrides: ScheduleOverride[]
  byName: string
}

export const SCHEDULES = coll<ScheduleDoc>('schedules')

/** The most places an estate has (the gate settings page lists as many). */
const PLACES_MAX = 100
const SCHEDULES_MAX = 100

export class AttendanceRepo extends Repo {
  async places(estateId: string): Promise<Gate[]> {
    const page = await this.find(GATES, {
      where: { estateId },
      orderBy: [['name', 'asc']],
      limit: PLACES_MAX
    })
    return page.items.filter((g) => g.active !== false)
  }

  async schedules(estateId: string): Promise<ScheduleDoc[]> {
    return (
      await this.find(SCHEDULES, { where: { estateId }, orderBy: [['postId', 'asc']], limit: SCHEDULES_MAX })
    ).items
  }

  /** The estate's shifts the server saw begin in [from, to), oldest first. */
  shiftsBetween(estateId: string, from: number, to: number): Promise<Shift[]> {
    return this.all(SHIFTS, {
      where: { estateId, startedAt: { gte: from, lt: to } },
      orderBy: [['startedAt', 'asc']],
      pageSize: 500
    })
  }

  /** Everyone who works in the estate (disabled people too: their past days still count). */
  people(estateId: string): Promise<Staff[]> {
    return new StaffRepo(this.ctx).ofEstate(estateId)
  }
}
