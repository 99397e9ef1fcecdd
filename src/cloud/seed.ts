import type { Estate, Gate, Room, Staff } from '../domain/entities'
import type { Role } from '../domain/roles'
import type { DataPort } from './data/port'
import { DuplicateKeyError, type Where } from './data/port'
import type { D } from './kit'

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
          const room: Room = {
            ...base,
            _id: `demo-room-${b}-${u}-${no}`,
            estateId: DEMO_ESTATE_ID,
            building: b,
            unit: u,
            no
          }
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
  // The gate's reference data: two owner cars, two construction permits (one expired), and a
  // block list of one person and one plate.
  const day = 86_400_000
  const gateRefs: [string, { _id: string } & Record<string, unknown>][] = [
    ['ownervehicles', { _id: 'demo-car-1', plate: '粤B12345', room: '1-1-101', ownerName: '陈先生' }],
    ['ownervehicles', { _id: 'demo-car-2', plate: '粤BD12345', room: '2-1-302', ownerName: '林女士' }],
    [
      'permits',
      {
        _id: 'demo-permit-1',
        no: 'SG2026001',
        holderName: '陈师傅',
        idLast4: '1234',
        company: '美居装饰',
        room: '3-2-501',
        validFrom: now - 10 * day,
        validTo: now + 60 * day
      }
    ],
    [
      'permits',
      {
        _id: 'demo-permit-2',
        no: 'SG2026002',
        holderName: '黄师傅',
        idLast4: '5678',
        company: '安居水电',
        room: '1-2-202',
        validFrom: now - 40 * day,
        validTo: now - day
      }
    ],
    [
      'blocklist',
      {
        _id: 'demo-block-1',
        kind: 'person',
        name: '刘某',
        phone: '13700001111',
        reason: '多次冒充快递员进入小区',
        by: 'demo-supervisor',
        byName: '周主管'
      }
    ],
    [
      'blocklist',
      {
        _id: 'demo-block-2',
        kind: 'plate',
        plate: '粤A66666',
        reason: '欠费车辆，禁止入场',
        by: 'demo-supervisor',
        byName: '周主管'
      }
    ]
  ]
  for (const [coll, doc] of gateRefs)
    if (await put(db, coll, { ...base, estateId: DEMO_ESTATE_ID, active: true, ...doc })) created++
  // Patrol: four checkpoints with a question each, one ordered route, a plan covering the day
  // every two hours and the night round every two hours.
  const ok = { equals: 'no' }
  const points: [string, string, Record<string, string>, string][] = [
    ['demo-cp-1', '1栋大堂', { building: '1', floor: '1', area: '大堂' }, 'K2M3'],
    ['demo-cp-2', '地下车库入口', { area: '地下车库' }, 'K2M4'],
    ['demo-cp-3', '消防泵房', { area: '地下一层' }, 'K2M5'],
    ['demo-cp-4', '东门围墙', { area: '东门' }, 'K2M6']
  ]
  const patrolDocs: [string, { _id: string } & Record<string, unknown>][] = [
    ...points.map(([id, name, place, code]): [string, { _id: string } & Record<string, unknown>] => [
      'checkpoints',
      {
        _id: id,
        name,
        place,
        code,
        questions: [
          id === 'demo-cp-3'
            ? { key: 'fire', label: '消防设施是否正常', kind: 'yesno', anomalyWhen: ok }
            : { key: 'normal', label: '是否正常（门窗、照明、无异味）', kind: 'yesno', anomalyWhen: ok }
        ]
      }
    ]),
    [
      'routes',
      { _id: 'demo-route-1', name: '小区主路线', checkpointIds: points.map((p) => p[0]), ordered: true }
    ],
    [
      'plans',
      {
        _id: 'demo-plan-day',
        name: '全天巡逻',
        routeId: 'demo-route-1',
        days: [0, 1, 2, 3, 4, 5, 6],
        start: '00:00',
        end: '23:59',
        everyMinutes: 120,
        minMinutes: 5,
        maxMinutes: 60,
        roles: ['patrol', 'guard']
      }
    ]
  ]
  for (const [coll, doc] of patrolDocs)
    if (await put(db, coll, { ...base, estateId: DEMO_ESTATE_ID, active: true, ...doc })) created++
  return { created }
}

/** How much of the demo data a data folder holds: the demo estate and the seeded people. */
export async function demoDataIn(db: DataPort): Promise<{ estate: boolean; staff: number }> {
  const [estate, staff] = await Promise.all([
    db.get('estates', DEMO_ESTATE_ID),
    db.count('staff', { demo: true })
  ])
  return { estate: !!estate, staff }
}

/**
 * Removes the demo data: every record of the demo estate, the seeded people with their
 * sessions, bind codes and WeChat claims, and the estate. What a real estate recorded is kept
 * (a seeded person's name stays on records of other estates they touched).
 */
export async function removeDemoData(db: DataPort, collections: readonly string[]): Promise<number> {
  let removed = 0
  const gone = async (coll: string, where: Where) => {
    for (;;) {
      const page = await db.find<{ _id: string; _v: number }>(coll, { where, limit: 500 })
      let n = 0
      for (const d of page.items) if (await db.remove(coll, d._id)) n++
      removed += n
      if (n === 0) return
    }
  }
  const people = (
    await db.find<Staff & { [k: string]: unknown }>('staff', { where: { demo: true }, limit: 500 })
  ).items
  for (const s of people) {
    await gone('sessions', { staffId: s._id })
    await gone('bindcodes', { staffId: s._id })
    await gone('openids', { staffId: s._id })
    if (await db.remove('staff', s._id)) removed++
  }
  for (const coll of collections) if (coll !== 'estates') await gone(coll, { estateId: DEMO_ESTATE_ID })
  if (await db.remove('estates', DEMO_ESTATE_ID)) removed++
  return removed
}
