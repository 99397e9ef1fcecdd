/** The inbox: telling people (with a WeChat nudge after commit), a person's unread items, marking them read. */
import type { InboxOut, ParsedInputOf } from '../../domain/contract'
import type { Staff } from '../../domain/entities'
import { hasAnyRole, MANAGER_ROLES } from '../../domain/roles'
import { DEPT_ROLES, type Dept, type InboxItem } from '../../domain/work/model'
import { DAY_MS } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { INBOX, STAFF, WorkRepo } from './repo'
import { raiseDueFor } from '../safety'

export const supervisorsIn = (people: readonly Staff[]) =>
  people.filter((p) => hasAnyRole(p.roles, MANAGER_ROLES))
export const poolOf = (people: readonly Staff[], dept: Dept) =>
  people.filter((p) => hasAnyRole(p.roles, DEPT_ROLES[dept]))

/** The page a nudge opens, by the kind of news. */
function pageOf(kind: InboxItem['kind']): string {
  if (kind === 'safety') return '/pages/safety/index'
  if (kind === 'resolved') return '/pages/work/report/index'
  if (kind === 'assigned' || kind === 'rejected') return '/pages/work/tasks/index'
  return '/pages/supervisor/work/index'
}

/**
 * Something new for people (the home page badge); WeChat also gets a subscribe message, queued
 * and sent by the dispatcher after commit. Pass the staff records when they are at hand: only
 * people given by id are looked up (for their openid, outside the transaction). Every inbox
 * item is written at once: one round trip however many people are told.
 */
export async function tell(
  ctx: Ctx,
  estateId: string,
  people: readonly (string | Staff)[],
  item: Pick<InboxItem, 'kind' | 'title' | 'refId'>
): Promise<void> {
  const repo = new WorkRepo(ctx)
  // people are looked up outside the transaction
  const outside = new WorkRepo({ ...ctx, db: ctx.store })
  const byId = new Map<string, Staff | undefined>()
  for (const p of people) {
    if (typeof p !== 'string') byId.set(p._id, p)
    else if (!byId.has(p)) byId.set(p, undefined)
  }
  const page = pageOf(item.kind)
  await Promise.all(
    [...byId].map(async ([staffId, known]) => {
      const [person] = await Promise.all([
        ctx.config.notify ? (known ?? outside.get(STAFF, staffId)) : undefined,
        repo.insert(INBOX, { _id: ctx.newId(), estateId, staffId, at: ctx.now, ...item }, { fresh: true })
      ])
      // queued: the dispatcher sends the set once, after the record is committed
      if (person?.openid)
        ctx.nudge({ openid: person.openid, kind: item.kind, title: item.title, page, at: ctx.now })
    })
  )
}

export async function inbox(_: Record<string, never>, ctx: Ctx): Promise<InboxOut[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  // a missed patrol check-in is raised on a supervisor's or guard's read too (not only by the timer)
  await raiseDueFor(ctx)
  const items = await new WorkRepo(ctx).inboxOf(staff._id, ctx.now - 7 * DAY_MS)
  return items
    .filter((x) => x.estateId === estate._id && !x.readAt)
    .map((x) => ({ id: x._id, kind: x.kind, title: x.title, refId: x.refId, at: x.at }))
}

/** Marks the caller's items read, at once; someone else's, missing or read ones are skipped. */
export async function inboxRead(input: ParsedInputOf<'work.inboxRead'>, ctx: Ctx): Promise<{ read: number }> {
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  const items = await Promise.all([...new Set(input.ids)].map((id) => repo.get(INBOX, id)))
  const done = await Promise.all(
    items.map((x) =>
      x && x.staffId === staff._id && !x.readAt ? repo.tryUpdate(INBOX, x, { readAt: ctx.now }) : null
    )
  )
  return { read: done.filter(Boolean).length }
}
