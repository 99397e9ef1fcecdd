import Taro from '@tarojs/taro'

/** Where the phone is, when the person allows it; undefined otherwise (a scan never waits long for it). */
export async function currentPosition(timeoutMs = 4000): Promise<{ lat: number; lng: number; accuracyM: number } | undefined> {
  const fix = Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: timeoutMs })
    .then((r) => ({ lat: r.latitude, lng: r.longitude, accuracyM: Math.max(0, Number(r.accuracy) || 0) }))
    .catch(() => undefined)
  const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs))
  return Promise.race([fix, late])
}
