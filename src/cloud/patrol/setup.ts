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
import { badInput, check, type Coll, type Patch } from '../kit'
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
  const w = await new PatrolRepo(ctx).world(estate._id)
  const manager = hasAnyRole(requireCaller(ctx).staff.roles, MANAGER_ROLES)
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
    ...(manager ? { planDefaults: settingsWithDefaults(estate.settings).patrol } : {}),
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

export async function routeSave(input: ParsedInputOf<'patrol.routeSave'>, ctx: Ctx): Promise<RouteOut> {
  const estate = requireEstate(ctx)
  const points = await new PatrolRepo(ctx).active(CHECKPOINTS, estate._id)
  const known = new Set(points.map((c) => c._id))
  check(routeProblem(input.checkpointIds, (id) => known.has(id)))
  return routeOut(
    await save(ctx, ROUTES, input.id, {
      name: input.name,
      checkpointIds: input.checkpointIds,
      ordered: input.ordered
    })
  )
}

export async function planSave(input: ParsedInputOf<'patrol.planSave'>, ctx: Ctx): Promise<PlanOut> {
  const estate = requireEstate(ctx)
  const route = await new PatrolRepo(ctx).get(ROUTES, input.routeId)
  if (!route || route.estateId !== estate._id || !route.active)
    throw badInput('routeId', '路线：不存在或已删除')
  check(planProblem(input))
  const { id, ...fields } = input
  return planOut(await save(ctx, PLANS, id, { ...fields, days: [...new Set(input.days)].sort() }))
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
