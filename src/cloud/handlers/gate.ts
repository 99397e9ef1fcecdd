/**
 * The guard's gate actions: visitors in and out (walk-in or by pass), vehicles, goods
 * leaving, and what the phone keeps for working offline. Every write is one record created
 * on the phone (its id is the client id) or one state transition checked here.
 */
import { AppError } from '../../domain/errors'
import type {
  BlockHitOut,
  GateBoard,
  GateRefs,
  GoodsCheckOut,
  GoodsPassCheckOut,
  ParsedInputOf,
  PassCheckOut,
  VehicleItem,
  VisitorOut
} from '../../domain/contract'
import { VISITOR, VEHICLE, GOODS_PASS, passProblem, step, tempPassExpiry, permitProblem } from '../../domain/gate/machines'
import type { IdRef } from '../../domain/gate/idtypes'
import type {
  ConstructionPermit,
  GoodsCheck,
  GoodsPass,
  OwnerVehicle,
  VehicleVisit,
  Visitor,
  VisitorPass
} from '../../domain/gate/entities'
import { formatPlate } from '../../domain/gate/plates'
import { dayStart } from '../../domain/time'
import type { Gate } from '../../domain/entities'
import { requireCaller, requireEstate, type Ctx } from '../context'
import type { D } from './common'
import {
  activeBlocklist,
  badInput,
  blockEntryOut,
  blockHits,
  deviceIdSalt,
  eventTime,
  goodsPassOut,
  goodsPassProblem,
  logEvent,
  ownerVehicleOut,
  overstayMs,
  passOut,
  pepperIdHash,
  permitOut,
  vehicleDetail,
  vehicleItem,
  visitorDetail,
  visitorItem,
  visitorOut
} from './gateCommon'

/** The most a board lists; an estate with more people inside than this has other problems. */
export const BOARD_LIMIT = 500
/** A second exit of the same plate within this time is the same car, logged twice. */
export const RECENT_EXIT_MS = 10 * 60_000

function idDocOf(ctx: Ctx, d: { type: IdRef['type']; last4: string; hash?: string }, field = 'idDoc'): IdRef {
  if (d.type === 'none') return { type: 'none', last4: '' }
  if (!d.hash || d.last4.length !== 4) throw badInput(field, '证件：请输入完整的证件号码（手机上只保留后四位和摘要）')
  return { type: d.type, last4: d.last4, hash: pepperIdHash(ctx, d.hash) }
}

function firstHit(hits: BlockHitOut[]): { entryId: string; reason: string } | undefined {
  return hits[0] ? { entryId: hits[0].entryId, reason: hits[0].reason } : undefined
}

export async function refs(_: Record<string, never>, ctx: Ctx): Promise<GateRefs> {
  const estate = requireEstate(ctx)
  const [gates, vehicles, permits, blocks] = await Promise.all([
    ctx.store.find<D<Gate>>('gates', { where: { estateId: estate._id }, orderBy: [['name', 'asc']], limit: 50 }),
    ctx.store.find<D<OwnerVehicle>>('ownervehicles', {
      where: { estateId: estate._id, active: true },
      orderBy: [['plate', 'asc']],
      limit: 1000
    }),
    ctx.store.find<D<ConstructionPermit>>('permits', {
      where: { estateId: estate._id, active: true },
      orderBy: [['no', 'asc']],
      limit: 1000
    }),
    activeBlocklist(ctx, estate._id)
  ])
  return {
    idSalt: deviceIdSalt(ctx, estate._id),
    overstayHours: overstayMs(estate) / 3600_000,
    gates: gates.items.map((g) => g.name),
    ownerVehicles: vehicles.items.map(ownerVehicleOut),
    blocklist: blocks.map(blockEntryOut),
    permits: permits.items.map((p) => permitOut(p, ctx.now)),
    at: ctx.now
  }
}

export async function board(_: Record<string, never>, ctx: Ctx): Promise<GateBoard> {
  const estate = requireEstate(ctx)
  const limit = overstayMs(estate)
  const [visitors, vehicles, counts] = await Promise.all([
    ctx.store.find<D<Visitor>>('visitors', {
      where: { estateId: estate._id, status: 'inside' },
      orderBy: [['inAt', 'asc']],
      limit: BOARD_LIMIT
    }),
    ctx.store.find<D<VehicleVisit>>('vehiclevisits', {
      where: { estateId: estate._id, status: 'inside', kind: 'outside' },
      orderBy: [['inAt', 'asc']],
      limit: BOARD_LIMIT
    }),
    todayCounts(ctx, estate._id, limit)
  ])
  return {
    visitors: visitors.items.map((x) => visitorItem(x, ctx.now, limit)),
    vehicles: vehicles.items.map((x) => vehicleItem(x, ctx.now, limit)),
    counts,
    overstayHours: limit / 3600_000,
    at: ctx.now
  }
}

export async function blockCheck(input: ParsedInputOf<'gate.blockCheck'>, ctx: Ctx): Promise<BlockHitOut[]> {
  const estate = requireEstate(ctx)
  return blockHits(ctx, estate._id, {
    name: input.name,
    phone: input.phone || undefined,
    idLast4: input.idLast4,
    idHash: input.idHash ? pepperIdHash(ctx, input.idHash) : undefined,
    plate: input.plate
  })
}

async function checkConstruction(
  ctx: Ctx,
  estateId: string,
  c: NonNullable<ParsedInputOf<'gate.checkIn'>['construction']>,
  at: number
): Promise<Visitor['construction']> {
  if (c.kind === 'temporary') {
    if (!c.days) throw badInput('construction.days', '临时施工证：请选择天数（最长3天）')
    const exp = tempPassExpiry(at, c.days)
    if (typeof exp !== 'number') throw badInput('construction.days', exp.problem)
    return { kind: 'temporary', tempPassNo: c.tempPassNo || undefined, expiresAt: exp }
  }
  const no = (c.permitNo ?? '').trim()
  if (!no) throw badInput('construction.permitNo', '长期施工：请填写施工许可证编号')
  const found = await ctx.store.find<D<ConstructionPermit>>('permits', {
    where: { estateId, active: true, no },
    orderBy: [['no', 'asc']],
    limit: 1
  })
  const permit = found.items[0]
  if (!permit) throw new AppError('NOT_FOUND', `没有编号为 ${no} 的施工许可证，请核对或联系主管登记`)
  const problem = permitProblem(permit, at)
  if (problem) throw new AppError('PERMIT_INVALID', problem)
  return { kind: 'longTerm', permitId: permit._id, permitNo: permit.no }
}

export async function checkIn(input: ParsedInputOf<'gate.checkIn'>, ctx: Ctx): Promise<VisitorOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const at = eventTime(ctx)
  if (input.result === 'refused' && !input.reason) throw badInput('reason', '未放行：请写明原因')
  const idDoc = idDocOf(ctx, input.idDoc)
  // one round trip: the id, the pass and the block list at once
  const [had, passDoc, hits] = await Promise.all([
    ctx.db.get('visitors', input.id),
    input.source === 'pass' && input.passId ? ctx.db.get<D<VisitorPass>>('passes', input.passId) : null,
    blockHits(ctx, estate._id, {
      name: input.name,
      phone: input.phone || undefined,
      idLast4: idDoc.last4,
      idHash: idDoc.hash,
      plate: input.plate
    })
  ])
  if (had) throw new AppError('DUPLICATE', '这位访客已经登记过了')

  let pass: D<VisitorPass> | null = null
  if (input.source === 'pass') {
    if (!input.passId) throw badInput('passId', '通行证：请先查到通行证再登记')
    pass = passDoc
    if (!pass) throw new AppError('NOT_FOUND', '没有找到这张通行证')
    if (pass.estateId !== estate._id) throw new AppError('PASS_INVALID', '这张通行证不是本小区的')
    if (pass.status !== 'active') throw new AppError('CONFLICT', passProblem(pass, estate._id, at))
    const problem = passProblem(pass, estate._id, at)
    if (problem) throw new AppError('PASS_INVALID', problem)
  }
  const construction =
    input.case === 'E' && input.result === 'admitted' && input.construction
      ? await checkConstruction(ctx, estate._id, input.construction, at)
      : input.construction
        ? { kind: input.construction.kind, tempPassNo: input.construction.tempPassNo || undefined, permitNo: input.construction.permitNo || undefined }
        : undefined
  if (input.case === 'E' && input.result === 'admitted' && !construction)
    throw badInput('construction', '施工人员：请选择临时施工或长期施工')

  const status = input.result === 'admitted' ? 'inside' : input.result
  const doc: D<Visitor> = {
    _id: input.id,
    _v: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    gate: input.gate,
    source: input.source,
    passId: pass?._id,
    case: input.case,
    name: input.name,
    phone: input.phone || undefined,
    idDoc,
    idDeposited: input.idDeposited,
    cardNo: input.cardNo || undefined,
    people: input.people,
    plate: input.plate,
    room: input.room || undefined,
    company: input.company || undefined,
    contact: input.contact || undefined,
    appointment: input.appointment,
    hostCall: input.hostCall,
    construction,
    status,
    reason: input.reason || undefined,
    inAt: at,
    deviceInAt: ctx.op?.deviceTime ?? ctx.now,
    guardId: staff._id,
    guardName: staff.name,
    blockHit: firstHit(hits),
    scriptRunId: input.scriptRunId
  }
  // the visitor, the pass and the log line at once
  const [saved, used] = await Promise.all([
    ctx.db.insert<D<Visitor>>('visitors', doc),
    pass
      ? ctx.db.update<D<VisitorPass>>('passes', pass._id, pass._v, {
          status: 'used',
          usedAt: at,
          visitorId: doc._id,
          updatedAt: ctx.now
        })
      : undefined,
    logEvent(ctx, {
      estateId: estate._id,
      type: 'visitor',
      event: status === 'inside' ? 'visitorIn' : status === 'redirected' ? 'visitorRedirected' : 'visitorRefused',
      gate: input.gate,
      refId: doc._id,
      subject: doc.name,
      detail: visitorDetail(doc),
      at
    })
  ])
  if (pass && !used) throw new AppError('CONFLICT', '这张通行证刚被使用')
  await ctx.audit('visitors', saved._id)
  return visitorOut(saved, ctx.now, overstayMs(estate))
}

export async function checkOut(input: ParsedInputOf<'gate.checkOut'>, ctx: Ctx): Promise<VisitorOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const at = eventTime(ctx)
  const v = await ctx.db.get<D<Visitor>>('visitors', input.visitorId)
  if (!v || v.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这位访客的登记')
  const t = step(VISITOR.checkOut, v.status === 'redirected' ? 'refused' : v.status)
  if (!t.ok) {
    const by = v.status === 'left' && v.outGuardName ? `（${v.outGuardName} 已登记离开）` : ''
    throw new AppError('CONFLICT', `${t.reason}${by}`)
  }
  const outAt = Math.max(at, v.inAt)
  const notes: string[] = []
  if (v.idDeposited) notes.push(input.idReturned ? '已退还证件' : '证件未退还')
  if (v.cardNo || input.cardCollected) notes.push(input.cardCollected ? '已收回来访卡' : '来访卡未收回')
  // the visitor and the log line at once (a lost race aborts both)
  const [updated] = await Promise.all([
    ctx.db.update<D<Visitor>>('visitors', v._id, v._v, {
      status: 'left',
      outAt,
      deviceOutAt: ctx.op?.deviceTime ?? ctx.now,
      outGuardId: staff._id,
      outGuardName: staff.name,
      idReturned: v.idDeposited ? input.idReturned : undefined,
      cardCollected: v.cardNo || input.cardCollected ? input.cardCollected : undefined,
      updatedAt: ctx.now
    }),
    logEvent(ctx, {
      estateId: estate._id,
      type: 'visitor',
      event: 'visitorOut',
      gate: input.gate,
      refId: v._id,
      subject: v.name,
      detail: [visitorDetail(v), ...notes].join(' · '),
      at: outAt
    })
  ])
  if (!updated) throw new AppError('CONFLICT', '这位访客刚被其他门岗登记离开')
  await ctx.audit('visitors', v._id)
  return visitorOut(updated, ctx.now, overstayMs(estate))
}

export async function visitor(input: { visitorId: string }, ctx: Ctx): Promise<VisitorOut> {
  const estate = requireEstate(ctx)
  const v = await ctx.store.get<D<Visitor>>('visitors', input.visitorId)
  if (!v || v.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这位访客的登记')
  return visitorOut(v, ctx.now, overstayMs(estate))
}

/** The pass with this code: the active one if any, else the latest (to say why it cannot be used). */
async function passByCode(ctx: Ctx, estateId: string, code: string): Promise<D<VisitorPass> | undefined> {
  const active = await ctx.store.find<D<VisitorPass>>('passes', {
    where: { estateId, code, status: 'active' },
    orderBy: [['createdAt', 'desc']],
    limit: 1
  })
  if (active.items[0]) return active.items[0]
  const any = await ctx.store.find<D<VisitorPass>>('passes', {
    where: { estateId, code },
    orderBy: [['createdAt', 'desc']],
    limit: 1
  })
  return any.items[0]
}

export async function passCheck(input: { code: string }, ctx: Ctx): Promise<PassCheckOut> {
  const estate = requireEstate(ctx)
  const pass = await passByCode(ctx, estate._id, input.code)
  if (!pass) throw new AppError('NOT_FOUND', '没有这个通行码的通行证，请核对6位数字；若是其他小区的通行证，本小区不能使用')
  return {
    pass: passOut(pass),
    problem: passProblem(pass, estate._id, ctx.now),
    blockHits: await blockHits(ctx, estate._id, { name: pass.visitorName, phone: pass.visitorPhone, plate: pass.plate })
  }
}

async function openStay(ctx: Ctx, estateId: string, plate: string): Promise<D<VehicleVisit> | undefined> {
  const page = await ctx.store.find<D<VehicleVisit>>('vehiclevisits', {
    where: { estateId, plate, status: 'inside' },
    orderBy: [['inAt', 'desc']],
    limit: 1
  })
  return page.items[0]
}

async function ownerVehicle(ctx: Ctx, estateId: string, plate: string): Promise<D<OwnerVehicle> | undefined> {
  const page = await ctx.store.find<D<OwnerVehicle>>('ownervehicles', {
    where: { estateId, active: true, plate },
    orderBy: [['plate', 'asc']],
    limit: 1
  })
  return page.items[0]
}

export async function vehicleIn(input: ParsedInputOf<'gate.vehicleIn'>, ctx: Ctx): Promise<VehicleItem> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const at = eventTime(ctx)
  if (input.result === 'refused' && !input.reason) throw badInput('reason', '未放行：请写明原因')
  const idDoc = input.idDoc ? idDocOf(ctx, input.idDoc) : undefined
  const status = input.result === 'admitted' ? 'inside' : input.result
  // one round trip: the id, the owner's car, a stay still open and the block list at once
  const [had, owner, open, hits] = await Promise.all([
    ctx.db.get('vehiclevisits', input.id),
    input.case === 'owner' ? ownerVehicle(ctx, estate._id, input.plate) : undefined,
    status === 'inside' ? openStay(ctx, estate._id, input.plate) : undefined,
    blockHits(ctx, estate._id, { plate: input.plate, idHash: idDoc?.hash })
  ])
  if (had) throw new AppError('DUPLICATE', '这次车辆入场已经登记过了')
  if (input.case === 'owner' && !owner) throw badInput('plate', `车牌：${formatPlate(input.plate)} 没有登记为业主车辆，请按外来车辆登记`)
  const doc: D<VehicleVisit> = {
    _id: input.id,
    _v: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
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
    guardId: staff._id,
    guardName: staff.name,
    blockHit: firstHit(hits)
  }
  // at once: a car already on record as inside must have left without being logged (that stay
  // is closed), the new stay and its log line
  const [closed, saved] = await Promise.all([
    open
      ? ctx.db.update<D<VehicleVisit>>('vehiclevisits', open._id, open._v, {
          status: 'left',
          reason: [open.reason, '出场未登记，再次入场时自动结束'].filter(Boolean).join('；'),
          updatedAt: ctx.now
        })
      : undefined,
    ctx.db.insert<D<VehicleVisit>>('vehiclevisits', doc),
    logEvent(ctx, {
      estateId: estate._id,
      type: 'vehicle',
      event: status === 'inside' ? 'vehicleIn' : 'vehicleRefused',
      gate: input.gate,
      refId: doc._id,
      subject: formatPlate(doc.plate),
      detail: vehicleDetail(doc),
      at
    })
  ])
  if (open && !closed) throw new AppError('CONFLICT', '这辆车的记录刚被其他门岗修改，请重试')
  await ctx.audit('vehiclevisits', saved._id)
  return vehicleItem(saved, ctx.now, overstayMs(estate))
}

export async function vehicleOut(input: ParsedInputOf<'gate.vehicleOut'>, ctx: Ctx): Promise<VehicleItem> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const at = eventTime(ctx)
  let stay: D<VehicleVisit> | undefined
  if (input.visitId) {
    const got = await ctx.db.get<D<VehicleVisit>>('vehiclevisits', input.visitId)
    if (!got || got.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这辆车的入场记录')
    if (got.plate !== input.plate) throw badInput('plate', '车牌：与入场记录不一致')
    stay = got
  } else stay = await openStay(ctx, estate._id, input.plate)

  const exit = {
    outAt: at,
    deviceOutAt: ctx.op?.deviceTime ?? ctx.now,
    outGate: input.gate,
    outGuardId: staff._id,
    outGuardName: staff.name,
    updatedAt: ctx.now
  }
  let saved: D<VehicleVisit>
  if (stay) {
    const t = step(VEHICLE.exit, stay.status === 'redirected' ? 'refused' : stay.status)
    if (!t.ok) throw new AppError('CONFLICT', stay.outGuardName ? `${t.reason}（${stay.outGuardName} 已登记）` : t.reason)
    const updated = await ctx.db.update<D<VehicleVisit>>('vehiclevisits', stay._id, stay._v, {
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
    const recent = await ctx.store.find<D<VehicleVisit>>('vehiclevisits', {
      where: { estateId: estate._id, plate: input.plate, status: 'left' },
      orderBy: [['outAt', 'desc']],
      limit: 1
    })
    const last = recent.items[0]
    if (last?.outAt !== undefined && at - last.outAt < RECENT_EXIT_MS)
      throw new AppError('CONFLICT', `这辆车刚由${last.outGuardName ?? '其他门岗'}登记出场`)
    if (await ctx.db.get('vehiclevisits', input.id)) throw new AppError('DUPLICATE', '这次车辆出场已经登记过了')
    const owner = await ownerVehicle(ctx, estate._id, input.plate)
    saved = await ctx.db.insert<D<VehicleVisit>>('vehiclevisits', {
      _id: input.id,
      _v: 1,
      createdAt: ctx.now,
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
      guardId: staff._id,
      guardName: staff.name,
      ...exit
    })
  }
  await logEvent(ctx, {
    estateId: estate._id,
    type: 'vehicle',
    event: 'vehicleOut',
    gate: input.gate,
    refId: saved._id,
    subject: formatPlate(saved.plate),
    detail: vehicleDetail(saved),
    at: saved.outAt ?? at
  })
  await ctx.audit('vehiclevisits', saved._id)
  return vehicleItem(saved, ctx.now, overstayMs(estate))
}

export async function goodsPassCheck(input: { code: string }, ctx: Ctx): Promise<GoodsPassCheckOut> {
  const estate = requireEstate(ctx)
  const issued = await ctx.store.find<D<GoodsPass>>('goodspasses', {
    where: { estateId: estate._id, code: input.code, status: 'issued' },
    orderBy: [['createdAt', 'desc']],
    limit: 1
  })
  const pass =
    issued.items[0] ??
    (
      await ctx.store.find<D<GoodsPass>>('goodspasses', {
        where: { estateId: estate._id, code: input.code },
        orderBy: [['createdAt', 'desc']],
        limit: 1
      })
    ).items[0]
  if (!pass) throw new AppError('NOT_FOUND', '没有这个编号的放行条，请核对；纸质放行条请按“无系统放行条”登记')
  return { pass: goodsPassOut(pass), problem: goodsPassProblem(pass, estate._id, ctx.now) }
}

export async function goodsCheck(input: ParsedInputOf<'gate.goodsCheck'>, ctx: Ctx): Promise<GoodsCheckOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const at = eventTime(ctx)
  if (await ctx.db.get('goodschecks', input.id)) throw new AppError('DUPLICATE', '这次物品检查已经登记过了')
  if (input.result === 'refused' && !input.reason) throw badInput('reason', '拒绝放行：请写明原因')
  if (input.result === 'released') {
    const missing: string[] = []
    if (!input.passId && !input.slipNo) missing.push('没有放行条的物品不能放行')
    if (!input.itemsMatch) missing.push('物品与放行条不符')
    if (!input.signatureOk) missing.push('签名未核对')
    if (!input.stampOk) missing.push('未加盖管理中心印章')
    if (!input.authorityOk) missing.push('签名人无此权限')
    if (input.lorry && !input.lorryOpened) missing.push('货车未开箱检查')
    if (missing.length) throw badInput('result', `放行：${missing.join('；')}，不能放行`)
  }
  let pass: D<GoodsPass> | null = null
  if (input.passId) {
    pass = await ctx.db.get<D<GoodsPass>>('goodspasses', input.passId)
    if (!pass || pass.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这张放行条')
    const t = step(input.result === 'released' ? GOODS_PASS.release : GOODS_PASS.refuse, pass.status)
    if (!t.ok) throw new AppError('CONFLICT', t.reason)
    const problem = goodsPassProblem(pass, estate._id, at)
    if (problem && input.result === 'released') throw new AppError('PASS_INVALID', problem)
  }
  const doc: D<GoodsCheck> = {
    _id: input.id,
    _v: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    gate: input.gate,
    passId: pass?._id,
    slipNo: input.slipNo || undefined,
    holderName: input.holderName || pass?.holderName,
    room: input.room || pass?.room,
    items: input.items,
    lorry: input.lorry,
    lorryOpened: input.lorry ? !!input.lorryOpened : undefined,
    signatureOk: input.signatureOk,
    stampOk: input.stampOk,
    authorityOk: input.authorityOk,
    itemsMatch: input.itemsMatch,
    photoIds: input.photoIds,
    result: input.result,
    reason: input.reason || undefined,
    at,
    deviceAt: ctx.op?.deviceTime ?? ctx.now,
    guardId: staff._id,
    guardName: staff.name
  }
  const saved = await ctx.db.insert<D<GoodsCheck>>('goodschecks', doc)
  if (pass) {
    const updated = await ctx.db.update<D<GoodsPass>>('goodspasses', pass._id, pass._v, {
      status: input.result,
      checkId: saved._id,
      checkedAt: at,
      updatedAt: ctx.now
    })
    if (!updated) throw new AppError('CONFLICT', '这张放行条刚被其他门岗处理')
  }
  const items = saved.items.map((i) => `${i.name}×${i.qty}`).join('、')
  await logEvent(ctx, {
    estateId: estate._id,
    type: 'goods',
    event: saved.result === 'released' ? 'goodsReleased' : 'goodsRefused',
    gate: input.gate,
    refId: saved._id,
    subject: saved.holderName ?? '无放行条',
    detail: [
      pass ? `放行条 ${pass.code}` : saved.slipNo ? `纸质放行条 ${saved.slipNo}` : '无放行条',
      saved.room,
      items,
      saved.lorry ? (saved.lorryOpened ? '货车已开箱' : '货车未开箱') : '',
      saved.reason ? `原因：${saved.reason}` : ''
    ]
      .filter(Boolean)
      .join(' · '),
    at
  })
  await ctx.audit('goodschecks', saved._id)
  return {
    id: saved._id,
    passId: saved.passId,
    slipNo: saved.slipNo,
    holderName: saved.holderName,
    room: saved.room,
    items: saved.items,
    lorry: saved.lorry,
    lorryOpened: saved.lorryOpened,
    signatureOk: saved.signatureOk,
    stampOk: saved.stampOk,
    authorityOk: saved.authorityOk,
    itemsMatch: saved.itemsMatch,
    photoIds: saved.photoIds,
    result: saved.result,
    reason: saved.reason,
    at: saved.at,
    gate: saved.gate,
    guardName: saved.guardName
  }
}

/** Today's gate figures, for the board and the home cards (counts only: cheap even with years of records). */
export async function todayCounts(ctx: Ctx, estateId: string, limitMs: number): Promise<GateBoard['counts']> {
  const since = dayStart(ctx.now)
  const events = (event: string) => ctx.store.count('gateevents', { estateId, event, at: { gte: since } })
  const [visitorsIn, visitorsOut, refused, redirected, vehiclesIn, vehiclesOut, goodsReleased, goodsRefused, insideNow, overstay, vehiclesInside, passesUsed] =
    await Promise.all([
      events('visitorIn'),
      events('visitorOut'),
      events('visitorRefused'),
      events('visitorRedirected'),
      events('vehicleIn'),
      events('vehicleOut'),
      events('goodsReleased'),
      events('goodsRefused'),
      ctx.store.count('visitors', { estateId, status: 'inside' }),
      ctx.store.count('visitors', { estateId, status: 'inside', inAt: { lt: ctx.now - limitMs } }),
      ctx.store.count('vehiclevisits', { estateId, status: 'inside', kind: 'outside' }),
      ctx.store.count('passes', { estateId, status: 'used', usedAt: { gte: since } })
    ])
  const goodsChecked = goodsReleased + goodsRefused
  return {
    visitorsIn,
    visitorsOut,
    // not let in: refused, or sent to the clubhouse to view a flat
    visitorsRefused: refused + redirected,
    insideNow,
    overstay,
    vehiclesInside,
    vehiclesIn,
    vehiclesOut,
    passesChecked: passesUsed + goodsChecked,
    goodsChecked
  }
}
