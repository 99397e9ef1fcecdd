/**
 * Privacy at the gate, across every action that touches an ID or a phone: the whole ID number
 * is nowhere in the database (the phone sends only a salted hash, which the server peppers
 * again before storing), phones are masked in every list and whole only on the one record.
 */
import { createHmac } from 'node:crypto'
import { makeHarness, ok, type Harness } from '../harness'
import type {
  BlockHitOut,
  GateBoard,
  GateLogPage,
  GateRefs,
  PassCheckOut,
  PassOut,
  VisitorOut,
  CsvOut
} from '../../../src/domain/contract'
import { hashIdNumber, idRef } from '../../../src/domain/gate/idcard'
import { ID_NUMBER, OTHER, TODAY, addOtherEstate, dumpAll, stored, vehicleInput, visitorInput } from './kit'

const PHONE = '13912345678'
const OTHER_ID = '320583198512315671'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  await addOtherEstate(h)
})

/** What the guard's phone sends for a typed ID number, exactly as the app builds it. */
async function deviceRef(number: string, estateId?: string) {
  const salt = ok<GateRefs>(await h.as('g-both', 'gate.refs', {}, { estateId })).idSalt
  const ref = idRef('idcard', number, salt)
  if ('problem' in ref) throw new Error(ref.problem)
  return ref
}

describe('ID numbers', () => {
  it('the whole number is nowhere in the database, nor the hash the phone sent', async () => {
    const ref = await deviceRef(ID_NUMBER)
    const other = await deviceRef(OTHER_ID)
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 'p-1', phone: PHONE, idDoc: ref, idDeposited: true })
      )
    )
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 'p-2', idDoc: other, case: 'canvassing', result: 'refused', reason: '推销' })
      )
    )
    ok(
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ id: 'p-3', plate: '粤C12345', case: 'business', idDoc: ref, idDeposited: true })
      )
    )
    ok(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'p-4',
        kind: 'person',
        idHash: other.hash,
        idLast4: other.last4,
        reason: '纠纷'
      })
    )
    ok(await h.as('demo-guard', 'gate.blockCheck', { idHash: ref.hash, idLast4: ref.last4, name: '王小明' }))
    ok(
      await h.as('demo-guard', 'gate.checkOut', {
        visitorId: 'p-1',
        gate: '东门',
        idReturned: true,
        cardCollected: false
      })
    )
    ok(await h.as('demo-supervisor', 'gate.dayLogCsv', { date: TODAY }))
    const all = await dumpAll(h)
    for (const n of [ID_NUMBER, OTHER_ID]) {
      expect(all).not.toContain(n)
      expect(all).not.toContain(n.slice(0, 14))
      expect(all).not.toContain(n.slice(6, 14))
    }
    for (const deviceHash of [ref.hash!, other.hash!]) expect(all).not.toContain(deviceHash)
    // what is kept: type, last four, and the server's own hash of the phone's hash
    const v = (await stored<{ idDoc: { type: string; last4: string; hash: string } }>(h, 'visitors', 'p-1'))!
    expect(v.idDoc).toEqual({ type: 'idcard', last4: '002X', hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(v.idDoc.hash).not.toBe(ref.hash)
    expect(v.idDoc.hash).not.toBe(hashIdNumber(ID_NUMBER, 'test-salt'))
    // keyed with the server's own secret: the same phone hash under another secret is stored differently
    const elsewhere = await makeHarness({ idSalt: 'another-secret' })
    ok(await elsewhere.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'p-1', idDoc: ref })))
    expect((await stored<{ idDoc: { hash: string } }>(elsewhere, 'visitors', 'p-1'))!.idDoc.hash).not.toBe(
      v.idDoc.hash
    )
    expect(ok<GateRefs>(await elsewhere.as('demo-guard', 'gate.refs', {})).idSalt).not.toBe(
      ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).idSalt
    )
  })

  it('the same number gives the same stored hash in an estate (so the block list matches), another in the next estate', async () => {
    const ref = await deviceRef(ID_NUMBER)
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 's-1', idDoc: ref })))
    ok(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ id: 's-2', idDoc: await deviceRef(` ${ID_NUMBER.toLowerCase()} `) })
      )
    )
    const there = await deviceRef(ID_NUMBER, OTHER)
    expect(there.hash).not.toBe(ref.hash)
    ok(await h.as('g-both', 'gate.checkIn', visitorInput({ id: 's-3', idDoc: there }), { estateId: OTHER }))
    const hashOf = async (id: string) =>
      (await stored<{ idDoc: { hash: string } }>(h, 'visitors', id))!.idDoc.hash
    expect(await hashOf('s-2')).toBe(await hashOf('s-1'))
    expect(await hashOf('s-3')).not.toBe(await hashOf('s-1'))
    // a block entry made from the number matches a later visitor with it, by ID
    ok(
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 's-b',
        kind: 'person',
        idHash: ref.hash,
        reason: '盗窃'
      })
    )
    expect((await stored<{ idHash: string }>(h, 'blocklist', 's-b'))!.idHash).toBe(await hashOf('s-1'))
    const v = ok<VisitorOut>(
      await h.as(
        'demo-guard',
        'gate.checkIn',
        visitorInput({ name: '换了名字', idDoc: await deviceRef(ID_NUMBER), blockOverride: '主管同意' })
      )
    )
    expect(v.blockHit).toEqual({ entryId: 's-b', reason: '盗窃' })
    const hits = ok<BlockHitOut[]>(await h.as('demo-guard', 'gate.blockCheck', { idHash: ref.hash }))
    expect(hits.map((x) => x.matchedBy)).toEqual(['证件号'])
    // in the other estate the same number does not match this estate's list
    expect(
      ok<BlockHitOut[]>(await h.as('g-both', 'gate.blockCheck', { idHash: there.hash }, { estateId: OTHER }))
    ).toEqual([])
  })

  it('the stored hash is a keyed hash of the phone’s hash: not computable from what a phone has', async () => {
    const ref = await deviceRef(ID_NUMBER)
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'k-1', idDoc: ref })))
    const kept = (await stored<{ idDoc: { hash: string } }>(h, 'visitors', 'k-1'))!.idDoc.hash
    const salt = ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {})).idSalt
    expect(kept).toMatch(/^[0-9a-f]{64}$/)
    for (const guess of [
      ref.hash,
      hashIdNumber(ID_NUMBER, 'test-salt'),
      createHmac('sha256', salt).update(ref.hash!).digest('hex')
    ])
      expect(kept).not.toBe(guess)
  })

  it('no answer carries a hash', async () => {
    const ref = await deviceRef(ID_NUMBER)
    const answers = [
      await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'a-1', idDoc: ref })),
      await h.as('demo-guard', 'gate.visitor', { visitorId: 'a-1' }),
      await h.as('demo-guard', 'gate.board', {}),
      await h.as(
        'demo-guard',
        'gate.vehicleIn',
        vehicleInput({ plate: '粤C12345', case: 'business', idDoc: ref, idDeposited: true })
      ),
      await h.as('demo-supervisor', 'gate.blockSave', {
        id: 'a-b',
        kind: 'person',
        idHash: ref.hash,
        reason: 'r'
      }),
      await h.as('demo-guard', 'gate.refs', {}),
      await h.as('demo-supervisor', 'gate.dayLog', { date: TODAY })
    ]
    for (const a of answers) expect(JSON.stringify(ok(a))).not.toMatch(/[0-9a-f]{64}/)
  })
})

describe('phones', () => {
  it('masked in every list and log, whole only on the one record and for the desk that made the pass', async () => {
    ok(await h.as('demo-guard', 'gate.checkIn', visitorInput({ id: 'ph-1', phone: PHONE })))
    const pass = ok<PassOut>(
      await h.as('demo-service', 'gate.passCreate', {
        id: 'ph-p',
        visitorName: '赵六',
        visitorPhone: '13811112222',
        room: '2-1-302',
        people: 1,
        validFrom: h.clock.now,
        validTo: h.clock.now + 3600_000
      })
    )
    expect(pass.visitorPhone).toBe('13811112222')
    const lists: unknown[] = [
      ok<GateBoard>(await h.as('demo-guard', 'gate.board', {})),
      ok<GateLogPage>(await h.as('demo-supervisor', 'gate.dayLog', { date: TODAY })),
      ok<CsvOut>(await h.as('demo-supervisor', 'gate.dayLogCsv', { date: TODAY })),
      ok<PassOut[]>(await h.as('demo-service', 'gate.passes', {})),
      ok<PassCheckOut>(await h.as('demo-guard', 'gate.passCheck', { code: pass.code })),
      ok<GateRefs>(await h.as('demo-guard', 'gate.refs', {}))
    ]
    for (const l of lists) {
      const text = JSON.stringify(l)
      expect(text).not.toContain(PHONE)
      expect(text).not.toContain('13811112222')
      expect(text).not.toContain('13700001111')
    }
    expect(JSON.stringify(lists[0])).toContain('139****5678')
    // the guard's look-up by code shows no phone (issue 16: only what admitting needs)
    expect(JSON.stringify(lists[4])).not.toContain('138****2222')
    expect(ok<VisitorOut>(await h.as('demo-guard', 'gate.visitor', { visitorId: 'ph-1' })).phone).toBe(PHONE)
    // the stored event line holds only the masked phone
    expect((await dumpAll(h)).match(/139\*{4}5678/g)?.length).toBeGreaterThan(0)
    expect((await stored<{ detail: string }>(h, 'gateevents', 'ph-1.visitorIn'))!.detail).not.toContain(PHONE)
  })
})
