import { ACTIONS, isActionName, type ActionName, type FunctionName } from '../domain/contract'
import { AppError, errorEnvelope, isAppError, type Envelope } from '../domain/errors'
import { hasAnyRole } from '../domain/roles'
import { parseInput } from '../domain/validation'
import type { Estate } from '../domain/entities'
import { createIdFactory } from '../domain/ids'
import { DuplicateKeyError, type DataPort } from './data/port'
import type { Caller, Ctx, Identity, ServerConfig } from './context'
import { HANDLERS } from './handlers'
import { dispatchBatch } from './dispatch/batch'
import { opOf, requestHash, runOnce } from './dispatch/idempotency'
import { resolveCaller } from './dispatch/identity'
import { lookAhead, type Shared } from './dispatch/lookups'
import { sendNudges } from './dispatch/notify'
import { isTimerEvent, timerActionOf, type RawRequest } from './dispatch/request'
import { bindHandler, type Outbox } from './dispatch/work'

export { MAX_BATCH } from './dispatch/batch'
export { resolveCaller } from './dispatch/identity'
export { NUDGE_WAIT_MS } from './dispatch/notify'
export { isTimerEvent, type RawRequest } from './dispatch/request'

export interface Dispatcher {
  (req: RawRequest, identity: Identity): Promise<Envelope<unknown>>
  readonly fn: FunctionName
  readonly actions: readonly ActionName[]
}

export interface DispatcherDeps {
  store: DataPort
  config: ServerConfig
}

/**
 * One dispatcher per cloud function, over the actions the contract gives that function.
 * Order of checks: known action → identity and role → input → estate → (writes) the
 * idempotency log, the handler and the audit trail in one transaction.
 */
export function createDispatcher(fn: FunctionName, deps: DispatcherDeps): Dispatcher {
  const { store, config } = deps
  const allowed = (Object.keys(ACTIONS) as ActionName[]).filter((a) => ACTIONS[a].fn === fn)
  const newId = createIdFactory({ now: config.now, random: config.random })

  async function handle(req: RawRequest, identity: Identity, now: number, outbox: Outbox, shared: Shared) {
    const timerAction = req ? timerActionOf(fn, req) : undefined
    if (identity.kind === 'timer' && timerAction && isTimerEvent(req))
      req = { action: timerAction, input: {} }
    const name = req?.action
    if (!isActionName(name) || ACTIONS[name].fn !== fn) throw new AppError('UNKNOWN_ACTION')
    const def = ACTIONS[name]
    const { callerP, estateIdR, estateP, opR, seenP } = lookAhead(
      store,
      config,
      def,
      req,
      identity,
      now,
      shared
    )

    // identity and access
    let caller: Caller | undefined
    if (def.access === 'system') {
      if (identity.kind !== 'timer') throw new AppError('FORBIDDEN', '这项操作只能由系统定时任务执行')
    } else {
      caller = callerP ? await callerP : await resolveCaller(store, config, identity, now)
      if (def.access !== 'public') {
        if (!caller) throw new AppError(identity.kind === 'openid' ? 'NOT_BOUND' : 'UNAUTHENTICATED')
        if (def.access !== 'any' && !hasAnyRole(caller.staff.roles, def.access))
          throw new AppError('FORBIDDEN')
      }
    }

    const input = parseInput(def.input, req.input)

    // estate scope: membership comes from the caller's staff record, never from the client
    let estate: Estate | undefined
    let estateId: string | undefined
    if (def.scope === 'estate') {
      if (!estateIdR?.success || !estateP) throw new AppError('INVALID_INPUT', '缺少小区')
      estateId = estateIdR.output
      if (!caller || !caller.staff.estateIds.includes(estateId)) throw new AppError('FORBIDDEN_ESTATE')
      estate = (await estateP) ?? undefined
      if (!estate) throw new AppError('FORBIDDEN_ESTATE')
    }

    let op: Ctx['op']
    if (def.write) {
      if (!opR?.success) throw new AppError('INVALID_INPUT', '缺少操作编号，请升级小程序后重试')
      op = opOf(opR.output, req.sentAt, now, caller?.since)
    }

    const handler = HANDLERS[name] as (input: unknown, ctx: Ctx) => Promise<unknown>
    const deadline =
      def.access === 'system' && config.sweepBudgetMs !== undefined ? now + config.sweepBudgetMs : undefined
    const base = { store, now, config, identity, caller, estate, estateId, op, action: name, newId, deadline }
    const work = bindHandler(handler, input, base, outbox)

    if (!op) {
      const data = await work.run(store)
      await Promise.all(work.audits(store))
      return { ok: true as const, data, serverTime: now }
    }
    const hash = requestHash(name, input, estateId)
    return runOnce({ store, op, action: name, hash, actorId: caller?.staff._id, now, before: seenP }, work)
  }

  const dispatchOne = async (
    req: RawRequest,
    identity: Identity,
    shared: Shared = { estates: new Map() }
  ): Promise<Envelope<unknown>> => {
    const now = config.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    // The timer's sweep has its own budget and stops itself; this is only the backstop.
    const limit =
      identity.kind === 'timer' && config.sweepBudgetMs !== undefined
        ? config.sweepBudgetMs + 5000
        : (config.timeoutMs ?? 10000)
    const outbox: Outbox = { nudges: [] }
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${limit} ms`)), limit)
      })
      const env = await Promise.race([handle(req ?? {}, identity, now, outbox, shared), timeout])
      clearTimeout(timer)
      timer = undefined
      // Only an answer that committed tells anyone; a replay queued nothing.
      if (env.ok && !env.replayed) await sendNudges(fn, config, outbox.nudges)
      return env
    } catch (e) {
      if (isAppError(e)) return errorEnvelope(e, now)
      if (e instanceof DuplicateKeyError) return errorEnvelope(new AppError('DUPLICATE'), now)
      config.log(`[${fn}] ${String((req as RawRequest)?.action)} failed`, e)
      return errorEnvelope(new AppError('INTERNAL'), now)
    } finally {
      if (timer) clearTimeout(timer)
    }
  }

  const dispatch = (async (req: RawRequest, identity: Identity) =>
    (req as RawRequest | undefined)?.batch === undefined
      ? dispatchOne(req, identity)
      : dispatchBatch(store, config.now, req, identity, dispatchOne)) as Dispatcher
  Object.defineProperty(dispatch, 'fn', { value: fn })
  Object.defineProperty(dispatch, 'actions', { value: allowed })
  return dispatch
}
