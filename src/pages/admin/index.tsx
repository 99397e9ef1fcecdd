import { observer } from 'mobx-react-lite'
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../components/Btn'
import { Field } from '../../components/Field'
import { rootStore } from '../../stores'
import { ui } from '../../services/ui'
import { estatesAdmin } from './model'
import './index.scss'
import { Back } from '../../components/Back'

/** Admin: every estate, the one being worked in, and a new estate. */
function EstatesPage() {
  const s = estatesAdmin
  const { session } = rootStore
  const isAdmin = !!session.staff?.roles.includes('admin')
  useLoad(() => void s.loadList())
  const open = (id: string) => {
    session.setEstate(id)
    void ui.go('/pages/admin/estate/index')
  }
  const mine = new Set(session.staff?.estates.map((e) => e.id))

  return (
    <View className="page">
      <Back />
      <View className="card">
        <Text className="card-title">小区</Text>
        {s.estates.map((e) => (
          <View key={e.id} className="adm-row">
            <View className="adm-main">
              <Text className="adm-title">{`${e.name}${e.id === session.estate?.id ? '（当前）' : ''}`}</Text>
              <Text className="muted">{`${e.company}${e.address ? ' · ' + e.address : ''}`}</Text>
            </View>
            {mine.has(e.id) && (
              <Btn kind="ghost" className="adm-btn" onClick={() => open(e.id)}>
                大门与房间
              </Btn>
            )}
          </View>
        ))}
        {!s.estates.length && !s.busy && <Text className="muted">还没有小区</Text>}
      </View>

      {isAdmin && (
        <View className="card">
          <Text className="card-title">新建小区</Text>
          <Text className="field-label">小区名称</Text>
          <Field
            value={s.form.name}
            maxlength={30}
            placeholder="如 碧水湾"
            onChange={(v) => s.setField('name', v)}
          />
          {s.fieldErrors.name && <Text className="error-text">{s.fieldErrors.name}</Text>}
          <Text className="field-label">物业公司</Text>
          <Field
            value={s.form.company}
            maxlength={40}
            placeholder="公司名称"
            onChange={(v) => s.setField('company', v)}
          />
          {s.fieldErrors.company && <Text className="error-text">{s.fieldErrors.company}</Text>}
          <Text className="field-label">地址</Text>
          <Field
            value={s.form.address}
            maxlength={80}
            placeholder="小区地址"
            onChange={(v) => s.setField('address', v)}
          />
          <Text className="field-label">访客滞留提醒（小时）</Text>
          <Field
            value={s.form.overstayHours}
            type="number"
            maxlength={2}
            onChange={(v) => s.setField('overstayHours', v)}
          />
          {s.fieldErrors.overstayHours && <Text className="error-text">{s.fieldErrors.overstayHours}</Text>}
          <Text className="muted">时区默认 Asia/Shanghai；处理时限和巡更默认值可在创建后修改。</Text>
          <Btn
            loading={s.busy}
            onClick={async () => {
              const e = await s.create()
              if (e) void ui.go('/pages/admin/estate/index')
            }}
          >
            创建小区
          </Btn>
        </View>
      )}
      {s.error && <Text className="error-text">{s.error}</Text>}
    </View>
  )
}

export default observer(EstatesPage)
