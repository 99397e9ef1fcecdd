import { observer } from 'mobx-react-lite'
import { View } from '@tarojs/components'
import { rootStore } from '../../stores'
import { AreaHeader } from '../../components/AreaHeader'

function GateEntry() {
  const { session } = rootStore
  return (
    <View className="page">
      <AreaHeader title="门岗" desc="访客登记、预约通行码、车辆进出、物品放行都从这里开始。每一步都有标准话术提示。" who={session.staff?.name} />
    </View>
  )
}

export default observer(GateEntry)
