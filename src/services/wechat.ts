import Taro from '@tarojs/taro'
import { isWeapp } from './env'

/** A wx.login code for the server to exchange for the OPENID (weapp only). */
export async function wxLoginCode(): Promise<string | undefined> {
  if (!isWeapp) return undefined
  const r = await Taro.login()
  return r.code
}
