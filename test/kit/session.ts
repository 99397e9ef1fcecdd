/**
 * A person signed in on a phone, for store tests: `const p = await signedIn(b, 'patrol')` signs in
 * through the real auth.demoLogin and gives the session, the typed api, a loaded outbox over the
 * phone's storage, and `deps` (api, outbox, storage, estateId, now, newId), the dependencies every
 * area store takes. Several phones of one person share a storage to play a restart.
 */
import type { Backend } from '../unit/stores/backend'
import { MemoryStorage } from '../unit/stores/backend'
import { OutboxStore } from '../../src/stores/outbox'
import { SessionStore } from '../../src/stores/session'
import { createIdFactory } from '../../src/domain/ids'
import type { Api } from '../../src/stores/api'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { staffIdOf, type Who } from './caller'

export interface Session {
  staffId: string
  token: string
  estateId: string
}

export interface SignedIn {
  session: Session
  api: Api
  outbox: OutboxStore
  storage: MemoryStorage
  newId: () => string
  /** What every area store takes: pass it with the store's own extras (`new PatrolStore({ ...p.deps, … })`). */
  deps: {
    api: () => Api
    outbox: OutboxStore
    storage: MemoryStorage
    estateId: () => string
    now: () => number
    newId: () => string
  }
}

const tokens = new WeakMap<Backend, Map<string, string>>()

/** The person's session token on this backend (one sign-in per person and backend). */
export async function tokenOf(b: Backend, who: Who): Promise<string> {
  const staffId = staffIdOf(who)
  let known = tokens.get(b)
  if (!known) tokens.set(b, (known = new Map()))
  const have = known.get(staffId)
  if (have) return have
  const env = await b.h.rt.call('auth', { action: 'auth.demoLogin', input: { staffId } }, { kind: 'none' })
  if (!env.ok) throw new Error(`${staffId} cannot sign in: ${env.code} ${env.message}`)
  const token = (env.data as { token: string }).token
  known.set(staffId, token)
  return token
}

export async function signedIn(
  b: Backend,
  who: Who,
  opts: { storage?: MemoryStorage; estateId?: string } = {}
): Promise<SignedIn> {
  const session: Session = {
    staffId: staffIdOf(who),
    token: await tokenOf(b, who),
    estateId: opts.estateId ?? DEMO_ESTATE_ID
  }
  const storage = opts.storage ?? new MemoryStorage()
  const now = () => b.h.clock.now
  const newId = createIdFactory({ now, random: Math.random })
  const outbox = new OutboxStore({
    storage,
    transport: b.transport,
    session: () => session,
    now,
    random: () => 0.5,
    newId
  })
  outbox.load()
  const api = b.api(session)
  return {
    session,
    api,
    outbox,
    storage,
    newId,
    deps: { api: () => api, outbox, storage, estateId: () => session.estateId, now, newId }
  }
}

/**
 * The main package's SessionStore on this backend, as the app makes it but with no WeChat
 * sign-in (`wxCode` gives nothing): `api` follows whoever `s` signs in as, in their estate.
 */
export function sessionStore(b: Backend, storage = new MemoryStorage()) {
  const api = () => b.api({ token: s.token, estateId: s.estate?.id })
  const s: SessionStore = new SessionStore({
    storage,
    api,
    now: () => b.h.clock.now,
    wxCode: async () => undefined
  })
  return { s, storage, api }
}
