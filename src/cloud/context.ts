import type { DataPort } from './data/port'
import type { StoragePort } from './data/storage'
import type { Estate, SessionVia, Staff } from '../domain/entities'
import type { TimeFlag } from '../domain/time/eventTime'

export type Identity =
  | { kind: 'openid'; openid: string }
  | { kind: 'token'; token: string }
  | { kind: 'timer' }
  /** nobody signed in; `source` is where the call came from (`ip:<address>` on our server), for guessing limits */
  | { kind: 'none'; source?: string }

export interface Caller {
  staff: Staff
  via: SessionVia
  sessionId?: string
  /** When the session (or the WeChat binding) began: no record it sends happened before. */
  since?: number
}

export interface ServerConfig {
  /** One-tap sign-in as any seeded person; labelled 演示 in the UI. */
  demo: boolean
  /** HMAC key for session tokens (HTTP transport). */
  sessionSecret: string
  /** Salt for hashes of ID-card numbers. */
  idSalt: string
  /** Turns a wx.login code into an OPENID (HTTP transport with an appid and secret). */
  exchangeWxCode?: (code: string) => Promise<string>
  /** Server clock; tests pass a fixed one. */
  now: () => number
  random: () => number
  log: (msg: string, extra?: unknown) => void
  /** A handler slower than this is answered with INTERNAL instead of hanging. */
  timeoutMs?: number
  /**
   * Tells a person outside the app (a WeChat subscribe message). Best effort: the inbox item
   * is the record, this is the nudge. Absent where there is no WeChat (the local server).
   */
  notify?: (n: Nudge) => Promise<void>
  /**
   * How long a timer-triggered sweep may run: the function's configured timeout minus a
   * margin. The sweep stops cleanly when it runs out and the next hour carries on.
   */
  sweepBudgetMs?: number
  /** The one-time setup secret (`auth.setup`); absent: setup is refused. */
  setupToken?: string
  /** This CloudBase environment's id: a `cloud://` file id of another environment is refused. */
  cloudEnv?: string
  /**
   * The photo files (src/cloud/data/storage.ts): the local server's files folder, or CloudBase
   * storage. `files.register` checks a cloud upload's size there; the sweep deletes expired uploads.
   */
  storage?: StoragePort
}

/** A subscribe message for one person, sent after the operation commits. */
export interface Nudge {
  openid: string
  kind: string
  title: string
  page: string
  at: number
}

export interface Ctx {
  /** For write actions this is the transaction; queries that need `find` use `store`. */
  db: DataPort
  store: DataPort
  now: number
  config: ServerConfig
  identity: Identity
  caller?: Caller
  estateId?: string
  estate?: Estate
  op?: {
    id: string
    deviceTime: number
    skewMs: number
    skewFlag: boolean
    /** the record's time by the event-time rule (domain/time/eventTime.ts) */
    at: number
    /** why the phone's time was not kept */
    timeFlag?: TimeFlag
  }
  action: string
  /** Append an audit record (in the same transaction for writes). */
  audit(coll: string, docId: string): Promise<void>
  newId(): string
  /**
   * Queue a WeChat subscribe message. Nothing is sent inside the transaction: the queue of
   * the attempt that commits goes out once, after commit, and never on a replay.
   */
  nudge(n: Nudge): void
  /** Wall-clock time (by `config.now()`) by which a long action must stop; absent: no budget. */
  deadline?: number
}

export function requireCaller(ctx: Ctx): Caller {
  if (!ctx.caller) throw new Error('handler needs a caller: access rule is wrong')
  return ctx.caller
}
export function requireEstate(ctx: Ctx): Estate {
  if (!ctx.estate) throw new Error('handler needs an estate: scope rule is wrong')
  return ctx.estate
}
