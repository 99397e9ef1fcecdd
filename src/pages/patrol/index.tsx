import { observer } from 'mobx-react-lite'
import { View } from '@tarojs/components'
import { rootStore } from '../../stores'
import { AreaHeader } from '../../components/AreaHeader'

function PatrolEntry() {
  const { session } = rootStore
  return (
    <View className="page">
      <AreaHeader title="巡逻" desc="按巡更计划逐点扫码打卡，发现问题一键上报。" who={session.staff?.name} />
    </View>
  )
}

export default observer(PatrolEntry)
