/** Going on and off duty at a post: one open shift per person and estate. */
import { AppError } from '../../domain/errors'
import type { Shift } from '../../domain/entities'
import type { ParsedInputOf } from '../../domain/contract'
import { openShiftMarkId, shiftEndProblem } from '../../domain/staff/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { DuplicateKeyError } from '../data/port'
import { OPEN_SHIFTS, SHIFTS, StaffRepo } from './repo'
import { clockAt, postPlaces } from '../attendance/clock'

const alreadyOn = (post: string) => new AppError('CONFLICT', `您已在「${post}」上岗，请先下岗再换岗位`)
const justStarted = () => new AppError('CONFLICT', '您刚刚已经上岗了，请刷新')

export async function start(input: ParsedInputOf<'shift.start'>, ctx: Ctx): Promise<Shift> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new StaffRepo(ctx)
  // One open shift per person, held by one marker document read and written in this
  // transaction: of two concurrent starts, the second conflicts on the marker. The id, the
  // marker and (for shifts opened before the markers existed) the open-shift query are read
  // at once: each is a round trip on CloudBase.
  const mid = openShiftMarkId(staff._id, estate._id)
  const [seen, mark, legacyOpen, places] = await Promise.all([
    repo.get(SHIFTS, input.id),
    repo.get(OPEN_SHIFTS, mid),
    repo.openShift(staff._id, estate._id),
    postPlaces(ctx, estate._id)
  ])
  if (seen) throw new AppError('DUPLICATE', '这次上岗已经记录过了')
  // A marker names the open shift (shift.end clears it), so this extra read happens only when
  // the person is on duty already.
  const open = mark ? (mark.shiftId ? await repo.get(SHIFTS, mark.shiftId) : undefined) : legacyOpen
  if (open?.status === 'on') throw alreadyOn(open.post)
  const claim = async () => {
    if (mark) {
      if (!(await repo.tryUpdate(OPEN_SHIFTS, mark, { shiftId: input.id }))) throw justStarted()
      return
    }
    try {
      await repo.insert(OPEN_SHIFTS, { _id: mid, shiftId: input.id })
    } catch (e) {
      if (e instanceof DuplicateKeyError) throw justStarted()
      throw e
    }
  }
  const [, shift] = await Promise.all([
    claim(),
    repo.insert(SHIFTS, {
      // The device chose the id, so a shift recorded offline can be ended offline too.
      _id: input.id,
      estateId: estate._id,
      staffId: staff._id,
      staffName: staff.name,
      post: input.post,
      startedAt: ctx.now,
      deviceStartedAt: ctx.op?.deviceTime ?? ctx.now,
      status: 'on',
      // attendance: where and when (device-time rule), flagged against the post, never refused
      clockIn: clockAt(ctx, places, input.post, input.where)
    })
  ])
  await ctx.audit('shifts', shift._id)
  return shift
}

export async function end(input: ParsedInputOf<'shift.end'>, ctx: Ctx): Promise<Shift> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new StaffRepo(ctx)
  const [s, places] = await Promise.all([repo.get(SHIFTS, input.shiftId), postPlaces(ctx, estate._id)])
  const problem = shiftEndProblem(s, staff._id, estate._id)
  if (problem === 'NOT_FOUND' || !s) throw new AppError('NOT_FOUND', '没有找到您的这个班次')
  if (problem === 'CONFLICT') throw new AppError('CONFLICT', '这个班次已经下岗了')
  const updated = await repo.update(SHIFTS, s, {
    status: 'off',
    endedAt: ctx.now,
    deviceEndedAt: ctx.op?.deviceTime ?? ctx.now,
    clockOut: clockAt(ctx, places, s.post, input.where, s.startedAt)
  })
  const mid = openShiftMarkId(staff._id, estate._id)
  const mark = await repo.get(OPEN_SHIFTS, mid)
  if (mark?.shiftId === s._id) await repo.update(OPEN_SHIFTS, mark, { shiftId: null })
  await ctx.audit('shifts', s._id)
  return updated
}
