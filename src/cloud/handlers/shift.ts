import { AppError } from '../../domain/errors'
import type { Shift } from '../../domain/entities'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import type { D } from './common'

export async function openShiftOf(
  ctx: Ctx,
  staffId: string,
  estateId: string
): Promise<D<Shift> | undefined> {
  const page = await ctx.store.find<D<Shift>>('shifts', {
    where: { estateId, staffId, status: 'on' },
    orderBy: [['startedAt', 'desc']],
    limit: 1
  })
  return page.items[0]
}

/** The per-person marker of the open shift: its id is the uniqueness key. */
interface OpenShiftMark {
  _id: string
  _v: number
  shiftId: string | null
  updatedAt: number
}
const markId = (staffId: string, estateId: string) => `${staffId}@${estateId}`
const alreadyOn = (post: string) => new AppError('CONFLICT', `您已在「${post}」上岗，请先下岗再换岗位`)

export async function start(input: { id: string; post: string }, ctx: Ctx): Promise<Shift> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  if (await ctx.db.get<D<Shift>>('shifts', input.id)) throw new AppError('DUPLICATE', '这次上岗已经记录过了')
  // One open shift per person, held by one marker document read and written in this
  // transaction: of two concurrent starts, the second conflicts on the marker.
  const mid = markId(staff._id, estate._id)
  const mark = await ctx.db.get<D<OpenShiftMark>>('openshifts', mid)
  if (mark?.shiftId) {
    const open = await ctx.db.get<D<Shift>>('shifts', mark.shiftId)
    if (open?.status === 'on') throw alreadyOn(open.post)
  } else if (!mark) {
    // shifts opened before the markers existed
    const open = await openShiftOf(ctx, staff._id, estate._id)
    if (open) throw alreadyOn(open.post)
  }
  if (mark) {
    if (
      !(await ctx.db.update<D<OpenShiftMark>>('openshifts', mid, mark._v, {
        shiftId: input.id,
        updatedAt: ctx.now
      }))
    )
      throw new AppError('CONFLICT', '您刚刚已经上岗了，请刷新')
  } else {
    try {
      await ctx.db.insert<D<OpenShiftMark>>('openshifts', {
        _id: mid,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        shiftId: input.id
      })
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw new AppError('CONFLICT', '您刚刚已经上岗了，请刷新')
      throw e
    }
  }
  const deviceTime = ctx.op?.deviceTime ?? ctx.now
  const shift = await ctx.db.insert<D<Shift>>('shifts', {
    // The device chose the id, so a shift recorded offline can be ended offline too.
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    staffId: staff._id,
    staffName: staff.name,
    post: input.post,
    startedAt: ctx.now,
    deviceStartedAt: deviceTime,
    status: 'on'
  })
  await ctx.audit('shifts', shift._id)
  return shift
}

export async function end(input: { shiftId: string }, ctx: Ctx): Promise<Shift> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const s = await ctx.db.get<D<Shift>>('shifts', input.shiftId)
  if (!s || s.estateId !== estate._id || s.staffId !== staff._id)
    throw new AppError('NOT_FOUND', '没有找到您的这个班次')
  if (s.status !== 'on') throw new AppError('CONFLICT', '这个班次已经下岗了')
  const updated = await ctx.db.update<D<Shift>>('shifts', s._id, s._v, {
    status: 'off',
    endedAt: ctx.now,
    deviceEndedAt: ctx.op?.deviceTime ?? ctx.now,
    updatedAt: ctx.now
  })
  if (!updated) throw new AppError('CONFLICT')
  const mid = markId(staff._id, estate._id)
  const mark = await ctx.db.get<D<OpenShiftMark>>('openshifts', mid)
  if (
    mark?.shiftId === s._id &&
    !(await ctx.db.update<D<OpenShiftMark>>('openshifts', mid, mark._v, {
      shiftId: null,
      updatedAt: ctx.now
    }))
  )
    throw new AppError('CONFLICT')
  await ctx.audit('shifts', s._id)
  return updated
}
