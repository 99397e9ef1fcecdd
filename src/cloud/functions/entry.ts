import { createHmac, randomBytes } from 'node:crypto'
import type { FunctionName } from '../../domain/contract'
import { AppError, errorEnvelope, type Envelope } from '../../domain/errors'
import type { Identity, ServerConfig } from '../context'
import { createCloudbaseAdapter, ensureCollections } from '../data/cloudbase'
import type { DataPort } from '../data/port'
import { cloudbaseStorage, type StoragePort, type WxStorage } from '../data/storage'
import { createDispatcher, isTimerEvent, type RawRequest } from '../dispatcher'
import { subscribeRequest } from '../notify'
import { FUNCTION_SPECS, SWEEP_MARGIN_MS, missingEnv } from './spec'

/** The slice of wx-server-sdk an entry uses. */
export interface WxCloud extends Partial<WxStorage> {
  DYNAMIC_CURRENT_ENV: unknown
  init(opts: { env: unknown }): void
  database(opts?: { throwOnNotFound?: boolean }): unknown
  getWXContext(): { OPENID?: string }
  openapi: { subscribeMessage: { send(req: unknown): Promise<unknown> } }
}

export interface MainDeps {
  cloud: WxCloud
  env: Record<string, string | undefined>
  log?: (msg: string, extra?: unknown) => void
  now?: () => number
  /** Tests: a data port instead of the SDK's database (no collections are created then). */
  store?: DataPort
  /** Tests: a storage port instead of the SDK's cloud storage. */
  storage?: StoragePort
}

export type Main = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>

/**
 * One cloud function. Identity comes only from `getWXContext().OPENID`; a timer trigger
 * (`{ Type: 'Timer', TriggerName, Time, Message }`, no OPENID) runs the function's timer
 * action. Without its secrets the function refuses every call.
 */
export function createMain(fn: FunctionName, deps: MainDeps): Main {
  const { cloud, env } = deps
  const log =
    deps.log ??
    ((msg: string, extra?: unknown) => (extra === undefined ? console.error(msg) : console.error(msg, extra)))
  const now = deps.now ?? Date.now
  const spec = FUNCTION_SPECS[fn]

  const missing = missingEnv(fn, env)
  if (missing.length) {
    const line = `[${fn}] refusing to serve: ${missing.join('; ')} in this cloud function's environment (云函数 → 配置 → 环境变量)`
    return async () => {
      log(line)
      return errorEnvelope(new AppError('SERVER_MISCONFIGURED'), now())
    }
  }

  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = deps.store ? undefined : cloud.database({ throwOnNotFound: false })
  const idSalt = env.ID_SALT ?? ''
  const config: ServerConfig = {
    demo: false,
    // Cloud calls are identified by OPENID and carry no session token; the key still signs
    // patrol QR codes, so it is never a public constant.
    sessionSecret:
      env.SESSION_SECRET ||
      (idSalt
        ? createHmac('sha256', idSalt).update('session-secret').digest('hex')
        : randomBytes(32).toString('hex')),
    idSalt,
    setupToken: env.SETUP_TOKEN || undefined,
    // the running function's environment (set by CloudBase): cloud:// ids of others are refused
    cloudEnv: env.TCB_ENV || env.SCF_NAMESPACE || undefined,
    now,
    random: Math.random,
    log,
    timeoutMs: Math.max(1000, spec.timeout * 1000 - 500),
    sweepBudgetMs: Math.max(1000, spec.timeout * 1000 - SWEEP_MARGIN_MS),
    notify: async (n) => {
      const req = subscribeRequest(n, env)
      if (req) await cloud.openapi.subscribeMessage.send(req)
    },
    // the photos in this environment's cloud storage (files.register, the sweep)
    storage:
      deps.storage ??
      (cloud.getTempFileURL && cloud.deleteFile ? cloudbaseStorage(cloud as WxStorage) : undefined)
  }
  const store = deps.store ?? createCloudbaseAdapter(db)
  const dispatch = createDispatcher(fn, { store, config })

  // Collections are created once per cold start, outside any transaction (a write in a
  // transaction to a collection that does not exist fails with -502005).
  let ready: Promise<void> | undefined = deps.store ? Promise.resolve() : undefined
  const prepare = () => {
    ready ??= ensureCollections(db).catch((e: unknown) => {
      ready = undefined
      throw e
    })
    return ready
  }

  return async (event: unknown) => {
    try {
      await prepare()
    } catch (e) {
      log(`[${fn}] could not create the database collections`, e)
      return errorEnvelope(new AppError('INTERNAL'), now())
    }
    const { OPENID } = cloud.getWXContext() ?? {}
    const identity: Identity = OPENID
      ? { kind: 'openid', openid: OPENID }
      : isTimerEvent(event)
        ? { kind: 'timer' }
        : { kind: 'none' }
    return dispatch((event ?? {}) as RawRequest, identity)
  }
}

/** The entry WeChat calls: the real SDK (installed by the cloud from package.json) and the function's environment. */
export function makeMain(fn: FunctionName): Main {
  let main: Main | undefined
  return (event, context) => {
    main ??= createMain(fn, { cloud: require('wx-server-sdk') as WxCloud, env: process.env })
    return main(event, context)
  }
}
