/**
 * A signed NFC tag walked from the phone's store to the server (issue 16, point 4): the phone
 * matches the point by the tag's UID and sends the SUN message it read; the server verifies it
 * and rates the scan as the strongest evidence. The same tap sent again is refused (replay).
 */
import { randomBytes } from 'node:crypto'
import { makeBackend, MemoryStorage, type Backend } from '../../../stores/backend'
import { signedIn } from '../../../../kit/session'
import { PatrolStore } from '../../../../../src/pages/patrol/model/patrol'
import { makeSunMessage } from '../../../../../src/cloud/patrol/sun'
import type { Checkpoint } from '../../../../../src/domain/patrol/model'

let b: Backend
beforeEach(async () => {
  b = await makeBackend()
})

const UID = '04C0FFEE123456'
const META = randomBytes(16)
const FILE = randomBytes(16)

async function signTag(checkpointId: string): Promise<void> {
  const cp = (await b.h.rt.store.get('checkpoints', checkpointId)) as unknown as Checkpoint
  await b.h.as('supervisor').call('patrol.checkpointSave', {
    id: cp._id,
    name: cp.name,
    questions: cp.questions,
    nfcTagId: UID,
    sunMetaKey: META.toString('hex'),
    sunFileKey: FILE.toString('hex')
  })
}

async function phone() {
  const p = await signedIn(b, 'patrol', { storage: new MemoryStorage() })
  const patrol = new PatrolStore({ ...p.deps, staffName: () => '李巡', position: async () => undefined })
  await patrol.load()
  return { patrol, outbox: p.outbox }
}

describe('a signed NFC tag from the phone', () => {
  it('is matched by its UID, sent as its SUN message and rated as a verified tap', async () => {
    await signTag('demo-cp-1')
    const { patrol, outbox } = await phone()
    expect(patrol.startRound(patrol.cards.find((c) => c.state === 'due')!)).toBe(true)
    const sun = makeSunMessage({ meta: META, file: FILE }, UID, 5)
    expect(patrol.identify('nfc', UID, sun)).toBe(true)
    expect(await patrol.record({})).toBeDefined()
    await outbox.sync({ force: true })
    const scans = (await b.h.rt.store.find('scans', { where: { checkpointId: 'demo-cp-1' } }))
      .items as unknown as { method: string; evidence: { score: number; reasons: string[] } }[]
    expect(scans).toHaveLength(1)
    expect(scans[0].method).toBe('nfc')
    expect(scans[0].evidence.reasons[0]).toBe('NFC 防伪标签（本次读数已验证）')
  })

  it("a signed tag's bare UID is not accepted by the server (a copy of the UID proves nothing)", async () => {
    await signTag('demo-cp-1')
    const { patrol, outbox } = await phone()
    expect(patrol.startRound(patrol.cards.find((c) => c.state === 'due')!)).toBe(true)
    expect(patrol.identify('nfc', UID)).toBe(true) // an old phone without the SUN read
    await patrol.record({})
    await outbox.sync({ force: true })
    expect(await b.h.count('scans', { checkpointId: 'demo-cp-1' })).toBe(0)
  })
})
