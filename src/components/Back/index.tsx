import { Text, View } from '@tarojs/components'
import { ui } from '../../services/ui'
import './index.scss'

/**
 * The in-app back control of the H5 build (a browser has no WeChat navigation bar): top-left,
 * a large touch target, on every page that is not a tab root. Back to the previous page, or to
 * 工作台 when this page is the first one (opened by its address, or after a reload).
 * Renders nothing in the mini program, where WeChat's own bar has the back arrow.
 */
export function Back() {
  if (process.env.TARO_ENV !== 'h5') return null
  return (
    <View className="back-bar">
      <View className="back-btn" role="button" aria-label="返回" onClick={() => void ui.backOrHome()}>
        <View className="back-arrow" />
        <Text>返回</Text>
      </View>
    </View>
  )
}
