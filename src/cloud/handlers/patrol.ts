/**
 * Patrol (巡更): rounds walked against plans, scans checked against the route and rated for
 * evidence, and what a supervisor reads of it. QR codes on checkpoints carry a signature only
 * this server can make, so a guessed id does not scan.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { AppError } from '../../domain/errors'
import type {
  CheckpointOut,
  DayRound,
  ParsedInputOf,
  PatrolDay,
  PatrolRefs,
  PatrolWeek,
  PlanOut,
  QrSheetItem,
  RoundCard,
  RoundDetail,
  RoundOut,
  RouteOut,
  ScanOut
} from '../../domain/contract'
import type { Checkpoint, Plan, Round, Route, Scan } from '../../domain/patrol/model'
import { acceptScan, anomaliesOf, checkpointCode, checkpointQr, evaluateRound, LATE_GRACE_MIN, parseCheckpointQr, rateEvidence } from '../../domain/patrol/rules'
import { currentAndNext, slotsBetween, slotsOn } from '../../domain/patrol/slots'
import { dayStart, localDate } from '../../domain/time'
import { hasAnyRole, MANAGER_ROLES } from '../../domain/roles'
import type { Estate } from '../../domain/entities'
import { requireCaller, requireEstate, type Ctx } from '../context'
import type { D } from './common'
import { DuplicateKeyError, type DataPort, type Where } from '../data/port'
import { badInput, eventTime } from '../kit'

const DAY = 86_400_000
const CHINA_OFFSET = 8 * 3600_000

function sign(ctx: Ctx, estateId: string, checkpointId: string): string {
  return createHmac('sha256', `${ctx.config.sessionSecret}:${ctx.config.idSalt}:patrol-qr`).update(`${estateId}/${checkpointId}`).digest('base64url').slice(0, 22)
}

function placeOf(c: Checkpoint): string {
  return [c.place.building && `${c.place.building}栋`, c.place.floor && `${c.place.floor}层`, c.place.area].filter(Boolean).join(' ')
}
function checkpointOut(c: Checkpoint): CheckpointOut {
  return {
    id: c._id,
    name: c.name,
    place: placeOf(c),
    code: c.code,
    hasPosition: !!c.position,
    position: c.position,
    questions: c.questions,
    nfcTagId: c.nfcTagId
  }
}
function routeOut(r: Route): RouteOut {
  return { id: r._id, name: r.name, checkpointIds: r.checkpointIds, ordered: r.ordered }
}
function planOut(p: Plan): PlanOut {
  return { id: p._id, name: p.name, routeId: p.routeId, days: p.days, start: p.start, end: p.end, everyMinutes: p.everyMinutes, minMinutes: p.minMinutes, maxMinutes: p.maxMinutes, roles: p.roles }
}

async function active<T extends { _id: string; _v: number }>(ctx: Ctx, coll: 'checkpoints' | 'routes' | 'plans', estateId: string): Promise<D<T>[]> {
  const page = await ctx.store.find<D<T>>(coll, { where: { estateId, active: true }, orderBy: [['createdAt', 'asc']], limit: 1000 })
  return page.items
}

interface World {
  checkpoints: Map<string, D<Checkpoint>>
  routes: Map<string, D<Route>>
  plans: Map<string, D<Plan>>
}
async function world(ctx: Ctx, estateId: string): Promise<World> {
  const [c, r, p] = await Promise.all([active<Checkpoint>(ctx, 'checkpoints', estateId), active<Route>(ctx, 'routes', estateId), active<Plan>(ctx, 'plans', estateId)])
  return { checkpoints: new Map(c.map((x) => [x._id, x])), routes: new Map(r.map((x) => [x._id, x])), plans: new Map(p.map((x) => [x._id, x])) }
}
const nameIn = (w: World) => (id: string) => w.checkpoints.get(id)?.name ?? '已删除的点'

async function scansOf(ctx: Ctx, roundIds: string[]): Promise<D<Scan>[]> {
  if (!roundIds.length) return []
  const out: D<Scan>[] = []
  for (let i = 0; i < roundIds.length; i += 100) {
    let after: string | undefined
    for (;;) {
      const page = await ctx.store.find<D<Scan>>('scans', { where: { roundId: { in: roundIds.slice(i, i + 100) } }, orderBy: [['deviceTime', 'asc']], limit: 1000, after })
      out.push(...page.items)
      if (!page.next) break
      after = page.next
    }
  }
  return out.sort((a, b) => a.deviceTime - b.deviceTime)
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const x of xs) {
    const k = key(x)
    const list = m.get(k)
    if (list) list.push(x)
    else m.set(k, [x])
  }
  return m
}

function scanOut(s: Scan): ScanOut {
  return {
    id: s._id,
    roundId: s.roundId,
    checkpointId: s.checkpointId,
    checkpointName: s.checkpointName,
    method: s.method,
    deviceTime: s.deviceTime,
    serverTime: s.serverTime,
    anomalies: s.anomalies,
    outOfOrder: s.outOfOrder,
    evidence: s.evidence,
    staffName: s.staffName
  }
}

function roundOut(w: World, r: Round, scans: readonly Scan[], now: number): RoundOut {
  const plan = w.plans.get(r.planId)
  const route = w.routes.get(r.routeId)
  const evaluation = evaluateRound(
    plan ?? { minMinutes: 0, maxMinutes: 24 * 60 },
    route ?? { checkpointIds: [] },
    r,
    scans,
    nameIn(w),
    now
  )
  return {
    id: r._id,
    planId: r.planId,
    planName: plan?.name ?? '',
    routeId: r.routeId,
    slotStart: r.slotStart,
    slotEnd: r.slotEnd,
    status: r.status,
    staffName: r.staffName,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    endReason: r.endReason,
    scannedIds: scans.map((s) => s.checkpointId),
    evaluation
  }
}

async function roundsBetween(ctx: Ctx, estateId: string, from: number, to: number): Promise<D<Round>[]> {
  const out: D<Round>[] = []
  let after: string | undefined
  for (;;) {
    const page = await ctx.store.find<D<Round>>('rounds', { where: { estateId, slotStart: { gte: from, lt: to } }, orderBy: [['slotStart', 'asc']], limit: 1000, after })
    out.push(...page.items)
    if (!page.next) return out
    after = page.next
  }
}

// ---------------- patrol staff ----------------

export async function refs(_: Record<string, never>, ctx: Ctx): Promise<PatrolRefs> {
  const estate = requireEstate(ctx)
  const w = await world(ctx, estate._id)
  return { checkpoints: [...w.checkpoints.values()].map(checkpointOut), routes: [...w.routes.values()].map(routeOut), plans: [...w.plans.values()].map(planOut), at: ctx.now }
}

export async function today(_: Record<string, never>, ctx: Ctx): Promise<RoundCard[]> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const w = await world(ctx, estate._id)
  const mine = [...w.plans.values()].filter((p) => hasAnyRole(staff.roles, p.roles) || hasAnyRole(staff.roles, MANAGER_ROLES))
  const rounds = await roundsBetween(ctx, estate._id, ctx.now - 2 * DAY, ctx.now + 2 * DAY)
  const scans = await scansOf(ctx, rounds.filter((r) => r.status === 'inProgress').map((r) => r._id))
  const cards: RoundCard[] = []
  for (const p of mine) {
    const { current, next } = currentAndNext(p, ctx.now)
    // a round still being walked past its slot stays on the list
    const open = rounds.filter((r) => r.planId === p._id && r.status === 'inProgress')
    const slots = [current, next].filter((s): s is NonNullable<typeof s> => !!s)
    for (const r of open) if (!slots.some((s) => s.start === r.slotStart)) slots.unshift({ planId: p._id, start: r.slotStart, end: r.slotEnd })
    for (const s of slots) {
      const r = rounds.find((x) => x.planId === p._id && x.slotStart === s.start)
      cards.push({
        planId: p._id,
        planName: p.name,
        routeName: w.routes.get(p.routeId)?.name ?? '',
        slotStart: s.start,
        slotEnd: s.end,
        state: r ? r.status : s.start <= ctx.now ? 'due' : 'upcoming',
        round: r ? roundOut(w, r, scans.filter((x) => x.roundId === r._id), ctx.now) : undefined
      })
    }
  }
  return cards.sort((a, b) => a.slotStart - b.slotStart)
}

export async function start(input: ParsedInputOf<'patrol.start'>, ctx: Ctx): Promise<RoundOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const at = eventTime(ctx)
  const plan = await ctx.db.get<D<Plan>>('plans', input.planId)
  if (!plan || plan.estateId !== estate._id || !plan.active) throw new AppError('NOT_FOUND', '没有找到这个巡更计划')
  const slot = slotsBetween(plan, input.slotStart - 1, input.slotStart + 1).find((s) => s.start === input.slotStart)
  if (!slot) throw badInput('slotStart', '轮次：这个时间没有安排巡更')
  if (at < slot.start - 30 * 60_000) throw new AppError('CONFLICT', '这一轮还没到时间（最多提前30分钟开始）')
  if (await ctx.db.get('rounds', input.id)) throw new AppError('DUPLICATE', '这一轮已经开始了')
  const taken = await ctx.store.find<D<Round>>('rounds', { where: { estateId: estate._id, planId: plan._id, slotStart: slot.start }, orderBy: [['slotStart', 'asc']], limit: 1 })
  const slotTaken = (other: Round | null | undefined) => new AppError('CONFLICT', other?.status === 'missed' ? '这一轮已记为漏巡' : `这一轮已由${other?.staffName ?? '别人'}开始`)
  if (taken.items[0]) throw slotTaken(taken.items[0])
  // The query above is outside the transaction; the slot claim inside it is what holds.
  const holder = await claimSlot(ctx.db, ctx.now, plan._id, slot.start, input.id)
  if (holder !== input.id) throw slotTaken(await ctx.db.get<D<Round>>('rounds', holder))
  const round = await ctx.db.insert<D<Round>>('rounds', {
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    planId: plan._id,
    routeId: plan.routeId,
    slotStart: slot.start,
    slotEnd: slot.end,
    status: 'inProgress',
    staffId: staff._id,
    staffName: staff.name,
    startedAt: at
  })
  await ctx.audit('rounds', round._id)
  const w = await world(ctx, estate._id)
  return roundOut(w, round, [], ctx.now)
}

async function resolvePoint(ctx: Ctx, estateId: string, method: 'nfc' | 'qr' | 'typed', value: string): Promise<D<Checkpoint>> {
  if (method === 'qr') {
    const t = parseCheckpointQr(value)
    if (!t) throw new AppError('BAD_QR')
    const want = Buffer.from(sign(ctx, estateId, t.checkpointId))
    const got = Buffer.from(t.sig)
    const c = await ctx.db.get<D<Checkpoint>>('checkpoints', t.checkpointId)
    if (got.length !== want.length || !timingSafeEqual(got, want) || !c || c.estateId !== estateId || !c.active) throw new AppError('BAD_QR')
    return c
  }
  const where: Where = method === 'typed' ? { estateId, active: true, code: value.trim().toUpperCase() } : { estateId, nfcTagId: value.trim() }
  const page = await ctx.store.find<D<Checkpoint>>('checkpoints', { where, orderBy: [['createdAt', 'asc']], limit: 1 })
  const c = page.items[0]
  if (!c || !c.active) throw new AppError('NOT_FOUND', method === 'typed' ? `没有编号为 ${value.trim().toUpperCase()} 的巡更点，请核对巡更点牌子上的编号` : '这个 NFC 标签没有登记为巡更点')
  return c
}

export async function scan(input: ParsedInputOf<'patrol.scan'>, ctx: Ctx): Promise<ScanOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  // one round trip: everything a scan is checked against is read at once; the checks keep their order
  const later = <T>(p: Promise<T>): Promise<T> => {
    p.catch(() => undefined)
    return p
  }
  const pointP = later(resolvePoint(ctx, estate._id, input.method, input.value))
  const worldP = later(world(ctx, estate._id))
  const priorP = later(scansOf(ctx, [input.roundId]))
  const [round, had] = await Promise.all([ctx.db.get<D<Round>>('rounds', input.roundId), ctx.db.get('scans', input.id)])
  if (!round || round.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这一轮巡更')
  if (round.status !== 'inProgress') throw new AppError('ROUND_CLOSED')
  if (had) throw new AppError('DUPLICATE', '这次打点已经记录过了')
  const point = await pointP
  const w = await worldP
  const route = w.routes.get(round.routeId)
  if (!route) throw new AppError('NOT_FOUND', '这一轮的路线已被删除')
  const prior = await priorP
  const otherRoute = [...w.routes.values()].find((r) => r._id !== route._id && r.checkpointIds.includes(point._id))?.name
  const verdict = acceptScan(route, prior.map((s) => s.checkpointId), point._id, nameIn(w), otherRoute)
  if (!verdict.ok) throw new AppError(verdict.code === 'ROUND_CLOSED' ? 'ROUND_CLOSED' : verdict.code === 'REPEAT' ? 'REPEAT_SCAN' : 'WRONG_POINT', verdict.reason)
  const deviceTime = ctx.op?.deviceTime ?? ctx.now
  const last = prior[prior.length - 1]
  const evidence = rateEvidence(
    { method: input.method, deviceTime, serverTime: ctx.now, position: input.position },
    point,
    last && { checkpointId: last.checkpointId, deviceTime: last.deviceTime, position: last.position, checkpointPosition: w.checkpoints.get(last.checkpointId)?.position }
  )
  const doc = await ctx.db.insert<D<Scan>>('scans', {
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    roundId: round._id,
    checkpointId: point._id,
    checkpointName: point.name,
    method: input.method,
    deviceTime,
    serverTime: ctx.now,
    position: input.position,
    answers: input.answers,
    anomalies: anomaliesOf(point.questions, input.answers),
    outOfOrder: verdict.outOfOrder,
    evidence,
    staffId: staff._id,
    staffName: staff.name
  })
  await ctx.audit('scans', doc._id)
  return scanOut(doc)
}

export async function end(input: ParsedInputOf<'patrol.end'>, ctx: Ctx): Promise<RoundOut> {
  const estate = requireEstate(ctx)
  const round = await ctx.db.get<D<Round>>('rounds', input.roundId)
  if (!round || round.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这一轮巡更')
  if (round.status !== 'inProgress') throw new AppError('ROUND_CLOSED')
  const w = await world(ctx, estate._id)
  const scans = await scansOf(ctx, [round._id])
  const route = w.routes.get(round.routeId)
  const missing = (route?.checkpointIds ?? []).filter((id) => !scans.some((s) => s.checkpointId === id))
  if (missing.length && !input.reason) throw badInput('reason', `还有 ${missing.length} 个点没巡（${missing.map(nameIn(w)).join('、')}），提前结束请写明原因`)
  const updated = await ctx.db.update<D<Round>>('rounds', round._id, round._v, {
    status: missing.length ? 'abandoned' : 'done',
    endedAt: eventTime(ctx),
    endReason: input.reason || undefined,
    updatedAt: ctx.now
  })
  if (!updated) throw new AppError('CONFLICT')
  await ctx.audit('rounds', round._id)
  return roundOut(w, updated, scans, ctx.now)
}

// ---------------- supervisors ----------------

async function upsert<T extends { _id: string; _v: number; estateId: string }>(ctx: Ctx, coll: string, id: string, fields: Record<string, unknown>): Promise<D<T>> {
  const estate = requireEstate(ctx)
  const have = await ctx.db.get<D<T>>(coll, id)
  let doc: D<T> | null
  if (have) {
    if (have.estateId !== estate._id) throw new AppError('NOT_FOUND')
    doc = await ctx.db.update<D<T>>(coll, id, have._v, { ...fields, updatedAt: ctx.now } as unknown as Partial<D<T>>)
    if (!doc) throw new AppError('CONFLICT')
  } else doc = await ctx.db.insert<D<T>>(coll, { ...fields, _id: id, estateId: estate._id, active: true, createdAt: ctx.now, updatedAt: ctx.now } as unknown as D<T>)
  await ctx.audit(coll, id)
  return doc
}

export async function checkpointSave(input: ParsedInputOf<'patrol.checkpointSave'>, ctx: Ctx): Promise<CheckpointOut> {
  const estate = requireEstate(ctx)
  const keys = input.questions.map((q) => q.key)
  if (new Set(keys).size !== keys.length) throw badInput('questions', '问题：编号重复')
  for (const q of input.questions) if (q.kind === 'choice' && !(q.options ?? []).length) throw badInput('questions', `问题：「${q.label}」要给出选项`)
  const have = await ctx.db.get<D<Checkpoint>>('checkpoints', input.id)
  let code = have?.code
  for (let i = 0; !code && i < 20; i++) {
    const c = checkpointCode(ctx.config.random)
    if ((await ctx.store.count('checkpoints', { estateId: estate._id, active: true, code: c })) === 0) code = c
  }
  if (!code) throw new AppError('INTERNAL')
  const saved = await upsert<Checkpoint>(ctx, 'checkpoints', input.id, {
    name: input.name,
    place: { building: input.building || undefined, floor: input.floor || undefined, area: input.area || undefined },
    position: input.position,
    questions: input.questions.map((q) => ({ ...q, options: q.options?.length ? q.options : undefined })),
    nfcTagId: input.nfcTagId || undefined,
    code
  })
  return checkpointOut(saved)
}

export async function routeSave(input: ParsedInputOf<'patrol.routeSave'>, ctx: Ctx): Promise<RouteOut> {
  const estate = requireEstate(ctx)
  if (new Set(input.checkpointIds).size !== input.checkpointIds.length) throw badInput('checkpointIds', '巡更点：有重复')
  const w = await world(ctx, estate._id)
  const unknown = input.checkpointIds.filter((id) => !w.checkpoints.has(id))
  if (unknown.length) throw badInput('checkpointIds', `巡更点：${unknown.length} 个不存在或已删除`)
  return routeOut(await upsert<Route>(ctx, 'routes', input.id, { name: input.name, checkpointIds: input.checkpointIds, ordered: input.ordered }))
}

export async function planSave(input: ParsedInputOf<'patrol.planSave'>, ctx: Ctx): Promise<PlanOut> {
  const estate = requireEstate(ctx)
  const route = await ctx.db.get<D<Route>>('routes', input.routeId)
  if (!route || route.estateId !== estate._id || !route.active) throw badInput('routeId', '路线：不存在或已删除')
  if (input.maxMinutes < input.minMinutes) throw badInput('maxMinutes', '用时：最长应不少于最短')
  if (input.start === input.end) throw badInput('end', '时间：开始和结束不能相同')
  return planOut(await upsert<Plan>(ctx, 'plans', input.id, { ...input, id: undefined, days: [...new Set(input.days)].sort() }))
}

export async function qrSheet(_: Record<string, never>, ctx: Ctx): Promise<QrSheetItem[]> {
  const estate = requireEstate(ctx)
  const points = await active<Checkpoint>(ctx, 'checkpoints', estate._id)
  return points.map((c) => ({ checkpointId: c._id, name: c.name, place: placeOf(c), code: c.code, qr: checkpointQr(c._id, sign(ctx, estate._id, c._id)) }))
}

/** Late: nobody has started yet past the grace time, or it was started after it. A missed round is missed, not also late. */
function countsLate(r: Round | undefined, s: { start: number }, state: DayRound['state']): boolean {
  return state === 'late' || (r?.startedAt !== undefined && r.startedAt > s.start + LATE_GRACE_MIN * 60_000)
}

function slotState(r: Round | undefined, s: { start: number; end: number }, now: number): DayRound['state'] {
  if (r) return r.status
  if (s.start > now) return 'upcoming'
  if (now >= s.end) return 'missed'
  return now > s.start + LATE_GRACE_MIN * 60_000 ? 'late' : 'due'
}

/**
 * Today's missed and late rounds for the supervisor's home card: from the plans and the
 * rounds alone (no scans are read, so it stays cheap on every home load). Counts as dayOf does.
 */
export async function alertsToday(ctx: Ctx, estate: Estate): Promise<{ missed: number; late: number }> {
  const d0 = dayStart(ctx.now)
  const [plans, rounds] = await Promise.all([active<Plan>(ctx, 'plans', estate._id), roundsBetween(ctx, estate._id, d0, d0 + DAY)])
  const bySlot = new Map(rounds.map((r) => [`${r.planId}@${r.slotStart}`, r]))
  let missed = 0
  let late = 0
  for (const p of plans)
    for (const s of slotsOn(p, d0)) {
      const r = bySlot.get(`${p._id}@${s.start}`)
      const state = slotState(r, s, ctx.now)
      if (state === 'missed') missed++
      if (countsLate(r, s, state)) late++
    }
  return { missed, late }
}

/** Every slot of a day, with its round if walked. */
export async function dayOf(ctx: Ctx, estate: Estate, date: string): Promise<PatrolDay> {
  const d0 = Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET
  if (Number.isNaN(d0)) throw badInput('date', '日期：不是有效的日期')
  const w = await world(ctx, estate._id)
  const rounds = await roundsBetween(ctx, estate._id, d0, d0 + DAY)
  const bySlot = new Map(rounds.map((r) => [`${r.planId}@${r.slotStart}`, r]))
  const scansByRound = groupBy(await scansOf(ctx, rounds.map((r) => r._id)), (x) => x.roundId)
  const counts = { done: 0, inProgress: 0, late: 0, missed: 0, incomplete: 0, coverage: 0, anomalies: 0, suspicious: 0 }
  let covered = 0
  let slotsPast = 0
  const plans: PatrolDay['plans'] = []
  for (const p of w.plans.values()) {
    const route = w.routes.get(p.routeId)
    const rows: DayRound[] = []
    for (const s of slotsOn(p, d0)) {
      const r = bySlot.get(`${p._id}@${s.start}`)
      const state = slotState(r, s, ctx.now)
      const ev = r ? evaluateRound(p, route ?? { checkpointIds: [] }, r, scansByRound.get(r._id) ?? [], nameIn(w), ctx.now) : undefined
      const flags = ev?.flags ?? (state === 'missed' ? ['漏巡'] : state === 'late' ? ['已过开始时间，还没人开始'] : [])
      rows.push({ planId: p._id, slotStart: s.start, slotEnd: s.end, state, roundId: r?._id, staffName: r?.staffName, coverage: ev?.coverage ?? 0, flags })
      if (state === 'done') counts.done++
      if (state === 'inProgress') counts.inProgress++
      if (countsLate(r, s, state)) counts.late++
      if (state === 'missed') counts.missed++
      if (state === 'abandoned' || ev?.incomplete) counts.incomplete++
      counts.anomalies += ev?.anomalies ?? 0
      counts.suspicious += ev?.suspicious ?? 0
      if (s.start <= ctx.now) {
        slotsPast++
        covered += ev?.coverage ?? 0
      }
    }
    plans.push({ planId: p._id, name: p.name, routeName: route?.name ?? '', rounds: rows })
  }
  counts.coverage = slotsPast ? Math.round(covered / slotsPast) : 0
  return { date, plans, counts }
}

export async function day(input: { date: string }, ctx: Ctx): Promise<PatrolDay> {
  return dayOf(ctx, requireEstate(ctx), input.date)
}

export async function round(input: { roundId: string }, ctx: Ctx): Promise<RoundDetail> {
  const estate = requireEstate(ctx)
  const r = await ctx.store.get<D<Round>>('rounds', input.roundId)
  if (!r || r.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这一轮巡更')
  const w = await world(ctx, estate._id)
  const scans = await scansOf(ctx, [r._id])
  const route = w.routes.get(r.routeId)
  const ids = [...(route?.checkpointIds ?? []), ...scans.map((s) => s.checkpointId).filter((id) => !route?.checkpointIds.includes(id))]
  return {
    round: roundOut(w, r, scans, ctx.now),
    routeName: route?.name ?? '',
    points: ids.map((id) => {
      const s = scans.find((x) => x.checkpointId === id)
      return { checkpointId: id, name: nameIn(w)(id), scan: s && scanOut(s) }
    })
  }
}

export async function week(input: { endDate: string }, ctx: Ctx): Promise<PatrolWeek> {
  const estate = requireEstate(ctx)
  const end = Date.parse(`${input.endDate}T00:00:00Z`) - CHINA_OFFSET
  if (Number.isNaN(end)) throw badInput('endDate', '日期：不是有效的日期')
  const days = Array.from({ length: 7 }, (_, i) => localDate(end - (6 - i) * DAY))
  const w = await world(ctx, estate._id)
  const rounds = await roundsBetween(ctx, estate._id, end - 6 * DAY, end + DAY)
  const bySlot = new Map(rounds.map((r) => [`${r.planId}@${r.slotStart}`, r]))
  // coverage needs only how many points each round has: count them, do not load the scans
  const counted = new Map<string, number>()
  for (const r of rounds) if (r.status !== 'missed') counted.set(r._id, await ctx.store.count('scans', { roundId: r._id }))
  const routes = [...w.routes.values()].map((route) => {
    const coverage = days.map((_, i) => {
      const d0 = end - (6 - i) * DAY
      let sum = 0
      let n = 0
      for (const p of w.plans.values()) {
        if (p.routeId !== route._id) continue
        for (const s of slotsOn(p, d0)) {
          if (s.start > ctx.now) continue
          n++
          const r = bySlot.get(`${p._id}@${s.start}`)
          if (r && route.checkpointIds.length) sum += Math.min(100, ((counted.get(r._id) ?? 0) / route.checkpointIds.length) * 100)
        }
      }
      return n ? Math.round(sum / n) : null
    })
    return { routeId: route._id, name: route.name, coverage }
  })
  return { days, routes }
}

/**
 * One round per plan slot: the slot is claimed as a document id (`roundslots/<plan>@<start>`)
 * in the caller's transaction. Returns the round that holds the slot: `roundId` when this
 * call won it, another round's id when that one did.
 */
export async function claimSlot(db: DataPort, now: number, planId: string, slotStart: number, roundId: string): Promise<string> {
  const id = `${planId}@${slotStart}`
  try {
    await db.insert('roundslots', { _id: id, createdAt: now, updatedAt: now, roundId })
    return roundId
  } catch (e) {
    if (!(e instanceof DuplicateKeyError)) throw e
    const held = await db.get<D<{ _id: string; _v: number; roundId: string }>>('roundslots', id)
    return held?.roundId ?? roundId
  }
}

/** Cron: rounds whose window closed in the last day with nobody on them are recorded as missed. */
export async function markMissed(ctx: Ctx): Promise<number> {
  let n = 0
  const estates = await ctx.store.find<D<Estate>>('estates', { orderBy: [['_id', 'asc']], limit: 1000 })
  for (const e of estates.items) {
    const plans = await active<Plan>(ctx, 'plans', e._id)
    if (!plans.length) continue
    const rounds = await roundsBetween(ctx, e._id, dayStart(ctx.now) - 3 * DAY, ctx.now + DAY)
    for (const p of plans)
      for (const s of slotsBetween(p, ctx.now - DAY, ctx.now)) {
        if (s.end > ctx.now || rounds.some((r) => r.planId === p._id && r.slotStart === s.start)) continue
        const id = `missed-${p._id}-${s.start}`
        if (await ctx.store.get('rounds', id)) continue
        // a round started at the same moment holds the slot: not missed
        if ((await claimSlot(ctx.store, ctx.now, p._id, s.start, id)) !== id) continue
        await ctx.store.insert<D<Round>>('rounds', { _id: id, createdAt: ctx.now, updatedAt: ctx.now, estateId: e._id, planId: p._id, routeId: p.routeId, slotStart: s.start, slotEnd: s.end, status: 'missed' })
        n++
      }
  }
  return n
}
