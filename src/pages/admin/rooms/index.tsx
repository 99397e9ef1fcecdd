import { observer } from 'mobx-react-lite'
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { estatesAdmin, ROOMS_SHOWN } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

/** The estate's rooms for managers: by building and unit, owner and masked phone, a search, the count. */
function RoomsPage() {
  const s = estatesAdmin
  useLoad(() => void s.loadRooms())
  const v = s.roomView
  return (
    <View className="page">
      <Back />
      <View className="card">
        <Field
          value={s.roomQuery}
          placeholder="搜索房号、业主或电话后四位"
          onChange={(q) => (s.roomQuery = q)}
        />
        <Text className="field-label">楼栋</Text>
        <View className="adm-keys">
          {v.buildings.map((b) => (
            <View
              key={b}
              className={`adm-chip ${s.roomBuilding === b ? 'adm-chip-on' : ''}`}
              onClick={() => s.chooseBuilding(b)}
            >
              <Text>{`${b}栋`}</Text>
            </View>
          ))}
        </View>
        {v.units.length > 0 && (
          <View>
            <Text className="field-label">单元</Text>
            <View className="adm-keys">
              {v.units.map((u) => (
                <View
                  key={u}
                  className={`adm-chip ${s.roomUnit === u ? 'adm-chip-on' : ''}`}
                  onClick={() => s.chooseUnit(u)}
                >
                  <Text>{`${u}单元`}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
        <Text className="adm-title">{`共 ${v.count} 间${s.roomList.length !== v.count ? `（全小区 ${s.roomList.length} 间）` : ''}`}</Text>
      </View>
      <View className="card">
        {v.items.map((r) => (
          <View key={r.id} className="adm-row">
            <View className="adm-main">
              <Text className="adm-title">{r.label}</Text>
              <Text className="muted">{r.ownerName || '未填业主'}</Text>
            </View>
            <Text className="muted">{r.ownerPhone ?? ''}</Text>
          </View>
        ))}
        {v.count > ROOMS_SHOWN && (
          <Text className="muted">{`只显示前 ${ROOMS_SHOWN} 间，请选楼栋或搜索`}</Text>
        )}
        {s.roomsLoaded && !s.roomList.length && <Text className="muted">还没有导入房间</Text>}
      </View>
      {s.error && <Text className="error-text">{s.error}</Text>}
    </View>
  )
}

export default observer(RoomsPage)
