import * as v from 'valibot'
import type { ActionName, FunctionName } from '../../domain/contract'
import { epochMs } from '../../domain/contract/define'

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

/** Which action a timer trigger runs, per function. */
export const TIMER_ACTIONS: Partial<Record<FunctionName, ActionName>> = { cron: 'cron.sweep' }
/**
 * A function's other timer triggers, by TriggerName (spec.ts): the cron function's `safety`
 * trigger runs every minute the cheap check of due patrol check-ins.
 */
export const TRIGGER_ACTIONS: Record<string, ActionName> = { safety: 'cron.safety' }

/** The action a timer event runs: its trigger's own, else the function's timer action. */
export function timerActionOf(fn: FunctionName, req: RawRequest): ActionName | undefined {
  const named = typeof req.TriggerName === 'string' ? TRIGGER_ACTIONS[req.TriggerName] : undefined
  return named && Object.prototype.hasOwnProperty.call(TRIGGER_ACTIONS, req.TriggerName as string)
    ? named
    : TIMER_ACTIONS[fn]
}

/** A timer trigger's event carries no action: it means the function's timer action. */
export function isTimerEvent(req: unknown): boolean {
  return (
    !!req &&
    typeof req === 'object' &&
    (req as RawRequest).Type === 'Timer' &&
    (req as RawRequest).action === undefined
  )
}

export const opSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[0-9A-Za-z_-]{8,64}$/, '操作编号格式不正确')),
  deviceTime: epochMs()
})
export const estateIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))

/** A promise whose rejection is handled where it is awaited, not reported as unhandled meanwhile. */
export function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined)
  return p
}
