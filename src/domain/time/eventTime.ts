/**
 * When a recorded thing happened: the rule, once. The phone's time is kept when it is
 * plausible - not ahead of the server beyond the allowed skew, not before the session (or
 * WeChat binding) that recorded it began, not before the record's previous step the server
 * saw, not older than the longest offline period we accept, and from a phone whose clock was
 * right when it sent - otherwise the server's time is used and the record is flagged.
 */

/** How far a phone's clock may be off before its times are not believed. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000
/** The longest a record may wait on a phone without network and keep its own time. */
export const MAX_OFFLINE_MS = 72 * 3600_000

/** Why the phone's time of a record was not kept. */
export type TimeFlag = 'future' | 'beforeSession' | 'beforePrevious' | 'tooOld' | 'clockOff'

export const TIME_FLAG_LABELS: Record<TimeFlag, string> = {
  future: '手机时间晚于服务器',
  beforeSession: '早于登录时间',
  beforePrevious: '早于上一步',
  tooOld: '超过72小时未上传',
  clockOff: '手机时钟不准'
}
/** The marker supervisors see beside a judgement (late, on time, missed) that rests on a flagged time. */
export const TIME_DOUBT = '时间存疑'

export interface EventTimeInput {
  /** the phone's time of the record */
  deviceTime: number
  /** the phone's clock when it sent the request; absent: not known */
  sentAt?: number
  /** the server's time now */
  now: number
  /** when the session (or WeChat binding) that recorded it began; absent: not known */
  since?: number
  /** when the server saw the record's previous step (a task accepted, a round started) */
  after?: number
}

export interface EventTime {
  at: number
  flag?: TimeFlag
}

/** The time a record is stored with, and why the phone's was not kept (if it was not). */
export function judgeEventTime(x: EventTimeInput): EventTime {
  const { deviceTime: t, now } = x
  const server = (flag: TimeFlag): EventTime => ({ at: now, flag })
  if (x.sentAt !== undefined && Math.abs(x.sentAt - now) > MAX_CLOCK_SKEW_MS) return server('clockOff')
  if (t > now + MAX_CLOCK_SKEW_MS) return server('future')
  if (t < now - MAX_OFFLINE_MS) return server('tooOld')
  if (x.since !== undefined && t < x.since - MAX_CLOCK_SKEW_MS) return server('beforeSession')
  if (x.after !== undefined && t < x.after - MAX_CLOCK_SKEW_MS) return server('beforePrevious')
  // within the skew ahead: never later than the server's now
  return { at: Math.min(t, now) }
}

/** The supervisor's marker for a judgement resting on a flagged time: '' when the time is sound. */
export function timeDoubt(flag: TimeFlag | undefined): string {
  return flag ? `${TIME_DOUBT}（${TIME_FLAG_LABELS[flag]}）` : ''
}
