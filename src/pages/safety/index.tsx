import { useEffect } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { Field } from '../../components/Field'
import { ui } from '../../services/ui'
import type { AlertOut } from '../../domain/contract'
import { alerts } from './model'
import './index.scss'
import { Back } from '../../components/Back'

/** How often the open list is read again while the page is shown. */
const POLL_MS = 20_000
let poll: ReturnType<typeof setInterval> | undefined

function Lines({ a }: { a: AlertOut }) {
  return (
    <View>
      {a.lines.map((l) => (
        <Text key={l} className="alert-line">
          {l}
        </Text>
      ))}
    </View>
  )
}

function SafetyPage() {
  const stop = () => {
    if (poll) clearInterval(poll)
    poll = undefined
  }
  useDidShow(() => {
    void alerts.load()
    stop()
    poll = setInterval(() => void alerts.load(), POLL_MS)
  })
  useDidHide(stop)
  useEffect(() => stop, [])
  usePullDownRefresh(() => void alerts.load())

  return (
    <View className="page">
      <Back />
      {alerts.loaded && alerts.open.length === 0 && (
        <View className="card">
          <Text className="muted">没有待处理的安全告警</Text>
        </View>
      )}
      {alerts.open.map((a) => (
        <View key={a.id} className="card alert-card">
          <Text className="alert-title">{a.title}</Text>
          <Lines a={a} />
          {a.mapUrl && (
            <Btn kind="ghost" onClick={() => void ui.setClipboard(a.mapUrl!)}>
              复制地图链接
            </Btn>
          )}
          {alerts.taken[a.id] ? (
            <View className="warn-box">{alerts.taken[a.id]}</View>
          ) : (
            <View>
              <Field
                value={alerts.notes[a.id] ?? ''}
                maxlength={100}
                placeholder="处理情况，如 已电话联系"
                onChange={(v) => alerts.setNote(a.id, v)}
              />
              <Btn kind="danger" loading={alerts.acking === a.id} onClick={() => void alerts.ack(a.id)}>
                确认已处理
              </Btn>
            </View>
          )}
        </View>
      ))}
      {alerts.recent.length > 0 && <Text className="field-label">最近已处理</Text>}
      {alerts.recent.map((a) => (
        <View key={a.id} className="card alert-card alert-done">
          <Text className="alert-title">{a.title}</Text>
          <Lines a={a} />
        </View>
      ))}
      {alerts.error && <Text className="error-text">{alerts.error}</Text>}
    </View>
  )
}

export default observer(SafetyPage)
