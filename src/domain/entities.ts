import type { Role } from './roles'

/** Every stored document: `_v` is the optimistic-concurrency version, bumped on each update. */
export interface Doc {
  _id: string
  _v: number
  createdAt: number
  updatedAt: number
}

export interface EstateSettings {
  /** A visitor inside longer than this is an overstay. */
  overstayHours: number
}

export interface Estate extends Doc {
  name: string
  company: string
  address: string
  settings: EstateSettings
}

export interface Gate extends Doc {
  estateId: string
  name: string
}

export interface Room extends Doc {
  estateId: string
  building: string
  unit: string
  no: string
}

export interface Staff extends Doc {
  name: string
  phone: string
  roles: Role[]
  estateIds: string[]
  /** WeChat OPENID once the person has bound their WeChat; never sent to other clients. */
  openid?: string
  active: boolean
  /** Set by the demo seed so the demo sign-in lists only seeded people. */
  demo?: boolean
}

export interface BindCode extends Doc {
  staffId: string
  estateId: string
  createdBy: string
  expiresAt: number
  usedAt?: number
}

export interface SessionDoc extends Doc {
  staffId: string
  expiresAt: number
  revokedAt?: number
  via: 'demo' | 'wechat'
}

export interface Shift extends Doc {
  estateId: string
  staffId: string
  staffName: string
  post: string
  startedAt: number
  endedAt?: number
  deviceStartedAt: number
  deviceEndedAt?: number
  status: 'on' | 'off'
}

export interface AuditRecord {
  _id: string
  _v: number
  createdAt: number
  updatedAt: number
  at: number
  actorId: string
  actorName: string
  action: string
  coll: string
  docId: string
  estateId?: string
  opId?: string
}

/** The server's memory of an applied operation: the idempotency record. */
export interface OpRecord extends Doc {
  actorId: string
  action: string
  hash: string
  result: unknown
  serverTime: number
  deviceTime: number
  skewMs: number
  skewFlag: boolean
}

export const BIND_CODE_TTL_MS = 72 * 3600 * 1000
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000
/** Device clocks further off than this are flagged on the record. */
export const CLOCK_SKEW_FLAG_MS = 5 * 60 * 1000
