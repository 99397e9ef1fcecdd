import { AppError } from '../../domain/errors'
import type { Ctx } from '../context'
import { judgeEventTime, type TimeFlag } from '../../domain/time/eventTime'

/** INVALID_INPUT for one field, with the Chinese message the person sees. */
export function badInput(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `填写的内容有误：${message}`, [{ field, message }])
}

/** Throws `badInput` for a rule's problem (`{ field, message }` from a domain check), if any. */
export function check(problem: { field: string; message: string } | undefined): void {
  if (problem) throw badInput(problem.field, problem.message)
}

/**
 * When the thing happened, by the event-time rule (domain/time/eventTime.ts): the phone's time
 * when plausible, else the server's. A check-in saved offline at 23:50 and synced after
 * midnight still happened at 23:50. `after`: when the server saw the record's previous step
 * (a task's last change), which a later step cannot precede.
 */
export function eventTime(ctx: Ctx, after?: number): number {
  return timed(ctx, after).at
}

/** The time and, when the phone's was not kept, the flag to store on the record (`timeFlag`). */
export function timed(ctx: Ctx, after?: number): { at: number; timeFlag?: TimeFlag } {
  const op = ctx.op
  if (!op) return { at: ctx.now }
  if (after !== undefined && !op.timeFlag) {
    const j = judgeEventTime({ deviceTime: op.at, now: ctx.now, after })
    return j.flag ? { at: j.at, timeFlag: j.flag } : { at: op.at }
  }
  return op.timeFlag ? { at: op.at, timeFlag: op.timeFlag } : { at: op.at }
}

/** `{ timeFlag }` for a record whose time is not the phone's, else nothing: spread it into the record. */
export function timeFlagOf(ctx: Ctx, after?: number): { timeFlag?: TimeFlag } {
  const { timeFlag } = timed(ctx, after)
  return timeFlag ? { timeFlag } : {}
}
