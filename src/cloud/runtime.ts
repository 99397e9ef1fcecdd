import type { FunctionName } from '../domain/contract'
import type { Identity, ServerConfig } from './context'
import type { DataPort } from './data/port'
import { createDispatcher, type Dispatcher, type RawRequest } from './dispatcher'

export const FUNCTIONS: readonly FunctionName[] = ['auth', 'staff', 'admin', 'cron']

/** All cloud functions over one data port: what the local server and the tests run. */
export function createRuntime(store: DataPort, config: ServerConfig) {
  const dispatchers = Object.fromEntries(
    FUNCTIONS.map((fn) => [fn, createDispatcher(fn, { store, config })])
  ) as Record<FunctionName, Dispatcher>
  return {
    store,
    config,
    dispatchers,
    call(fn: string, req: RawRequest, identity: Identity) {
      // own names only: `constructor` and the like are no functions of ours
      const d = (FUNCTIONS as readonly string[]).includes(fn) ? dispatchers[fn as FunctionName] : undefined
      if (!d)
        return Promise.resolve({
          ok: false as const,
          code: 'UNKNOWN_ACTION' as const,
          message: '没有这个云函数'
        })
      return d(req, identity)
    }
  }
}
export type Runtime = ReturnType<typeof createRuntime>
