/**
 * NTAG 424 DNA "Secure Unique NFC" (SUN) messages, per NXP AN12196: each tap of a signed
 * dynamic tag gives encrypted PICCData (UID and a read counter) and a truncated AES-CMAC over
 * them; a copy of an old tap repeats its counter. Node's crypto only; the domain stays pure.
 *
 * - ENCPICCData = AES-128-CBC(SDMMetaReadKey, IV 0, PICCDataTag 0xC7 ‖ UID(7) ‖ SDMReadCtr(3, LSB
 *   first) ‖ padding(5)).
 * - SesSDMFileReadMACKey = CMAC(SDMFileReadKey, 3CC3 0001 0080 ‖ UID ‖ SDMReadCtr).
 * - SDMMAC = the odd-indexed bytes (1, 3, …, 15) of CMAC(SesSDMFileReadMACKey, MAC input), the
 *   MAC input being empty when nothing is mirrored between PICCData and the MAC (the usual URL
 *   `…?e=<ENCPICCData>&c=<SDMMAC>`).
 *
 * The plain form (AN12196, SDM with UID and SDMReadCtr mirrored in clear): `…?uid=<UID 14 hex>
 * &ctr=<SDMReadCtr 6 hex, most significant first>&cmac=<SDMMAC>`, the MAC the same as above over
 * the same UID and counter (SV2 takes the counter least significant first). Nothing is secret in
 * it but the MAC key, so it proves the same: this tag, this read. Only SDMFileReadKey is needed.
 */
import { createCipheriv, createDecipheriv, timingSafeEqual } from 'node:crypto'

const ZERO = Buffer.alloc(16)

function aesEcb(key: Buffer, block: Buffer): Buffer {
  const c = createCipheriv('aes-128-ecb', key, null)
  c.setAutoPadding(false)
  return Buffer.concat([c.update(block), c.final()])
}

/** Left shift of a 16-byte block by one bit (RFC 4493 subkey generation). */
function shift1(b: Buffer): Buffer {
  const out = Buffer.alloc(16)
  for (let i = 0; i < 16; i++) out[i] = ((b[i] << 1) | (i < 15 ? b[i + 1] >> 7 : 0)) & 0xff
  return out
}

function subkey(b: Buffer): Buffer {
  const k = shift1(b)
  if (b[0] & 0x80) k[15] ^= 0x87
  return k
}

/** AES-CMAC (RFC 4493) of `msg` under a 16-byte key: 16 bytes. */
export function aesCmac(key: Buffer, msg: Buffer): Buffer {
  if (key.length !== 16) throw new Error('AES-128 key must be 16 bytes')
  const k1 = subkey(aesEcb(key, ZERO))
  const k2 = subkey(k1)
  const n = Math.max(1, Math.ceil(msg.length / 16))
  const complete = msg.length > 0 && msg.length % 16 === 0
  const last = Buffer.alloc(16)
  const tail = msg.subarray((n - 1) * 16)
  tail.copy(last)
  if (!complete) last[tail.length] = 0x80
  const kx = complete ? k1 : k2
  for (let i = 0; i < 16; i++) last[i] ^= kx[i]
  let x: Buffer = Buffer.alloc(16)
  for (let b = 0; b < n - 1; b++) {
    const y = Buffer.alloc(16)
    for (let i = 0; i < 16; i++) y[i] = x[i] ^ msg[b * 16 + i]
    x = aesEcb(key, y)
  }
  const y = Buffer.alloc(16)
  for (let i = 0; i < 16; i++) y[i] = x[i] ^ last[i]
  return aesEcb(key, y)
}

export interface SunKeys {
  /** SDMMetaReadKey: decrypts the PICCData (16 bytes) */
  meta: Buffer
  /** SDMFileReadKey: keys the MAC (16 bytes) */
  file: Buffer
}

export interface SunTap {
  /** the tag's UID, upper-case hex (14 digits) */
  uid: string
  /** SDMReadCtr: goes up by one on every read of the tag */
  counter: number
}

const HEX32 = /^[0-9A-Fa-f]{32}$/
const HEX16 = /^[0-9A-Fa-f]{16}$/

/** The two parts of a SUN message, from `e=…&c=…` / `picc_data=…&cmac=…` or `<32 hex><16 hex>`. */
export function parseSunMessage(text: string): { picc: string; mac: string } | undefined {
  const t = text.trim()
  const q = t.includes('?') ? t.slice(t.indexOf('?') + 1) : t
  if (q.includes('=')) {
    const p = new URLSearchParams(q)
    const picc = p.get('e') ?? p.get('picc_data') ?? ''
    const mac = p.get('c') ?? p.get('cmac') ?? ''
    return HEX32.test(picc) && HEX16.test(mac) ? { picc, mac } : undefined
  }
  return /^[0-9A-Fa-f]{48}$/.test(q) ? { picc: q.slice(0, 32), mac: q.slice(32) } : undefined
}

const HEX14 = /^[0-9A-Fa-f]{14}$/
const HEX6 = /^[0-9A-Fa-f]{6}$/

/** The plain form's parts, from `uid=…&ctr=…&cmac=…` (or `c=` / `mac=` for the MAC). */
export function parsePlainSun(text: string): { uid: string; ctr: string; mac: string } | undefined {
  const t = text.trim()
  const q = t.includes('?') ? t.slice(t.indexOf('?') + 1) : t
  if (!q.includes('=')) return undefined
  const p = new URLSearchParams(q.split('#')[0])
  const uid = p.get('uid') ?? ''
  const ctr = p.get('ctr') ?? ''
  const mac = p.get('cmac') ?? p.get('c') ?? p.get('mac') ?? ''
  return HEX14.test(uid) && HEX6.test(ctr) && HEX16.test(mac) ? { uid, ctr, mac } : undefined
}

/** Whether a scanned value is a SUN message of either form (then only its MAC can name a point). */
export function isSunMessage(text: string): boolean {
  return !!parseSunMessage(text) || !!parsePlainSun(text)
}

function sessionMacKey(file: Buffer, uid: Buffer, ctr: Buffer): Buffer {
  return aesCmac(file, Buffer.concat([Buffer.from('3CC300010080', 'hex'), uid, ctr]))
}

/** The truncated SDMMAC (8 bytes) of a tap: what the tag appends. */
export function sdmMac(file: Buffer, uid: Buffer, ctr: Buffer, macInput = Buffer.alloc(0)): Buffer {
  const full = aesCmac(sessionMacKey(file, uid, ctr), macInput)
  return Buffer.from([1, 3, 5, 7, 9, 11, 13, 15].map((i) => full[i]))
}

/**
 * The UID and counter of a SUN message whose MAC is right under these keys; undefined for
 * anything else (another tag's keys, a changed byte, not a SUN message at all).
 */
export function verifySun(keys: SunKeys, message: string): SunTap | undefined {
  const plain = parsePlainSun(message)
  if (plain) return verifyPlainSun(keys.file, plain)
  const m = parseSunMessage(message)
  if (!m) return undefined
  const d = createDecipheriv('aes-128-cbc', keys.meta, ZERO)
  d.setAutoPadding(false)
  const picc = Buffer.concat([d.update(Buffer.from(m.picc, 'hex')), d.final()])
  // PICCDataTag: UID mirrored (bit 7), counter mirrored (bit 6), UID length 7 (low nibble)
  if (picc[0] !== 0xc7) return undefined
  const uid = picc.subarray(1, 8)
  const ctr = picc.subarray(8, 11)
  const want = sdmMac(keys.file, uid, ctr)
  const got = Buffer.from(m.mac, 'hex')
  if (!timingSafeEqual(want, got)) return undefined
  return { uid: uid.toString('hex').toUpperCase(), counter: ctr[0] | (ctr[1] << 8) | (ctr[2] << 16) }
}

/** The plain form: the MAC over the UID and counter sent in clear, under SDMFileReadKey. */
function verifyPlainSun(file: Buffer, m: { uid: string; ctr: string; mac: string }): SunTap | undefined {
  const uid = Buffer.from(m.uid, 'hex')
  // sent most significant first; SV2 takes it least significant first
  const ctr = Buffer.from(m.ctr, 'hex').reverse()
  if (!timingSafeEqual(sdmMac(file, uid, ctr), Buffer.from(m.mac, 'hex'))) return undefined
  return { uid: m.uid.toUpperCase(), counter: ctr[0] | (ctr[1] << 8) | (ctr[2] << 16) }
}

/** A tap as the tag would give it (tests, and the setup page's check of a key). */
export function makeSunMessage(
  keys: SunKeys,
  uidHex: string,
  counter: number,
  pad = Buffer.alloc(5)
): string {
  const uid = Buffer.from(uidHex, 'hex')
  const ctr = Buffer.from([counter & 0xff, (counter >> 8) & 0xff, (counter >> 16) & 0xff])
  const c = createCipheriv('aes-128-cbc', keys.meta, ZERO)
  c.setAutoPadding(false)
  const picc = Buffer.concat([c.update(Buffer.concat([Buffer.from([0xc7]), uid, ctr, pad])), c.final()])
  return `e=${picc.toString('hex').toUpperCase()}&c=${sdmMac(keys.file, uid, ctr).toString('hex').toUpperCase()}`
}

/**
 * Whether a verified tap is new for its tag: the counter must be above the last one accepted
 * (a copied URL repeats its counter). The caller stores `counter` as the new last.
 */
export function freshTap(tap: SunTap, lastCounter: number | undefined): boolean {
  return lastCounter === undefined || tap.counter > lastCounter
}

/** A plain-form tap (UID and counter in clear) as the tag would give it. */
export function makePlainSunMessage(file: Buffer, uidHex: string, counter: number): string {
  const uid = Buffer.from(uidHex, 'hex')
  const ctr = Buffer.from([counter & 0xff, (counter >> 8) & 0xff, (counter >> 16) & 0xff])
  const shown = Buffer.from(ctr).reverse().toString('hex').toUpperCase()
  return `uid=${uidHex.toUpperCase()}&ctr=${shown}&cmac=${sdmMac(file, uid, ctr).toString('hex').toUpperCase()}`
}
