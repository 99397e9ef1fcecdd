/**
 * Guided scripts (话术) runs: recorded through the outbox, and what a supervisor sees of them.
 * The library itself ships in the app and in this function; the server only checks what a
 * client sends against it.
 */
import { AppError } from '../../domain/errors'
import type { ParsedInputOf, ScriptRunItem, ScriptRunOut } from '../../domain/contract'
import { getScript } from '../../domain/scripts/library'
import { scriptRunDoc } from '../../domain/scripts/runs'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { RUNS, ScriptsRepo } from './repo'

/** Supervisors see this many of the latest runs. */
export const RECENT_RUNS = 50

export async function recordRun(input: ParsedInputOf<'scripts.recordRun'>, ctx: Ctx): Promise<ScriptRunOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const record = scriptRunDoc(
    getScript,
    input,
    { estateId: estate._id, staffId: staff._id, staffName: staff.name },
    { now: ctx.now, deviceTime: ctx.op?.deviceTime ?? ctx.now }
  )
  const repo = new ScriptsRepo(ctx)
  if (await repo.get(RUNS, input.id)) throw new AppError('DUPLICATE', '这次话术记录已经上传过了')
  const run = await repo.insert(RUNS, record)
  await ctx.audit('scriptruns', run._id)
  return { id: run._id, scriptId: run.scriptId, version: run.version, outcome: run.outcome, at: run.at }
}

export async function runs(_: Record<string, never>, ctx: Ctx): Promise<ScriptRunItem[]> {
  const items = await new ScriptsRepo(ctx).recentRuns(requireEstate(ctx)._id, RECENT_RUNS)
  return items.map((r) => ({
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
