/** Read receipts of new script versions, and who has not confirmed what. */
import type { ScriptAck } from '../../domain/entities'
import type { ParsedInputOf, ScriptAckOut, ScriptAckStatus } from '../../domain/contract'
import { SCRIPTS, getScript } from '../../domain/scripts/library'
import { ackId, knownScript, outdatedScripts } from '../../domain/scripts/runs'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { StaffRepo } from '../staff/repo'
import { ACKS, ScriptsRepo } from './repo'

const ackOut = (a: ScriptAck): ScriptAckOut => ({ scriptId: a.scriptId, version: a.version, at: a.at })

export async function ack(input: ParsedInputOf<'scripts.ack'>, ctx: Ctx): Promise<ScriptAckOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const script = knownScript(getScript, input.scriptId, input.version)
  const repo = new ScriptsRepo(ctx)
  const _id = ackId(staff._id, script.id)
  const cur = await repo.get(ACKS, _id)
  // A receipt for an older version than one already confirmed changes nothing.
  if (cur && cur.version >= input.version) return ackOut(cur)
  const fields = { version: input.version, at: ctx.now, estateId: estate._id }
  const doc = cur
    ? await repo.update(ACKS, cur, fields)
    : await repo.insert(ACKS, { _id, staffId: staff._id, scriptId: script.id, ...fields })
  await ctx.audit('scriptacks', _id)
  return ackOut(doc)
}

export async function myAcks(_: Record<string, never>, ctx: Ctx): Promise<ScriptAckOut[]> {
  const { staff } = requireCaller(ctx)
  return (await new ScriptsRepo(ctx).acksOf([staff._id])).map(ackOut)
}

export async function ackStatus(_: Record<string, never>, ctx: Ctx): Promise<ScriptAckStatus[]> {
  const estate = requireEstate(ctx)
  const people = (await new StaffRepo(ctx).ofEstate(estate._id)).filter((s) => s.active)
  const acked = new Map<string, number>()
  for (const a of await new ScriptsRepo(ctx).acksOf(people.map((p) => p._id)))
    acked.set(ackId(a.staffId, a.scriptId), a.version)
  return people.map((p) => ({
    staffId: p._id,
    name: p.name,
    roles: p.roles,
    outdated: outdatedScripts(SCRIPTS, p.roles, (scriptId) => acked.get(ackId(p._id, scriptId)))
  }))
}
