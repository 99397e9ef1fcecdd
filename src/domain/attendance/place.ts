/**
 * Where a clock-in or clock-out happened, against the post it names: the post's position and
 * radius, and its Wi-Fi where the estate set one. Never a refusal: each doubt is a flag the
 * supervisor sees (and the guard sees on home).
 */
import { distanceM } from '../patrol/rules'
import { timeDoubt, type TimeFlag } from '../time/eventTime'

export interface LatLng {
  lat: number
  lng: number
}

/** What the admin set on a post (岗亭) for clocking in. */
export interface PostPlace {
  position?: LatLng
  /** metres around `position` that count as at the post */
  radiusM?: number
  /** the post's Wi-Fi access points (BSSID, lower case, `aa:bb:cc:dd:ee:ff`) */
  wifi?: string[]
}

/** What the phone sent with a clock-in or clock-out. */
export interface ClockWhere {
  position?: LatLng & { accuracyM: number }
  /** BSSID of the Wi-Fi the phone is connected to */
  bssid?: string
}

export type PlaceFlag = 'outside' | 'noPosition' | 'wifiMismatch' | 'noWifi'

export const PLACE_FLAG_LABELS: Record<PlaceFlag, string> = {
  outside: '不在岗位范围内',
  noPosition: '没有取得位置',
  wifiMismatch: '连接的不是岗位 Wi-Fi',
  noWifi: '没有连接岗位 Wi-Fi'
}

/** The most of a phone's stated accuracy given the benefit of the doubt (a fix of ±2 km proves nothing). */
export const ACCURACY_ALLOWANCE_M = 50
export const DEFAULT_RADIUS_M = 100
export const MIN_RADIUS_M = 10
export const MAX_RADIUS_M = 2000

export interface PlaceCheck {
  flags: PlaceFlag[]
  /** metres from the post's position, when both are known */
  distanceM?: number
}

/**
 * The post a place is clocked in at, as the home page offers it (domain/areas.ts postsFor): a
 * gate 东门 is 东门岗; a post's own name (地库岗亭, 监控室) already says it.
 */
export function postNameOf(placeName: string): string {
  return /(岗|岗亭|室)$/.test(placeName) ? placeName : `${placeName}岗`
}

/** 'AA-BB-CC-DD-EE-FF' or 'aa:bb:…' → 'aa:bb:cc:dd:ee:ff'; undefined for anything else. */
export function normalizeBssid(s: string | undefined): string | undefined {
  if (!s) return undefined
  const hex = s.trim().toLowerCase().replace(/[-:]/g, '')
  if (!/^[0-9a-f]{12}$/.test(hex)) return undefined
  return hex.match(/../g)!.join(':')
}

/**
 * The flags of one clock: outside the radius (beyond the phone's accuracy, up to
 * ACCURACY_ALLOWANCE_M), no position where the post has one, not on the post's Wi-Fi where it
 * has one. A post that is no place of the estate (a patrol's or a cleaner's 巡逻, 保洁) has
 * nothing to check against.
 */
export function checkPlace(post: PostPlace | undefined, at: ClockWhere): PlaceCheck {
  if (!post) return { flags: [] }
  const flags: PlaceFlag[] = []
  let d: number | undefined
  if (post.position) {
    if (!at.position) flags.push('noPosition')
    else {
      d = Math.round(distanceM(at.position, post.position))
      const radius = post.radiusM ?? DEFAULT_RADIUS_M
      const allowance = Math.min(Math.max(0, at.position.accuracyM), ACCURACY_ALLOWANCE_M)
      if (d > radius + allowance) flags.push('outside')
    }
  }
  if (post.wifi && post.wifi.length) {
    const b = normalizeBssid(at.bssid)
    if (!b) flags.push('noWifi')
    else if (!post.wifi.includes(b)) flags.push('wifiMismatch')
  }
  return d === undefined ? { flags } : { flags, distanceM: d }
}

/** The flags in words: '不在岗位范围内（约 350 米）、没有连接岗位 Wi-Fi'. */
export function placeFlagText(c: { flags: PlaceFlag[]; distanceM?: number }): string {
  return c.flags
    .map((f) =>
      f === 'outside' && c.distanceM !== undefined
        ? `${PLACE_FLAG_LABELS.outside}（约 ${c.distanceM} 米）`
        : PLACE_FLAG_LABELS[f]
    )
    .join('、')
}

/**
 * A clock's doubts in words, for the guard's home and the supervisor's day: the place flags
 * and, when the phone's time was not kept, 时间存疑 with the reason. '' when sound.
 */
export function clockText(
  c: { flags: PlaceFlag[]; distanceM?: number; timeFlag?: TimeFlag } | undefined
): string {
  if (!c) return ''
  return [placeFlagText(c), timeDoubt(c.timeFlag)].filter(Boolean).join('、')
}
