import type { EstateItem, GateItem, RoomItem } from '../../domain/contract'
import type { Estate, Gate, Room } from '../../domain/entities'
import { DEFAULT_TIME_ZONE } from '../../domain/estates/settings'
import { roomLabel } from '../../domain/estates/rooms'
import { maskPhone } from '../../domain/privacy'

export function estateOut(e: Estate): EstateItem {
  return {
    id: e._id,
    name: e.name,
    company: e.company,
    address: e.address,
    timeZone: e.timeZone ?? DEFAULT_TIME_ZONE,
    settings: e.settings
  }
}

export function gateOut(g: Gate): GateItem {
  return {
    id: g._id,
    name: g.name,
    kind: g.kind ?? 'gate',
    ...(g.position ? { position: g.position } : {}),
    ...(g.wifi?.length ? { wifi: g.wifi } : {})
  }
}

/** A room as any list shows it: the owner's phone masked. */
export function roomOut(r: Room): RoomItem {
  return {
    id: r._id,
    building: r.building,
    unit: r.unit,
    no: r.no,
    label: r.label ?? roomLabel(r),
    ...(r.ownerName ? { ownerName: r.ownerName } : {}),
    ...(r.ownerPhone ? { ownerPhone: maskPhone(r.ownerPhone) } : {})
  }
}
