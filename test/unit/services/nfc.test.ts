/**
 * The phone's side of signed NFC tags (issue 16, point 4): what WeChat's NFC adapter gives for
 * a tag held to the phone, read into the UID and, for an NTAG 424 DNA tag, the SUN message the
 * server verifies. The SUN messages are generated with the server's own code and verified by it.
 */
import { randomBytes } from 'node:crypto'
import { makePlainSunMessage, makeSunMessage, verifySun, type SunKeys } from '../../../src/cloud/patrol/sun'

type Listener = (res: { id?: ArrayBuffer; messages?: unknown[] }) => void
const adapter = {
  listeners: [] as Listener[],
  started: 0,
  stopped: 0,
  onDiscovered(l: Listener) {
    this.listeners.push(l)
  },
  offDiscovered(l: Listener) {
    this.listeners = this.listeners.filter((x) => x !== l)
  },
  startDiscovery() {
    this.started++
  },
  stopDiscovery() {
    this.stopped++
  }
}
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getNFCAdapter: () => adapter } }))
jest.mock('../../../src/services/env', () => ({ isWeapp: true }))
import { readNfcTag, recordText, sunMessageIn } from '../../../src/services/nfc'

const bytes = (b: number[] | Buffer): ArrayBuffer => {
  const u = Uint8Array.from(b)
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength)
}
const text = (s: string) => bytes(Buffer.from(s, 'latin1'))
/** An NDEF URI record as WeChat hands it over: well-known type "U", prefix code then the rest. */
const uriRecord = (rest: string, prefix = 4) => ({
  tnf: 1,
  type: text('U'),
  id: bytes([]),
  payload: bytes([prefix, ...Buffer.from(rest, 'latin1')])
})

const keys: SunKeys = { meta: randomBytes(16), file: randomBytes(16) }
const UID = '04A1B2C3D4E5F6'

describe('reading the SUN message of a signed tag', () => {
  it.each([1, 255, 256, 70000])('counter %i: the URL record gives a message the server verifies', (ctr) => {
    const sun = makeSunMessage(keys, UID, ctr)
    const found = sunMessageIn([{ records: [uriRecord(`tags.example.cn/p?${sun}`)] }])
    expect(found).toBe(sun)
    expect(verifySun(keys, found!)).toEqual({ uid: UID, counter: ctr })
  })

  it('takes picc_data/cmac parameters, lower case, after other parameters and before a fragment', () => {
    const sun = makeSunMessage(keys, UID, 7)
    const [, picc, mac] = /^e=(\w+)&c=(\w+)$/.exec(sun)!
    const url = `nfc.example.cn/t?site=1&picc_data=${picc.toLowerCase()}&cmac=${mac.toLowerCase()}#x`
    const found = sunMessageIn([uriRecord(url, 3)]) // records given without the message wrapper
    expect(verifySun(keys, found!)).toEqual({ uid: UID, counter: 7 })
  })

  it('the plain form (uid, ctr and cmac in clear, AN12196’s example) is read as the server verifies it', () => {
    const zero = { meta: Buffer.alloc(16), file: Buffer.alloc(16) }
    const url = 'www.my424dna.com/?uid=041e3c8a2d6b80&ctr=000006&cmac=4b00064004b0b3d3'
    const found = sunMessageIn([{ records: [uriRecord(url, 1)] }])
    expect(found).toBe('uid=041E3C8A2D6B80&ctr=000006&cmac=4B00064004B0B3D3')
    expect(verifySun(zero, found!)).toEqual({ uid: '041E3C8A2D6B80', counter: 6 })
    const sun = makePlainSunMessage(keys.file, UID, 70000)
    expect(verifySun(keys, sunMessageIn([{ records: [uriRecord(`t.cn/p?${sun}`)] }])!)).toEqual({
      uid: UID,
      counter: 70000
    })
    // a UID of the wrong length is no SUN message
    expect(
      sunMessageIn([{ records: [uriRecord('t.cn/p?uid=04A1&ctr=000001&cmac=' + '0'.repeat(16))] }])
    ).toBeUndefined()
  })

  it('a plain tag (no record, a text record, a URL without the parameters, bad hex) has none', () => {
    expect(sunMessageIn(undefined)).toBeUndefined()
    expect(sunMessageIn([])).toBeUndefined()
    expect(
      sunMessageIn([
        { records: [{ type: text('T'), payload: bytes([2, ...Buffer.from('zh巡更点A', 'utf8')]) }] }
      ])
    ).toBeUndefined()
    expect(sunMessageIn([{ records: [uriRecord('example.cn/?a=1&b=2')] }])).toBeUndefined()
    expect(
      sunMessageIn([{ records: [uriRecord(`x.cn/?e=${'G'.repeat(32)}&c=${'0'.repeat(16)}`)] }])
    ).toBeUndefined()
    expect(sunMessageIn([null, 3, 'x'])).toBeUndefined()
  })

  it('decodes the URI and text record types', () => {
    expect(recordText(uriRecord('a.cn/x', 2))).toBe('https://www.a.cn/x')
    expect(recordText({ type: text('T'), payload: bytes([2, ...Buffer.from('enhello')]) })).toBe('hello')
  })
})

describe('readNfcTag', () => {
  it('answers the UID and, for a signed tag, the SUN message; then stops listening', async () => {
    const sun = makeSunMessage(keys, UID, 42)
    const p = readNfcTag(1000)
    expect(adapter.listeners).toHaveLength(1)
    adapter.listeners[0]({
      id: bytes(Buffer.from(UID, 'hex')),
      messages: [{ records: [uriRecord(`t.cn/?${sun}`)] }]
    })
    expect(await p).toEqual({ uid: UID, sun })
    expect(adapter.listeners).toHaveLength(0)
    expect(adapter.stopped).toBe(1)
  })

  it('a plain tag gives its UID only (the scan falls back to the UID as before)', async () => {
    const p = readNfcTag(1000)
    adapter.listeners[0]({ id: bytes([0x04, 0x11, 0x22]), messages: [] })
    expect(await p).toEqual({ uid: '041122' })
  })
})
