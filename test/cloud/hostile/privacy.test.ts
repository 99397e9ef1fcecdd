/**
 * Hostile client, privacy at rest (issue 16, point 6). Before the fix the op log kept every
 * result whole for 30 days (a pass with its visitor's phone), a whole ID number typed into a
 * free-text field was stored in five places, and the local server's database was 644 in a 755
 * folder. Now the op log keeps results with numbers masked and replays them, free text is
 * masked on the way in for every action (the contract's text fields), and the files are 600/700.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer } from '../../../src/cloud/http/server'
import type { PassOut } from '../../../src/domain/contract'
import { makeHarness, code, T0 } from '../harness'

const PHONE = '13912345678'
const ID18 = '11010519491231002X'
const ID15 = '110105491231002'

describe('the op log keeps what replay needs, not whole numbers', () => {
  it('a pass made with a phone: the op record has no whole phone, the retry still answers', async () => {
    const h = await makeHarness()
    const op = h.opSeq()
    const input = {
      id: 'pass-priv-1',
      visitorName: '赵小六',
      visitorPhone: PHONE,
      room: '2-1-302',
      people: 1,
      validFrom: T0,
      validTo: T0 + 3600_000
    }
    const first: PassOut = await h.as('service').call('gate.passCreate', input, { op })
    expect(first.visitorPhone).toBe(PHONE) // the desk that made it sees it whole, once
    expect(await h.text('ops')).not.toContain(PHONE)
    const again = await h.as('service').try('gate.passCreate', input, { op })
    expect(again).toMatchObject({ ok: true, replayed: true })
    const replayed = again.ok ? again.data : undefined
    expect(replayed).toMatchObject({
      id: first.id,
      code: first.code,
      status: 'active',
      visitorPhone: '139****5678'
    })
    // the same op with another request is still refused
    expect(code(await h.as('service').try('gate.passCreate', { ...input, room: '9-9-909' }, { op }))).toBe(
      'IDEMPOTENCY_MISMATCH'
    )
  })
})

describe('ID and mobile numbers in free text are masked on the way in', () => {
  it('a check-in reason, a pass note and a report note: stored nowhere whole', async () => {
    const h = await makeHarness()
    await h.as('guard').call('gate.checkIn', {
      id: 'vis-priv',
      gate: '东门',
      source: 'walkin',
      case: 'ownerGuest',
      name: '王小明',
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: 1,
      room: '1-1-101',
      company: `联系${PHONE}`,
      result: 'refused',
      reason: `证件号${ID18}与本人不符`
    })
    await h.as('service').call('gate.passCreate', {
      id: 'pass-priv-2',
      visitorName: '赵小六',
      room: '2-1-302',
      people: 1,
      validFrom: T0,
      validTo: T0 + 3600_000,
      note: `老身份证 ${ID15}，电话+86 ${PHONE}`
    })
    await h.as('guard').call('work.report', {
      id: 'inc-priv',
      category: 'leak',
      place: '2栋1单元',
      note: `业主${PHONE}说漏水，身份证${ID18.toLowerCase()}`
    })
    const all = await h.text()
    for (const whole of [PHONE, ID18, ID18.toLowerCase(), ID15]) expect(all).not.toContain(whole)
    const v = await h.stored<{ reason: string; company: string }>('visitors', 'vis-priv')
    expect(v?.reason).toBe('证件号110***********002X与本人不符')
    expect(v?.company).toBe('联系139****5678')
    const p = await h.stored<{ note: string }>('passes', 'pass-priv-2')
    expect(p?.note).toBe('老身份证 110********1002，电话+86 139****5678')
  })

  it('numbers that are neither stay as typed (a tracking number, a room, an ID with a wrong checksum)', async () => {
    const h = await makeHarness()
    const note = '快递单号SF1234567890123 房号1-1-101 110105194912310021 12345678901'
    await h.as('guard').call('work.report', { id: 'inc-keep', category: 'leak', place: '2栋', note })
    expect((await h.stored<{ note: string }>('incidents', 'inc-keep'))?.note).toBe(note)
  })
})

describe('the local server’s data files are the server user’s alone', () => {
  it('data folder 700, database and its WAL 600', async () => {
    const base = mkdtempSync(join(tmpdir(), 'gwt-hostile-priv-'))
    const dir = join(base, 'data')
    const srv = await startServer({
      port: 0,
      dataDir: dir,
      h5Dir: join(dir, 'none'),
      demo: true,
      quiet: true
    })
    try {
      const mode = (p: string) => (statSync(p).mode & 0o777).toString(8)
      expect(mode(dir)).toBe('700')
      const db = join(dir, 'gangweitong.db')
      expect(mode(db)).toBe('600')
      for (const f of [`${db}-wal`, `${db}-shm`, join(dir, 'secret')])
        if (existsSync(f)) expect(mode(f)).toBe('600')
    } finally {
      await srv.close()
      rmSync(base, { recursive: true, force: true })
    }
  })
})
