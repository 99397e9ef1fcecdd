import { observer } from 'mobx-react-lite'
import { View } from '@tarojs/components'
import { rootStore } from '../../stores'
import { AreaHeader } from '../../components/AreaHeader'

function ScriptsEntry() {
  const { session } = rootStore
  return (
    <View className="page">
      <AreaHeader title="话术" desc="按部门和场景查找服务规范与标准用语。" who={session.staff?.name} />
    </View>
  )
}

export default observer(ScriptsEntry)
