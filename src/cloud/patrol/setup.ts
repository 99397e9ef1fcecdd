/** A supervisor sets patrol up: checkpoints (with their signed QR codes), routes, plans. */
import { createHmac } from 'node:crypto'
import { settingsWithDefaults } from '../../domain/estates/settings'
import { AppError } from '../../domain/errors'
import type {
  CheckpointOut,
  ParsedInputOf,
  PatrolRefs,
  PlanOut,
  QrSheetItem,
  RouteOut
} from '../../domain/contract'
import type { Checkpoint, Plan, Route } from '../../domain/patrol/model'
import { checkpointCode, checkpointQr } from '../../domain/patrol/rules'
import { placeOf, planProblem, questionsProblem, routeProblem } from '../../domain/patrol/setup'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { hasAnyRole, MANAGER_ROLES } from '../../domain/roles'
import { nfcTagHash } from '../../domain/patrol/walk'
import { badInput, check, inEstate, type Coll, type New, type Patch } from '../kit'
import { DuplicateKeyError } from '../data/port'
import { editConflictMessage, scheduleChanged, type EditedKind } from '../../domain/patrol/edit'
import { CHECKPOINTS, PatrolRepo, PLANS, ROUTES, TAG_KEYS } from './repo'
import { checkpointOut, planOut, routeOut } from './views'

/** The signature a checkpoint's QR code carries: only this server (its secrets) can make it. */
export function qrSignature(ctx: Ctx, estateId: string, checkpointId: string): string {
  return createHmac('sha256', `${ctx.config.sessionSecret}:${ctx.config.idSalt}:patrol-qr`)
    .update(`${estateId}/${checkpointId}`)
    .digest('base64url')
    .slice(0, 22)
}

/** The estate's salt of the NFC tag hashes patrol phones get (domain/patrol/walk.ts: nfcTagHash). */
export function nfcSalt(ctx: Ctx, estateId: string): string {
  return createHmac('sha256', `${ctx.config.idSalt}:nfc-salt`).update(estateId).digest('hex').slice(0, 32)
}

/**
 * The reference data of patrol. A supervisor (who sets points up) gets them whole; a patrol
 * phone only what it needs to match a scan: no tag ids (their salted hashes) and no positions.
 */
export async function refs(_: Record<string, never>, ctx: Ctx): Promise<PatrolRefs> {
  const estate = requireEstate(ctx)
  const repo = new PatrolRepo(ctx)
  const manager = hasAnyRole(requireCaller(ctx).staff.roles, MANAGER_ROLES)
  const [w, stopped] = await Promise.all([
    repo.world(estate._id),
    manager ? repo.stopped(PLANS, estate._id) : Promise.resolve([])
  ])
  const salt = nfcSalt(ctx, estate._id)
  const phone = (c: CheckpointOut): CheckpointOut => {
    const { nfcTagId, position: _position, ...rest } = c
    return nfcTagId ? { ...rest, nfcTagHash: nfcTagHash(salt, nfcTagId) } : rest
  }
  const points = [...w.checkpoints.values()].map(checkpointOut)
  return {
    ...(manager ? {} : { nfcSalt: salt }),
    checkpoints: manager ? points : points.map(phone),
    routes: [...w.routes.values()].map(routeOut),
    plans: [...w.plans.values()].map(planOut),
    ...(manager
      ? { planDefaults: settingsWithDefaults(estate.settings).patrol, stoppedPlans: stopped.map(planOut) }
      : {}),
    at: ctx.now
  }
}

/** Saves a supervisor's form (active again if it was removed), with its audit record. */
async function save<T extends Checkpoint | Route | Plan>(
  ctx: Ctx,
  c: Coll<T>,
  id: string,
  fields: Patch<T>
): Promise<T> {
  const doc = await new PatrolRepo(ctx).saveInEstate(c, id, fields, { active: true } as Partial<T>)
  await ctx.audit(c.name, id)
  return doc
}

/**
 * Stores or removes a checkpoint's SUN keys (server-side only, never sent back): both keys, or
 * `sunOff`. Whether the point now has a signed tag, or undefined when the input leaves it as it was.
 */
async function sunKeys(
  repo: PatrolRepo,
  estateId: string,
  input: { id: string; sunMetaKey?: string; sunFileKey?: string; sunOff?: boolean }
): Promise<boolean | undefined> {
  if (!input.sunMetaKey !== !input.sunFileKey)
    throw badInput(input.sunMetaKey ? 'sunFileKey' : 'sunMetaKey', 'NFC 防伪标签的两个密钥要一起填')
  const keys = await repo.get(TAG_KEYS, input.id)
  if (keys && keys.estateId !== estateId) throw new AppError('NOT_FOUND')
  if (input.sunMetaKey && input.sunFileKey) {
    const meta = input.sunMetaKey.toUpperCase()
    const file = input.sunFileKey.toUpperCase()
    // new keys: a new tag, whose counter starts again
    const fields = {
      meta,
      file,
      lastCounter: keys && keys.meta === meta && keys.file === file ? keys.lastCounter : -1
    }
    if (keys) await repo.update(TAG_KEYS, keys, fields)
    else await repo.insert(TAG_KEYS, { _id: input.id, estateId, ...fields })
    return true
  }
  if (input.sunOff) {
    if (keys) await repo.remove(TAG_KEYS, input.id)
    return false
  }
  return undefined
}

/**
 * A point's NFC anti-forgery keys set (or turned off) apart from its form: the supervisor's
 * 已设置 field, which never gets the keys back.
 */
export async function checkpointSunKey(
  input: ParsedInputOf<'patrol.checkpointSunKey'>,
  ctx: Ctx
): Promise<CheckpointOut> {
  const estate = requireEstate(ctx)
  const repo = new PatrolRepo(ctx)
  if (!input.sunOff && !input.sunMetaKey && !input.sunFileKey)
    throw badInput('sunMetaKey', '请填写两个密钥，或选择关闭 NFC 防伪')
  const have = await repo.getInEstate(CHECKPOINTS, input.id, '没有这个巡更点', { active: true })
  const signedTag = (await sunKeys(repo, estate._id, input)) ?? have.signedTag ?? false
  const saved = await repo.update(CHECKPOINTS, have, { signedTag })
  await ctx.audit(CHECKPOINTS.name, input.id)
  return checkpointOut(saved)
}

export async function checkpointSave(
  input: ParsedInputOf<'patrol.checkpointSave'>,
  ctx: Ctx
): Promise<CheckpointOut> {
  const estate = requireEstate(ctx)
  const repo = new PatrolRepo(ctx)
  check(questionsProblem(input.questions))
  const have = await repo.get(CHECKPOINTS, input.id)
  let code = have?.code
  for (let i = 0; !code && i < 20; i++) {
    const c = checkpointCode(ctx.config.random)
    if (await repo.codeFree(estate._id, c)) code = c
  }
  if (!code) throw new AppError('INTERNAL')
  const signedTag = (await sunKeys(repo, estate._id, input)) ?? have?.signedTag ?? false
  const saved = await save(ctx, CHECKPOINTS, input.id, {
    signedTag,
    name: input.name,
    place: {
      building: input.building || undefined,
      floor: input.floor || undefined,
      area: input.area || undefined
    },
    position: input.position,
    questions: input.questions.map((q) => ({ ...q, options: q.options?.length ? q.options : undefined })),
    nfcTagId: input.nfcTagId || undefined,
    code
  })
  return checkpointOut(saved)
}

const KIND_NAMES = { route: '路线', plan: '计划' } as const

/**
 * Saves a route or plan at the version the edit was made on (`v`; none for a new one), with who
 * saved it, and its audit record. A version that moved on meanwhile, or a second first save of
 * the same id, is a CONFLICT naming who changed it and when; nothing is written then. `have`:
 * the record as read, already known to be the caller's estate's (`mineOrMissing`).
 */
async function saveVersioned<T extends Route | Plan>(
  ctx: Ctx,
  c: Coll<T>,
  kind: EditedKind,
  input: { id: string; v?: number; name: string },
  have: T | null,
  fields: Patch<T>,
  created: Partial<New<T>> = {}
): Promise<T> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new PatrolRepo(ctx)
  const conflict = (cur: T | null | undefined) =>
    new AppError('CONFLICT', editConflictMessage(kind, cur?.name ?? input.name, cur ?? undefined))
  const byName = { byName: staff.name } as Patch<T>
  let saved: T
  if (have) {
    if (input.v !== have._v) throw conflict(have)
    const updated = await repo.tryUpdate(c, have, { ...fields, ...byName })
    if (!updated) throw conflict(await repo.get(c, input.id))
    saved = updated
  } else {
    if (input.v !== undefined)
      throw new AppError('NOT_FOUND', `没有找到这个${KIND_NAMES[kind]}，可能已被删除`)
    try {
      saved = await repo.insert(c, {
        ...created,
        ...fields,
        ...byName,
        _id: input.id,
        estateId: estate._id
      } as New<T>)
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e
      throw conflict(await repo.get(c, input.id).catch(() => null))
    }
  }
  await ctx.audit(c.name, input.id)
  return saved
}

/** Another estate's record of this id is not there for the caller (no probing across estates). */
function mineOrMissing<T extends Route | Plan>(have: T | null, ctx: Ctx, kind: EditedKind): T | null {
  if (have && !inEstate(have, requireEstate(ctx)._id))
    throw new AppError('NOT_FOUND', `没有找到这个${KIND_NAMES[kind]}`)
  return have
}

export async function routeSave(input: ParsedInputOf<'patrol.routeSave'>, ctx: Ctx): Promise<RouteOut> {
  const estate = requireEstate(ctx)
  const repo = new PatrolRepo(ctx)
  const [points, had] = await Promise.all([repo.active(CHECKPOINTS, estate._id), repo.get(ROUTES, input.id)])
  const have = mineOrMissing(had, ctx, 'route')
  const known = new Set(points.map((c) => c._id))
  check(routeProblem(input.checkpointIds, (id) => known.has(id)))
  // rounds already started keep the route they started with (Round.route)
  return routeOut(
    await saveVersioned(
      ctx,
      ROUTES,
      'route',
      input,
      have,
      { name: input.name, checkpointIds: input.checkpointIds, ordered: input.ordered },
      { active: true }
    )
  )
}

export async function planSave(input: ParsedInputOf<'patrol.planSave'>, ctx: Ctx): Promise<PlanOut> {
  const estate = requireEstate(ctx)
  const repo = new PatrolRepo(ctx)
  const [route, had] = await Promise.all([repo.get(ROUTES, input.routeId), repo.get(PLANS, input.id)])
  const have = mineOrMissing(had, ctx, 'plan')
  if (!route || route.estateId !== estate._id || !route.active)
    throw badInput('routeId', '路线：不存在或已删除')
  check(planProblem(input))
  const { id: _id, v: _v, ...rest } = input
  const fields = { ...rest, days: [...new Set(input.days)].sort() }
  // a new schedule starts now: slots that closed before it are neither due nor missed
  const fresh = !have || scheduleChanged(have, fields)
  return planOut(
    await saveVersioned(
      ctx,
      PLANS,
      'plan',
      input,
      have,
      { ...fields, ...(fresh ? { scheduleFrom: ctx.now } : {}) },
      { active: true }
    )
  )
}

/** 停用 a plan (no more slots; its rounds stay on their days) or enable it again (its schedule from now). */
export async function planActive(input: ParsedInputOf<'patrol.planActive'>, ctx: Ctx): Promise<PlanOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new PatrolRepo(ctx)
  const have = await repo.getInEstate(PLANS, input.id, '没有找到这个巡更计划')
  const conflict = (cur: Plan | null) =>
    new AppError('CONFLICT', editConflictMessage('plan', cur?.name ?? have.name, cur ?? undefined))
  if (have._v !== input.v) throw conflict(have)
  if (have.active === input.active) return planOut(have)
  if (input.active) {
    const route = await repo.get(ROUTES, have.routeId)
    if (!route || route.estateId !== estate._id || !route.active)
      throw badInput('routeId', '这个计划的路线已删除，请先改选路线再启用')
  }
  const updated = await repo.tryUpdate(PLANS, have, {
    active: input.active,
    byName: staff.name,
    ...(input.active ? { scheduleFrom: ctx.now } : {})
  })
  if (!updated) throw conflict(await repo.get(PLANS, input.id))
  await ctx.audit(PLANS.name, input.id)
  return planOut(updated)
}

/** Removes a point (soft); one still on a route is refused, naming the routes. */
export async function checkpointRemove(
  input: ParsedInputOf<'patrol.checkpointRemove'>,
  ctx: Ctx
): Promise<{ id: string }> {
  const estate = requireEstate(ctx)
  const repo = new PatrolRepo(ctx)
  const [have, routes] = await Promise.all([
    repo.getInEstate(CHECKPOINTS, input.id, '没有找到这个巡更点', { active: true }),
    repo.active(ROUTES, estate._id)
  ])
  const on = routes.filter((r) => r.checkpointIds.includes(input.id)).map((r) => `「${r.name}」`)
  if (on.length)
    throw new AppError(
      'CONFLICT',
      `「${have.name}」在路线${on.join('、')}上，不能删除；请先在路线里去掉这个点`
    )
  await repo.update(CHECKPOINTS, have, { active: false })
  await ctx.audit(CHECKPOINTS.name, input.id)
  return { id: input.id }
}

export async function qrSheet(_: Record<string, never>, ctx: Ctx): Promise<QrSheetItem[]> {
  const estate = requireEstate(ctx)
  const points = await new PatrolRepo(ctx).active(CHECKPOINTS, estate._id)
  return points.map((c) => ({
    checkpointId: c._id,
    name: c.name,
    place: placeOf(c),
    code: c.code,
    qr: checkpointQr(c._id, qrSignature(ctx, estate._id, c._id))
  }))
}
