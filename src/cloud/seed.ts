import type { Estate, Gate, Room, Staff } from '../domain/entities'
import type { Role } from '../domain/roles'
import type { DataPort } from './data/port'
import { DuplicateKeyError } from './data/port'
import type { D } from './handlers/common'

export const DEMO_ESTATE_ID = 'demo-estate'

const DEMO_STAFF: { id: string; name: string; phone: string; roles: Role[] }[] = [
  { id: 'demo-guard', name: '张卫国', phone: '13800000001', roles: ['guard'] },
  { id: 'demo-patrol', name: '李巡', phone: '13800000002', roles: ['patrol'] },
  { id: 'demo-housekeeper', name: '王管家', phone: '13800000003', roles: ['housekeeper'] },
  { id: 'demo-cleaner', name: '赵洁', phone: '13800000004', roles: ['cleaner'] },
  { id: 'demo-engineer', name: '钱工', phone: '13800000005', roles: ['engineer'] },
  { id: 'demo-service', name: '孙客服', phone: '13800000006', roles: ['service'] },
  { id: 'demo-supervisor', name: '周主管', phone: '13800000007', roles: ['supervisor'] },
  { id: 'demo-admin', name: '吴经理', phone: '13800000008', roles: ['admin', 'supervisor'] }
]

async function put<T extends { _id: string }>(db: DataPort, coll: string, doc: T): Promise<boolean> {
  try {
    await db.insert(coll, doc as unknown as D<T>)
    return true
  } catch (e) {
    if (e instanceof DuplicateKeyError) return false
    throw e
  }
}

/**
 * The demo estate: two gates, three buildings of rooms, one person per role plus a supervisor
 * and an admin. Safe to run on every start: existing documents are left as they are.
 */
export async function seedDemo(db: DataPort, now: number): Promise<{ created: number }> {
  let created = 0
  const base = { _v: 1, createdAt: now, updatedAt: now }
  const estate: Estate = {
    ...base,
    _id: DEMO_ESTATE_ID,
    name: '翠湖花园',
    company: '利海物业',
    address: '演示市滨湖路88号',
    settings: { overstayHours: 4 }
  }
  if (await put(db, 'estates', estate)) created++
  for (const [i, name] of ['东门', '南门'].entries()) {
    const gate: Gate = { ...base, _id: `demo-gate-${i + 1}`, estateId: DEMO_ESTATE_ID, name }
    if (await put(db, 'gates', gate)) created++
  }
  for (const b of ['1', '2', '3'])
    for (const u of ['1', '2'])
      for (let f = 1; f <= 6; f++)
        for (const n of ['01', '02']) {
          const no = `${f}${n}`
          const room: Room = { ...base, _id: `demo-room-${b}-${u}-${no}`, estateId: DEMO_ESTATE_ID, building: b, unit: u, no }
          if (await put(db, 'rooms', room)) created++
        }
  for (const [i, s] of DEMO_STAFF.entries()) {
    const staff: Staff = {
      ...base,
      createdAt: now + i,
      _id: s.id,
      name: s.name,
      phone: s.phone,
      roles: s.roles,
      estateIds: [DEMO_ESTATE_ID],
      active: true,
      demo: true
    }
    if (await put(db, 'staff', staff)) created++
  }
  return { created }
}
