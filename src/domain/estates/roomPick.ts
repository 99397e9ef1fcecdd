/**
 * Picking a room by taps: the estate's imported rooms as three rows of keys (building, unit,
 * room), one tap each; a row with one key only is chosen without a tap, and a building whose
 * rooms have no units skips the unit row. So a room is at most 3 taps. Pure: the phone keeps
 * the rooms (src/pages/roomCache.ts) and the picker component shows what these functions say.
 * The server checks a typed or picked room with `roomCheck`.
 */
import { roomLabel } from './rooms'

/** A room as the phone keeps it for picking (no owner, no phone): [building, unit, no]. */
export type RoomTriple = readonly [building: string, unit: string, no: string]

/** How long the phone's room list counts as fresh: older, it is fetched again when online. */
export const ROOMS_FRESH_MS = 10 * 60_000

/** Sorts 2 before 10 and 1-2 before 1-10 (house numbers as people read them). */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'zh', { numeric: true })
}

const uniqueSorted = (xs: Iterable<string>) => [...new Set(xs)].sort(naturalCompare)

export interface RoomChoice {
  building: string
  unit: string
  no: string
}

export interface PickStep {
  buildings: string[]
  /** the chosen building's units; [] when its rooms have no units (the row is not shown) */
  units: string[]
  /** the chosen building and unit's rooms */
  rooms: string[]
  /** what is chosen so far; a level with one key only is chosen already */
  building: string
  unit: string
  /** the whole room once building, unit and room are known: 1-1-101 */
  label?: string
}

/** The three rows for what is chosen so far (a level with a single key chooses itself). */
export function pickStep(rooms: readonly RoomTriple[], chosen: Partial<RoomChoice>): PickStep {
  const buildings = uniqueSorted(rooms.map((r) => r[0]))
  const building =
    buildings.length === 1 ? buildings[0] : buildings.includes(chosen.building ?? '') ? chosen.building! : ''
  const inBuilding = building ? rooms.filter((r) => r[0] === building) : []
  const unitsAll = uniqueSorted(inBuilding.map((r) => r[1]))
  const units = unitsAll.length === 1 && unitsAll[0] === '' ? [] : unitsAll
  const unit =
    unitsAll.length === 1
      ? unitsAll[0]
      : unitsAll.includes(chosen.unit ?? '\u0000')
        ? chosen.unit!
        : undefined
  const inUnit = unit === undefined ? [] : inBuilding.filter((r) => r[1] === unit)
  const nos = uniqueSorted(inUnit.map((r) => r[2]))
  const no = nos.length === 1 ? nos[0] : nos.includes(chosen.no ?? '') ? chosen.no : undefined
  return {
    buildings,
    units,
    rooms: nos,
    building,
    unit: unit ?? '',
    label: building && unit !== undefined && no ? roomLabel({ building, unit, no }) : undefined
  }
}

/** Taps to pick this room: one per row that has more than one key (never more than 3). */
export function tapsFor(rooms: readonly RoomTriple[], c: RoomChoice): number {
  let taps = 0
  let step = pickStep(rooms, {})
  if (!step.building) {
    taps++
    step = pickStep(rooms, { building: c.building })
  }
  if (step.units.length > 1) {
    taps++
    step = pickStep(rooms, { building: c.building, unit: c.unit })
  }
  if (step.rooms.length > 1) taps++
  return taps
}

/** The label of each room, for a quick "is this one of ours" on the phone. */
export function roomLabels(rooms: readonly RoomTriple[]): Set<string> {
  return new Set(rooms.map(([building, unit, no]) => roomLabel({ building, unit, no })))
}

/** A typed room as stored labels read: spaces dropped, full-width dashes and letters made plain. */
export function typedRoom(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/[—–－_/]/g, '-')
    .toUpperCase()
}

/** The rooms a label may name: 1-1-101 is building 1, unit 1, room 101, or building 1-1 without units. */
export function labelParts(label: string): RoomChoice[] {
  const parts = label.split('-')
  if (parts.length < 2 || parts.some((p) => !p)) return []
  const no = parts[parts.length - 1]
  const out: RoomChoice[] = [{ building: parts.slice(0, -1).join('-'), unit: '', no }]
  if (parts.length >= 3)
    out.unshift({ building: parts.slice(0, -2).join('-'), unit: parts[parts.length - 2], no })
  return out
}

/**
 * A visitor's room against the estate's rooms. `known`: the room is one of them; `hasRooms`:
 * the estate imported any (none: free text is all there is, nothing to check). A record made
 * on the phone while offline and sent later (queued longer than QUEUED_MS) is a visitor already
 * let in: it is recorded and flagged (room unknown) instead of refused, so nothing recorded at
 * the gate is lost; a record sent at once is refused and the guard picks again. A visitor not
 * let in is recorded as the guard wrote it down, flagged too.
 */
export const QUEUED_MS = 60_000

export type RoomVerdict = 'ok' | 'flag' | 'refuse'

export function roomCheck(p: {
  room?: string
  hasRooms: boolean
  known: boolean
  queuedMs: number
  admitted: boolean
}): RoomVerdict {
  if (!p.room || !p.hasRooms || p.known) return 'ok'
  return p.admitted && p.queuedMs <= QUEUED_MS ? 'refuse' : 'flag'
}

export const ROOM_UNKNOWN_MESSAGE = '本小区没有这个房号，请从房号按键中选择，或核对后再填'

/** A room of the managers' list, as rooms.list gives it (phone masked). */
export interface ListedRoom {
  building: string
  unit: string
  no: string
  label: string
  ownerName?: string
  ownerPhone?: string
}

/**
 * The managers' room list narrowed to a building (and unit) and a search: the room (1-1-101 or
 * 101), the owner's name, or the phone's last digits. In house-number order.
 */
export function filterRooms<R extends ListedRoom>(
  rooms: readonly R[],
  f: { building?: string; unit?: string; q?: string }
): R[] {
  const q = typedRoom(f.q ?? '')
  return rooms
    .filter(
      (r) =>
        (!f.building || r.building === f.building) &&
        (!f.building || f.unit === undefined || r.unit === f.unit) &&
        (!q ||
          r.label.includes(q) ||
          (r.ownerName ?? '').toUpperCase().includes(q) ||
          (/^\d{2,4}$/.test(q) && (r.ownerPhone ?? '').endsWith(q)))
    )
    .sort(
      (a, b) =>
        naturalCompare(a.building, b.building) || naturalCompare(a.unit, b.unit) || naturalCompare(a.no, b.no)
    )
}
