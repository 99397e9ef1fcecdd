/**
 * A checkpoint's NFC anti-forgery keys set apart from its form (patrol.checkpointSunKey): the
 * supervisor's field shows 已设置 and never gets the keys back; taps verify with them; new keys
 * start the tag's counter again; off turns the point back to a plain tag; another estate's point
 * and a half-filled pair are refused.
 */
import type { CheckpointOut, PatrolRefs } from '../../../src/domain/contract'
import { makeSunMessage } from '../../../src/cloud/patrol/sun'
import { makeHarness, code, type Harness } from '../harness'
import { round, uid } from '../../kit/factories'

const META = '0123456789ABCDEF0123456789ABCDEF'
const FILE = 'FEDCBA9876543210FEDCBA9876543210'
const keys = { meta: Buffer.from(META, 'hex'), file: Buffer.from(FILE, 'hex') }

async function refsPoint(h: Harness, who: 'supervisor' | 'patrol', id: string): Promise<CheckpointOut> {
  const r: PatrolRefs = await h.as(who).call('patrol.refs', {})
  return r.checkpoints.find((c) => c.id === id)!
}

describe('patrol.checkpointSunKey', () => {
  it('stores the keys server-side only; the point says signedTag, no answer or refs carry the keys', async () => {
    const h = await makeHarness()
    const out = await h.as('supervisor').call('patrol.checkpointSunKey', {
      id: 'demo-cp-1',
      sunMetaKey: META.toLowerCase(),
      sunFileKey: FILE
    })
    expect(out.signedTag).toBe(true)
    const seen = JSON.stringify([
      out,
      await refsPoint(h, 'supervisor', 'demo-cp-1'),
      await refsPoint(h, 'patrol', 'demo-cp-1')
    ])
    expect(seen).not.toMatch(new RegExp(META, 'i'))
    expect(seen).not.toMatch(new RegExp(FILE, 'i'))
    expect((await refsPoint(h, 'patrol', 'demo-cp-1')).signedTag).toBe(true)
    // the point's own form is untouched
    const form = async () => {
      const { _v, updatedAt, signedTag, ...rest } = (await h.stored('checkpoints', 'demo-cp-2'))!
      void [_v, updatedAt, signedTag]
      return rest
    }
    const before = await form()
    await h
      .as('supervisor')
      .call('patrol.checkpointSunKey', { id: 'demo-cp-2', sunMetaKey: META, sunFileKey: FILE })
    expect(await form()).toEqual(before)
  })

  it('a tap verifies with the keys; new keys start the counter again; off makes it a plain point', async () => {
    const h = await makeHarness()
    await h
      .as('supervisor')
      .call('patrol.checkpointSunKey', { id: 'demo-cp-1', sunMetaKey: META, sunFileKey: FILE })
    const r = await round(h)
    const tap = (ctr: number, k = keys) =>
      h.as('patrol').try('patrol.scan', {
        id: uid('scan'),
        roundId: r.id,
        method: 'nfc',
        value: makeSunMessage(k, '04AABBCCDDEEFF', ctr),
        answers: {}
      })
    expect(code(await tap(9))).toBe('OK')
    expect(code(await tap(9))).toBe('TAG_REPLAYED')
    const other = { meta: Buffer.alloc(16, 7), file: Buffer.alloc(16, 8) }
    await h.as('supervisor').call('patrol.checkpointSunKey', {
      id: 'demo-cp-1',
      sunMetaKey: other.meta.toString('hex'),
      sunFileKey: other.file.toString('hex')
    })
    expect(code(await tap(9))).toBe('NOT_FOUND') // the old tag's keys are gone
    const off = await h.as('supervisor').call('patrol.checkpointSunKey', { id: 'demo-cp-1', sunOff: true })
    expect(off.signedTag).toBeUndefined()
    expect(await h.count('tagkeys', {})).toBe(0)
  })

  it('refuses half a pair, nothing at all, another estate, and non-managers', async () => {
    const h = await makeHarness()
    await h.addEstate('e2', '别的小区')
    await h.addStaff('sup-e2', ['supervisor'], ['e2'])
    expect(
      code(await h.as('supervisor').try('patrol.checkpointSunKey', { id: 'demo-cp-1', sunMetaKey: META }))
    ).toBe('INVALID_INPUT')
    expect(code(await h.as('supervisor').try('patrol.checkpointSunKey', { id: 'demo-cp-1' }))).toBe(
      'INVALID_INPUT'
    )
    expect(
      code(
        await h.as(
          'sup-e2',
          'patrol.checkpointSunKey',
          { id: 'demo-cp-1', sunMetaKey: META, sunFileKey: FILE },
          { estateId: 'e2' }
        )
      )
    ).toBe('NOT_FOUND')
    expect(
      code(
        await h
          .as('patrol')
          .try('patrol.checkpointSunKey', { id: 'demo-cp-1', sunMetaKey: META, sunFileKey: FILE })
      )
    ).toBe('FORBIDDEN')
    expect(await h.count('tagkeys', {})).toBe(0)
  })
})
