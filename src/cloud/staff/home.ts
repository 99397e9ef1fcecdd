/** The home page: the posts a person can take and today's cards for their roles. */
import type { HomeToday } from '../../domain/contract'
import { GATE_ROLES } from '../../domain/contract'
import { hasAnyRole, MANAGER_ROLES, ROLE_LABELS } from '../../domain/roles'
import { postsFor } from '../../domain/areas'
import { localDate } from '../../domain/time'
import { estateBrief } from '../../domain/staff/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { todayCounts } from '../gate'
import { overstayLimitMs } from '../../domain/gate/rules'
import { alertsToday, today as patrolToday } from '../patrol'
import { StaffRepo } from './repo'
import { clockText } from '../../domain/attendance/place'
import { openHandovers } from '../handover'
import { openAlertsOf, raiseDueFor } from '../safety'
import { SAFETY_WATCH_ROLES } from '../../domain/contract/safety'
import { emergenciesFor } from '../work'

/** Today's work for the caller's roles; later areas add their own cards here. */
export async function today(_: Record<string, never>, ctx: Ctx): Promise<HomeToday> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new StaffRepo(ctx)
  const manager = hasAnyRole(staff.roles, MANAGER_ROLES)
  const gateWork = hasAnyRole(staff.roles, GATE_ROLES)
  // lone-worker safety: a check-in missed since the timer last ran is raised now, then shown
  const watcher = hasAnyRole(staff.roles, SAFETY_WATCH_ROLES)
  if (watcher) await raiseDueFor(ctx)
  // every card's reads at once: one round trip (two where a card pages)
  const [open, last, gates, counts, rounds, work, alerts, handovers, safety, emergencies] = await Promise.all(
    [
      repo.openShift(staff._id, estate._id),
      repo.lastShift(staff._id, estate._id),
      repo.gateNames(estate._id),
      gateWork ? todayCounts(ctx, estate) : undefined,
      staff.roles.includes('patrol') ? patrolToday({}, ctx) : undefined,
      manager ? repo.managerCounts(estate._id) : undefined,
      manager ? alertsToday(ctx, estate) : undefined,
      // the estate's waiting handovers (交接班); a guard's posts are its gates' (postsFor)
      staff.roles.includes('guard') ? openHandovers(ctx, estate._id) : undefined,
      watcher ? openAlertsOf(ctx, estate._id) : undefined,
      // emergencies nobody has taken: managers and the departments they go to (red banners too)
      emergenciesFor(ctx, estate._id, staff.roles)
    ]
  )
  const cards: HomeToday['cards'] = []
  if (work) {
    cards.push({ key: 'onDuty', title: '当前在岗', value: work.onDuty, unit: '人', tone: 'normal' })
    cards.push({ key: 'staff', title: '本小区员工', value: work.people, unit: '人', tone: 'normal' })
  }
  if (counts) {
    const c = counts
    if (c.overstay > 0)
      cards.unshift({
        key: 'overstay',
        title: `超过${overstayLimitMs(estate.settings) / 3600_000}小时未离开`,
        value: c.overstay,
        unit: '人',
        tone: 'alert'
      })
    cards.push({
      key: 'insideNow',
      title: '园内访客',
      value: c.insideNow,
      unit: '人',
      tone: c.overstay > 0 ? 'warn' : 'normal'
    })
    cards.push({ key: 'visitorsIn', title: '今日访客进入', value: c.visitorsIn, unit: '人', tone: 'normal' })
    cards.push({
      key: 'visitorsOut',
      title: '今日访客离开',
      value: c.visitorsOut,
      unit: '人',
      tone: 'normal'
    })
    cards.push({
      key: 'vehiclesInside',
      title: '园内外来车辆',
      value: c.vehiclesInside,
      unit: '辆',
      tone: 'normal'
    })
    cards.push({
      key: 'passesChecked',
      title: '今日核验通行证/放行条',
      value: c.passesChecked,
      unit: '张',
      tone: 'normal'
    })
  }
  if (rounds) {
    const due = rounds.filter((r) => r.state === 'due' || r.state === 'inProgress').length
    cards.push({
      key: 'roundsDue',
      title: '现在要巡的轮次',
      value: due,
      unit: '轮',
      tone: due ? 'warn' : 'normal'
    })
  }
  if (work && alerts) {
    const { openIncidents, overdueTasks } = work
    cards.push({
      key: 'openIncidents',
      title: '未结报事',
      value: openIncidents,
      unit: '件',
      tone: openIncidents ? 'warn' : 'normal'
    })
    if (overdueTasks)
      cards.unshift({
        key: 'overdueTasks',
        title: '超时任务',
        value: overdueTasks,
        unit: '项',
        tone: 'alert'
      })
    const a = alerts
    if (a.missed || a.late)
      cards.unshift({
        key: 'patrolMissed',
        title: '今日漏巡/迟到轮次',
        value: a.missed + a.late,
        unit: '轮',
        tone: 'alert'
      })
  }
  const posts = postsFor(staff.roles, gates, ROLE_LABELS)
  const waiting = handovers?.filter((x) => posts.includes(x.post))
  return {
    posts,
    estate: estateBrief(estate),
    date: localDate(ctx.now),
    shift: open
      ? {
          _id: open._id,
          post: open.post,
          startedAt: open.startedAt,
          status: open.status,
          ...(clockText(open.clockIn) ? { flags: clockText(open.clockIn) } : {})
        }
      : null,
    // off shift after working today: home says so instead of 今天还没有上岗
    ...(!open && last?.endedAt !== undefined && localDate(last.endedAt) === localDate(ctx.now)
      ? { lastOff: { post: last.post, endedAt: last.endedAt } }
      : {}),
    cards,
    ...(waiting?.length ? { handovers: waiting } : {}),
    ...(safety?.length ? { safety } : {}),
    ...(emergencies?.length ? { emergencies } : {})
  }
}
