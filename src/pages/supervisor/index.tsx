import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { rootStore } from '../../stores'
import { ui } from '../../services/ui'
import { AreaHeader } from '../../components/AreaHeader'
import './index.scss'

const MENU = [{ title: '员工管理', desc: '新增员工、生成微信绑定码', url: '/pages/supervisor/staff/index' }]

function SupervisorEntry() {
  const { session } = rootStore
  return (
    <View className="page">
      <AreaHeader title="主管" desc={`${session.estate?.name ?? ''} 的员工、派单与日报`} />
      {MENU.map((m) => (
        <View key={m.url} className="sup-item" hoverClass="sup-item-hover" onClick={() => void ui.go(m.url)}>
          <Text className="sup-title">{m.title}</Text>
          <Text className="muted">{m.desc}</Text>
        </View>
      ))}
    </View>
  )
}

export default observer(SupervisorEntry)
