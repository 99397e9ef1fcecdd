/**
 * The gate's reference data: what the guard's phone keeps for working offline (`gate.refs`),
 * and what supervisors manage: the block list, owner vehicles, construction permits. Saves
 * create or change the entry with the client's id; removals are soft (the log keeps them).
 */
import { AppError } from '../../domain/errors'
import type {
  BlockEntryOut,
  GateRefs,
  OwnerVehicleOut,
  ParsedInputOf,
  PermitOut
} from '../../domain/contract'
import type { BlockEntry, ConstructionPermit, OwnerVehicle } from '../../domain/gate/entities'
import { formatPlate } from '../../domain/gate/plates'
import { blockEntryProblem, overstayLimitMs, permitDatesProblem } from '../../domain/gate/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { check, type Coll, type Patch } from '../kit'
import { blockEntryOut, ownerVehicleOut, permitOut } from './out'
import { BLOCKLIST, GateRepo, OWNER_VEHICLES, PERMITS, type Kept } from './repo'

export async function refs(_: Record<string, never>, ctx: Ctx): Promise<GateRefs> {
  const estate = requireEstate(ctx)
  const repo = new GateRepo(ctx)
  const [gates, vehicles, permits, blocks] = await Promise.all([
    repo.gates(estate._id),
    repo.ownerCars(estate._id),
    repo.permits(estate._id),
    repo.blocklist(estate._id)
  ])
  return {
    idSalt: repo.deviceIdSalt(estate._id),
    overstayHours: overstayLimitMs(estate.settings) / 3600_000,
    // posts (岗亭) and gates taken out of use are not offered in the gate picker
    gates: gates.filter((g) => g.active !== false && g.kind !== 'post').map((g) => g.name),
    ownerVehicles: vehicles.map(ownerVehicleOut),
    blocklist: blocks.map(blockEntryOut),
    permits: permits.map((p) => permitOut(p, ctx.now)),
    at: ctx.now
  }
}

type Managed = Kept<BlockEntry> | Kept<OwnerVehicle> | Kept<ConstructionPermit>

/** Create, or change the caller's estate's entry with this id (the supervisor edited it); audited. */
async function save<T extends Managed>(ctx: Ctx, c: Coll<T>, id: string, fields: Patch<T>): Promise<T> {
  const saved = await new GateRepo(ctx).saveInEstate(c, id, fields)
  await ctx.audit(c.name, id)
  return saved
}

/** Soft removal of an active entry of the caller's estate; audited. */
async function remove<T extends Managed>(
  ctx: Ctx,
  c: Coll<T>,
  id: string,
  what: string
): Promise<{ removed: true }> {
  await new GateRepo(ctx).deactivateInEstate(c, id, `没有找到这条${what}`)
  await ctx.audit(c.name, id)
  return { removed: true }
}

export async function blockSave(input: ParsedInputOf<'gate.blockSave'>, ctx: Ctx): Promise<BlockEntryOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  check(blockEntryProblem(input))
  const person = input.kind === 'person'
  const entry = await save(ctx, BLOCKLIST, input.id, {
    estateId: estate._id,
    active: true,
    kind: input.kind,
    name: person ? input.name || undefined : undefined,
    phone: person ? input.phone || undefined : undefined,
    idLast4: person ? input.idLast4 || undefined : undefined,
    idHash: person && input.idHash ? new GateRepo(ctx).pepperIdHash(input.idHash) : undefined,
    plate: input.kind === 'plate' ? input.plate : undefined,
    reason: input.reason,
    by: staff._id,
    byName: staff.name
  })
  return blockEntryOut(entry)
}

export async function blockRemove(input: { entryId: string }, ctx: Ctx): Promise<{ removed: true }> {
  return remove(ctx, BLOCKLIST, input.entryId, '黑名单记录')
}

export async function ownerVehicleSave(
  input: ParsedInputOf<'gate.ownerVehicleSave'>,
  ctx: Ctx
): Promise<OwnerVehicleOut> {
  const estate = requireEstate(ctx)
  const same = await new GateRepo(ctx).ownerCarsWithPlate(estate._id, input.plate, 2)
  const other = same.find((o) => o._id !== input.id)
  if (other) throw new AppError('DUPLICATE', `${formatPlate(input.plate)} 已登记在 ${other.room}`)
  const saved = await save(ctx, OWNER_VEHICLES, input.id, {
    estateId: estate._id,
    active: true,
    plate: input.plate,
    room: input.room,
    ownerName: input.ownerName || undefined
  })
  return ownerVehicleOut(saved)
}

export async function ownerVehicleRemove(input: { vehicleId: string }, ctx: Ctx): Promise<{ removed: true }> {
  return remove(ctx, OWNER_VEHICLES, input.vehicleId, '业主车辆')
}

export async function permitSave(input: ParsedInputOf<'gate.permitSave'>, ctx: Ctx): Promise<PermitOut> {
  const estate = requireEstate(ctx)
  check(permitDatesProblem(input.validFrom, input.validTo))
  const same = await new GateRepo(ctx).permitsWithNo(estate._id, input.no, 2)
  if (same.some((p) => p._id !== input.id))
    throw new AppError('DUPLICATE', `编号 ${input.no} 的施工许可证已经登记过了`)
  const saved = await save(ctx, PERMITS, input.id, {
    estateId: estate._id,
    active: true,
    no: input.no,
    holderName: input.holderName,
    idLast4: input.idLast4,
    company: input.company,
    room: input.room,
    validFrom: input.validFrom,
    validTo: input.validTo
  })
  return permitOut(saved, ctx.now)
}

export async function permitRemove(input: { permitId: string }, ctx: Ctx): Promise<{ removed: true }> {
  return remove(ctx, PERMITS, input.permitId, '施工许可证')
}
