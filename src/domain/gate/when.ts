/**
 * Times the guard reads at the gate always carry their day: a pass that runs to the day after
 * tomorrow must not read "23:24 至 23:59".
 */
import { estateTime } from '../dates'

/** 今天 14:05 / 明天 09:00 / 昨天 18:30 / 12月2日 23:59 (relative to `now`, estate time). */
export function dayClock(t: number, now: number): string {
  const d = estateTime(t)
  const days = d.startOf('day').diff(estateTime(now).startOf('day'), 'day')
  const day = days === 0 ? '今天' : days === 1 ? '明天' : days === -1 ? '昨天' : d.format('M月D日')
  return `${day} ${d.format('HH:mm')}`
}

/** A pass's validity: 今天 08:00 至 明天 23:59 */
export function validityText(from: number, to: number, now: number): string {
  return `${dayClock(from, now)} 至 ${dayClock(to, now)}`
}
