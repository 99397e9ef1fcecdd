/** A scan at a checkpoint: which point (signed QR, NFC tag, typed code), checked against the round's route, rated for evidence. */
import { timingSafeEqual } from 'node:crypto'
import { AppError, ERROR_MESSAGES } from '../../domain/errors'
import type { ParsedInputOf, ScanOut } from '../../domain/contract'
import type { Checkpoint } from '../../domain/patrol/model'
import type { ScanVerdict } from '../../domain/patrol/rules'
import {
  acceptScan,
  anomaliesOf,
  parseCheckpointQr,
  rateEvidence,
  roundActRefusal,
  routeOfRound
} from '../../domain/patrol/rules'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { eventTime } from '../kit'
import { CHECKPOINTS, nameIn, PatrolRepo, ROUNDS, SCANS, TAG_KEYS, type TagKeys } from './repo'
import { freshTap, isSunMessage, verifySun, type SunTap } from './sun'
import { qrSignature } from './setup'
import { typedCode, unknownPointMessage } from '../../domain/patrol/walk'
import { scanOut } from './views'

/** A tag id as typed by a supervisor (any case, maybe with colons or spaces) in the UID's form. */
const uidForm = (id: string) => id.replace(/[^0-9A-Fa-f]/g, '').toUpperCase()

/**
 * The point a signed NFC tap (NTAG 424 DNA SUN) names: the one whose keys verify its MAC and,
 * when the point has a tag id, whose tag it is (the UID is under the MAC: estates often give all
 * their tags the same keys); its counter must be above the last accepted (a copied tap repeats
 * it) and becomes the last.
 */
async function signedPoint(repo: PatrolRepo, estateId: string, value: string): Promise<Checkpoint> {
  const verified: { k: TagKeys; tap: SunTap; c: Checkpoint | null }[] = []
  for (const k of await repo.tagKeys(estateId)) {
    const tap = verifySun({ meta: Buffer.from(k.meta, 'hex'), file: Buffer.from(k.file, 'hex') }, value)
    if (tap) verified.push({ k, tap, c: await repo.get(CHECKPOINTS, k._id) })
  }
  // the point whose tag id is this UID; else one with these keys and no tag id written down
  const found =
    verified.find((x) => x.c?.nfcTagId && uidForm(x.c.nfcTagId) === x.tap.uid) ??
    verified.find((x) => !x.c?.nfcTagId)
  if (found) {
    const { k, tap, c } = found
    if (!freshTap(tap, k.lastCounter < 0 ? undefined : k.lastCounter)) throw new AppError('TAG_REPLAYED')
    // in the scan's transaction: two scans of one tap cannot both move the counter
    await repo.update(TAG_KEYS, k, { lastCounter: tap.counter }, ERROR_MESSAGES.TAG_REPLAYED)
    if (!c || c.estateId !== estateId || !c.active)
      throw new AppError('NOT_FOUND', unknownPointMessage('nfc', value))
    return c
  }
  throw new AppError('NOT_FOUND', '这个 NFC 防伪标签的读数无法验证，请重新贴近标签')
}

/** The point a scan names; a QR code must carry this server's signature for this estate. */
async function resolvePoint(
  ctx: Ctx,
  repo: PatrolRepo,
  estateId: string,
  method: 'nfc' | 'qr' | 'typed',
  value: string
): Promise<Checkpoint> {
  if (method === 'nfc' && isSunMessage(value)) return signedPoint(repo, estateId, value)
  if (method === 'qr') {
    const t = parseCheckpointQr(value)
    if (!t) throw new AppError('BAD_QR')
    const want = Buffer.from(qrSignature(ctx, estateId, t.checkpointId))
    const got = Buffer.from(t.sig)
    const c = await repo.get(CHECKPOINTS, t.checkpointId)
    if (
      got.length !== want.length ||
      !timingSafeEqual(got, want) ||
      !c ||
      c.estateId !== estateId ||
      !c.active
    )
      throw new AppError('BAD_QR')
    return c
  }
  const c =
    method === 'typed'
      ? await repo.pointByCode(estateId, typedCode(value))
      : await repo.pointByTag(estateId, value.trim())
  if (!c || !c.active) throw new AppError('NOT_FOUND', unknownPointMessage(method, value))
  // a signed tag's bare id proves nothing (any phone reading it, or a copy, gives it)
  if (method === 'nfc' && c.signedTag)
    throw new AppError('NOT_FOUND', '这个巡更点用 NFC 防伪标签，请升级小程序后贴近标签读取')
  return c
}

/** Starts a read now and lets it fail quietly until it is awaited (the checks keep their order). */
function later<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined)
  return p
}

export async function scan(input: ParsedInputOf<'patrol.scan'>, ctx: Ctx): Promise<ScanOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new PatrolRepo(ctx)
  // one round trip: everything a scan is checked against is read at once
  const pointP = later(resolvePoint(ctx, repo, estate._id, input.method, input.value))
  const worldP = later(repo.world(estate._id))
  const priorP = later(repo.scansOf([input.roundId]))
  const [round, had] = await Promise.all([repo.get(ROUNDS, input.roundId), repo.get(SCANS, input.id)])
  if (!round || round.estateId !== estate._id) throw new AppError('NOT_FOUND', '没有找到这一轮巡更')
  if (round.status !== 'inProgress') throw new AppError('ROUND_CLOSED')
  const refused = roundActRefusal(round, staff, 'scan')
  if (refused) throw new AppError('FORBIDDEN', refused.message)
  if (had) throw new AppError('DUPLICATE', '这次打点已经记录过了')
  const point = await pointP
  const w = await worldP
  // the route the round started with (a supervisor's edit since does not move it)
  const route = routeOfRound(round, w.routes.get(round.routeId))
  if (!route) throw new AppError('NOT_FOUND', '这一轮的路线已被删除')
  const prior = await priorP
  const otherRoute = [...w.routes.values()].find(
    (r) => r._id !== round.routeId && r.checkpointIds.includes(point._id)
  )?.name
  const scanned = prior.map((s) => s.checkpointId)
  const refuse = (v: Exclude<ScanVerdict, { ok: true }>) =>
    new AppError(
      v.code === 'ROUND_CLOSED' ? 'ROUND_CLOSED' : v.code === 'REPEAT' ? 'REPEAT_SCAN' : 'WRONG_POINT',
      v.reason
    )
  const verdict = acceptScan(route, scanned, point._id, nameIn(w), otherRoute)
  if (!verdict.ok) throw refuse(verdict)
  // stored: the scan's time by the event-time rule (not before its round); rated: what the phone claimed
  const deviceTime = eventTime(ctx, round.createdAt)
  const last = prior[prior.length - 1]
  const evidence = rateEvidence(
    {
      method: input.method,
      signedTag: input.method === 'nfc' && !!point.signedTag,
      deviceTime: ctx.op?.deviceTime ?? ctx.now,
      serverTime: ctx.now,
      position: input.position
    },
    point,
    last && {
      checkpointId: last.checkpointId,
      deviceTime: last.deviceTime,
      position: last.position,
      checkpointPosition: w.checkpoints.get(last.checkpointId)?.position
    }
  )
  // The scans read above are outside the transaction; the point's claim inside it is what holds.
  // Claim and scan are written at once (one round trip): a lost claim aborts both.
  const [claim, written] = await Promise.allSettled([
    repo.claimPoint(round._id, point._id, input.id),
    repo.insert(SCANS, {
      _id: input.id,
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
  ])
  if (claim.status === 'rejected') throw claim.reason
  if (!claim.value) {
    const again = acceptScan(route, [...scanned, point._id], point._id, nameIn(w), otherRoute)
    throw refuse(again.ok ? { ok: false, code: 'REPEAT', reason: '这个点本轮已经打过点了' } : again)
  }
  if (written.status === 'rejected') throw written.reason
  const doc = written.value
  await ctx.audit('scans', doc._id)
  return scanOut(doc)
}
