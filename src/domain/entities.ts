import type { Role } from './roles'
import type { PlaceFlag } from './attendance/place'
import type { TimeFlag } from './time/eventTime'

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
  /** Minutes from an incident's report to done, by severity, where the estate differs from the defaults. */
  responseMinutes?: Partial<Record<'low' | 'normal' | 'high' | 'urgent', number>>
  /** What a new patrol plan starts from: a round every so many minutes, taking between min and max. */
  patrol?: { everyMinutes: number; minMinutes: number; maxMinutes: number }
  /** The hour (0-23, estate time) the daily report of the day before is made; 8 unless set. */
  reportHour?: number
  /** Lone-worker check-ins on patrol (报平安): every N minutes, missed after a grace; 0 turns them off (domain/safety). */
  safety?: { checkInMinutes: number; graceMinutes: number }
}

export interface Estate extends Doc {
  name: string
  company: string
  address: string
  settings: EstateSettings
  /** IANA time zone; 'Asia/Shanghai' unless set */
  timeZone?: string
}

/**
 * A gate (东门) or a post (岗亭: 地库岗, 监控室): both are named places in an estate where a guard
 * stands. Only gates are offered in the guard's gate picker; absent `kind` is a gate, absent
 * `active` is active.
 */
export interface Gate extends Doc {
  estateId: string
  name: string
  kind?: 'gate' | 'post'
  active?: boolean
  /** where a clock-in at this place counts as there (attendance; flagged, never refused, outside) */
  position?: { lat: number; lng: number; radiusM: number } | null
  /** the place's Wi-Fi access points (BSSIDs, `aa:bb:cc:dd:ee:ff`), where the estate set them */
  wifi?: string[]
}

export interface Room extends Doc {
  estateId: string
  building: string
  /** '' where the building has no units */
  unit: string
  no: string
  /** 1-1-101, as guards type it */
  label?: string
  ownerName?: string
  /** stored whole, shown masked in every list */
  ownerPhone?: string
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
  /** When the person last used a bind code (a WeChat bind or a browser sign-in); cleared by a re-issue. */
  boundAt?: number
  /** The latest bind code issued: an earlier one no longer binds. */
  bindCode?: string
  /** When and by whom the person was disabled. */
  disabledAt?: number
  disabledBy?: string
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
  via: SessionVia
  /** The server's mode when the session was made: a demo session is refused in production. */
  mode?: 'demo' | 'production'
  /** The device a bind-code sign-in was made on (a short name from its User-Agent). */
  device?: string
}

/** How a session was opened: demo sign-in, WeChat, or a one-time bind code in a browser. */
export type SessionVia = 'demo' | 'wechat' | 'code'

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
  /** attendance: the clock-in and clock-out by the device-time rule, where the phone was and the flags */
  clockIn?: Clock
  clockOut?: Clock
}

/** One clock (上岗 or 下岗打卡) as attendance keeps it (src/domain/attendance/place.ts). */
export interface Clock {
  /** event time (domain/time/eventTime.ts) and why the phone's was not kept */
  at: number
  timeFlag?: TimeFlag
  position?: { lat: number; lng: number; accuracyM: number }
  bssid?: string
  /** metres from the post, when both positions are known */
  distanceM?: number
  flags: PlaceFlag[]
  /** why the phone had no position (its words), when it said */
  noPositionReason?: string
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

/** One guided-script run (话术), recorded through the outbox when the person reaches the end. */
export interface ScriptRun extends Doc {
  estateId: string
  staffId: string
  staffName: string
  scriptId: string
  /** the script's title when the run was recorded */
  title: string
  /** the version the person ran (older versions are kept as they were run) */
  version: number
  path: string[]
  answers: Record<string, string>
  outcome: string
  outcomeLabel: string
  startedAt: number
  finishedAt: number
  durationMs: number
  /** device clock when the run was saved on the phone */
  deviceTime: number
  /** server time it was recorded */
  at: number
}

/** A read receipt: `_id` is `${staffId}:${scriptId}`, one per person and script, the highest version kept. */
export interface ScriptAck extends Doc {
  staffId: string
  scriptId: string
  version: number
  /** server time of the latest confirmation */
  at: number
  /** estate the confirmation was made in */
  estateId: string
}
