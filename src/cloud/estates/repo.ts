import { createHash } from 'node:crypto'
import type { Estate, Gate, Room, Staff } from '../../domain/entities'
import { labelParts } from '../../domain/estates/roomPick'
import { roomKey, type RoomRow } from '../../domain/estates/rooms'
import type { Page } from '../data/port'
import { coll, Repo } from '../kit'

export const ESTATES = coll<Estate>('estates')
export const GATES = coll<Gate>('gates')
export const ROOMS = coll<Room>('rooms')
export const STAFF = coll<Staff>('staff')

/** Rooms per page of the room list. */
export const ROOMS_PAGE = 100

/** A room's id: from its estate and key, so re-importing the same room finds the same document. */
export function roomId(estateId: string, r: Pick<RoomRow, 'building' | 'unit' | 'no'>): string {
  return `room-${createHash('sha256')
    .update(`${estateId}\n${roomKey(r)}`)
    .digest('hex')
    .slice(0, 40)}`
}

/** Estates, their gates and posts, and their rooms. */
export class EstatesRepo extends Repo {
  /** Every estate, by name (an admin's list). */
  allEstates(): Promise<Estate[]> {
    return this.all(ESTATES, { orderBy: [['name', 'asc']] })
  }
  /** These estates, by name. */
  async estatesIn(ids: readonly string[]): Promise<Estate[]> {
    const got = await this.allIn(ESTATES, '_id', ids, { orderBy: [['name', 'asc']] })
    return got.sort((a, b) => a.name.localeCompare(b.name, 'zh'))
  }
  staff(id: string): Promise<Staff | null> {
    return this.get(STAFF, id)
  }
  /** The estate's active gates and posts (at most 100). */
  async places(estateId: string): Promise<Gate[]> {
    const page = await this.find(GATES, { where: { estateId }, orderBy: [['name', 'asc']], limit: 100 })
    return page.items.filter((g) => g.active !== false)
  }
  /** Every room of the estate (an import compares against them). */
  rooms(estateId: string): Promise<Room[]> {
    return this.all(ROOMS, {
      where: { estateId },
      orderBy: [
        ['building', 'asc'],
        ['unit', 'asc'],
        ['no', 'asc']
      ]
    })
  }
  /** One page of rooms, by building, unit and room; narrowed to a building (and unit) when given. */
  roomsPage(estateId: string, building?: string, unit?: string, after?: string): Promise<Page<Room>> {
    const where: Record<string, string> = { estateId }
    if (building) where.building = building
    if (building && unit !== undefined) where.unit = unit
    return this.find(ROOMS, {
      where,
      orderBy: [
        ['building', 'asc'],
        ['unit', 'asc'],
        ['no', 'asc']
      ],
      limit: ROOMS_PAGE,
      after
    })
  }
  /**
   * Whether a room written as the app writes it (1-1-101, or 1-101 without units) is one of the
   * estate's, and whether the estate has any rooms. Read by building, unit and room (rooms
   * stored before labels were kept have none): the last part is the room, the one before it
   * the unit (or no unit), the rest the building.
   */
  async roomKnown(estateId: string, label: string): Promise<{ known: boolean; hasRooms: boolean }> {
    const found = await Promise.all(
      labelParts(label).map((p) =>
        this.first(ROOMS, { estateId, building: p.building, unit: p.unit, no: p.no })
      )
    )
    if (found.some(Boolean)) return { known: true, hasRooms: true }
    return { known: false, hasRooms: !!(await this.first(ROOMS, { estateId })) }
  }
  roomCount(estateId: string): Promise<number> {
    return this.count(ROOMS, { estateId })
  }
}
