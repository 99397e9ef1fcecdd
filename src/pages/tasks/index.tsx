import { observer } from 'mobx-react-lite'
import { View } from '@tarojs/components'
import { rootStore } from '../../stores'
import { AreaHeader } from '../../components/AreaHeader'

function TasksEntry() {
  const { session } = rootStore
  return (
    <View className="page">
      <AreaHeader title="任务" desc="今天派给您的任务与报事，逾期的排在最前。" who={session.staff?.name} />
    </View>
  )
}

export default observer(TasksEntry)
