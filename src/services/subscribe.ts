import Taro from '@tarojs/taro'
import { isWeapp } from './env'

const TEMPLATES = SUBSCRIBE_TMPLS.split(',')
  .map((x) => x.trim())
  .filter(Boolean)

/**
 * Asks the person to allow WeChat to tell them about assignments, escalations and results.
 * WeChat only allows this from a tap, so call it first thing in a tap handler; it never blocks
 * the tap's own work and does nothing where there are no templates (H5, or none configured).
 */
export function askSubscribe(): void {
  if (!isWeapp || !TEMPLATES.length) return
  void Taro.requestSubscribeMessage({ tmplIds: TEMPLATES.slice(0, 3) } as Parameters<
    typeof Taro.requestSubscribeMessage
  >[0]).catch(() => undefined)
}
