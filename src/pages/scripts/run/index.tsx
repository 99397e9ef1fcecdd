import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useLoad, useRouter } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { Chips } from '../../../components/Chips'
import { ScriptRunner } from '../../../components/ScriptRunner'
import type { Gender } from '../../../domain/scripts/placeholders'
import type { Step } from '../../../domain/scripts/model'
import { ui } from '../../../services/ui'
import { library, quizUrl } from '../lib'
import { acks, run as s } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

const GENDERS: { v: Gender; label: string }[] = [
  { v: 'male', label: '先生' },
  { v: 'female', label: '小姐' }
]

/** Before the first step: the names the lines use. Everything here may be skipped. */
const NamesForm = observer(function NamesForm() {
  const f = s.form
  const visitorLabel = s.needsHost ? '来访人姓氏' : '对方姓氏'
  return (
    <View className="card">
      <Text className="card-title title-block">开始前填一下称呼（可跳过）</Text>
      {s.needsVisitor && (
        <View className="field">
          <Text className="field-label">{`${visitorLabel}（话术里称呼对方）`}</Text>
          <Field
            value={f.surname}
            maxlength={4}
            placeholder={visitorLabel}
            onChange={(v) => s.setForm('surname', v)}
          />
          <Chips options={GENDERS} value={f.gender} onPick={(g) => s.toggleGender('gender', g)} />
        </View>
      )}
      {s.needsHost && (
        <View className="field">
          <Text className="field-label">业主姓氏（打电话给业主时称呼）</Text>
          <Field
            value={f.hostSurname}
            maxlength={4}
            placeholder="业主姓氏"
            onChange={(v) => s.setForm('hostSurname', v)}
          />
          <Chips options={GENDERS} value={f.hostGender} onPick={(g) => s.toggleGender('hostGender', g)} />
        </View>
      )}
      <Btn onClick={() => s.begin()}>开始</Btn>
      <Btn
        kind="ghost"
        onClick={() => {
          s.clearForm()
          s.begin()
        }}
      >
        跳过，直接开始
      </Btn>
    </View>
  )
})

const OutcomeView = observer(function OutcomeView({ step }: { step: Step }) {
  return (
    <View className="card">
      <Text className="outcome-label">{step.outcome!.label}</Text>
      {s.summary.map((r, i) => (
        <View key={i} className="summary-row">
          <Text className="summary-label">{r.label}</Text>
          <Text className="summary-value">{r.value}</Text>
        </View>
      ))}
      {s.recorded && (
        <View className="recorded">
          <Text>已记录</Text>
          {s.recordedPending ? (
            <Text className="tag tag-warn">待上传</Text>
          ) : (
            <Text className="tag">已上传</Text>
          )}
        </View>
      )}
      {s.problem && <Text className="error-text">{s.problem}</Text>}
    </View>
  )
})

/** One script, one step at a time: the line to say first and largest, then one tap per branch. */
function RunPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  useLoad(() => {
    s.open(id)
    void acks.load()
  })

  const script = s.script
  if (!script || script.id !== id) {
    return (
      <View className="page">
        <Back />
        {s.error && <Text className="error-text">{s.error}</Text>}
        <Btn kind="ghost" onClick={() => void ui.back()}>
          返回话术列表
        </Btn>
      </View>
    )
  }

  // the read receipt sits above the run, apart from its steps: a tap meant for a step never lands on it
  const ackBtn = acks.needsAck(script) && (
    <View className="card ack-bar">
      <Text className="muted">{`这份话术有新版本（第 ${script.version} 版），请读过后确认`}</Text>
      <Btn
        kind="danger"
        onClick={() => acks.acknowledge(script) && void ui.toast('已确认阅读新版本', 'success')}
      >
        确认已阅读新版本
      </Btn>
    </View>
  )
  const ackError = acks.error && <Text className="error-text">{acks.error}</Text>
  const practice = (
    <Btn kind="ghost" onClick={() => void ui.go(quizUrl(script.id))}>
      练习
    </Btn>
  )

  const runner = s.runner
  if (!runner) {
    return (
      <View className="page">
        <Back />
        <View className="card">
          <Text className="card-title title-block">{script.title}</Text>
          <Text className="muted">{library.toDisplayPunctuation(script.situation)}</Text>
        </View>
        {ackBtn}
        {ackError}
        <NamesForm />
        {practice}
      </View>
    )
  }

  return (
    <View className="page">
      <Back />
      {ackBtn}
      {ackError}
      <ScriptRunner
        model={runner}
        title={script.title}
        outcome={<OutcomeView step={runner.step} />}
        onRestart={() => s.restart()}
      />
      {practice}
    </View>
  )
}

export default observer(RunPage)
