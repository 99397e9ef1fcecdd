import { observer } from 'mobx-react-lite'
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { Field } from '../../../components/Field'
import { SEVERITIES, SEVERITY_LABELS } from '../../../domain/estates/settings'
import { RESPONSE_MINUTES } from '../../../domain/work/model'
import { estatesAdmin } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

/** One number of the form: its label, the box, and the domain's message for it. */
const NumberField = observer(function NumberField({
  label,
  path,
  value,
  placeholder
}: {
  label: string
  path: string
  value: string
  placeholder?: string
}) {
  const s = estatesAdmin
  const err = s.fieldErrors[path.split('.').pop()!]
  return (
    <View>
      <Text className="field-label">{label}</Text>
      <Field
        value={value}
        type="number"
        maxlength={5}
        placeholder={placeholder}
        onChange={(v) => s.setSetting(path, v)}
      />
      {err && <Text className="error-text">{err}</Text>}
    </View>
  )
})

/** The current estate's settings: overstay hours, response times by severity, patrol defaults. */
function SettingsPage() {
  const s = estatesAdmin
  const f = s.settings
  useLoad(() => void s.loadSettings())
  if (!f)
    return (
      <View className="page">
        <Back />
        <Text className="muted">{s.error || '正在读取…'}</Text>
      </View>
    )
  return (
    <View className="page">
      <Back />
      <View className="card">
        <Text className="card-title">{`门岗 · ${s.detail?.estate.name ?? ''}`}</Text>
        <NumberField label="访客滞留提醒（小时）" path="overstayHours" value={f.overstayHours} />
        <Text className="muted">访客在园内超过这个时长，门岗和主管的名单标红提醒。</Text>
      </View>
      <View className="card">
        <Text className="card-title">报事处理时限（分钟）</Text>
        {SEVERITIES.map((k) => (
          <NumberField
            key={k}
            label={SEVERITY_LABELS[k]}
            path={`responseMinutes.${k}`}
            value={f.responseMinutes[k]}
            placeholder={`默认 ${RESPONSE_MINUTES[k]}`}
          />
        ))}
        <Text className="muted">留空用公司默认。新报事按这里算到期时间。</Text>
      </View>
      <View className="card">
        <Text className="card-title">巡更计划默认值（分钟）</Text>
        <NumberField label="两轮间隔" path="patrol.everyMinutes" value={f.everyMinutes} />
        <NumberField label="每轮最短用时" path="patrol.minMinutes" value={f.minMinutes} />
        <NumberField label="每轮最长用时" path="patrol.maxMinutes" value={f.maxMinutes} />
        <Text className="muted">新建巡更计划时从这里开始填。</Text>
      </View>
      <View className="card">
        <Text className="card-title">巡更报平安（分钟）</Text>
        <NumberField label="报平安间隔（0为关闭）" path="safety.checkInMinutes" value={f.checkInMinutes} />
        <NumberField label="超时宽限" path="safety.graceMinutes" value={f.graceMinutes} />
        <Text className="muted">
          巡更途中每隔这么久要按一次「我安全」；超过宽限仍未报，立即通知主管和在岗门岗。
        </Text>
      </View>
      <View className="card">
        <Text className="card-title">日报</Text>
        <NumberField label="每天几点生成昨天的日报（0-23）" path="reportHour" value={f.reportHour} />
        <Text className="muted">到点自动生成前一天的日报，主管在工作台「日报」查看、点评和转发。</Text>
      </View>
      {s.error && <Text className="error-text">{s.error}</Text>}
      {s.saved && <Text className="adm-title">已保存</Text>}
      <Btn loading={s.busy} onClick={() => void s.saveSettings()}>
        保存设置
      </Btn>
    </View>
  )
}

export default observer(SettingsPage)
