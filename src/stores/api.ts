import type { ActionName, InputOf, OutputOf } from '../domain/contract'
import { CORE_ACTIONS } from '../domain/contract/core'
import type { ActionDef, AnySchema } from '../domain/contract/define'
import { AppError } from '../domain/errors'
import { parseInput } from '../domain/validation'
import type { Transport } from '../services/transport'

export interface ApiDeps {
  transport: Transport
  token: () => string | undefined
  estateId: () => string | undefined
  now: () => number
  newId: () => string
  /** Called when the server says the session is gone. */
  onAuthLost?: (code: string) => void
}

export type Api = <A extends ActionName>(
  action: A,
  input: InputOf<A>,
  opts?: { op?: { id: string; deviceTime: number } }
) => Promise<OutputOf<A>>

type LoadedDef = ActionDef<string, AnySchema, unknown>

/**
 * The actions this app knows, with their schemas. The mini program's main package carries
 * only the core of the contract (sign-in, home, shift, inbox, staff, scripts, photos); each
 * subpackage's store hands over its own area (`loadActions(GATE_ACTIONS)` …) when it loads, so
 * the gate, patrol and task schemas travel in the subpackages that use them. Only the types come
 * from the whole contract (src/domain/contract/index.ts), which the cloud uses.
 */
const loaded = new Map<string, LoadedDef>(Object.entries(CORE_ACTIONS))

export function loadActions(defs: { readonly [name: string]: LoadedDef }): void {
  for (const name of Object.keys(defs)) loaded.set(name, defs[name])
}

/** The action's declaration; an action whose part of the contract was never loaded is a wiring bug. */
export function actionDef(action: ActionName): LoadedDef {
  const def = loaded.get(action)
  if (!def)
    throw new Error(
      `${action}: its part of the contract is not loaded (loadActions in the store that calls it)`
    )
  return def
}

/** The declaration if its part of the contract is loaded (a queued operation may outlive that). */
export function loadedActionDef(action: string): LoadedDef | undefined {
  return loaded.get(action)
}

const AUTH_LOST = new Set([
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'STAFF_DISABLED',
  'NOT_BOUND',
  'DEMO_DISABLED'
])

/**
 * The typed client: the contract names the function, checks the input with the same
 * schema the server uses (so a person sees the message before anything is sent), and adds
 * the estate and, for writes, the operation id.
 */
export function createApi(deps: ApiDeps): Api {
  return async (action, input, opts) => {
    const def = actionDef(action)
    parseInput(def.input, input)
    let env
    try {
      env = await deps.transport(
        def.fn,
        {
          action,
          input,
          estateId: def.scope === 'estate' ? deps.estateId() : undefined,
          op: def.write ? (opts?.op ?? { id: deps.newId(), deviceTime: deps.now() }) : undefined,
          sentAt: deps.now()
        },
        deps.token()
      )
    } catch {
      throw new AppError('NETWORK', '网络不通，请检查网络后重试')
    }
    if (!env.ok) {
      if (AUTH_LOST.has(env.code) && def.access !== 'public') deps.onAuthLost?.(env.code)
      throw new AppError(env.code, env.message, env.details)
    }
    return env.data as OutputOf<typeof action>
  }
}

export function messageOf(e: unknown): string {
  if (e instanceof AppError) return e.message
  return '出了点问题，请稍后重试'
}
