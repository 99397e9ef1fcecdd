/**
 * Schedules per post, set by supervisors: a post's weekly shifts with the people on each, and
 * day changes. A save names the version it was made on; a schedule changed meanwhile is a
 * CONFLICT (nobody's change is silently overwritten), two first saves of a post too.
 */
import { postNameOf } from '../../domain/attendance/place'
import { scheduleProblem } from '../../domain/attendance/schedule'
import { AppError } from '../../domain/errors'
import type { ParsedInputOf, PostScheduleOut, SchedulesOut } from '../../domain/contract'
import type { Gate } from '../../domain/entities'
import { localDate, DAY_MS } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import { GATES } from '../estates/repo'
import { badInput, check, inEstate } from '../kit'
import { AttendanceRepo, SCHEDULES, type ScheduleDoc } from './repo'

const changed = () => new AppError('CONFLICT', '这个岗位的排班刚被别人修改过，请刷新后再改')
/** Day changes older than this are dropped on save. */
const KEEP_OVERRIDES_DAYS = 62

function out(g: Gate, d: ScheduleDoc | undefined): PostScheduleOut {
  return {
    postId: g._id,
    post: postNameOf(g.name),
    kind: g.kind ?? 'gate',
    slots: d?.slots ?? [],
    overrides: d?.overrides ?? [],
    v: d?._v ?? 0
  }
}

export async function schedules(_: Record<string, never>, ctx: Ctx): Promise<SchedulesOut> {
  const estate = requireEstate(ctx)
  const repo = new AttendanceRepo(ctx)
  const [places, docs, people] = await Promise.all([
    repo.places(estate._id),
    repo.schedules(estate._id),
    repo.people(estate._id)
  ])
  const byPost = new Map(docs.map((d) => [d.postId, d]))
  return {
    posts: places
      .map((g) => out(g, byPost.get(g._id)))
      .sort((a, b) =>
        a.kind === b.kind ? a.post.localeCompare(b.post, 'zh-CN') : a.kind === 'post' ? -1 : 1
      ),
    people: people.filter((p) => p.active !== false).map((p) => ({ id: p._id, name: p.name }))
  }
}

export async function scheduleSave(
  input: ParsedInputOf<'attendance.scheduleSave'>,
  ctx: Ctx
): Promise<PostScheduleOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new AttendanceRepo(ctx)
  const [gate, have, people] = await Promise.all([
    repo.getInEstate(GATES, input.postId, '没有找到这个岗位'),
    repo.get(SCHEDULES, input.postId),
    repo.people(estate._id)
  ])
  if (gate.active === false) throw new AppError('NOT_FOUND', '这个岗位已经停用了')
  if (have && !inEstate(have, estate._id)) throw new AppError('NOT_FOUND', '没有找到这个岗位')
  check(scheduleProblem(input.slots))
  const mine = new Set(people.filter((p) => p.active !== false).map((p) => p._id))
  const slotIds = new Set(input.slots.map((s) => s.id))
  const overrides = (input.overrides ?? []).filter(
    (o) => o.date >= localDate(ctx.now - KEEP_OVERRIDES_DAYS * DAY_MS)
  )
  for (const ids of [...input.slots.map((s) => s.staffIds), ...overrides.map((o) => o.staffIds)])
    if (ids.some((x) => !mine.has(x))) throw badInput('slots', '排班里有不在本小区的人员')
  if (overrides.some((o) => !slotIds.has(o.slotId))) throw badInput('overrides', '临时调班对应的班次不存在')
  if ((have?._v ?? 0) !== input.v) throw changed()
  const fields = { slots: input.slots, overrides, byName: staff.name }
  let saved: ScheduleDoc
  if (have) {
    const u = await repo.tryUpdate(SCHEDULES, have, fields)
    if (!u) throw changed()
    saved = u
  } else {
    try {
      saved = await repo.insert(SCHEDULES, {
        _id: input.postId,
        estateId: estate._id,
        postId: input.postId,
        ...fields
      })
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw changed()
      throw e
    }
  }
  await ctx.audit('schedules', saved._id)
  return out(gate, saved)
}
