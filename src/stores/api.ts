import { ACTIONS, type ActionName, type InputOf, type OutputOf } from '../domain/contract'
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

const AUTH_LOST = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'STAFF_DISABLED', 'NOT_BOUND'])

/**
 * The typed client: the contract names the function, checks the input with the same
 * schema the server uses (so a person sees the message before anything is sent), and adds
 * the estate and, for writes, the operation id.
 */
export function createApi(deps: ApiDeps): Api {
  return async (action, input, opts) => {
    const def = ACTIONS[action]
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
