/**
 * Dates as people in the estate read them, with dayjs and its zh-cn locale. The estate keeps
 * China time (UTC+8), whatever zone the phone or the server runs in; `now` is always passed in.
 */
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'
import { CHINA_OFFSET_MIN } from './time'

dayjs.extend(utc)
dayjs.locale('zh-cn')

export function estateTime(t: number, offsetMin = CHINA_OFFSET_MIN): Dayjs {
  return dayjs(t).utc().utcOffset(offsetMin).locale('zh-cn')
}

/** 11月23日 星期一 */
export function formatDay(t: number): string {
  return estateTime(t).format('M月D日 dddd')
}

/** 14:05, or 昨天 14:05, or 11月20日 14:05 (relative to `now`). */
export function formatWhen(t: number, now: number): string {
  const d = estateTime(t)
  const today = estateTime(now).startOf('day')
  if (!d.isBefore(today)) return d.format('HH:mm')
  if (!d.isBefore(today.subtract(1, 'day'))) return `昨天 ${d.format('HH:mm')}`
  return d.format('M月D日 HH:mm')
}

/** 刚刚 / 5分钟前 / 2小时前 / then the date. */
export function formatAgo(t: number, now: number): string {
  const s = Math.max(0, Math.floor((now - t) / 1000))
  if (s < 60) return '刚刚'
  if (s < 3600) return `${Math.floor(s / 60)}分钟前`
  if (s < 86400) return `${Math.floor(s / 3600)}小时前`
  return formatWhen(t, now)
}

export type DayPart = 'morning' | 'afternoon' | 'evening'

/** Which greeting the SOPs call for: 早上好 before noon, 下午好 until 18:00, 晚上好 after. */
export function dayPart(t: number): DayPart {
  const h = estateTime(t).hour()
  if (h >= 5 && h < 12) return 'morning'
  if (h >= 12 && h < 18) return 'afternoon'
  return 'evening'
}
