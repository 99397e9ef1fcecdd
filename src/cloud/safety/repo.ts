/**
 * Lone-worker safety's stored records: the watch over each round being walked
 * (`safetywatches/<roundId>`: when the next check-in is due) and the alerts raised
 * (`safetyalerts`), with the named queries the timer, the home page and the lists use.
 */
import type { Shift, Staff } from '../../domain/entities'
import { hasAnyRole, MANAGER_ROLES } from '../../domain/roles'
import type { SafetyAlert, Watch } from '../../domain/safety/rules'
import { coll, Repo } from '../kit'

export const WATCHES = coll<Watch>('safetywatches')
export const ALERTS = coll<SafetyAlert>('safetyalerts')
const STAFF = coll<Staff>('staff')
const SHIFTS = coll<Shift>('shifts')

/** The most watches one pass of the timer (or one home read) alerts; the next minute carries on. */
export const DUE_PAGE = 50
/** How far back the list of acknowledged alerts goes. */
export const RECENT_MS = 24 * 3600_000

export class SafetyRepo extends Repo {
  /**
   * Watches whose check-in is missed now (past due and grace, not alerted yet): one indexed
   * query (status, alertAt), of every estate for the timer or of one estate for a home read.
   */
  async dueWatches(now: number, estateId?: string): Promise<Watch[]> {
    return (
      await this.find(WATCHES, {
        where: estateId
          ? { estateId, status: 'watching', alertAt: { lte: now } }
          : { status: 'watching', alertAt: { lte: now } },
        orderBy: [['alertAt', 'asc']],
        limit: DUE_PAGE
      })
    ).items
  }

  /** The person's watch still running in the estate (their round being walked), latest first. */
  async watchOf(staffId: string, estateId: string): Promise<Watch | undefined> {
    return (
      await this.find(WATCHES, {
        where: { estateId, staffId, status: { in: ['watching', 'alerted'] } },
        orderBy: [['lastAt', 'desc']],
        limit: 1
      })
    ).items[0]
  }

  /** The estate's alerts nobody acknowledged yet, newest first. */
  async openAlerts(estateId: string): Promise<SafetyAlert[]> {
    return (
      await this.find(ALERTS, {
        where: { estateId, status: 'open' },
        orderBy: [['at', 'desc']],
        limit: 50
      })
    ).items
  }

  /** The estate's alerts of the last day, newest first (the acknowledged ones are shown with who and when). */
  async recentAlerts(estateId: string): Promise<SafetyAlert[]> {
    return (
      await this.find(ALERTS, {
        where: { estateId, at: { gte: this.now - RECENT_MS } },
        orderBy: [['at', 'desc']],
        limit: 50
      })
    ).items
  }

  /** Who an alert goes to: the estate's managers and the guards on duty now, never the walker. */
  async toTell(estateId: string, walkerId: string): Promise<Staff[]> {
    const [people, onDuty] = await Promise.all([
      this.find(STAFF, {
        where: { estateIds: { has: estateId }, active: true },
        orderBy: [['createdAt', 'asc']],
        limit: 1000
      }),
      this.find(SHIFTS, { where: { estateId, status: 'on' }, orderBy: [['startedAt', 'desc']], limit: 200 })
    ])
    const duty = new Set(onDuty.items.map((s) => s.staffId))
    return people.items.filter(
      (p) =>
        p._id !== walkerId &&
        (hasAnyRole(p.roles, MANAGER_ROLES) || (p.roles.includes('guard') && duty.has(p._id)))
    )
  }
}
