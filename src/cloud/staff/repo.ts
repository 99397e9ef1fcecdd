import type {
  AuditRecord,
  BindCode,
  Doc,
  Estate,
  Gate,
  SessionDoc,
  Shift,
  Staff
} from '../../domain/entities'
import { OPEN_INCIDENT_STATUSES } from '../../domain/work/incidents'
import { OPEN_TASK_STATUSES } from '../../domain/work/rules'
import type { Task } from '../../domain/work/model'
import { HELD_TASK_STATUSES } from '../../domain/staff/rules'
import { coll, Repo } from '../kit'

export const STAFF = coll<Staff>('staff')
export const ESTATES = coll<Estate>('estates')
export const BIND_CODES = coll<BindCode>('bindcodes')
export const SESSIONS = coll<SessionDoc>('sessions')
export const SHIFTS = coll<Shift>('shifts')
/** The per-person marker of the open shift: its id (`staff@estate`) is the uniqueness key. */
export interface OpenShiftMark extends Doc {
  shiftId: string | null
}
export const OPEN_SHIFTS = coll<OpenShiftMark>('openshifts')
/** One WeChat, one staff record: the OPENID claimed as a document id. */
export const OPENIDS = coll<Doc & { staffId: string; releasedAt?: number }>('openids')
/** `meta/setup`: the first deployment happened. */
export const META = coll<Doc & { at: number; estateId: string; staffId: string }>('meta')
export const AUDIT = coll<AuditRecord>('audit')
const GATES = coll<Gate>('gates')
export const TASKS = coll<Task>('tasks')

/** Staff, their sign-in and their shifts. */
export class StaffRepo extends Repo {
  /** Everybody of an estate, active or not, in the order they were added. */
  ofEstate(estateId: string): Promise<Staff[]> {
    return this.all(STAFF, {
      where: { estateIds: { has: estateId } },
      orderBy: [['createdAt', 'asc']],
      pageSize: 200
    })
  }

  /** People registered with this phone number (in any estate; a few at most). */
  async withPhone(phone: string): Promise<Staff[]> {
    return (await this.find(STAFF, { where: { phone }, limit: 5 })).items
  }

  /** The person bound to this WeChat, found by query (records bound before the OPENID claims existed). */
  withOpenid(openid: string): Promise<Staff | undefined> {
    return this.first(STAFF, { openid })
  }

  /** The people the demo sign-in lists, first seeded first. */
  async demoPeople(): Promise<Staff[]> {
    return (await this.find(STAFF, { where: { demo: true }, orderBy: [['createdAt', 'asc']], limit: 50 }))
      .items
  }

  /** These estates, read at once; missing ones are left out. */
  async estates(ids: readonly string[]): Promise<Estate[]> {
    const got = await Promise.all(ids.map((id) => this.get(ESTATES, id)))
    return got.filter((e): e is Estate => !!e)
  }

  /** A person's open shift in an estate, found by query (the latest, should there be two). */
  openShift(staffId: string, estateId: string): Promise<Shift | undefined> {
    return this.first(SHIFTS, { estateId, staffId, status: 'on' }, [['startedAt', 'desc']])
  }

  /** A person's latest shift in an estate, open or ended. */
  lastShift(staffId: string, estateId: string): Promise<Shift | undefined> {
    return this.first(SHIFTS, { estateId, staffId }, [['startedAt', 'desc']])
  }

  /** The names of an estate's gates (at most 20), by name: the gate posts of the home page. */
  async gateNames(estateId: string): Promise<string[]> {
    return (await this.find(GATES, { where: { estateId }, orderBy: [['name', 'asc']], limit: 20 })).items
      .filter((g) => g.active !== false)
      .map((g) => g.name)
  }

  /** What a manager's home page counts: people on duty, people, open incidents, overdue tasks. */
  async managerCounts(
    estateId: string
  ): Promise<{ onDuty: number; people: number; openIncidents: number; overdueTasks: number }> {
    const [onDuty, people, openIncidents, overdueTasks] = await Promise.all([
      this.count(SHIFTS, { estateId, status: 'on' }),
      this.count(STAFF, { estateIds: { has: estateId }, active: true }),
      this.count(coll<Doc>('incidents'), { estateId, status: { in: [...OPEN_INCIDENT_STATUSES] } }),
      this.count(coll<Doc>('tasks'), {
        estateId,
        status: { in: [...OPEN_TASK_STATUSES] },
        dueAt: { lt: this.now }
      })
    ])
    return { onDuty, people, openIncidents, overdueTasks }
  }

  /** A person's sessions not revoked and not expired, newest first (a few; at most 100 read). */
  async liveSessions(staffId: string): Promise<SessionDoc[]> {
    const page = await this.find(SESSIONS, {
      where: { staffId },
      orderBy: [['createdAt', 'desc']],
      limit: 100
    })
    return page.items.filter((s) => !s.revokedAt && s.expiresAt > this.now)
  }

  /** People disabled since `since` (few: a handful a month). */
  async recentlyDisabled(since: number): Promise<Staff[]> {
    return this.all(STAFF, {
      where: { active: false, disabledAt: { gte: since } },
      orderBy: [['disabledAt', 'asc']],
      pageSize: 200
    })
  }

  /** The tasks this person holds (assigned, accepted, in progress) in these estates. */
  async heldTasks(staffId: string, estateIds: readonly string[]): Promise<Task[]> {
    const per = await Promise.all(
      estateIds.map((estateId) =>
        this.all(TASKS, {
          where: { estateId, assigneeId: staffId, status: { in: [...HELD_TASK_STATUSES] } },
          orderBy: [['dueAt', 'asc']],
          pageSize: 500
        })
      )
    )
    return per.flat()
  }

  /**
   * Ends a person's WeChat binding and every live session: the OPENID is released for a new
   * bind, the sessions revoked. Run inside the action's transaction (reads by query first).
   */
  async signOutEverywhere(staff: Staff): Promise<{ staff: Staff; endedSessions: number }> {
    const sessions = await this.liveSessions(staff._id)
    const claim = staff.openid ? await this.get(OPENIDS, staff.openid) : null
    const [updated] = await Promise.all([
      this.update(STAFF, staff, { openid: undefined, boundAt: undefined }),
      claim && claim.staffId === staff._id
        ? this.update(OPENIDS, claim, { releasedAt: this.now })
        : undefined,
      ...sessions.map(async (s) => {
        const cur = await this.get(SESSIONS, s._id)
        if (cur && !cur.revokedAt) await this.update(SESSIONS, cur, { revokedAt: this.now })
      })
    ])
    return { staff: updated, endedSessions: sessions.length }
  }

  /** An audit record written here (for actions that run their own transaction). */
  audit(
    actor: Pick<Staff, '_id' | 'name'>,
    coll: string,
    docId: string,
    estateId?: string
  ): Promise<AuditRecord> {
    return this.insert(
      AUDIT,
      {
        _id: this.ctx.newId(),
        at: this.now,
        actorId: actor._id,
        actorName: actor.name,
        action: this.ctx.action,
        coll,
        docId,
        estateId
      },
      { fresh: true }
    )
  }
}

export const staffRepo = (ctx: ConstructorParameters<typeof StaffRepo>[0]) => new StaffRepo(ctx)
