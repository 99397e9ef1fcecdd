/**
 * gate.ownerPhone: the walk-in script's 打电话给业主 gets one room's owner and the whole number,
 * for the guard's phone to dial; every read is in the audit trail; lists stay masked.
 */
import { ok, type Harness } from '../harness'
import type { ImportCommitOut, OwnerPhoneOut, RoomsPage } from '../../../src/domain/contract'
import { OTHER, gateHarness, refused } from './kit'

let h: Harness
const SHEET = '楼栋,单元,房号,业主姓名,手机\n1,1,101,陈先生,13800001234\n1,1,102,林女士,\n'
const file = { name: 'rooms.csv', data: Buffer.from(SHEET, 'utf8').toString('base64') }

beforeEach(async () => {
  h = await gateHarness()
  for (;;) {
    const r = ok<ImportCommitOut>(
      await h.as('demo-supervisor', 'rooms.importCommit', { file }, { op: h.opSeq() })
    )
    if (!r.remaining) break
  }
})

describe('gate.ownerPhone', () => {
  it('the room’s owner and whole number for the guard, audited; the room list keeps it masked', async () => {
    const audits = await h.count('audit', { action: 'gate.ownerPhone' })
    const r = ok<OwnerPhoneOut>(await h.as('demo-guard', 'gate.ownerPhone', { room: '1-1-101' }))
    expect(r).toEqual({ room: '1-1-101', ownerName: '陈先生', phone: '13800001234' })
    expect(await h.count('audit', { action: 'gate.ownerPhone', actorId: 'demo-guard' })).toBe(audits + 1)
    const list = ok<RoomsPage>(await h.as('demo-guard', 'rooms.list', {}))
    expect(list.items.find((x) => x.label === '1-1-101')?.ownerPhone).toBe('138****1234')
  })

  it('no such room, a room without a phone: NOT_FOUND saying which', async () => {
    await refused(
      h,
      'demo-guard',
      'gate.ownerPhone',
      { room: '9-9-999' },
      'NOT_FOUND',
      /没有 9-9-999 这个房号/
    )
    await refused(h, 'demo-guard', 'gate.ownerPhone', { room: '1-1-102' }, 'NOT_FOUND', /没有登记业主电话/)
  })

  it('bad input, wrong role, another estate', async () => {
    await refused(h, 'demo-guard', 'gate.ownerPhone', {}, 'INVALID_INPUT')
    await refused(h, 'demo-guard', 'gate.ownerPhone', { room: 'x'.repeat(40) }, 'INVALID_INPUT')
    await refused(h, 'demo-cleaner', 'gate.ownerPhone', { room: '1-1-101' }, 'FORBIDDEN')
    // the guard of the other estate asks for this estate's room: that estate has no such owner
    await refused(h, 'g-both', 'gate.ownerPhone', { room: '1-1-101' }, 'NOT_FOUND', undefined, {
      estateId: OTHER
    })
    await refused(h, 'g-e2', 'gate.ownerPhone', { room: '1-1-101' }, 'FORBIDDEN_ESTATE')
  })
})
