import { AppError } from '../../domain/errors'
import type { Ctx } from '../context'

/** INVALID_INPUT for one field, with the Chinese message the person sees. */
export function badInput(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', `填写的内容有误：${message}`, [{ field, message }])
}

/** Throws `badInput` for a rule's problem (`{ field, message }` from a domain check), if any. */
export function check(problem: { field: string; message: string } | undefined): void {
  if (problem) throw badInput(problem.field, problem.message)
}

/**
 * When the thing happened: the phone's clock, unless it is flagged as off by more than five
 * minutes. A check-in saved offline at 23:50 and synced after midnight still happened at 23:50.
 */
export function eventTime(ctx: Ctx): number {
  return ctx.op && !ctx.op.skewFlag ? ctx.op.deviceTime : ctx.now
}
