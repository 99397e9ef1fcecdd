/**
 * What the front desk and supervisors manage for the gate: visitor passes, goods release
 * passes, the block list, owner vehicles, construction permits, and the day's gate log.
 */
import { AppError } from '../../domain/errors'
import type {
  BlockEntryOut,
  CsvOut,
  GateLogItem,
  GateLogPage,
  GoodsPassOut,
  OwnerVehicleOut,
  ParsedInputOf,
  PassOut,
  PermitOut
} from '../../domain/contract'
import { GOODS_PASS, PASS, passCode, step } from '../../domain/gate/machines'
import {
  GATE_EVENT_LABELS,
  type BlockEntry,
  type ConstructionPermit,
  type GateEvent,
  type GoodsPass,
  type OwnerVehicle,
  type VisitorPass
} from '../../domain/gate/entities'
import { formatPlate } from '../../domain/gate/plates'
import { localDate } from '../../domain/time'
import type { Where } from '../data/port'
import { requireCaller, requireEstate, type Ctx } from '../context'
import type { D } from './common'
import { badInput, blockEntryOut, goodsPassOut, ownerVehicleOut, passOut, pepperIdHash, permitOut } from './gateCommon'

/** A visitor pass is for a visit, not a season ticket. */
export const PASS_MAX_DAYS = 31
export const LIST_LIMIT = 100
export const LOG_PAGE = 50
/** One CSV holds a busy day many times over; beyond it the export says it was cut. */
export const CSV_MAX_ROWS = 20_000
const DAY = 86_400_000
const CHINA_OFFSET = 8 * 3600_000

/** A six-digit code no other live pass of the estate has (codes of used passes may come back). */
async function freshCode(ctx: Ctx, coll: 'passes' | 'goodspasses', estateId: string, live: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = passCode(ctx.config.random)
    if ((await ctx.store.count(coll, { estateId, code, status: live })) === 0) return code
  }
  throw new AppError('INTERNAL', '生成通行码失败，请重试')
}

export async function passCreate(input: ParsedInputOf<'gate.passCreate'>, ctx: Ctx): Promise<PassOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  if (input.validTo <= input.validFrom) throw badInput('validTo', '有效期：结束时间应晚于开始时间')
  if (input.validTo - input.validFrom > PASS_MAX_DAYS * DAY) throw badInput('validTo', `有效期：最长${PASS_MAX_DAYS}天`)
  if (input.validTo < ctx.now) throw badInput('validTo', '有效期：已经过去了')
  if (await ctx.db.get('passes', input.id)) throw new AppError('DUPLICATE', '这张通行证已经建过了')
  const code = await freshCode(ctx, 'passes', estate._id, 'active')
  const pass = await ctx.db.insert<D<VisitorPass>>('passes', {
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    code,
    visitorName: input.visitorName,
    visitorPhone: input.visitorPhone || undefined,
    room: input.room,
    people: input.people,
    plate: input.plate,
    validFrom: input.validFrom,
    validTo: input.validTo,
    note: input.note || undefined,
    status: 'active',
    createdBy: staff._id,
    createdByName: staff.name
  })
  await ctx.audit('passes', pass._id)
  return passOut(pass, true)
}

export async function passRevoke(input: { passId: string }, ctx: Ctx): Promise<PassOut> {
  const estate = requireEstate(ctx)
  const pass = await ctx.db.get<D<VisitorPass>>('passes', input.passId)
  if (!pass || pass.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这张通行证')
  const t = step(PASS.revoke, pass.status)
  if (!t.ok) throw new AppError('CONFLICT', t.reason)
  const updated = await ctx.db.update<D<VisitorPass>>('passes', pass._id, pass._v, { status: t.to, updatedAt: ctx.now })
  if (!updated) throw new AppError('CONFLICT', '这张通行证刚被使用或修改')
  await ctx.audit('passes', pass._id)
  return passOut(updated)
}

export async function passes(_: Record<string, never>, ctx: Ctx): Promise<PassOut[]> {
  const estate = requireEstate(ctx)
  const page = await ctx.store.find<D<VisitorPass>>('passes', {
    where: { estateId: estate._id },
    orderBy: [['createdAt', 'desc']],
    limit: LIST_LIMIT
  })
  return page.items.map((p) => passOut(p))
}

export async function goodsIssue(input: ParsedInputOf<'gate.goodsIssue'>, ctx: Ctx): Promise<GoodsPassOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  if (input.date < localDate(ctx.now)) throw badInput('date', '日期：不能早于今天')
  if (await ctx.db.get('goodspasses', input.id)) throw new AppError('DUPLICATE', '这张放行条已经开过了')
  const code = await freshCode(ctx, 'goodspasses', estate._id, 'issued')
  const pass = await ctx.db.insert<D<GoodsPass>>('goodspasses', {
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    code,
    holderKind: input.holderKind,
    holderName: input.holderName,
    room: input.room,
    items: input.items,
    signer: input.signer,
    date: input.date,
    note: input.note || undefined,
    status: 'issued',
    issuedBy: staff._id,
    issuedByName: staff.name
  })
  await ctx.audit('goodspasses', pass._id)
  return goodsPassOut(pass)
}

export async function goodsRevoke(input: { passId: string }, ctx: Ctx): Promise<GoodsPassOut> {
  const estate = requireEstate(ctx)
  const pass = await ctx.db.get<D<GoodsPass>>('goodspasses', input.passId)
  if (!pass || pass.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这张放行条')
  const t = step(GOODS_PASS.revoke, pass.status)
  if (!t.ok) throw new AppError('CONFLICT', t.reason)
  const updated = await ctx.db.update<D<GoodsPass>>('goodspasses', pass._id, pass._v, { status: t.to, updatedAt: ctx.now })
  if (!updated) throw new AppError('CONFLICT', '这张放行条刚被门岗处理')
  await ctx.audit('goodspasses', pass._id)
  return goodsPassOut(updated)
}

export async function goodsPasses(_: Record<string, never>, ctx: Ctx): Promise<GoodsPassOut[]> {
  const estate = requireEstate(ctx)
  const page = await ctx.store.find<D<GoodsPass>>('goodspasses', {
    where: { estateId: estate._id },
    orderBy: [['createdAt', 'desc']],
    limit: LIST_LIMIT
  })
  return page.items.map(goodsPassOut)
}

/** Create, or change the entry with this id (the supervisor edited it). */
async function upsert<T extends { _id: string; _v: number; estateId: string }>(
  ctx: Ctx,
  coll: string,
  id: string,
  fields: Omit<T, '_id' | '_v' | 'createdAt' | 'updatedAt'>
): Promise<T> {
  const estate = requireEstate(ctx)
  const have = await ctx.db.get<D<T>>(coll, id)
  if (have) {
    if (have.estateId !== estate._id) throw new AppError('NOT_FOUND')
    const updated = await ctx.db.update<D<T>>(coll, id, have._v, { ...fields, updatedAt: ctx.now } as unknown as Partial<D<T>>)
    if (!updated) throw new AppError('CONFLICT')
    await ctx.audit(coll, id)
    return updated
  }
  const doc = await ctx.db.insert<D<T>>(coll, { ...fields, _id: id, createdAt: ctx.now, updatedAt: ctx.now } as unknown as D<T>)
  await ctx.audit(coll, id)
  return doc
}

/** Soft removal: the transaction port has no delete, and the log keeps what was there. */
async function deactivate(ctx: Ctx, coll: string, id: string, what: string): Promise<{ removed: true }> {
  const estate = requireEstate(ctx)
  const have = await ctx.db.get<D<{ _id: string; _v: number; estateId: string; active: boolean }>>(coll, id)
  if (!have || have.estateId !== estate._id || !have.active) throw new AppError('NOT_FOUND', `没有找到这条${what}`)
  const updated = await ctx.db.update(coll, id, have._v, { active: false, updatedAt: ctx.now })
  if (!updated) throw new AppError('CONFLICT')
  await ctx.audit(coll, id)
  return { removed: true }
}

export async function blockSave(input: ParsedInputOf<'gate.blockSave'>, ctx: Ctx): Promise<BlockEntryOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  if (input.kind === 'plate' && !input.plate) throw badInput('plate', '车牌：请填写车牌号')
  if (input.kind === 'person' && !input.name && !input.phone && !input.idHash)
    throw badInput('name', input.idLast4 ? '人员：只有证件后四位无法比对，请同时填写姓名' : '人员：姓名、手机号、证件号至少填一项')
  const entry = await upsert<D<BlockEntry>>(ctx, 'blocklist', input.id, {
    estateId: estate._id,
    active: true,
    kind: input.kind,
    name: input.kind === 'person' ? input.name || undefined : undefined,
    phone: input.kind === 'person' ? input.phone || undefined : undefined,
    idLast4: input.kind === 'person' ? input.idLast4 || undefined : undefined,
    idHash: input.kind === 'person' && input.idHash ? pepperIdHash(ctx, input.idHash) : undefined,
    plate: input.kind === 'plate' ? input.plate : undefined,
    reason: input.reason,
    addedBy: staff._id,
    addedByName: staff.name
  })
  return blockEntryOut(entry)
}

export async function blockRemove(input: { entryId: string }, ctx: Ctx): Promise<{ removed: true }> {
  return deactivate(ctx, 'blocklist', input.entryId, '黑名单记录')
}

export async function ownerVehicleSave(input: ParsedInputOf<'gate.ownerVehicleSave'>, ctx: Ctx): Promise<OwnerVehicleOut> {
  const estate = requireEstate(ctx)
  const same = await ctx.store.find<D<OwnerVehicle>>('ownervehicles', {
    where: { estateId: estate._id, active: true, plate: input.plate },
    orderBy: [['plate', 'asc']],
    limit: 2
  })
  const other = same.items.find((o) => o._id !== input.id)
  if (other) throw new AppError('DUPLICATE', `${formatPlate(input.plate)} 已登记在 ${other.room}`)
  const saved = await upsert<D<OwnerVehicle>>(ctx, 'ownervehicles', input.id, {
    estateId: estate._id,
    active: true,
    plate: input.plate,
    room: input.room,
    ownerName: input.ownerName || undefined
  })
  return ownerVehicleOut(saved)
}

export async function ownerVehicleRemove(input: { vehicleId: string }, ctx: Ctx): Promise<{ removed: true }> {
  return deactivate(ctx, 'ownervehicles', input.vehicleId, '业主车辆')
}

export async function permitSave(input: ParsedInputOf<'gate.permitSave'>, ctx: Ctx): Promise<PermitOut> {
  const estate = requireEstate(ctx)
  if (input.validTo < input.validFrom) throw badInput('validTo', '有效期：结束日期应不早于开始日期')
  const same = await ctx.store.find<D<ConstructionPermit>>('permits', {
    where: { estateId: estate._id, active: true, no: input.no },
    orderBy: [['no', 'asc']],
    limit: 2
  })
  if (same.items.some((p) => p._id !== input.id)) throw new AppError('DUPLICATE', `编号 ${input.no} 的施工许可证已经登记过了`)
  const saved = await upsert<D<ConstructionPermit>>(ctx, 'permits', input.id, {
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
  return deactivate(ctx, 'permits', input.permitId, '施工许可证')
}

type LogFilter = Omit<ParsedInputOf<'gate.dayLog'>, 'after'>

function minutes(hm: string): number {
  const [h, m] = hm.split(':').map(Number)
  return h * 60 + m
}

function logWhere(estateId: string, f: LogFilter): Where {
  const start = Date.parse(`${f.date}T00:00:00Z`) - CHINA_OFFSET
  if (Number.isNaN(start)) throw badInput('date', '日期：不是有效的日期')
  const from = f.from ? start + minutes(f.from) * 60_000 : start
  // `to` is inclusive of its minute: 08:00–08:59 means up to 08:59:59.999
  const to = f.to ? start + (minutes(f.to) + 1) * 60_000 : start + DAY
  if (to <= from) throw badInput('to', '时间：结束时间应晚于开始时间')
  const where: Where = { estateId, at: { gte: from, lt: to } }
  if (f.gate) where.gate = f.gate
  if (f.type) where.type = f.type
  if (f.guardId) where.guardId = f.guardId
  return where
}

function logItem(e: GateEvent): GateLogItem {
  return {
    id: e._id,
    at: e.at,
    type: e.type,
    event: e.event,
    eventLabel: GATE_EVENT_LABELS[e.event],
    gate: e.gate,
    guardId: e.guardId,
    guardName: e.guardName,
    refId: e.refId,
    subject: e.subject,
    detail: e.detail
  }
}

export async function dayLog(input: ParsedInputOf<'gate.dayLog'>, ctx: Ctx): Promise<GateLogPage> {
  const estate = requireEstate(ctx)
  const where = logWhere(estate._id, input)
  let page
  try {
    page = await ctx.store.find<D<GateEvent>>('gateevents', {
      where,
      orderBy: [['at', 'asc']],
      limit: LOG_PAGE,
      after: input.after
    })
  } catch (e) {
    if (e instanceof Error && e.message === 'bad cursor') throw badInput('after', '翻页位置不正确，请刷新')
    throw e
  }
  const out: GateLogPage = { items: page.items.map(logItem), next: page.next }
  if (!input.after) {
    // The chart: events per hour, counted over the index (estate, time) one hour at a time.
    const range = where.at as { gte: number; lt: number }
    const dayFrom = Date.parse(`${input.date}T00:00:00Z`) - CHINA_OFFSET
    out.hours = await Promise.all(
      Array.from({ length: 24 }, (_, h) => {
        const gte = Math.max(range.gte, dayFrom + h * 3600_000)
        const lt = Math.min(range.lt, dayFrom + (h + 1) * 3600_000)
        return lt <= gte ? Promise.resolve(0) : ctx.store.count('gateevents', { ...where, at: { gte, lt } })
      })
    )
    out.total = out.hours.reduce((a, b) => a + b, 0)
  }
  return out
}

function csvCell(s: string | number): string {
  let t = String(s)
  // a cell Excel would run as a formula (=, +, -, @) is written as text
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
}

function clockOf(at: number): string {
  return new Date(at + CHINA_OFFSET).toISOString().slice(11, 19)
}

export async function dayLogCsv(input: ParsedInputOf<'gate.dayLogCsv'>, ctx: Ctx): Promise<CsvOut> {
  const estate = requireEstate(ctx)
  const where = logWhere(estate._id, input)
  const rows: string[] = [['时间', '事件', '对象', '详情', '岗亭', '门岗'].map(csvCell).join(',')]
  let after: string | undefined
  let n = 0
  let truncated = false
  for (;;) {
    const page = await ctx.store.find<D<GateEvent>>('gateevents', { where, orderBy: [['at', 'asc']], limit: 1000, after })
    for (const e of page.items) {
      if (n >= CSV_MAX_ROWS) {
        truncated = true
        break
      }
      rows.push([`${input.date} ${clockOf(e.at)}`, GATE_EVENT_LABELS[e.event], e.subject, e.detail, e.gate, e.guardName].map(csvCell).join(','))
      n++
    }
    if (truncated || !page.next) break
    after = page.next
  }
  const parts = [input.date, input.gate, input.type && { visitor: '访客', vehicle: '车辆', goods: '物品' }[input.type]].filter(Boolean)
  return {
    filename: `门岗记录-${estate.name}-${parts.join('-')}.csv`,
    // BOM: Excel opens UTF-8 CSV as Chinese only with it
    csv: `\uFEFF${rows.join('\r\n')}\r\n`,
    rows: n,
    truncated
  }
}
