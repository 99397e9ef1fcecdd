import * as v from 'valibot'
import type { ActionSpec, AnySchema } from '../../domain/contract/define'
import type { Estate, OpRecord } from '../../domain/entities'
import type { DataPort } from '../data/port'
import type { Caller, Identity, ServerConfig } from '../context'
import { resolveCaller } from './identity'
import { estateIdSchema, opSchema, quiet, type RawRequest } from './request'

/**
 * What the items of one batch share: the caller (same identity) and the estates, each read
 * once, and the op records of every item, read with one query before the first item runs.
 */
export interface Shared {
  caller?: Promise<Caller | undefined>
  estates: Map<string, Promise<Estate | null>>
  ops?: Promise<Map<string, OpRecord>>
}

/** The reads one request's checks need, started together; each is awaited where its check runs. */
export interface Lookups {
  callerP?: Promise<Caller | undefined>
  estateIdR?: v.SafeParseResult<typeof estateIdSchema>
  estateP?: Promise<Estate | null>
  opR?: v.SafeParseResult<typeof opSchema>
  seenP?: Promise<OpRecord | null>
}

/**
 * What the checks need from the store is asked for at once (one round trip on CloudBase):
 * the caller, the estate and the op record. The checks still run in order.
 */
export function lookAhead(
  store: DataPort,
  config: ServerConfig,
  def: Pick<ActionSpec<AnySchema, unknown>, 'access' | 'scope' | 'write'>,
  req: RawRequest,
  identity: Identity,
  now: number,
  shared: Shared
): Lookups {
  const callerP =
    def.access === 'system' || identity.kind === 'timer'
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
  return { callerP, estateIdR, estateP, opR, seenP }
}
