/**
 * Typed calls for cloud tests: `h.as('guard').call('gate.checkIn', input)` answers the action's
 * output type and throws `Refused` (with the stable code) on a refusal; `.try` returns the
 * envelope for tests about refusals and replays.
 */
import type { ActionName, InputOf, OutputOf } from '../../src/domain/contract'
import type { Envelope, ErrorCode } from '../../src/domain/errors'
import { ROLES, type Role } from '../../src/domain/roles'

/** A demo person by role (`'guard'` → `demo-guard`, the seed's one person per role) or any staff id. */
export type Who = Role | (string & {})

export function staffIdOf(who: Who): string {
  return (ROLES as readonly string[]).includes(who) ? `demo-${who}` : who
}

/** Options of one call: the estate (default: the demo estate for estate actions), the op, the send time. */
export interface CallOptions {
  estateId?: string
  op?: { id: string; deviceTime: number }
  sentAt?: number
}

/** A refusal raised by `.call`: the action, its stable code and the Chinese message. */
export class Refused extends Error {
  constructor(
    readonly action: string,
    readonly code: ErrorCode,
    readonly reason: string
  ) {
    super(`${action} refused: ${code}: ${reason}`)
    this.name = 'Refused'
  }
}

export interface Caller {
  readonly staffId: string
  /** The action's output; throws `Refused` when the server refuses. */
  call<A extends ActionName>(action: A, input: InputOf<A>, opts?: CallOptions): Promise<OutputOf<A>>
  /** The whole envelope, for refusals and replays; the input may be anything (bad-input tests). */
  try<A extends ActionName>(
    action: A,
    input: InputOf<A> | Record<string, unknown>,
    opts?: CallOptions
  ): Promise<Envelope<OutputOf<A>>>
}

export type RawCall = (
  staffId: string,
  action: ActionName,
  input: unknown,
  opts: CallOptions
) => Promise<Envelope<unknown>>

export function makeCaller(raw: RawCall, who: Who): Caller {
  const staffId = staffIdOf(who)
  return {
    staffId,
    async call(action, input, opts = {}) {
      const e = await raw(staffId, action, input, opts)
      if (!e.ok) throw new Refused(action, e.code, e.message)
      return e.data as OutputOf<typeof action>
    },
    async try(action, input, opts = {}) {
      return (await raw(staffId, action, input, opts)) as Envelope<OutputOf<typeof action>>
    }
  }
}
