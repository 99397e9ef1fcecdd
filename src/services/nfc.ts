import Taro from '@tarojs/taro'
import { isWeapp } from './env'

/** NFC reading exists in the mini program on Android phones with NFC. */
export function canNfc(): boolean {
  if (!isWeapp) return false
  try {
    return Taro.getSystemInfoSync().platform === 'android' && typeof Taro.getNFCAdapter === 'function'
  } catch {
    return false
  }
}

function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()
}

/** One NDEF record as WeChat gives it (`type` and `payload` are bytes; `tnf` where the base library sends it). */
export interface NdefRecordIn {
  tnf?: number
  type?: ArrayBuffer
  id?: ArrayBuffer
  payload?: ArrayBuffer
}

/**
 * The URI identifier codes of the NFC Forum URI record (RTD-URI 1.0): the first payload byte
 * abbreviates the start of the URI. Only the ones a tag's web address can start with.
 */
const URI_PREFIXES: Record<number, string> = {
  0: '',
  1: 'http://www.',
  2: 'https://www.',
  3: 'http://',
  4: 'https://'
}

/** Bytes as text, byte by byte: URIs on tags are ASCII (phones have no TextDecoder). */
function ascii(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

/** The text of a record: a URI record's whole URI, a text record's text, or the payload as it is. */
export function recordText(r: NdefRecordIn): string {
  const payload = r.payload ? new Uint8Array(r.payload) : new Uint8Array(0)
  const type = r.type ? ascii(new Uint8Array(r.type)) : ''
  // TNF 1 (well-known) type "U": prefix code, then the rest of the URI
  if (type === 'U' && payload.length > 0) return (URI_PREFIXES[payload[0]] ?? '') + ascii(payload.subarray(1))
  // type "T": status byte (low 6 bits: length of the language code), language, text
  if (type === 'T' && payload.length > 0) return ascii(payload.subarray(1 + (payload[0] & 0x3f)))
  return ascii(payload)
}

const HEX = (n: number) => new RegExp(`^[0-9A-Fa-f]{${n}}$`)

/**
 * The SUN message of a signed tag (NTAG 424 DNA) in what the phone read, as the server verifies
 * it (src/cloud/patrol/sun.ts): `e=<PICCData>&c=<MAC>` from a URL with `e`/`c` or
 * `picc_data`/`cmac` parameters, or the plain form `uid=<UID>&ctr=<counter>&cmac=<MAC>`. Undefined for a plain tag (no such URL): the scan then goes by
 * the tag's UID as before.
 */
export function sunMessageIn(messages: readonly unknown[] | undefined): string | undefined {
  for (const m of messages ?? []) {
    // the base library gives either messages with `records`, or the records themselves
    const records: NdefRecordIn[] =
      m && typeof m === 'object' && Array.isArray((m as { records?: unknown }).records)
        ? (m as { records: NdefRecordIn[] }).records
        : [m as NdefRecordIn]
    for (const r of records) {
      if (!r || typeof r !== 'object') continue
      const text = recordText(r).trim()
      const q = text.includes('?') ? text.slice(text.indexOf('?') + 1).split('#')[0] : ''
      if (!q) continue
      const params: Record<string, string> = {}
      for (const part of q.split('&')) {
        const i = part.indexOf('=')
        if (i > 0) params[part.slice(0, i).toLowerCase()] = part.slice(i + 1)
      }
      const picc = params.e ?? params.picc_data
      const mac = params.c ?? params.cmac ?? params.mac
      if (picc && mac && HEX(32).test(picc) && HEX(16).test(mac))
        return `e=${picc.toUpperCase()}&c=${mac.toUpperCase()}`
      // the plain form: UID and read counter in clear, with the tag's MAC over them
      const { uid, ctr } = params
      if (uid && ctr && mac && HEX(14).test(uid) && HEX(6).test(ctr) && HEX(16).test(mac))
        return `uid=${uid.toUpperCase()}&ctr=${ctr.toUpperCase()}&cmac=${mac.toUpperCase()}`
    }
  }
  return undefined
}

/** What a tag held to the phone gave: its UID (hex) and, for a signed tag, its SUN message. */
export interface NfcRead {
  uid: string
  sun?: string
}

/** Waits for a tag to be held to the phone; its UID and SUN message, or undefined (off, cancelled, timed out). */
export function readNfcTag(timeoutMs = 20_000): Promise<NfcRead | undefined> {
  const adapter = Taro.getNFCAdapter()
  return new Promise((resolve) => {
    let settled = false
    const finish = (v: NfcRead | undefined) => {
      if (settled) return
      settled = true
      adapter.offDiscovered(onTag)
      adapter.stopDiscovery({})
      resolve(v)
    }
    const onTag = (res: { id?: ArrayBuffer; messages?: unknown[] }) => {
      if (!res.id) return finish(undefined)
      let sun: string | undefined
      try {
        sun = sunMessageIn(res.messages)
      } catch {
        sun = undefined
      }
      finish(sun ? { uid: hex(res.id), sun } : { uid: hex(res.id) })
    }
    adapter.onDiscovered(onTag)
    adapter.startDiscovery({ fail: () => finish(undefined) })
    setTimeout(() => finish(undefined), timeoutMs)
  })
}
