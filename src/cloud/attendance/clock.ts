/**
 * A clock-in or clock-out as attendance keeps it on the shift: the time by the device-time
 * rule (flagged, never trusted blindly), where the phone was, and the flags against the post
 * named (its position and radius, its Wi-Fi). Never a refusal: shift.start and shift.end
 * always record.
 */
import {
  checkPlace,
  normalizeBssid,
  postNameOf,
  type ClockWhere,
  type PostPlace
} from '../../domain/attendance/place'
import type { Clock, Gate } from '../../domain/entities'
import type { Ctx } from '../context'
import { timed } from '../kit'
import { AttendanceRepo } from './repo'

export interface WhereIn extends ClockWhere {
  noPositionReason?: string
}

/** The estate's active places (read beside the shift's own reads: one round trip). */
export function postPlaces(ctx: Ctx, estateId: string): Promise<Gate[]> {
  return new AttendanceRepo(ctx).places(estateId)
}

export function placeOf(g: Gate | undefined): PostPlace | undefined {
  if (!g) return undefined
  return {
    ...(g.position
      ? { position: { lat: g.position.lat, lng: g.position.lng }, radiusM: g.position.radiusM }
      : {}),
    ...(g.wifi?.length ? { wifi: g.wifi } : {})
  }
}

/**
 * The clock of `post` (by name, as the shift records it: 东门岗 for the gate 东门) among `places`. `after`: when the
 * server saw the shift begin (a clock-out cannot precede it).
 */
export function clockAt(
  ctx: Ctx,
  places: Gate[],
  post: string,
  where: WhereIn | undefined,
  after?: number
): Clock {
  const w = where ?? {}
  const { at, timeFlag } = timed(ctx, after)
  const check = checkPlace(placeOf(places.find((g) => postNameOf(g.name) === post || g.name === post)), w)
  const bssid = normalizeBssid(w.bssid)
  return {
    at,
    ...(timeFlag ? { timeFlag } : {}),
    ...(w.position ? { position: w.position } : {}),
    ...(bssid ? { bssid } : {}),
    ...(check.distanceM !== undefined ? { distanceM: check.distanceM } : {}),
    flags: check.flags,
    ...(!w.position && w.noPositionReason ? { noPositionReason: w.noPositionReason } : {})
  }
}
