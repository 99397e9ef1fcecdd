import { createHash } from 'node:crypto'
import * as v from 'valibot'
import { ACTIONS, isActionName, type ActionName, type FunctionName } from '../domain/contract'
import { AppError, errorEnvelope, isAppError, type Envelope } from '../domain/errors'
import { hasAnyRole } from '../domain/roles'
import { parseInput } from '../domain/validation'
import {
  CLOCK_SKEW_FLAG_MS,
  type AuditRecord,
  type Estate,
  type OpRecord,
  type Staff
} from '../domain/entities'
import { createIdFactory } from '../domain/ids'
import { epochMs } from '../domain/contract/define'
import { DuplicateKeyError, type DataPort } from './data/port'
import type { Caller, Ctx, Identity, Nudge, ServerConfig } from './context'
import { verifyToken } from './session'
import type { SessionDoc } from '../domain/entities'
import { HANDLERS } from './handlers'

/** What arrives from any transport, before anything is trusted. */
export interface RawRequest {
  action?: unknown
  input?: unknown
  estateId?: unknown
  op?: unknown
  /** Device clock when the request was sent: the skew is measured against it. */
  sentAt?: unknown
  /** Several requests in one call (the outbox sends queued operations this way). */
  batch?: unknown
  /** A timer trigger's event: `{ Type: 'Timer', TriggerName, Time, Message }`, no action. */
  Type?: unknown
  TriggerName?: unknown
}

/** Sends that have not answered by then are left behind (logged): the record is already saved. */
export const NUDGE_WAIT_MS = 3000

/** Which action a timer trigger runs, per function. */
const TIMER_ACTIONS: Partial<Record<FunctionName, ActionName>> = { cron: 'cron.sweep' }

/** A timer trigger's event carries no action: it means the function's timer action. */
export function isTimerEvent(req: unknown): boolean {
  return (
    !!req &&
    typeof req === 'object' &&
    (req as RawRequest).Type === 'Timer' &&
    (req as RawRequest).action === undefined
  )
}

/** Most operations one call may carry; each is still its own transaction. */
export const MAX_BATCH = 25

const opSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[0-9A-Za-z_-]{8,64}$/, '操作编号格式不正确')),
  deviceTime: epochMs()
})
const estateIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))

/** Stable JSON for hashing: object keys sorted at every depth. */
function stable(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stable).join(',')}]`
  if (x && typeof x === 'object')
    return `{${Object.keys(x)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((x as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(x) ?? 'null'
}

/**
 * What the items of one batch share: the caller (same identity) and the estates, each read
 * once, and the op records of every item, read with one query before the first item runs.
 */
interface Shared {
  caller?: Promise<Caller | undefined>
  estates: Map<string, Promise<Estate | null>>
  ops?: Promise<Map<string, OpRecord>>
}
/** A promise whose rejection is handled where it is awaited, not reported as unhandled meanwhile. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined)
  return p
}

export interface Dispatcher {
  (req: RawRequest, identity: Identity): Promise<Envelope<unknown>>
  readonly fn: FunctionName
  readonly actions: readonly ActionName[]
}

export interface DispatcherDeps {
  store: DataPort
  config: ServerConfig
}

export async function resolveCaller(
  store: DataPort,
  config: ServerConfig,
  identity: Identity,
  now: number
): Promise<Caller | undefined> {
  if (identity.kind === 'openid') {
    const page = await store.find<Staff & { [k: string]: unknown }>('staff', {
      where: { openid: identity.openid },
      limit: 1
    })
    const staff = page.items[0]
    if (!staff) return undefined
    if (!staff.active) throw new AppError('STAFF_DISABLED')
    return { staff, via: 'wechat' }
  }
  if (identity.kind === 'token') {
    const p = verifyToken(identity.token, config.sessionSecret)
    if (!p) throw new AppError('UNAUTHENTICATED', '登录信息无效，请重新登录')
    if (p.exp <= now) throw new AppError('SESSION_EXPIRED')
    const s = await store.get<SessionDoc & { [k: string]: unknown }>('sessions', p.sid)
    if (!s || s.revokedAt || s.expiresAt <= now || s.staffId !== p.staffId)
      throw new AppError('SESSION_EXPIRED')
    const staff = await store.get<Staff & { [k: string]: unknown }>('staff', p.staffId)
    if (!staff) throw new AppError('SESSION_EXPIRED')
    if (!staff.active) throw new AppError('STAFF_DISABLED')
    return { staff, via: s.via, sessionId: s._id }
  }
  return undefined
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

  /** Subscribe messages after the operation committed: all at once, failures logged, never thrown. */
  async function sendNudges(nudges: Nudge[]): Promise<void> {
    const notify = config.notify
    if (!notify || !nudges.length) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const sends = Promise.all(
      nudges.map((n) =>
        notify(n).catch((e: unknown) => {
          const err = e as { errCode?: unknown; code?: unknown; errMsg?: unknown; message?: unknown }
          config.log(`[${fn}] subscribe message not sent`, {
            errCode: err?.errCode ?? err?.code,
            errMsg: err?.errMsg ?? err?.message,
            kind: n.kind
          })
        })
      )
    )
    const late = new Promise<'late'>((r) => {
      timer = setTimeout(() => r('late'), NUDGE_WAIT_MS)
    })
    try {
      if ((await Promise.race([sends, late])) === 'late')
        config.log(`[${fn}] subscribe messages still pending after ${NUDGE_WAIT_MS} ms`)
    } finally {
      clearTimeout(timer)
    }
  }

  async function handle(
    req: RawRequest,
    identity: Identity,
    now: number,
    outbox: { nudges: Nudge[] },
    shared: Shared
  ): Promise<Envelope<unknown>> {
    const timerAction = TIMER_ACTIONS[fn]
    if (identity.kind === 'timer' && timerAction && isTimerEvent(req))
      req = { action: timerAction, input: {} }
    const name = req?.action
    if (!isActionName(name) || ACTIONS[name].fn !== fn) throw new AppError('UNKNOWN_ACTION')
    const def = ACTIONS[name]

    // What the checks below need from the store is asked for at once (one round trip on
    // CloudBase): the caller, the estate and the op record. The checks still run in order.
    const system = def.access === 'system'
    const callerP =
      system || identity.kind === 'timer'
        ? undefined
        : (shared.caller ??= quiet(resolveCaller(store, config, identity, now)))
    const estateIdR = def.scope === 'estate' ? v.safeParse(estateIdSchema, req.estateId) : undefined
    let estateP: Promise<Estate | null> | undefined
    if (estateIdR?.success) {
      const id = estateIdR.output
      estateP = shared.estates.get(id)
      if (!estateP) {
        estateP = quiet(store.get<Estate & { [k: string]: unknown }>('estates', id))
        shared.estates.set(id, estateP)
      }
    }
    const opR = def.write ? v.safeParse(opSchema, req.op) : undefined
    const opId = opR?.success ? opR.output.id : undefined
    const seenP =
      opId === undefined
        ? undefined
        : quiet(
            shared.ops
              ? shared.ops.then((m) => m.get(opId) ?? null)
              : store.get<OpRecord & { [k: string]: unknown }>('ops', opId)
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
      const r = opR!
      if (!r.success) throw new AppError('INVALID_INPUT', '缺少操作编号，请升级小程序后重试')
      const sentAt = typeof req.sentAt === 'number' && Number.isFinite(req.sentAt) ? req.sentAt : now
      const skewMs = sentAt - now
      op = { ...r.output, skewMs, skewFlag: Math.abs(skewMs) > CLOCK_SKEW_FLAG_MS }
    }

    const handler = HANDLERS[name] as (input: unknown, ctx: Ctx) => Promise<unknown>

    const deadline =
      def.access === 'system' && config.sweepBudgetMs !== undefined ? now + config.sweepBudgetMs : undefined
    // Audit records are written together at the end (with the op record, in the same transaction).
    type AuditDoc = AuditRecord & { [k: string]: unknown }
    let audits: Omit<AuditDoc, '_v'>[] = []
    const writeAudits = (db: DataPort) => audits.map((a) => db.insert<AuditDoc>('audit', a, { fresh: true }))
    const run = async (db: DataPort): Promise<unknown> => {
      // A retried transaction starts its queue again: only the attempt that commits is sent.
      const nudges: Nudge[] = []
      outbox.nudges = nudges
      audits = []
      const ctx: Ctx = {
        db,
        store,
        now,
        config,
        identity,
        caller,
        estate,
        estateId,
        op,
        action: name,
        newId,
        deadline,
        nudge: (n) => {
          nudges.push(n)
        },
        audit: async (coll, docId) => {
          const actor = caller?.staff
          audits.push({
            _id: newId(),
            createdAt: now,
            updatedAt: now,
            at: now,
            actorId: actor?._id ?? (identity.kind === 'timer' ? 'system' : 'anonymous'),
            actorName: actor?.name ?? (identity.kind === 'timer' ? '系统' : '未登录'),
            action: name,
            coll,
            docId,
            estateId,
            opId: op?.id
          })
        }
      }
      return handler(input, ctx)
    }

    if (!op) {
      const data = await run(store)
      await Promise.all(writeAudits(store))
      return { ok: true, data, serverTime: now }
    }

    const hash = createHash('sha256')
      .update(stable({ action: name, input, estateId }))
      .digest('hex')
    const theOp = op
    const replay = (seen: OpRecord) => {
      if (seen.hash !== hash || seen.actorId !== caller?.staff._id) throw new AppError('IDEMPOTENCY_MISMATCH')
      return { ok: true as const, data: seen.result, serverTime: seen.serverTime, replayed: true }
    }
    // The op record was read before the transaction, with the caller.
    const before = await seenP
    if (before) return replay(before)
    let attempts = 0
    try {
      return await store.transaction(async (tx) => {
        outbox.nudges = []
        // A retried attempt (a write conflict: maybe this very operation, sent twice at once,
        // committed meanwhile) looks again, inside its snapshot.
        if (++attempts > 1) {
          const seen = await tx.get<OpRecord & { [k: string]: unknown }>('ops', theOp.id)
          if (seen) return replay(seen)
        }
        const data = await run(tx)
        await Promise.all([
          ...writeAudits(tx),
          tx.insert<OpRecord & { [k: string]: unknown }>(
            'ops',
            {
              _id: theOp.id,
              createdAt: now,
              updatedAt: now,
              actorId: caller?.staff._id ?? 'anonymous',
              action: name,
              hash,
              result: data,
              serverTime: now,
              deviceTime: theOp.deviceTime,
              skewMs: theOp.skewMs,
              skewFlag: theOp.skewFlag
            },
            { fresh: true }
          )
        ])
        return { ok: true as const, data, serverTime: now }
      })
    } catch (e) {
      // Refused, or the op record is there already: the same operation may have committed
      // between the first look and this transaction's snapshot. Then it is a replay.
      if (isAppError(e) || (e instanceof DuplicateKeyError && e.coll === 'ops')) {
        const seen = await store.get<OpRecord & { [k: string]: unknown }>('ops', theOp.id)
        if (seen) return replay(seen)
      }
      throw e
    }
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
    const outbox: { nudges: Nudge[] } = { nudges: [] }
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout after ${limit} ms`)), limit)
      })
      const env = await Promise.race([handle(req ?? {}, identity, now, outbox, shared), timeout])
      clearTimeout(timer)
      timer = undefined
      // Only an answer that committed tells anyone; a replay queued nothing.
      if (env.ok && !env.replayed) await sendNudges(outbox.nudges)
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

  /**
   * A batch answers with one envelope per item, in order: one refused item never stops the
   * others, and every item is checked (identity, role, input, estate) exactly as if alone.
   */
  const dispatch = (async (req: RawRequest, identity: Identity) => {
    const batch = (req as RawRequest | undefined)?.batch
    if (batch === undefined) return dispatchOne(req, identity)
    const now = config.now()
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > MAX_BATCH)
      return errorEnvelope(new AppError('INVALID_INPUT', `一次最多上传${MAX_BATCH}条记录`), now)
    const items = batch.map((item) =>
      item && typeof item === 'object' && !Array.isArray(item) ? (item as RawRequest) : {}
    )
    // The caller and estates are read once for the batch, the op records of all items in one query.
    const opIds = [
      ...new Set(
        items.flatMap((one) => {
          const r = v.safeParse(opSchema, one.op)
          return r.success ? [r.output.id] : []
        })
      )
    ]
    const shared: Shared = { estates: new Map() }
    if (opIds.length)
      shared.ops = quiet(
        store
          .find<OpRecord & { [k: string]: unknown }>('ops', {
            where: { _id: { in: opIds } },
            orderBy: [['_id', 'asc']],
            limit: MAX_BATCH
          })
          .then((page) => new Map(page.items.map((o) => [o._id, o])))
      )
    const results: Envelope<unknown>[] = []
    for (const one of items)
      results.push(
        await dispatchOne({ ...one, batch: undefined, sentAt: one.sentAt ?? req.sentAt }, identity, shared)
      )
    return { ok: true as const, data: results, serverTime: config.now() }
  }) as Dispatcher
  Object.defineProperty(dispatch, 'fn', { value: fn })
  Object.defineProperty(dispatch, 'actions', { value: allowed })
  return dispatch
}
