import { observer } from 'mobx-react-lite'
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { Field } from '../../../components/Field'
import { ui } from '../../../services/ui'
import { estatesAdmin } from '../model'
import { rootStore } from '../../../stores'
import { locate } from '../../../services/location'
import { connectedBssid } from '../../../services/wifi'
import { PlaceEditor } from './place'
import '../index.scss'
import { Back } from '../../../components/Back'

const CHANGE = { new: '新增', updated: '更新', unchanged: '不变' } as const

// attendance settings of a gate or post: read the phone's place only when the admin taps a button
const place = new PlaceEditor({
  api: () => rootStore.api,
  here: async () => {
    const r = await locate(8000)
    return 'position' in r ? { lat: r.position.lat, lng: r.position.lng } : r
  },
  bssid: () => connectedBssid(4000)
})

/** A gate's position, radius and Wi-Fi for attendance (考勤), edited in place. */
const PlaceForm = observer(function PlaceForm({ onSaved }: { onSaved: () => void }) {
  const f = place.form
  return (
    <View className="adm-place">
      <Text className="muted">
        {'考勤：上岗、下岗打卡不在范围内或不是岗位的 Wi-Fi 会标为存疑（仍然记录）'}
      </Text>
      <Text className="field-label">纬度</Text>
      <Field value={f.lat} type="digit" placeholder="如 22.540000" onChange={(v) => place.set('lat', v)} />
      <Text className="field-label">经度</Text>
      <Field value={f.lng} type="digit" placeholder="如 114.050000" onChange={(v) => place.set('lng', v)} />
      <Btn kind="ghost" className="adm-btn" loading={place.busy} onClick={() => void place.useHere()}>
        用当前位置
      </Btn>
      <Text className="field-label">范围（米，5–500）</Text>
      <Field value={f.radius} type="number" placeholder="100" onChange={(v) => place.set('radius', v)} />
      <Text className="field-label">岗位 Wi-Fi（BSSID，用逗号隔开，最多5个）</Text>
      <Field
        value={f.wifi}
        maxlength={120}
        placeholder="如 aa:bb:cc:dd:ee:ff"
        onChange={(v) => place.set('wifi', v)}
      />
      <Btn kind="ghost" className="adm-btn" loading={place.busy} onClick={() => void place.useWifi()}>
        用当前连接的 Wi-Fi
      </Btn>
      {place.note && <Text className="muted">{place.note}</Text>}
      {place.error && <Text className="error-text">{place.error}</Text>}
      <Btn
        loading={place.busy}
        onClick={() =>
          void place.save().then((ok) => {
            if (ok) onSaved()
          })
        }
      >
        保存考勤设置
      </Btn>
      <Btn kind="ghost" onClick={() => place.close()}>
        取消
      </Btn>
    </View>
  )
})

/** The current estate: its gates and posts, and its rooms from a spreadsheet. */
function EstatePage() {
  const s = estatesAdmin
  const d = s.detail
  useLoad(() => void s.loadDetail())

  return (
    <View className="page">
      <Back />
      <View className="card">
        <Text className="card-title">{d ? d.estate.name : '小区'}</Text>
        {d && (
          <Text className="muted">
            {`${d.estate.company} · 时区 ${d.estate.timeZone} · 房间 ${d.rooms} 间 · 访客滞留提醒 ${d.estate.settings.overstayHours} 小时`}
          </Text>
        )}
        <View className="adm-kind">
          <Btn kind="ghost" className="adm-btn" onClick={() => void ui.go('/pages/admin/settings/index')}>
            小区设置
          </Btn>
          <Btn kind="ghost" className="adm-btn" onClick={() => void ui.go('/pages/admin/rooms/index')}>
            房间列表
          </Btn>
        </View>
      </View>

      <View className="card">
        <Text className="card-title">大门与岗亭</Text>
        {d?.gates.map((g) => (
          <View key={g.id}>
            <View className="adm-row">
              <View className="adm-main">
                <Text className="adm-title">{g.name}</Text>
                <Text className="muted">{g.kind === 'gate' ? '大门（门岗登记时可选）' : '岗亭'}</Text>
                <Text className="muted">
                  {`考勤：${g.position ? `${g.position.lat}, ${g.position.lng} · ${g.position.radiusM} 米内` : '未设位置'}${g.wifi?.length ? ` · Wi-Fi ${g.wifi.length} 个` : ''}`}
                </Text>
              </View>
              <Btn kind="ghost" className="adm-btn" onClick={() => place.open(g)}>
                考勤设置
              </Btn>
              <Btn
                kind="ghost"
                className="adm-btn adm-btn-next"
                onClick={() =>
                  void ui
                    .confirm(
                      `停用「${g.name}」？`,
                      '停用后门岗登记和上岗时不再可选，已有的记录都保留。',
                      '停用'
                    )
                    .then((yes) => (yes ? s.removeGate(g.id) : undefined))
                }
              >
                停用
              </Btn>
            </View>
            {place.gate?.id === g.id && <PlaceForm onSaved={() => void s.loadDetail()} />}
          </View>
        ))}
        <View className="adm-kind">
          {(['gate', 'post'] as const).map((k) => (
            <View
              key={k}
              className={`adm-chip ${s.gateKind === k ? 'adm-chip-on' : ''}`}
              onClick={() => (s.gateKind = k)}
            >
              <Text>{k === 'gate' ? '大门' : '岗亭'}</Text>
            </View>
          ))}
        </View>
        <Field
          value={s.gateName}
          maxlength={16}
          placeholder="名称，如 北门、地库岗亭"
          onChange={(v) => (s.gateName = v)}
        />
        <Btn loading={s.busy} onClick={() => void s.addGate()}>
          添加
        </Btn>
      </View>

      <View className="card">
        <Text className="card-title">导入房间</Text>
        <Text className="muted">
          表格第一行是表头：楼栋（或 栋）、单元、房号（或 房间），可选 业主、电话。支持 .xlsx 和
          .csv；同一房间再次导入会更新，不会重复。
        </Text>
        {!s.preview && (
          <Btn kind="ghost" loading={s.busy} onClick={() => void s.pickAndPreview()}>
            选择表格文件
          </Btn>
        )}
        {s.preview && (
          <View>
            <Text className="adm-title">{s.file?.name}</Text>
            <View className="adm-counts">
              <Text className="adm-count">{`新增 ${s.preview.counts.new}`}</Text>
              <Text className="adm-count">{`更新 ${s.preview.counts.updated}`}</Text>
              <Text className="adm-count">{`不变 ${s.preview.counts.unchanged}`}</Text>
              <Text className="adm-count adm-bad">{`有误 ${s.preview.counts.errors}`}</Text>
            </View>
            {s.preview.errors.slice(0, 50).map((e) => (
              <Text key={e.row} className="error-text">{`第${e.row}行：${e.reason}`}</Text>
            ))}
            {s.preview.rows.slice(0, 20).map((r) => (
              <View key={r.row} className="adm-row">
                <Text>{`${r.label}${r.ownerName ? ' · ' + r.ownerName : ''}${r.ownerPhone ? ' · ' + r.ownerPhone : ''}`}</Text>
                <Text className="muted">{CHANGE[r.change]}</Text>
              </View>
            ))}
            <Btn
              loading={s.busy}
              disabled={!s.preview.counts.new && !s.preview.counts.updated}
              onClick={() => void s.commit()}
            >
              {`确认导入 ${s.preview.counts.new + s.preview.counts.updated} 间`}
            </Btn>
            <Btn kind="ghost" onClick={() => s.cancelImport()}>
              取消
            </Btn>
          </View>
        )}
        {s.busy && s.progress > 0 && <Text className="muted">{`已写入 ${s.progress} 间…`}</Text>}
        {s.result && (
          <Text className="adm-title">{`导入完成：新增 ${s.result.created} 间，更新 ${s.result.updated} 间，不变 ${s.result.unchanged} 间${s.result.errors ? `，${s.result.errors} 行有误未导入` : ''}`}</Text>
        )}
      </View>
      {s.error && <Text className="error-text">{s.error}</Text>}
    </View>
  )
}

export default observer(EstatePage)
