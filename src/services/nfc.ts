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

/** Waits for a tag to be held to the phone; its UID as hex, or undefined (off, cancelled, timed out). */
export function readNfcTag(timeoutMs = 20_000): Promise<string | undefined> {
  const adapter = Taro.getNFCAdapter()
  return new Promise((resolve) => {
    let settled = false
    const finish = (v: string | undefined) => {
      if (settled) return
      settled = true
      adapter.offDiscovered(onTag)
      adapter.stopDiscovery({})
      resolve(v)
    }
    const onTag = (res: { id?: ArrayBuffer }) => finish(res.id ? hex(res.id) : undefined)
    adapter.onDiscovered(onTag)
    adapter.startDiscovery({ fail: () => finish(undefined) })
    setTimeout(() => finish(undefined), timeoutMs)
  })
}
