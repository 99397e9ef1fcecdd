/**
 * Hostile client, NFC evidence (issue 16, point 4): signed dynamic tags (NTAG 424 DNA SUN).
 * AES-CMAC against RFC 4493's vectors, SUN against NXP AN12196's published example, then
 * generated taps: valid, a changed MAC, a replayed counter, another tag's keys.
 */
import { randomBytes } from 'node:crypto'
import { rateEvidence } from '../../../src/domain/patrol/rules'
import { nfcTagHash, pointFor } from '../../../src/domain/patrol/walk'
import { makeHarness, type Harness } from '../harness'
import { round, uid } from '../../kit/factories'
import {
  aesCmac,
  freshTap,
  makePlainSunMessage,
  makeSunMessage,
  parsePlainSun,
  parseSunMessage,
  verifySun
} from '../../../src/cloud/patrol/sun'

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex')

describe('AES-CMAC (RFC 4493 test vectors)', () => {
  const K = hex('2b7e1516 28aed2a6 abf71588 09cf4f3c')
  const M = hex(
    '6bc1bee2 2e409f96 e93d7e11 7393172a ae2d8a57 1e03ac9c 9eb76fac 45af8e51 30c81c46 a35ce411 e5fbc119 1a0a52ef f69f2445 df4f9b17 ad2b417b e66c3710'
  )
  it.each([
    [0, 'bb1d6929 e9593728 7fa37d12 9b756746'],
    [16, '070a16b4 6b4d4144 f79bdd9d d04a287c'],
    [40, 'dfa66747 de9ae630 30ca3261 1497c827'],
    [64, '51f0bebf 7e3b9d92 fc497417 79363cfe']
  ])('length %i', (len, want) => {
    expect(aesCmac(K, M.subarray(0, len)).toString('hex')).toBe(want.replace(/\s/g, ''))
  })
})

describe('SUN messages (NXP AN12196)', () => {
  const zero = { meta: Buffer.alloc(16), file: Buffer.alloc(16) }
  it('verifies AN12196’s example (keys all zero): UID 04DE5F1EACC040, read counter 61', () => {
    const tap = verifySun(
      zero,
      'https://choose.url.com/ntag424?e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337086'
    )
    expect(tap).toEqual({ uid: '04DE5F1EACC040', counter: 61 })
    // one byte of the MAC changed
    expect(verifySun(zero, 'e=EF963FF7828658A599F3041510671E88&c=94EED9EE65337087')).toBeUndefined()
  })

  const keys = { meta: randomBytes(16), file: randomBytes(16) }
  const other = { meta: randomBytes(16), file: randomBytes(16) }
  it('a generated tap verifies; a wrong MAC, another tag’s keys and garbage do not', () => {
    const msg = makeSunMessage(keys, '04A1B2C3D4E5F6', 17)
    expect(verifySun(keys, msg)).toEqual({ uid: '04A1B2C3D4E5F6', counter: 17 })
    const p = parseSunMessage(msg)!
    const flipped = `e=${p.picc}&c=${(p.mac[0] === '0' ? '1' : '0') + p.mac.slice(1)}`
    expect(verifySun(keys, flipped)).toBeUndefined()
    expect(verifySun(other, msg)).toBeUndefined()
    // the right meta key but another tag's MAC key
    expect(verifySun({ meta: keys.meta, file: other.file }, msg)).toBeUndefined()
    // a tap made with another tag's keys, presented to this tag
    expect(verifySun(keys, makeSunMessage(other, '04A1B2C3D4E5F6', 18))).toBeUndefined()
    for (const junk of ['', 'e=zz&c=00', '04A1B2C3D4E5F6', `e=${p.picc}`, 'x'.repeat(48)])
      expect(verifySun(keys, junk)).toBeUndefined()
  })

  it('a replayed counter is refused: each tap must count above the last one accepted', () => {
    let last: number | undefined
    const accepted: number[] = []
    for (const ctr of [5, 6, 6, 4, 9, 9]) {
      const tap = verifySun(keys, makeSunMessage(keys, '04A1B2C3D4E5F6', ctr))!
      if (freshTap(tap, last)) {
        accepted.push(tap.counter)
        last = tap.counter
      }
    }
    expect(accepted).toEqual([5, 6, 9])
  })

  it('brute force on the 8-byte MAC: 2,000 random MACs for a real PICCData, none accepted', () => {
    const p = parseSunMessage(makeSunMessage(keys, '04A1B2C3D4E5F6', 30))!
    let accepted = 0
    for (let i = 0; i < 2000; i++)
      if (verifySun(keys, `e=${p.picc}&c=${randomBytes(8).toString('hex')}`)) accepted++
    expect(accepted).toBe(0)
  })
})

describe('SUN plain form: UID and counter in clear, MAC over them (NXP AN12196)', () => {
  const zero = { meta: Buffer.alloc(16), file: Buffer.alloc(16) }
  it('verifies AN12196’s plain example (keys all zero): UID 041E3C8A2D6B80, counter 000006', () => {
    // the vector of AN12196, also in nfc-developer/sdm-backend's test_plain_sdm
    const url = 'https://www.my424dna.com/?uid=041E3C8A2D6B80&ctr=000006&cmac=4B00064004B0B3D3'
    expect(verifySun(zero, url)).toEqual({ uid: '041E3C8A2D6B80', counter: 6 })
    // the wrong MAC of sdm-backend's test_plain_sdm_wrong
    expect(verifySun(zero, 'uid=041E3C8A2D6B80&ctr=000006&cmac=AB00064004B0B3AB')).toBeUndefined()
    // only the MAC key matters: any meta key verifies it
    expect(verifySun({ meta: randomBytes(16), file: zero.file }, url)).toEqual({
      uid: '041E3C8A2D6B80',
      counter: 6
    })
    // our generator gives the tag's own message
    expect(makePlainSunMessage(zero.file, '041E3C8A2D6B80', 6)).toBe(
      'uid=041E3C8A2D6B80&ctr=000006&cmac=4B00064004B0B3D3'
    )
  })

  const keys = { meta: randomBytes(16), file: randomBytes(16) }
  it('a changed UID, counter or MAC, another tag’s key and malformed parts are refused', () => {
    const msg = makePlainSunMessage(keys.file, '04A1B2C3D4E5F6', 0x012345)
    expect(parsePlainSun(msg)).toEqual({
      uid: '04A1B2C3D4E5F6',
      ctr: '012345',
      mac: expect.stringMatching(/^[0-9A-F]{16}$/)
    })
    expect(verifySun(keys, msg)).toEqual({ uid: '04A1B2C3D4E5F6', counter: 0x012345 })
    const p = parsePlainSun(msg)!
    const forms = [
      `uid=04A1B2C3D4E5F7&ctr=${p.ctr}&cmac=${p.mac}`, // another UID
      `uid=${p.uid}&ctr=012346&cmac=${p.mac}`, // a counter moved on by hand
      `uid=${p.uid}&ctr=${p.ctr}&cmac=${(p.mac[0] === '0' ? '1' : '0') + p.mac.slice(1)}`,
      `uid=${p.uid}&ctr=${p.ctr}`,
      `uid=${p.uid}&ctr=12345&cmac=${p.mac}`,
      `uid=${p.uid.slice(2)}&ctr=${p.ctr}&cmac=${p.mac}`
    ]
    for (const f of forms) expect(verifySun(keys, f)).toBeUndefined()
    expect(verifySun({ meta: keys.meta, file: randomBytes(16) }, msg)).toBeUndefined()
  })
})

describe('evidence of a plain NFC tag id', () => {
  const point = { position: { lat: 22.5, lng: 114, radiusM: 30 } }
  const t = 1_000_000
  const at = { lat: 22.5, lng: 114, accuracyM: 8 }
  it('a tag id claimed at the checkpoint’s own position is never "strong" (it was, with nobody there)', () => {
    const plain = rateEvidence({ method: 'nfc', deviceTime: t, serverTime: t, position: at }, point)
    expect(plain.level).not.toBe('strong')
    expect(plain.reasons[0]).toContain('可被复制')
    // only a tap the tag signed (verified by the server) is rated strongest
    const signed = rateEvidence(
      { method: 'nfc', signedTag: true, deviceTime: t, serverTime: t, position: at },
      point
    )
    expect(signed.level).toBe('strong')
    expect(signed.score).toBeGreaterThan(
      rateEvidence({ method: 'qr', deviceTime: t, serverTime: t, position: at }, point).score
    )
  })
})

describe('signed tags through patrol.scan (both engines)', () => {
  const key = (b: number) => Buffer.alloc(16, b).toString('hex').toUpperCase()
  const tag = { meta: Buffer.from(key(0x11), 'hex'), file: Buffer.from(key(0x22), 'hex') }
  const other = { meta: Buffer.from(key(0x33), 'hex'), file: Buffer.from(key(0x44), 'hex') }
  const UID = '04A1B2C3D4E5F6'
  let h: Harness
  let roundId: string
  beforeAll(async () => {
    h = await makeHarness()
    await h.as('supervisor').call('patrol.checkpointSave', {
      id: 'demo-cp-2',
      name: '地下车库入口',
      questions: [],
      nfcTagId: UID,
      sunMetaKey: key(0x11),
      sunFileKey: key(0x22)
    })
    roundId = (await round(h)).id
  })
  const tap = (value: string) =>
    h.as('patrol').try('patrol.scan', { id: uid('scan'), roundId, method: 'nfc', value, answers: {} })

  it('the keys never leave the server: neither the setup answer, the refs nor any stored checkpoint', async () => {
    const refs = await h.as('supervisor').call('patrol.refs', {})
    const cp = refs.checkpoints.find((c) => c.id === 'demo-cp-2')!
    expect(cp.signedTag).toBe(true)
    expect(JSON.stringify(refs)).not.toContain(key(0x11))
    expect(JSON.stringify(refs)).not.toContain(key(0x22))
    expect(await h.text('checkpoints', 'scans', 'audit')).not.toContain(key(0x22))
  })

  it('a forged tap (wrong MAC, other tag’s keys), the bare tag id and a replayed tap are refused; a fresh one is strongest', async () => {
    const good = makeSunMessage(tag, UID, 7)
    const p = parseSunMessage(good)!
    const refusals = [
      await tap(`e=${p.picc}&c=${p.mac.slice(0, 15)}${p.mac[15] === '0' ? '1' : '0'}`),
      await tap(makeSunMessage(other, UID, 8)),
      await tap(UID)
    ]
    expect(refusals.map((r) => (r.ok ? 'OK' : r.code))).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'])
    const first = await tap(good)
    expect(first).toMatchObject({
      ok: true,
      data: { checkpointId: 'demo-cp-2', evidence: { level: 'strong' } }
    })
    // the same tap again (a copied URL), and an older one
    expect(await tap(good)).toMatchObject({ ok: false, code: 'TAG_REPLAYED' })
    expect(await tap(makeSunMessage(tag, UID, 6))).toMatchObject({ ok: false, code: 'TAG_REPLAYED' })
    expect(await h.count('scans', { roundId })).toBe(1)
  })

  it('the plain form (uid, ctr, cmac in clear): a forged cmac, a wrong UID and a replayed counter are refused; a fresh tap is strongest', async () => {
    const UID3 = '04C1D2E3F4A5B6'
    const file = Buffer.from(key(0x55), 'hex')
    const set = await h
      .as('supervisor')
      .call('patrol.checkpointSunKey', { id: 'demo-cp-3', sunMetaKey: key(0x66), sunFileKey: key(0x55) })
    expect(set.signedTag).toBe(true)
    const good = makePlainSunMessage(file, UID3, 40)
    const p = parsePlainSun(good)!
    const refusals = [
      await tap(`uid=${p.uid}&ctr=${p.ctr}&cmac=${p.mac.slice(0, 15)}${p.mac[15] === '0' ? '1' : '0'}`),
      await tap(`uid=04C1D2E3F4A5B7&ctr=${p.ctr}&cmac=${p.mac}`),
      await tap(`uid=${p.uid}&ctr=000029&cmac=${p.mac}`),
      // a tag with demo-cp-2's keys whose UID is not demo-cp-2's tag
      await tap(makePlainSunMessage(Buffer.from(key(0x22), 'hex'), UID3, 41)),
      // a real tap of demo-cp-2's tag, already walked this round
      await tap(makePlainSunMessage(Buffer.from(key(0x22), 'hex'), UID, 41))
    ]
    expect(refusals.map((r) => (r.ok ? 'OK' : r.code))).toEqual([
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'NOT_FOUND',
      'REPEAT_SCAN'
    ])
    const first = await tap(`https://t.example.cn/p?${good}`)
    expect(first).toMatchObject({
      ok: true,
      data: { checkpointId: 'demo-cp-3', method: 'nfc', evidence: { level: 'strong' } }
    })
    expect(await tap(good)).toMatchObject({ ok: false, code: 'TAG_REPLAYED' })
    expect(await tap(makePlainSunMessage(file, UID3, 39))).toMatchObject({ ok: false, code: 'TAG_REPLAYED' })
    expect(await h.count('scans', { roundId, checkpointId: 'demo-cp-3' })).toBe(1)
    // the next slot's round: the copied tap is still refused, the next read of the tag counts
    h.clock.now += 120 * 60_000
    const next = (await round(h)).id
    const again = (value: string) =>
      h.as('patrol').try('patrol.scan', { id: uid('scan'), roundId: next, method: 'nfc', value, answers: {} })
    expect(await again(good)).toMatchObject({ ok: false, code: 'TAG_REPLAYED' })
    expect(await again(makePlainSunMessage(file, UID3, 41))).toMatchObject({
      ok: true,
      data: { checkpointId: 'demo-cp-3', evidence: { level: 'strong' } }
    })
  })
})

describe('tags sharing one key set (both engines)', () => {
  it('a tap names the point whose tag id is the UID under the MAC, not the first point with those keys', async () => {
    const h = await makeHarness()
    const K = Buffer.alloc(16, 0x77).toString('hex').toUpperCase()
    const keys = { meta: Buffer.from(K, 'hex'), file: Buffer.from(K, 'hex') }
    const point = (id: string, name: string, nfcTagId: string) =>
      h.as('supervisor').call('patrol.checkpointSave', {
        id,
        name,
        questions: [],
        nfcTagId,
        sunMetaKey: K,
        sunFileKey: K
      })
    // the first point with these keys has no tag id written down: it is not every tag's point
    await point('demo-cp-1', '1栋大堂', '')
    await point('demo-cp-3', '消防泵房', '04AAAAAAAAAA01')
    await point('demo-cp-4', '东门围墙', '04:bb:bb:bb:bb:bb:02')
    const roundId = (await round(h)).id
    const tap = (value: string) =>
      h.as('patrol').try('patrol.scan', { id: uid('scan'), roundId, method: 'nfc', value, answers: {} })
    expect(await tap(makeSunMessage(keys, '04BBBBBBBBBB02', 3))).toMatchObject({
      ok: true,
      data: { checkpointId: 'demo-cp-4', evidence: { level: 'strong' } }
    })
    expect(await tap(makePlainSunMessage(keys.file, '04AAAAAAAAAA01', 3))).toMatchObject({
      ok: true,
      data: { checkpointId: 'demo-cp-3', evidence: { level: 'strong' } }
    })
    // a tag with the estate's keys that is no point's own: the point with those keys and no tag id
    expect(await tap(makeSunMessage(keys, '04CCCCCCCCCC03', 9))).toMatchObject({
      ok: true,
      data: { checkpointId: 'demo-cp-1' }
    })
    // with that point's keys gone, it is nobody's
    await h.as('supervisor').call('patrol.checkpointSunKey', { id: 'demo-cp-1', sunOff: true })
    expect(await tap(makeSunMessage(keys, '04CCCCCCCCCC03', 10))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })
  })
})

describe('what a patrol phone is given to match tags (both engines)', () => {
  it('no tag ids and no positions, only salted hashes that match the tag held to the phone', async () => {
    const h = await makeHarness()
    await h.as('supervisor').call('patrol.checkpointSave', {
      id: 'demo-cp-2',
      name: '地下车库入口',
      questions: [],
      nfcTagId: '04A2B3C4D5E6F7',
      position: { lat: 22.5, lng: 114, radiusM: 30 }
    })
    const mine = await h.as('patrol').call('patrol.refs', {})
    const text = JSON.stringify(mine)
    expect(text).not.toContain('04A2B3C4D5E6F7')
    expect(text).not.toContain('"position"')
    expect(text).not.toContain('"lat"')
    expect(mine.nfcSalt).toMatch(/^[0-9a-f]{32}$/)
    const found = pointFor(mine.checkpoints, 'nfc', '04A2B3C4D5E6F7', mine.nfcSalt)
    expect(found).toMatchObject({ ok: true, point: { id: 'demo-cp-2' } })
    expect(pointFor(mine.checkpoints, 'nfc', '04A2B3C4D5E6F8', mine.nfcSalt).ok).toBe(false)
    // another estate's salt is another hash
    expect(nfcTagHash('other-salt', '04A2B3C4D5E6F7')).not.toBe(
      mine.checkpoints.find((c) => c.id === 'demo-cp-2')!.nfcTagHash
    )
    // the supervisor, who sets points up, still sees them whole
    const sup = await h.as('supervisor').call('patrol.refs', {})
    expect(sup.checkpoints.find((c) => c.id === 'demo-cp-2')).toMatchObject({
      nfcTagId: '04A2B3C4D5E6F7',
      position: { lat: 22.5 }
    })
  })
})
