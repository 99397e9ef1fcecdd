import Taro from '@tarojs/taro'
import { isWeapp } from './env'

/** The camera scanner exists in the mini program; on H5 the guard types the code instead. */
export const canScan = isWeapp

/** Camera only (an album picture of a pass proves nothing); undefined when cancelled. */
export async function scanQr(): Promise<string | undefined> {
  if (!canScan) return undefined
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return r.result
  } catch {
    return undefined
  }
}
