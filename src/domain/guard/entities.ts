import type { Doc } from '../entities'
import type { GuessKind, GuessScope } from './limits'

/** A lockout after too many wrong codes (`lockouts/<kind>:<scope>:<key>`), re-armed by the next. */
export interface Lockout extends Doc {
  kind: GuessKind
  scope: GuessScope
  /** the staff id or WeChat (person), or the estate id (estate) */
  key: string
  /** the estate it belongs to; ANY_ESTATE for bind codes */
  estateId: string
  staffName?: string
  misses: number
  lockedAt: number
  until: number
  liftedAt?: number
  liftedBy?: string
  liftedByName?: string
}
