import type { HomeToday } from '../../domain/contract'
import { hasAnyRole, MANAGER_ROLES, ROLE_LABELS } from '../../domain/roles'
import { postsFor } from '../../domain/areas'
import type { Gate } from '../../domain/entities'
import { localDate } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { estateBrief, type D } from './common'
import { openShiftOf } from './shift'

/** Today's work for the caller's roles; later areas add their own cards here. */
export async function today(_: Record<string, never>, ctx: Ctx): Promise<HomeToday> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const open = await openShiftOf(ctx, staff._id, estate._id)
  const cards: HomeToday['cards'] = []
  if (hasAnyRole(staff.roles, MANAGER_ROLES)) {
    const onDuty = await ctx.store.count('shifts', { estateId: estate._id, status: 'on' })
    const people = await ctx.store.count('staff', { estateIds: { has: estate._id }, active: true })
    cards.push({ key: 'onDuty', title: '当前在岗', value: onDuty, unit: '人', tone: 'normal' })
    cards.push({ key: 'staff', title: '本小区员工', value: people, unit: '人', tone: 'normal' })
  }
  const gates = await ctx.store.find<D<Gate>>('gates', { where: { estateId: estate._id }, orderBy: [['name', 'asc']], limit: 20 })
  return {
    posts: postsFor(
      staff.roles,
      gates.items.map((g) => g.name),
      ROLE_LABELS
    ),
    estate: estateBrief(estate),
    date: localDate(ctx.now),
    shift: open ? { _id: open._id, post: open.post, startedAt: open.startedAt, status: open.status } : null,
    cards
  }
}
