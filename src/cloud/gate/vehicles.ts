/**
 * Vehicles in and out: owner cars with one tap (their room from the register), outside
 * vehicles by the script, a stay left open closed on the next entry, an exit with no entry on
 * record kept as an exit-only record (unless it repeats one logged a moment ago).
 */
import { AppError } from '../../domain/errors'
import type { ParsedInputOf, VehicleItem } from '../../domain/contract'
import { step, VEHICLE } from '../../domain/gate/machines'
import type { VehicleVisit } from '../../domain/gate/entities'
import { formatPlate } from '../../domain/gate/plates'
import {
  blockDecisionProblem,
  isRepeatedExit,
  overstayLimitMs,
  refusalProblem
} from '../../domain/gate/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { badInput, check, timed, type New } from '../kit'
import { vehicleDetail, vehicleItem } from './out'
import { GateRepo, VEHICLE_VISITS } from './repo'
import { firstHit, idDocOf } from './visitors'

export async function vehicleIn(input: ParsedInputOf<'gate.vehicleIn'>, ctx: Ctx): Promise<VehicleItem> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new GateRepo(ctx)
  const { at, timeFlag } = timed(ctx)
  check(refusalProblem(input.result, input.reason))
  const idDoc = input.idDoc ? idDocOf(repo, input.idDoc) : undefined
  const status = input.result === 'admitted' ? 'inside' : input.result
  // one round trip: the id, the owner's car, a stay still open and the block list at once
  const [had, owners, open, hits] = await Promise.all([
    repo.get(VEHICLE_VISITS, input.id),
    input.case === 'owner' ? repo.ownerCarsWithPlate(estate._id, input.plate) : [],
    status === 'inside' ? repo.openStay(estate._id, input.plate) : undefined,
    repo.blockHits(estate._id, { plate: input.plate, idHash: idDoc?.hash })
  ])
  const owner = owners[0]
  if (had) throw new AppError('DUPLICATE', '这次车辆入场已经登记过了')
  const blocked = blockDecisionProblem(hits.length > 0, input.result, input.blockOverride)
  if (blocked) throw new AppError('BLOCK_LISTED', blocked)
  if (input.case === 'owner' && !owner)
    throw badInput('plate', `车牌：${formatPlate(input.plate)} 没有登记为业主车辆，请按外来车辆登记`)
  const doc: New<VehicleVisit> = {
    _id: input.id,
    estateId: estate._id,
    plate: input.plate,
    kind: input.case === 'owner' ? 'owner' : 'outside',
    case: input.case,
    room: owner?.room,
    ownerVehicleId: owner?._id,
    driver: input.driver || undefined,
    passengers: input.passengers || undefined,
    deliverTo: input.deliverTo || undefined,
    idDoc,
    idDeposited: input.idDeposited,
    icCardNo: input.icCardNo || undefined,
    status,
    reason: input.reason || undefined,
    gate: input.gate,
    inAt: at,
    deviceInAt: ctx.op?.deviceTime ?? ctx.now,
    ...(timeFlag ? { inTimeFlag: timeFlag } : {}),
    by: staff._id,
    byName: staff.name,
    blockHit: firstHit(hits),
    blockOverride: hits.length && status === 'inside' ? input.blockOverride?.trim() || undefined : undefined
  }
  // at once: a car already on record as inside must have left without being logged (that stay
  // is closed), the new stay and its log line
  const [closed, saved] = await Promise.all([
    open
      ? repo.tryUpdate(VEHICLE_VISITS, open, {
          status: 'left',
          reason: [open.reason, '出场未登记，再次入场时自动结束'].filter(Boolean).join('；')
        })
      : undefined,
    repo.insert(VEHICLE_VISITS, doc),
    repo.logEvent({
      estateId: estate._id,
      type: 'vehicle',
      event: status === 'inside' ? 'vehicleIn' : 'vehicleRefused',
      gate: input.gate,
      refId: doc._id,
      subject: formatPlate(doc.plate),
      detail: vehicleDetail(doc),
      at,
      timeFlag
    })
  ])
  if (open && !closed) throw new AppError('CONFLICT', '这辆车的记录刚被其他门岗修改，请重试')
  await ctx.audit('vehiclevisits', saved._id)
  return vehicleItem(saved, ctx.now, overstayLimitMs(estate.settings))
}

export async function vehicleOut(input: ParsedInputOf<'gate.vehicleOut'>, ctx: Ctx): Promise<VehicleItem> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new GateRepo(ctx)
  let stay: VehicleVisit | undefined
  if (input.visitId) {
    stay = await repo.getInEstate(VEHICLE_VISITS, input.visitId, '没有找到这辆车的入场记录')
    if (stay.plate !== input.plate) throw badInput('plate', '车牌：与入场记录不一致')
  } else stay = await repo.openStay(estate._id, input.plate)
  // not before the entry the server saw, when there is one
  const { at, timeFlag } = timed(ctx, stay?.inAt)

  const exit = {
    outAt: at,
    deviceOutAt: ctx.op?.deviceTime ?? ctx.now,
    ...(timeFlag ? { outTimeFlag: timeFlag } : {}),
    outGate: input.gate,
    outBy: staff._id,
    outByName: staff.name
  }
  let saved: VehicleVisit
  if (stay) {
    const t = step(VEHICLE.exit, stay.status === 'redirected' ? 'refused' : stay.status)
    if (!t.ok)
      throw new AppError('CONFLICT', stay.outByName ? `${t.reason}（${stay.outByName} 已登记）` : t.reason)
    const updated = await repo.tryUpdate(VEHICLE_VISITS, stay, {
      ...exit,
      status: 'left',
      outAt: Math.max(at, stay.inAt ?? at),
      driver: input.driver || stay.driver,
      passengers: input.passengers || stay.passengers,
      idReturned: stay.idDeposited ? (input.idReturned ?? false) : undefined,
      cardCollected: stay.icCardNo ? (input.cardCollected ?? false) : undefined
    })
    if (!updated) throw new AppError('CONFLICT', '这辆车刚被其他门岗登记出场')
    saved = updated
  } else {
    // No entry on record (it came in before the system, or its entry was not logged), unless
    // another guard logged this car out a moment ago: that is the same exit, not a second one.
    const last = await repo.lastExit(estate._id, input.plate)
    if (isRepeatedExit(last?.outAt, at))
      throw new AppError('CONFLICT', `这辆车刚由${last?.outByName ?? '其他门岗'}登记出场`)
    if (await repo.get(VEHICLE_VISITS, input.id)) throw new AppError('DUPLICATE', '这次车辆出场已经登记过了')
    const [owner] = await repo.ownerCarsWithPlate(estate._id, input.plate)
    saved = await repo.insert(VEHICLE_VISITS, {
      _id: input.id,
      estateId: estate._id,
      plate: input.plate,
      kind: owner ? 'owner' : 'outside',
      case: owner ? 'owner' : 'business',
      room: owner?.room,
      ownerVehicleId: owner?._id,
      driver: input.driver || undefined,
      passengers: input.passengers || undefined,
      idDeposited: false,
      status: 'left',
      reason: '没有入场记录',
      gate: input.gate,
      by: staff._id,
      byName: staff.name,
      ...exit
    })
  }
  await repo.logEvent({
    estateId: estate._id,
    type: 'vehicle',
    event: 'vehicleOut',
    gate: input.gate,
    refId: saved._id,
    subject: formatPlate(saved.plate),
    detail: vehicleDetail(saved),
    at: saved.outAt ?? at,
    timeFlag
  })
  await ctx.audit('vehiclevisits', saved._id)
  return vehicleItem(saved, ctx.now, overstayLimitMs(estate.settings))
}
