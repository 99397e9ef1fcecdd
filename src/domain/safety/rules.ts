/**
 * Lone-worker safety on patrol (独自巡逻的安全): while a round is walked the phone asks for a
 * check-in (我安全) every N minutes; a check-in missed past its grace period, or a long press on
 * the panic button, raises an alert to the estate's supervisors and the guards on duty, which
 * stays until someone acknowledges it. The server keeps, per round, when the next check-in is
 * due (a watch) and its timer decides, so a phone that died is noticed too. Pure: time passed in.
 */
import type { Doc } from '../entities'
import type { TimeFlag } from '../time/eventTime'
import { localClock } from '../time'

/** An estate's check-in rhythm; `checkInMinutes: 0` turns the check-ins off. */
export interface SafetySettings {
  /** minutes between check-ins during a round (0: off) */
  checkInMinutes: number
  /** minutes after a check-in is due before it counts as missed */
  graceMinutes: number
}

export const DEFAULT_SAFETY: SafetySettings = { checkInMinutes: 20, graceMinutes: 5 }
/** The longest interval and grace the settings screen accepts (minutes). */
export const MAX_CHECK_IN_MINUTES = 240
export const MAX_GRACE_MINUTES = 60

/** How long the panic button must be held: a pocket or a brush does not raise an alert. */
export const PANIC_HOLD_MS = 1500
/** What a short tap on the panic button says. */
export const PANIC_HINT = '长按 1.5 秒求助'

/**
 * A check-in made and sent within this long was made at the moment it reached the server
 * (online): the server's own time is its time, whatever the phone's clock says.
 */
export const FRESH_CHECK_IN_MS = 60_000

/** The estate's settings with the defaults where unset. */
export function safetyOf(settings: { safety?: Partial<SafetySettings> } | undefined): SafetySettings {
  const s = settings?.safety
  return {
    checkInMinutes: s?.checkInMinutes ?? DEFAULT_SAFETY.checkInMinutes,
    graceMinutes: s?.graceMinutes ?? DEFAULT_SAFETY.graceMinutes
  }
}

export function safetyOn(s: SafetySettings): boolean {
  return s.checkInMinutes > 0
}

/** What the settings screen says is wrong with them (the contract checks each field alone). */
export function safetyProblem(s: SafetySettings): { field: string; message: string } | undefined {
  const whole = (n: number) => Number.isInteger(n) && n >= 0
  if (!whole(s.checkInMinutes) || s.checkInMinutes > MAX_CHECK_IN_MINUTES)
    return {
      field: 'settings.safety.checkInMinutes',
      message: `报平安间隔：请填写0到${MAX_CHECK_IN_MINUTES}之间的整数（分钟，0为关闭）`
    }
  if (!whole(s.graceMinutes) || s.graceMinutes > MAX_GRACE_MINUTES)
    return {
      field: 'settings.safety.graceMinutes',
      message: `报平安宽限：请填写0到${MAX_GRACE_MINUTES}之间的整数（分钟）`
    }
  if (s.checkInMinutes > 0 && s.checkInMinutes < 5)
    return { field: 'settings.safety.checkInMinutes', message: '报平安间隔：至少5分钟（或填0关闭）' }
  return undefined
}

/** Where the phone was: its position and how accurate it says it is. */
export interface SafetyPosition {
  lat: number
  lng: number
  accuracyM: number
}

export type WatchStatus = 'watching' | 'alerted' | 'ended'

/** The timer's part of a watch: when the last check-in was, when the next is due, when it is missed. */
export interface WatchTimes {
  status: WatchStatus
  /** the last check-in that counted (the round's start at first) */
  lastAt: number
  dueAt: number
  /** dueAt + grace: from here on the check-in is missed */
  alertAt: number
}

/** The server's watch over one round being walked (`safetywatches/<roundId>`). */
export interface Watch extends Doc, WatchTimes {
  estateId: string
  roundId: string
  staffId: string
  staffName: string
  intervalMinutes: number
  graceMinutes: number
  position?: SafetyPosition
  positionAt?: number
  checkpointName?: string
  checkpointAt?: number
  /** a check-in recorded with a doubtful phone time that was therefore not counted */
  doubtfulAt?: number
}

/** When the next check-in is due after one at `lastAt`. */
export function timesAfter(
  lastAt: number,
  s: SafetySettings
): Pick<WatchTimes, 'lastAt' | 'dueAt' | 'alertAt'> {
  const dueAt = lastAt + s.checkInMinutes * 60_000
  return { lastAt, dueAt, alertAt: dueAt + s.graceMinutes * 60_000 }
}

/** A round just started at `startedAt`: the first check-in is due an interval later. */
export function startWatch(startedAt: number, s: SafetySettings): WatchTimes {
  return { status: 'watching', ...timesAfter(startedAt, s) }
}

/** Whether the watch's check-in is missed now (past due and grace, not alerted yet, round not over). */
export function isMissed(w: WatchTimes, now: number): boolean {
  return w.status === 'watching' && now >= w.alertAt
}

/**
 * When a check-in counts as made, or undefined when it does not count. One sent as it was made
 * (the phone's age of the record at sending under FRESH_CHECK_IN_MS) happened when it reached
 * the server. One queued offline counts at the phone's time when the event-time rule kept it;
 * with a flagged phone time it is recorded but not counted (it may be old: flag, do not trust).
 */
export function checkInTime(x: {
  deviceTime: number
  /** the phone's clock when it sent the record; absent: not known */
  sentAt?: number
  now: number
  /** the time the event-time rule gave the record */
  at: number
  flag?: TimeFlag
}): number | undefined {
  if (x.sentAt !== undefined && x.sentAt - x.deviceTime >= 0 && x.sentAt - x.deviceTime < FRESH_CHECK_IN_MS)
    return x.now
  if (x.flag) return undefined
  return Math.min(x.at, x.now)
}

/**
 * The watch after a check-in counted at `at` (undefined: not counted). An older check-in than
 * the last changes nothing. An alerted watch goes back to watching only when the check-in covers
 * now: a late offline check-in that is itself long past leaves the open alert's watch alerted
 * (one alert, not another). A watching one whose new time is past already is missed at once.
 */
export function afterCheckIn(
  w: WatchTimes,
  at: number | undefined,
  now: number,
  s: SafetySettings
): WatchTimes {
  if (w.status === 'ended' || at === undefined || at <= w.lastAt) return w
  const t = timesAfter(at, s)
  if (w.status === 'alerted' && t.alertAt <= now) return { ...w, ...t }
  return { status: 'watching', ...t }
}

/** The round ended (done or abandoned): no more check-ins are due. */
export function endWatch(w: WatchTimes): WatchTimes {
  return { ...w, status: 'ended' }
}

export type AlertKind = 'missed' | 'panic'

/** An alert raised for a person on patrol (`safetyalerts`). */
export interface SafetyAlert extends Doc {
  estateId: string
  kind: AlertKind
  staffId: string
  staffName: string
  roundId?: string
  /** when it happened: the missed check-in's alert time, or the panic press */
  at: number
  position?: SafetyPosition
  positionAt?: number
  checkpointName?: string
  checkpointAt?: number
  lastCheckInAt?: number
  status: 'open' | 'acked'
  ackById?: string
  ackByName?: string
  ackAt?: number
  ackNote?: string
  timeFlag?: TimeFlag
}

/** The id of the alert of a watch's missed check-in: the timer and a home read racing make one. */
export function missedAlertId(roundId: string, alertAt: number): string {
  return `m-${roundId}-${alertAt}`.slice(0, 64)
}

const clockOf = (t: number) => localClock(t)

/** Coordinates as people read them, and a map link that opens anywhere. */
export function positionText(p: SafetyPosition): string {
  return `${p.lat.toFixed(5)}, ${p.lng.toFixed(5)}（±${Math.round(p.accuracyM)}米）`
}
export function mapLink(p: SafetyPosition): string {
  return `https://uri.amap.com/marker?position=${p.lng.toFixed(6)},${p.lat.toFixed(6)}`
}

/** The alert's title: who and what. */
export function alertTitle(a: Pick<SafetyAlert, 'kind' | 'staffName'>): string {
  return a.kind === 'panic' ? `${a.staffName} 长按求助` : `${a.staffName} 未按时报平安`
}

/** The alert's lines as the banner and the list show them: when, last position, last checkpoint, acknowledgement. */
export function alertLines(
  a: Omit<SafetyAlert, '_id' | '_v' | 'createdAt' | 'updatedAt' | 'estateId'>
): string[] {
  const lines = [a.kind === 'panic' ? `求助时间 ${clockOf(a.at)}` : `应报平安 ${clockOf(a.at)} 前，未报`]
  if (a.lastCheckInAt !== undefined && a.kind === 'missed')
    lines.push(`上次报平安 ${clockOf(a.lastCheckInAt)}`)
  lines.push(
    a.position
      ? `最后位置 ${positionText(a.position)}${a.positionAt !== undefined ? ` · ${clockOf(a.positionAt)}` : ''}`
      : '最后位置：未知'
  )
  lines.push(
    a.checkpointName
      ? `最后巡更点 ${a.checkpointName}${a.checkpointAt !== undefined ? ` · ${clockOf(a.checkpointAt)}` : ''}`
      : a.roundId
        ? '最后巡更点：本轮还没有打点'
        : '最后巡更点：不在巡更中'
  )
  if (a.status === 'acked')
    lines.push(
      `已由${a.ackByName ?? ''}于 ${clockOf(a.ackAt ?? a.at)} 确认${a.ackNote ? `：${a.ackNote}` : ''}`
    )
  return lines
}
