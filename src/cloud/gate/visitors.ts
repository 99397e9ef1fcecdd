/**
 * Visitors in and out at the gate: walk-ins and pre-registered passes, the block-list check,
 * construction workers, check-out. Each record is made on the guard's phone (its id is the
 * client id); reads go at once and the record, its pass and its log line are written at once.
 */
import { AppError } from '../../domain/errors'
import type {
  BlockHitOut,
  OwnerPhoneOut,
  ParsedInputOf,
  VisitorOut,
  VisitorRecallOut
} from '../../domain/contract'
import { recalledName, recallOut, recallSince } from '../../domain/gate/recall'
import { passProblem, permitProblem, step, tempPassExpiry, VISITOR } from '../../domain/gate/machines'
import type { IdRef } from '../../domain/gate/idtypes'
import type { Visitor } from '../../domain/gate/entities'
import {
  blockDecisionProblem,
  checkInProblem,
  CONSTRUCTION_MISSING,
  constructionNeeded,
  idDocProblem,
  overstayLimitMs
} from '../../domain/gate/rules'
import { roomCheck, ROOM_UNKNOWN_MESSAGE, typedRoom } from '../../domain/estates/roomPick'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { EstatesRepo } from '../estates/repo'
import { badInput, check, timed } from '../kit'
import { guarded } from '../kit/guesses'
import { gateGuesser, isMiss } from './passes'
import { visitorDetail, visitorOut } from './out'
import { GateRepo, PASSES, VISITORS } from './repo'

/** The ID as stored: none, or the last four and the peppered hash of the phone's hash. */
export function idDocOf(repo: GateRepo, d: { type: IdRef['type']; last4: string; hash?: string }): IdRef {
  check(idDocProblem(d))
  if (d.type === 'none' || !d.hash) return { type: 'none', last4: '' }
  return { type: d.type, last4: d.last4, hash: repo.pepperIdHash(d.hash) }
}

export function firstHit(hits: BlockHitOut[]): { entryId: string; reason: string } | undefined {
  return hits[0] ? { entryId: hits[0].entryId, reason: hits[0].reason } : undefined
}

export async function blockCheck(input: ParsedInputOf<'gate.blockCheck'>, ctx: Ctx): Promise<BlockHitOut[]> {
  const repo = new GateRepo(ctx)
  return repo.blockHits(requireEstate(ctx)._id, {
    name: input.name,
    phone: input.phone || undefined,
    idLast4: input.idLast4,
    idHash: input.idHash ? repo.pepperIdHash(input.idHash) : undefined,
    plate: input.plate
  })
}

type ConstructionIn = NonNullable<ParsedInputOf<'gate.checkIn'>['construction']>

/** A temporary pass of at most three days, or a valid long-term permit of the estate. */
async function checkConstruction(
  repo: GateRepo,
  estateId: string,
  c: ConstructionIn,
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
  const [permit] = await repo.permitsWithNo(estateId, no)
  if (!permit) throw new AppError('NOT_FOUND', `没有编号为 ${no} 的施工许可证，请核对或联系主管登记`)
  const problem = permitProblem(permit, at)
  if (problem) throw new AppError('PERMIT_INVALID', problem)
  return { kind: 'longTerm', permitId: permit._id, permitNo: permit.no }
}

/** What a visitor not let in says of the construction: as entered, unchecked. */
function constructionAsEntered(c: ConstructionIn | undefined): Visitor['construction'] {
  return c
    ? { kind: c.kind, tempPassNo: c.tempPassNo || undefined, permitNo: c.permitNo || undefined }
    : undefined
}

export async function checkIn(input: ParsedInputOf<'gate.checkIn'>, ctx: Ctx): Promise<VisitorOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new GateRepo(ctx)
  const { at, timeFlag } = timed(ctx)
  check(checkInProblem(input))
  const idDoc = idDocOf(repo, input.idDoc)
  const room = input.room ? typedRoom(input.room) : undefined
  // a returning visitor: the earlier visit of this phone in this estate gives the name shown masked
  const earlier =
    input.recallId && input.source === 'walkin' && input.phone
      ? await repo.get(VISITORS, input.recallId)
      : undefined
  const name = recalledName(
    input.name,
    input.phone || undefined,
    earlier && earlier.estateId === estate._id ? earlier : undefined
  )
  // one round trip: the id, the pass, the block list and the room at once
  const [had, passDoc, hits, roomIs] = await Promise.all([
    repo.get(VISITORS, input.id),
    input.source === 'pass' && input.passId ? repo.get(PASSES, input.passId) : null,
    repo.blockHits(estate._id, {
      name,
      phone: input.phone || undefined,
      idLast4: idDoc.last4,
      idHash: idDoc.hash,
      plate: input.plate
    }),
    room && input.source === 'walkin' ? new EstatesRepo(ctx).roomKnown(estate._id, room) : undefined
  ])
  if (had) throw new AppError('DUPLICATE', '这位访客已经登记过了')
  // a walk-in's room is one of the estate's (when it has any); sent late from offline: flagged
  const roomVerdict = roomIs
    ? roomCheck({
        room,
        ...roomIs,
        queuedMs: ctx.op ? ctx.now + ctx.op.skewMs - ctx.op.deviceTime : 0,
        admitted: input.result === 'admitted'
      })
    : 'ok'
  if (roomVerdict === 'refuse')
    throw new AppError('ROOM_UNKNOWN', ROOM_UNKNOWN_MESSAGE, [
      { field: 'room', message: ROOM_UNKNOWN_MESSAGE }
    ])
  const blocked = blockDecisionProblem(hits.length > 0, input.result, input.blockOverride)
  if (blocked) throw new AppError('BLOCK_LISTED', blocked)

  const pass = input.source === 'pass' ? passDoc : null
  if (input.source === 'pass') {
    if (!pass) throw new AppError('NOT_FOUND', '没有找到这张通行证')
    if (pass.estateId !== estate._id) throw new AppError('PASS_INVALID', '这张通行证不是本小区的')
    if (pass.status !== 'active') throw new AppError('CONFLICT', passProblem(pass, estate._id, at))
    const problem = passProblem(pass, estate._id, at)
    if (problem) throw new AppError('PASS_INVALID', problem)
  }
  const construction =
    constructionNeeded(input) && input.construction
      ? await checkConstruction(repo, estate._id, input.construction, at)
      : constructionAsEntered(input.construction)
  if (constructionNeeded(input) && !construction) check(CONSTRUCTION_MISSING)

  const status = input.result === 'admitted' ? 'inside' : input.result
  const doc: Omit<Visitor, '_v' | 'createdAt' | 'updatedAt'> = {
    _id: input.id,
    estateId: estate._id,
    gate: input.gate,
    source: input.source,
    passId: pass?._id,
    case: input.case,
    // a pass look-up shows the guard a masked name and plate: the pass's own are stored
    name: pass?.visitorName ?? name,
    phone: input.phone || undefined,
    idDoc,
    idDeposited: input.idDeposited,
    cardNo: input.cardNo || undefined,
    people: input.people,
    plate: pass ? (pass.plate ?? input.plate) : input.plate,
    room: room || undefined,
    roomUnknown: roomVerdict === 'flag' || undefined,
    company: input.company || undefined,
    contact: input.contact || undefined,
    appointment: input.appointment,
    hostCall: input.hostCall,
    construction,
    status,
    reason: input.reason || undefined,
    inAt: at,
    deviceInAt: ctx.op?.deviceTime ?? ctx.now,
    ...(timeFlag ? { inTimeFlag: timeFlag } : {}),
    by: staff._id,
    byName: staff.name,
    blockHit: firstHit(hits),
    blockOverride: hits.length && status === 'inside' ? input.blockOverride?.trim() || undefined : undefined,
    scriptRunId: input.scriptRunId
  }
  // the visitor, the pass and the log line at once
  const [saved, used] = await Promise.all([
    repo.insert(VISITORS, doc),
    pass ? repo.tryUpdate(PASSES, pass, { status: 'used', usedAt: at, visitorId: doc._id }) : undefined,
    repo.logEvent({
      estateId: estate._id,
      type: 'visitor',
      event:
        status === 'inside' ? 'visitorIn' : status === 'redirected' ? 'visitorRedirected' : 'visitorRefused',
      gate: input.gate,
      refId: doc._id,
      subject: doc.name,
      detail: visitorDetail(doc),
      at,
      timeFlag
    })
  ])
  if (pass && !used) throw new AppError('CONFLICT', '这张通行证刚被使用')
  await ctx.audit('visitors', saved._id)
  return visitorOut(saved, ctx.now, overstayLimitMs(estate.settings))
}

export async function checkOut(input: ParsedInputOf<'gate.checkOut'>, ctx: Ctx): Promise<VisitorOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new GateRepo(ctx)
  const v = await repo.getInEstate(VISITORS, input.visitorId, '没有找到这位访客的登记')
  // not before the check-in the server saw
  const { at, timeFlag } = timed(ctx, v.inAt)
  const t = step(VISITOR.checkOut, v.status === 'redirected' ? 'refused' : v.status)
  if (!t.ok) {
    const by = v.status === 'left' && v.outByName ? `（${v.outByName} 已登记离开）` : ''
    throw new AppError('CONFLICT', `${t.reason}${by}`)
  }
  const outAt = Math.max(at, v.inAt)
  const notes: string[] = []
  if (v.idDeposited) notes.push(input.idReturned ? '已退还证件' : '证件未退还')
  if (v.cardNo || input.cardCollected) notes.push(input.cardCollected ? '已收回来访卡' : '来访卡未收回')
  // the visitor and the log line at once (a lost race aborts both)
  const [updated] = await Promise.all([
    repo.tryUpdate(VISITORS, v, {
      status: 'left',
      outAt,
      deviceOutAt: ctx.op?.deviceTime ?? ctx.now,
      ...(timeFlag ? { outTimeFlag: timeFlag } : {}),
      outBy: staff._id,
      outByName: staff.name,
      idReturned: v.idDeposited ? input.idReturned : undefined,
      cardCollected: v.cardNo || input.cardCollected ? input.cardCollected : undefined
    }),
    repo.logEvent({
      estateId: estate._id,
      type: 'visitor',
      event: 'visitorOut',
      gate: input.gate,
      refId: v._id,
      subject: v.name,
      detail: [visitorDetail(v), ...notes].join(' · '),
      at: outAt,
      timeFlag
    })
  ])
  if (!updated) throw new AppError('CONFLICT', '这位访客刚被其他门岗登记离开')
  await ctx.audit('visitors', v._id)
  return visitorOut(updated, ctx.now, overstayLimitMs(estate.settings))
}

export async function visitor(input: { visitorId: string }, ctx: Ctx): Promise<VisitorOut> {
  const estate = requireEstate(ctx)
  const v = await new GateRepo(ctx).getInEstate(VISITORS, input.visitorId, '没有找到这位访客的登记')
  return visitorOut(v, ctx.now, overstayLimitMs(estate.settings))
}

/**
 * The guard calls the owner before letting a guest in (the walk-in script's 打电话给业主):
 * the whole number of one room's owner, each read audited; lists keep phones masked.
 */
export async function ownerPhone(input: ParsedInputOf<'gate.ownerPhone'>, ctx: Ctx): Promise<OwnerPhoneOut> {
  const estate = requireEstate(ctx)
  const repo = new GateRepo(ctx)
  const room = await repo.roomByLabel(estate._id, input.room.trim())
  if (!room) throw new AppError('NOT_FOUND', `本小区没有 ${input.room} 这个房号`)
  if (!room.ownerPhone) throw new AppError('NOT_FOUND', `${input.room} 没有登记业主电话，请联系客服中心`)
  await ctx.audit('rooms', room._id)
  return { room: input.room.trim(), ownerName: room.ownerName, phone: room.ownerPhone }
}

/**
 * A returning visitor by the phone the guard typed: the latest visit of that phone to this
 * estate in the recall window, name masked, under the guessing limits (a phone nobody visited
 * with is a miss), so the gate cannot be used to collect who visits whom.
 */
export async function visitorRecall(
  input: ParsedInputOf<'gate.visitorRecall'>,
  ctx: Ctx
): Promise<VisitorRecallOut | null> {
  const estate = requireEstate(ctx)
  const repo = new GateRepo(ctx)
  const found = await guarded(
    ctx,
    gateGuesser(ctx, 'visitor'),
    async () => {
      const v = await repo.lastVisitByPhone(estate._id, input.phone, recallSince(ctx.now))
      if (!v) throw new AppError('NOT_FOUND', '没有这个手机号的来访记录')
      return v
    },
    isMiss
  ).catch((e: unknown) => {
    if (isMiss(e)) return undefined
    throw e
  })
  return found ? recallOut(found) : null
}
