/**
 * Guided scripts (话术): runs recorded through the outbox, read receipts of new versions, and
 * what a supervisor sees of both. The library itself ships in the app and in this function;
 * the server only checks what a client sends against it.
 */
import { AppError } from '../../domain/errors'
import type { ScriptAck, ScriptRun, Staff } from '../../domain/entities'
import type {
  ParsedInputOf,
  ScriptAckOut,
  ScriptAckStatus,
  ScriptRunItem,
  ScriptRunOut
} from '../../domain/contract'
import { hasAnyRole } from '../../domain/roles'
import type { Script } from '../../domain/scripts/model'
import { SCRIPTS, getScript } from '../../domain/scripts/library'
import { requireCaller, requireEstate, type Ctx } from '../context'
import type { D } from './common'

/** Supervisors see this many of the latest runs. */
export const RECENT_RUNS = 50

function badInput(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `填写的内容有误：${message}`, [{ field, message }])
}

/** The script the client names, at a version it can have run (the current one or an older one). */
function knownScript(scriptId: string, version: number): Script {
  const script = getScript(scriptId)
  if (!script) throw badInput('scriptId', '话术：没有这份话术，请升级小程序后重试')
  if (version > script.version) throw badInput('version', `版本：这份话术最新是第 ${script.version} 版`)
  return script
}

/** For the current version the path must be a walk the script allows, ending at the outcome given. */
function checkPath(script: Script, path: readonly string[], outcome: string): string {
  const stepOf = (id: string) =>
    Object.prototype.hasOwnProperty.call(script.steps, id) ? script.steps[id] : undefined
  if (path[0] !== script.start) throw badInput('path', '步骤：应从话术的第一步开始')
  for (let i = 1; i < path.length; i++) {
    const from = stepOf(path[i - 1])
    const ok = !!from && (from.next === path[i] || (from.branches ?? []).some((b) => b.to === path[i]))
    if (!ok || !stepOf(path[i])) throw badInput('path', `步骤：第 ${i + 1} 步不在这份话术里`)
  }
  const last = stepOf(path[path.length - 1])
  if (!last?.outcome || last.outcome.kind !== outcome) throw badInput('outcome', '结果：与最后一步不符')
  return last.outcome.label
}

/** A label for an outcome of an older version, when the current one still has it. */
function labelOf(script: Script, outcome: string): string {
  for (const s of Object.values(script.steps)) if (s.outcome?.kind === outcome) return s.outcome.label
  return ''
}

export async function recordRun(input: ParsedInputOf<'scripts.recordRun'>, ctx: Ctx): Promise<ScriptRunOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const script = knownScript(input.scriptId, input.version)
  if (input.finishedAt < input.startedAt) throw badInput('finishedAt', '结束时间：早于开始时间')
  const outcomeLabel =
    input.version === script.version
      ? checkPath(script, input.path, input.outcome)
      : labelOf(script, input.outcome)
  if (await ctx.db.get<D<ScriptRun>>('scriptruns', input.id))
    throw new AppError('DUPLICATE', '这次话术记录已经上传过了')
  const run = await ctx.db.insert<D<ScriptRun>>('scriptruns', {
    // The device chose the id: a run recorded offline is stored once, however often it is sent.
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    estateId: estate._id,
    staffId: staff._id,
    staffName: staff.name,
    scriptId: script.id,
    title: script.title,
    version: input.version,
    path: input.path,
    answers: input.answers,
    outcome: input.outcome,
    outcomeLabel,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    durationMs: input.durationMs,
    deviceTime: ctx.op?.deviceTime ?? ctx.now,
    at: ctx.now
  })
  await ctx.audit('scriptruns', run._id)
  return { id: run._id, scriptId: run.scriptId, version: run.version, outcome: run.outcome, at: run.at }
}

const ackOut = (a: ScriptAck): ScriptAckOut => ({ scriptId: a.scriptId, version: a.version, at: a.at })

export async function ack(input: ParsedInputOf<'scripts.ack'>, ctx: Ctx): Promise<ScriptAckOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const script = knownScript(input.scriptId, input.version)
  const _id = `${staff._id}:${script.id}`
  const cur = await ctx.db.get<D<ScriptAck>>('scriptacks', _id)
  // A receipt for an older version than one already confirmed changes nothing.
  if (cur && cur.version >= input.version) return ackOut(cur)
  let doc: D<ScriptAck> | null
  if (cur) {
    doc = await ctx.db.update<D<ScriptAck>>('scriptacks', _id, cur._v, {
      version: input.version,
      at: ctx.now,
      estateId: estate._id,
      updatedAt: ctx.now
    })
    if (!doc) throw new AppError('CONFLICT')
  } else {
    doc = await ctx.db.insert<D<ScriptAck>>('scriptacks', {
      _id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      staffId: staff._id,
      scriptId: script.id,
      version: input.version,
      at: ctx.now,
      estateId: estate._id
    })
  }
  await ctx.audit('scriptacks', _id)
  return ackOut(doc)
}

async function acksOf(ctx: Ctx, staffIds: string[]): Promise<D<ScriptAck>[]> {
  const out: D<ScriptAck>[] = []
  for (let i = 0; i < staffIds.length; i += 100) {
    const chunk = staffIds.slice(i, i + 100)
    let after: string | undefined
    do {
      const page = await ctx.store.find<D<ScriptAck>>('scriptacks', {
        where: chunk.length === 1 ? { staffId: chunk[0] } : { staffId: { in: chunk } },
        orderBy: [['_id', 'asc']],
        limit: 1000,
        after
      })
      out.push(...page.items)
      after = page.next
    } while (after)
  }
  return out
}

export async function myAcks(_: Record<string, never>, ctx: Ctx): Promise<ScriptAckOut[]> {
  const { staff } = requireCaller(ctx)
  return (await acksOf(ctx, [staff._id])).map(ackOut)
}

export async function ackStatus(_: Record<string, never>, ctx: Ctx): Promise<ScriptAckStatus[]> {
  const estate = requireEstate(ctx)
  const people: D<Staff>[] = []
  let after: string | undefined
  do {
    const page = await ctx.store.find<D<Staff>>('staff', {
      where: { estateIds: { has: estate._id } },
      orderBy: [['createdAt', 'asc']],
      limit: 200,
      after
    })
    people.push(...page.items.filter((s) => s.active))
    after = page.next
  } while (after)
  const acked = new Map<string, number>()
  for (const a of await acksOf(
    ctx,
    people.map((p) => p._id)
  ))
    acked.set(`${a.staffId}:${a.scriptId}`, a.version)
  return people.map((p) => ({
    staffId: p._id,
    name: p.name,
    roles: p.roles,
    outdated: SCRIPTS.filter((s) => hasAnyRole(p.roles, s.roles))
      .map((s) => ({ s, v: acked.get(`${p._id}:${s.id}`) }))
      .filter(({ s, v }) => (v ?? 0) < s.version)
      .map(({ s, v }) => ({
        scriptId: s.id,
        title: s.title,
        version: s.version,
        ...(v !== undefined ? { ackedVersion: v } : {})
      }))
  }))
}

export async function runs(_: Record<string, never>, ctx: Ctx): Promise<ScriptRunItem[]> {
  const estate = requireEstate(ctx)
  const page = await ctx.store.find<D<ScriptRun>>('scriptruns', {
    where: { estateId: estate._id },
    orderBy: [['at', 'desc']],
    limit: RECENT_RUNS
  })
  return page.items.map((r) => ({
    id: r._id,
    staffId: r.staffId,
    staffName: r.staffName,
    scriptId: r.scriptId,
    title: r.title,
    version: r.version,
    outcome: r.outcome,
    outcomeLabel: r.outcomeLabel,
    durationMs: r.durationMs,
    at: r.at
  }))
}
