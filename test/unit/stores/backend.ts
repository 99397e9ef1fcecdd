import { configure } from 'mobx'
import { makeHarness, type Harness } from '../../cloud/harness'
import { createApi, type Api } from '../../../src/stores/api'
import { createIdFactory } from '../../../src/domain/ids'
import type { KeyValueStorage } from '../../../src/services/storage'
import type { Transport } from '../../../src/services/transport'

configure({ enforceActions: 'observed' })

/** Storage that behaves like wx storage: values are copied in and out. */
export class MemoryStorage implements KeyValueStorage {
  data = new Map<string, string>()
  get<T>(key: string): T | undefined {
    const v = this.data.get(key)
    return v === undefined ? undefined : (JSON.parse(v) as T)
  }
  set(key: string, value: unknown): void {
    this.data.set(key, JSON.stringify(value))
  }
  remove(key: string): void {
    this.data.delete(key)
  }
}

/**
 * The stores talk to the real dispatcher over an in-memory SQLite database, through a
 * transport that can be switched off to play "no network".
 */
export interface Backend {
  h: Harness
  online: boolean
  calls: { fn: string; action: string }[]
  transport: Transport
  api(session: { token?: string; estateId?: string }): Api
}

export async function makeBackend(): Promise<Backend> {
  const h = await makeHarness()
  const newId = createIdFactory({ now: () => h.clock.now, random: Math.random })
  const b: Backend = {
    h,
    online: true,
    calls: [],
    transport: async (fn, payload, token) => {
      if (!b.online) throw new Error('request:fail')
      b.calls.push({ fn, action: payload.action ?? `batch×${payload.batch?.length ?? 0}` })
      // Round-trip through JSON as the network would.
      const body = JSON.parse(JSON.stringify(payload))
      const out = await h.rt.call(fn, body, token ? { kind: 'token', token } : { kind: 'none' })
      return JSON.parse(JSON.stringify(out))
    },
    api: (s) =>
      createApi({
        transport: b.transport,
        token: () => s.token,
        estateId: () => s.estateId,
        now: () => h.clock.now,
        newId
      })
  }
  return b
}
