import type { ActionName, OutputOf, ParsedInputOf } from '../../domain/contract'
import type { Ctx } from '../context'

/** A handler of one action, typed by the contract: parsed input in, the declared output out. */
export type Handler<A extends ActionName> = (input: ParsedInputOf<A>, ctx: Ctx) => Promise<OutputOf<A>>
export type HandlerMap<A extends ActionName = ActionName> = { [K in A]: Handler<K> }

/**
 * An area's handlers, one line per action (tcb-router style), each typed by its action:
 * `defineHandlers({ 'staff.create': async (input, ctx) => … })`. A name the contract does not
 * declare, or a wrong input or output type, fails the type check.
 */
export function defineHandlers<A extends ActionName>(handlers: HandlerMap<A>): HandlerMap<A> {
  return handlers
}

type Merged<P extends readonly object[]> = P extends readonly [infer H, ...infer R extends readonly object[]]
  ? H & Merged<R>
  : unknown

/**
 * The registry from the areas' maps. An action handled twice fails at load; assigning the
 * result to `HandlerMap` (every action) makes a missing one fail the type check.
 */
export function mergeHandlers<P extends readonly object[]>(...parts: P): Merged<P> {
  const out: Record<string, unknown> = {}
  for (const part of parts)
    for (const [name, h] of Object.entries(part)) {
      if (Object.prototype.hasOwnProperty.call(out, name)) throw new Error(`two handlers for ${name}`)
      out[name] = h
    }
  return out as Merged<P>
}
