import Taro from '@tarojs/taro'
import { isWeapp } from './env'
import { locate, type Position } from './location'
import { privacy } from './privacy'

/**
 * The BSSID of the Wi-Fi the phone is connected to (attendance: a post's Wi-Fi), or undefined:
 * not in the mini program, Wi-Fi off, not connected, refused. Never holds a clock-in up; a
 * failure is logged with WeChat's errMsg. Privacy guide: see the README's WeChat section.
 */
export async function connectedBssid(timeoutMs = 2000): Promise<string | undefined> {
  if (!isWeapp) return undefined
  const read = (async () => {
    try {
      await Taro.startWifi()
      const r = (await Taro.getConnectedWifi({})) as unknown as { wifi?: { BSSID?: string } }
      return r.wifi?.BSSID || undefined
    } catch (e) {
      console.warn('[wifi] getConnectedWifi failed:', String((e as { errMsg?: string })?.errMsg ?? e))
      return undefined
    }
  })()
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)))
  try {
    return await Promise.race([read, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Where the phone is for a clock-in or clock-out: position and Wi-Fi at once, or why there is no position. */
export async function clockWhere(): Promise<{
  position?: Position
  bssid?: string
  noPositionReason?: string
}> {
  // read as the page shows: never while the privacy guide is still to be agreed (no dialog here)
  if (await privacy.needsConsent()) return { noPositionReason: '还没有同意隐私保护指引，未取得位置' }
  const [fix, bssid] = await Promise.all([locate(4000), connectedBssid()])
  return {
    ...('position' in fix ? { position: fix.position } : { noPositionReason: fix.reason.slice(0, 60) }),
    ...(bssid ? { bssid } : {})
  }
}
