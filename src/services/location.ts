import Taro from '@tarojs/taro'
import { wgs84ToGcj02 } from '../domain/geo'
import { isWeapp } from './env'

export interface Position {
  lat: number
  lng: number
  accuracyM: number
}

/** Why there is no position: shown to the person and logged, never swallowed. */
export function locationFailureReason(errMsg: string): string {
  const m = errMsg.toLowerCase()
  if (m.includes('requiredprivateinfos'))
    return '小程序没有声明位置接口（requiredPrivateInfos），请联系管理员'
  if (m.includes('privacy')) return '没有同意隐私保护指引，无法取得位置'
  if (m.includes('system permission') || m.includes('locationswitchoff') || m.includes('location service'))
    return '手机的定位服务或微信的定位权限没有打开'
  if (m.includes('auth deny') || m.includes('auth denied') || m.includes('authorize'))
    return '没有允许岗位通使用位置，可在“设置”里打开'
  if (m.includes('timeout') || m.includes('timed out')) return '定位超时'
  return `没有取得位置（${errMsg || '未知原因'}）`
}

/**
 * Where the phone is, or why not. Declared in app.config.ts (requiredPrivateInfos and
 * permission['scope.userLocation']); a failure is logged with WeChat's errMsg.
 */
export async function locate(timeoutMs = 4000): Promise<{ position: Position } | { reason: string }> {
  const fix = Taro.getLocation({
    // WeChat gives GCJ-02; Taro's H5 getLocation only does WGS-84 (it fails any other type)
    type: isWeapp ? 'gcj02' : 'wgs84',
    isHighAccuracy: true,
    highAccuracyExpireTime: timeoutMs
  }).then(
    (r) => {
      const accuracyM = Math.max(0, Number(r.accuracy) || 0)
      // kept in GCJ-02 everywhere: a browser's WGS-84 fix converted (domain/geo.ts)
      // (TARO_ENV, replaced at build time, so the mini program's bundle drops the conversion)
      const at =
        process.env.TARO_ENV === 'weapp'
          ? { lat: r.latitude, lng: r.longitude }
          : wgs84ToGcj02(r.latitude, r.longitude)
      return { position: { ...at, accuracyM } }
    },
    (e: unknown) => {
      const errMsg = String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e)
      console.warn('[location] getLocation failed:', errMsg)
      return { reason: locationFailureReason(errMsg) }
    }
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<{ reason: string }>((resolve) => {
    timer = setTimeout(() => {
      console.warn(`[location] no fix within ${timeoutMs} ms`)
      resolve({ reason: '定位超时' })
    }, timeoutMs)
  })
  try {
    return await Promise.race([fix, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Where the phone is, when it can be known in time; undefined otherwise (a scan never waits long for it; the reason is logged). */
export async function currentPosition(timeoutMs = 4000): Promise<Position | undefined> {
  const r = await locate(timeoutMs)
  return 'position' in r ? r.position : undefined
}
