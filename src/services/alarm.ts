import Taro from '@tarojs/taro'

/**
 * A long vibration where the phone has one (a due patrol check-in, a panic alert sent); on a
 * platform without it nothing happens: the screen's own prompt is what counts.
 */
export function buzz(): void {
  try {
    void Taro.vibrateLong().catch(() => undefined)
  } catch {
    // no vibration here
  }
}
