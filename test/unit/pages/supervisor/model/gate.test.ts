/**
 * The supervisor's gate store against the real dispatcher on SQLite: the day log's filters
 * (day, time range, type), paging and CSV; overstaying visitors; the reference lists, where a
 * whole ID number never leaves the phone and a refusal is told to the form that caused it.
 */
import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { tokenOf } from '../../../../kit/session'
import { OutboxStore } from '../../../../../src/stores/outbox'
import { GateAdminStore } from '../../../../../src/pages/supervisor/model/gate'
import { createIdFactory } from '../../../../../src/domain/ids'
import { hashIdNumber } from '../../../../../src/domain/gate/idcard'
import type { Api } from '../../../../../src/stores/api'
import type { Transport } from '../../../../../src/services/transport'
import { T0 } from '../../../../cloud/harness'

let b: Backend
const tokens: Record<string, string> = {}
beforeEach(async () => {
  b = await makeBackend()
  for (const who of ['demo-supervisor', 'demo-service']) tokens[who] = await tokenOf(b, who)
})

function admin(opts: { who?: string; api?: (real: Api) => Api } = {}) {
  const who = opts.who ?? 'demo-supervisor'
  const session = { token: tokens[who], estateId: 'demo-estate' }
  const newId = createIdFactory({ now: () => b.h.clock.now, random: Math.random })
  // every body the phone sends, as text: to prove what never leaves it
  const sent: string[] = []
  const transport: Transport = (fn, payload, token) => {
    if (b.online) sent.push(JSON.stringify(payload))
    return b.transport(fn, payload, token)
  }
  const outbox = new OutboxStore({
    storage: new MemoryStorage(),
    transport,
    session: () => ({ staffId: who, ...session }),
    now: () => b.h.clock.now,
    random: () => 0.5,
    newId
  })
  outbox.load()
  const files: { name: string; text: string }[] = []
  const real = b.api(session)
  const store = new GateAdminStore({
    api: () => (opts.api ? opts.api(real) : real),
    outbox,
    now: () => b.h.clock.now,
    newId,
    exportText: async (name, text) => void files.push({ name, text })
  })
  return { store, outbox, files, sent }
}

function ok<T>(e: { ok: boolean; data?: T; message?: string }): T {
  if (!e.ok) throw new Error(e.message)
  return e.data as T
}

let n = 0
/** A visitor checked in by the guard at a given China time on T0's day (2026-11-23). */
async function visitorAt(hm: string, over: Record<string, unknown> = {}) {
  const keep = b.h.clock.now
  b.h.clock.now = Date.parse(`2026-11-23T${hm}:00+08:00`)
  const id = `vis-${++n}`
  ok(
    await b.h.as('demo-guard', 'gate.checkIn', {
      id,
      gate: '东门',
      source: 'walkin',
      case: 'ownerGuest',
      name: `访客${n}`,
      phone: '13912345678',
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: 1,
      room: '1-1-101',
      result: 'admitted',
      ...over
    })
  )
  b.h.clock.now = keep
  return id
}
/** Lets the queued promise callbacks (a filter's reload) run. */
const settle = () => new Promise((r) => setTimeout(r, 0))

describe('GateAdminStore: the day log', () => {
  it('a shift chip or a hand-picked range narrows the log and its chart; the range reads back as its chip', async () => {
    b.h.clock.now = Date.parse('2026-11-23T22:00:00+08:00')
    for (const hm of ['01:10', '07:59', '08:00', '09:30', '09:45', '15:59', '16:00', '21:00'])
      await visitorAt(hm)
    const { store } = admin()
    await store.loadLog()
    expect(store.total).toBe(8)
    expect(store.shift).toBe('all')
    expect(store.hours[9]).toBe(2)
    expect(store.hours.reduce((a, x) => a + x, 0)).toBe(8)

    store.setShift('day')
    expect([store.from, store.to]).toEqual(['08:00', '15:59'])
    await settle()
    await store.loadLog()
    expect(store.total).toBe(4)
    expect(store.items.map((i) => i.subject).join()).not.toMatch(/访客1\b/)
    expect(store.hours[7]).toBe(0)

    store.setShift('night')
    await settle()
    await store.loadLog()
    expect(store.total).toBe(2)

    // by hand: a start after the end is swapped, not refused
    store.setRange('10:00', '09:00')
    expect([store.from, store.to, store.shift]).toEqual(['09:00', '10:00', undefined])
    await settle()
    await store.loadLog()
    expect(store.items.map((i) => i.subject)).toEqual(['访客4', '访客5'])

    // the day's own bounds are the same as no bound
    store.setRange('00:00', '23:59')
    expect(store.shift).toBe('all')
    store.setRange('8:00', '')
    expect(store.error).toMatch(/HH:mm/)
    expect(store.shift).toBe('all')
  })

  it('pages with `after` until the end, and ignores a second "more" while one is loading', async () => {
    for (let i = 0; i < 60; i++) await visitorAt(`08:${String(i).padStart(2, '0')}`)
    let calls = 0
    const { store } = admin({
      api: (real) =>
        ((action, input) => {
          if (action === 'gate.dayLog') calls++
          return real(action, input)
        }) as Api
    })
    await store.loadLog()
    expect([store.items.length, store.total, !!store.next]).toEqual([50, 60, true])
    calls = 0
    await Promise.all([store.loadLog(true), store.loadLog(true)])
    expect(calls).toBe(1)
    expect(store.items).toHaveLength(60)
    expect(new Set(store.items.map((i) => i.id)).size).toBe(60)
    expect(store.next).toBeUndefined()
    await store.loadLog(true)
    expect(calls).toBe(1)
  })

  it('an answer to an old filter that comes back late never overwrites the newer one', async () => {
    await visitorAt('09:00')
    const { store } = admin({
      api: (real) =>
        (async (action, input) => {
          const out = await real(action, input)
          // the unfiltered request is slow
          if (action === 'gate.dayLog' && !(input as { type?: string }).type)
            await new Promise((r) => setTimeout(r, 30))
          return out
        }) as Api
    })
    const first = store.loadLog()
    store.set('type', 'vehicle')
    await first
    await new Promise((r) => setTimeout(r, 50))
    expect(store.type).toBe('vehicle')
    expect(store.items).toEqual([])
    expect(store.total).toBe(0)
    expect(store.loading).toBe(false)
  })

  it('moves day by day but never past today; a day picked from the calendar loads that day', async () => {
    await visitorAt('09:00')
    const { store } = admin()
    expect(store.date).toBe('2026-11-23')
    expect(store.isToday).toBe(true)
    // 13:00 in China: tomorrow noon is less than a day away, still not allowed
    b.h.clock.now = Date.parse('2026-11-23T13:00:00+08:00')
    store.moveDay(1)
    expect(store.date).toBe('2026-11-23')
    store.setDate('2026-11-24')
    expect(store.date).toBe('2026-11-23')
    store.moveDay(-1)
    expect([store.date, store.isToday]).toEqual(['2026-11-22', false])
    await settle()
    await store.loadLog()
    expect(store.total).toBe(0)
    store.setDate('2026-11-23')
    await settle()
    await store.loadLog()
    expect(store.total).toBe(1)
    store.setDate('not a day')
    expect(store.date).toBe('2026-11-23')
  })

  it('exports the filtered day as CSV with the Chinese header; offline it says why', async () => {
    await visitorAt('09:00', { name: '孔明', gate: '南门', phone: '13812345678' })
    await visitorAt('10:00', { name: '张飞' })
    const { store, files } = admin()
    store.set('gate', '南门')
    store.set('type', 'visitor')
    await settle()
    expect(await store.exportCsv()).toBe(true)
    expect(files).toHaveLength(1)
    expect(files[0].name).toBe('门岗记录-翠湖花园-2026-11-23-南门-访客.csv')
    const lines = files[0].text.split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('\uFEFF时间,事件,对象,详情,岗亭,门岗')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^2026-11-23 09:00:00,访客进入,孔明,.*,南门,张卫国$/)
    expect(files[0].text).not.toContain('13812345678')
    expect(store.message).toBe('已导出 1 条')
    expect(store.exporting).toBe(false)

    b.online = false
    expect(await store.exportCsv()).toBe(false)
    expect(store.error).toMatch(/网络/)
    expect(files).toHaveLength(1)
  })

  it('the front desk may not read the gate log', async () => {
    const { store } = admin({ who: 'demo-service' })
    await store.loadLog()
    expect(store.error).not.toBe('')
    expect(store.items).toEqual([])
  })
})

describe('GateAdminStore: overstay and the reference lists', () => {
  it('lists only the visitors inside longer than the estate allows', async () => {
    await visitorAt('09:00', { name: '久留' })
    b.h.clock.now = Date.parse('2026-11-23T13:30:00+08:00')
    await visitorAt('13:00', { name: '刚到' })
    const { store } = admin()
    await store.loadBoard()
    expect(store.board?.overstayHours).toBe(4)
    expect(store.overstaying.map((v) => v.name)).toEqual(['久留'])
    expect(store.overstaying[0].phone).toBe('139****5678')
  })

  it('a whole ID number is hashed on the phone with the estate salt and never sent; without the salt it is not taken', async () => {
    const { store, sent } = admin()
    // no refs yet (offline from the start): the salt is unknown
    expect(
      store.addBlockPerson({
        name: '赵某',
        phone: '',
        idNumber: '11010519491231002X',
        idLast4: '',
        reason: '打架'
      })
    ).toBe(false)
    expect(store.error).toMatch(/联网/)

    await store.loadRefs()
    const salt = store.refs!.idSalt
    expect(
      await store.addBlockPerson({
        name: '赵某',
        phone: '13600002222',
        idNumber: '110105 19491231 002x',
        idLast4: '',
        reason: '打架'
      })
    ).toBe(true)
    const body = sent.find((s) => s.includes('gate.blockSave'))!
    expect(body).toContain(hashIdNumber('11010519491231002X', salt))
    expect(body).not.toMatch(/1101051949/)
    const entry = store.refs!.blocklist.find((x) => x.name === '赵某')!
    expect(entry).toMatchObject({
      idLast4: '002X',
      hasIdHash: true,
      phone: '136****2222',
      byName: '周主管'
    })

    // the guard's block check finds the person by the same hash
    const hits = (await b.h.as('demo-guard', 'gate.blockCheck', {
      idHash: hashIdNumber('11010519491231002X', salt)
    })) as { ok: boolean; data: { entryId: string }[] }
    expect(hits.data.map((h) => h.entryId)).toContain(entry.id)

    // a wrong number is stopped on the phone
    expect(
      store.addBlockPerson({ name: '', phone: '', idNumber: '110105194912310021', idLast4: '', reason: 'x' })
    ).toBe(false)
    expect(store.error).toMatch(/校验位/)

    expect(await store.removeBlock(entry.id)).toBe(true)
    expect(store.refs!.blocklist.find((x) => x.id === entry.id)).toBeUndefined()
  })

  it('a refusal goes to the form that caused it, leaves nothing queued, and does not spoil the next save', async () => {
    const { store, outbox } = admin()
    await store.loadRefs()
    expect(await store.saveOwnerVehicle('粤B12345', '3-1-101', '')).toBe(false)
    expect(store.takeError()).toMatch(/已登记在 1-1-101/)
    expect(store.error).toBe('')
    expect(outbox.mine).toEqual([])
    expect(await store.saveOwnerVehicle('粤C54321', '3-1-101', '陈先生')).toBe(true)
    expect(store.error).toBe('')
    const car = store.refs!.ownerVehicles.find((o) => o.plate === '粤C54321')!
    expect(car).toMatchObject({ room: '3-1-101', ownerName: '陈先生' })
    expect(await store.addBlockPlate('粤A12345', '多次强闯道闸')).toBe(true)
    expect(store.refs!.blocklist.find((x) => x.plate === '粤A12345')).toMatchObject({
      kind: 'plate',
      reason: '多次强闯道闸'
    })
    expect(await store.removeOwnerVehicle(car.id)).toBe(true)
    expect(store.refs!.ownerVehicles.map((o) => o.plate)).toEqual(expect.not.arrayContaining(['粤C54321']))
  })

  it('offline, a change waits in the queue and is counted; it applies when the network is back', async () => {
    const { store, outbox } = admin()
    await store.loadRefs()
    b.online = false
    expect(await store.addBlockPlate('粤A77777', '逃费')).toBe(true)
    expect(store.waitingRefs).toBe(1)
    b.online = true
    await outbox.sync({ force: true })
    await store.loadRefs()
    expect(store.waitingRefs).toBe(0)
    expect(store.refs!.blocklist.some((x) => x.plate === '粤A77777')).toBe(true)
  })

  it('a long-term permit holds from the first day’s start to the last day’s end, and its dates are checked', async () => {
    const { store } = admin()
    await store.loadRefs()
    const f = { no: 'SG2026100', holderName: '黄师傅', idLast4: '123x', company: '宏达装修', room: '2-2-201' }
    expect(store.savePermit({ ...f, from: '2026-11-30', to: '2026-11-23' })).toBe(false)
    expect(store.error).toMatch(/结束日期/)
    expect(store.savePermit({ ...f, from: '2026-10-01', to: '2026-11-22' })).toBe(false)
    expect(store.error).toMatch(/过去/)
    expect(store.savePermit({ ...f, from: '', to: '2026-12-01' })).toBe(false)
    expect(await store.savePermit({ ...f, from: '2026-11-23', to: '2026-12-22' })).toBe(true)
    const p = store.refs!.permits.find((x) => x.no === 'SG2026100')!
    expect(p).toMatchObject({ holderName: '黄师傅', idLast4: '123X', company: '宏达装修', room: '2-2-201' })
    expect(p.validFrom).toBe(Date.parse('2026-11-23T00:00:00+08:00'))
    expect(p.validTo).toBe(Date.parse('2026-12-22T23:59:59.999+08:00'))
    expect(p.problem).toBeUndefined()
    // registered twice: refused with the reason
    expect(await store.savePermit({ ...f, from: '2026-11-23', to: '2026-12-22' })).toBe(false)
    expect(store.error).toMatch(/已经登记过/)
    expect(T0).toBeLessThan(p.validTo)
  })
})
