import Taro from '@tarojs/taro'
import { useCloud } from './env'
import { privacy } from './privacy'

export { isWeapp, useCloud } from './env'

export function initPlatform(): void {
  if (useCloud) Taro.cloud.init({ env: CLOUD_ENV, traceUser: false })
  privacy.install()
}
