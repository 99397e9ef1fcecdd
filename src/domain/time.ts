/**
 * Estates keep China time (UTC+8, no daylight saving). Server and tests may run in UTC, so
 * "today" and "the hour of day" are computed from the epoch with this offset, never from
 * the machine's zone.
 */
export const CHINA_OFFSET_MIN = 480
/** The China offset in milliseconds (UTC+8). */
export const CHINA_OFFSET_MS = CHINA_OFFSET_MIN * 60_000
/** One day in milliseconds. */
export const DAY_MS = 86_400_000
const DAY = DAY_MS

export function dayStart(now: number, offsetMin = CHINA_OFFSET_MIN): number {
  const off = offsetMin * 60000
  return Math.floor((now + off) / DAY) * DAY - off
}

/** 'YYYY-MM-DD' of the estate's local day. */
export function localDate(now: number, offsetMin = CHINA_OFFSET_MIN): string {
  const d = new Date(now + offsetMin * 60000)
  return d.toISOString().slice(0, 10)
}

export function localHour(now: number, offsetMin = CHINA_OFFSET_MIN): number {
  return new Date(now + offsetMin * 60000).getUTCHours()
}

/** 'HH:mm' in estate time. */
export function localClock(now: number, offsetMin = CHINA_OFFSET_MIN): string {
  return new Date(now + offsetMin * 60000).toISOString().slice(11, 16)
}

/** Day of the week (0 = Sunday) of an instant in estate time. */
export function weekday(now: number, offsetMin = CHINA_OFFSET_MIN): number {
  return new Date(now + offsetMin * 60000).getUTCDay()
}

/** The instant the estate's local day 'YYYY-MM-DD' begins; NaN for a string that is no date. */
export function startOfLocalDate(date: string, offsetMin = CHINA_OFFSET_MIN): number {
  return Date.parse(`${date}T00:00:00Z`) - offsetMin * 60000
}

/** The local day `n` days from `date` ('YYYY-MM-DD'), or undefined past today (`now`): a day view never goes into the future. */
export function stepDay(
  date: string,
  n: number,
  now: number,
  offsetMin = CHINA_OFFSET_MIN
): string | undefined {
  const d = localDate(startOfLocalDate(date, offsetMin) + n * DAY + DAY / 2, offsetMin)
  return d > localDate(now, offsetMin) ? undefined : d
}
