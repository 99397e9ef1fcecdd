/** Follow-up calls (回访): an owner's resolved request is called back; not satisfied sends it back to the department. */
import { AppError } from '../../domain/errors'
import type { IncidentOut, ParsedInputOf } from '../../domain/contract'
import { DAY_MS } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { tell } from './inbox'
import { INCIDENTS, TASKS, WorkRepo } from './repo'
import { hist, incidentOut } from './views'

/** Owners' requests of the last 30 days resolved and not yet followed up to the owner's satisfaction. */
export async function followUps(_: Record<string, never>, ctx: Ctx): Promise<IncidentOut[]> {
  const estate = requireEstate(ctx)
  const done = await new WorkRepo(ctx).resolvedSince(estate._id, ctx.now - 30 * DAY_MS)
  return done
    .filter((i) => i.source === 'owner' && !i.followUp?.satisfied)
    .map((i) => incidentOut(i, ctx.now))
}

export async function followUp(input: ParsedInputOf<'work.followUp'>, ctx: Ctx): Promise<IncidentOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new WorkRepo(ctx)
  const i = await repo.getInEstate(INCIDENTS, input.incidentId, '没有找到这条报事')
  if (i.status !== 'resolved' && i.status !== 'verified')
    throw new AppError('CONFLICT', '还没处理完，不能回访')
  const fu = { satisfied: input.satisfied, note: input.note || undefined, at: ctx.now, byName: staff.name }
  if (input.satisfied) {
    const u = await repo.update(INCIDENTS, i, {
      followUp: fu,
      history: [...i.history, hist(ctx, '回访：业主满意', input.note)]
    })
    await ctx.audit('incidents', i._id)
    return incidentOut(u, ctx.now)
  }
  // not satisfied: back to the department, again
  const t = await repo.get(TASKS, i.taskId)
  if (!t) throw new AppError('NOT_FOUND', '这条报事的任务不见了')
  const [tu, u] = await Promise.all([
    repo.tryUpdate(TASKS, t, {
      status: t.assigneeId ? 'assigned' : 'open',
      history: [...t.history, hist(ctx, '回访业主不满意，退回重做', input.note)]
    }),
    repo.tryUpdate(INCIDENTS, i, {
      status: 'reopened',
      followUp: fu,
      history: [...i.history, hist(ctx, '回访：业主不满意，退回重做', input.note)]
    })
  ])
  if (!u || !tu) throw new AppError('CONFLICT')
  if (t.assigneeId)
    await tell(ctx, estate._id, [t.assigneeId], {
      kind: 'rejected',
      title: `业主不满意，请重做：${t.title}`,
      refId: t._id
    })
  await ctx.audit('incidents', i._id)
  return incidentOut(u, ctx.now, tu)
}

/**
 * The owner's whole number for the follow-up call: the one given with this repair, else the
 * room's registered owner phone. Only an owner's request, each read audited (lists show it masked).
 */
export async function ownerPhone(
  input: ParsedInputOf<'work.ownerPhone'>,
  ctx: Ctx
): Promise<{ room?: string; ownerName?: string; phone: string }> {
  const estate = requireEstate(ctx)
  const repo = new WorkRepo(ctx)
  const i = await repo.getInEstate(INCIDENTS, input.incidentId, '没有找到这条报事')
  if (i.source !== 'owner') throw new AppError('NOT_FOUND', '这不是业主报修，没有业主电话')
  if (i.ownerPhone) {
    await ctx.audit('incidents', i._id)
    return { room: i.ownerRoom, phone: i.ownerPhone }
  }
  const room = i.ownerRoom ? await repo.roomByLabel(estate._id, i.ownerRoom) : undefined
  if (!room?.ownerPhone)
    throw new AppError(
      'NOT_FOUND',
      `${i.ownerRoom ?? '这条报修'}没有留业主电话，房间也没登记电话，请联系客服中心`
    )
  await ctx.audit('rooms', room._id)
  return { room: i.ownerRoom, ownerName: room.ownerName, phone: room.ownerPhone }
}
