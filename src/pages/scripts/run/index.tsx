import { useEffect, useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import type { Gender } from '../../../domain/scripts/placeholders'
import type { Step } from '../../../domain/scripts/model'
import { ui } from '../../../services/ui'
import { library, quizUrl, scripts } from '../lib'
import '../index.scss'

const GENDERS: { key: Gender; label: string }[] = [
  { key: 'male', label: '先生' },
  { key: 'female', label: '小姐' }
]

function GenderChips({ value, onPick }: { value?: Gender; onPick: (g: Gender) => void }) {
  return (
    <View className="chips">
      {GENDERS.map((g) => (
        <View
          key={g.key}
          className={`chip ${value === g.key ? 'chip-on' : ''}`}
          hoverClass="chip-hover"
          onClick={() => onPick(g.key)}
        >
          {g.label}
        </View>
      ))}
    </View>
  )
}

/** Before the first step: the names the lines use. Everything here may be skipped. */
const NamesForm = observer(function NamesForm() {
  const s = scripts
  const f = s.form
  const visitorLabel = s.needsHost ? '来访人姓氏' : '对方姓氏'
  return (
    <View className="card">
      <Text className="card-title title-block">开始前填一下称呼（可跳过）</Text>
      {s.needsVisitor && (
        <View className="field">
          <Text className="field-label">{`${visitorLabel}（话术里称呼对方）`}</Text>
          <Input
            className="input"
            value={f.surname}
            maxlength={4}
            placeholder={visitorLabel}
            onInput={(e) => s.setForm('surname', e.detail.value)}
          />
          <GenderChips value={f.gender} onPick={(g) => s.toggleGender('gender', g)} />
        </View>
      )}
      {s.needsHost && (
        <View className="field">
          <Text className="field-label">业主姓氏（打电话给业主时称呼）</Text>
          <Input
            className="input"
            value={f.hostSurname}
            maxlength={4}
            placeholder="业主姓氏"
            onInput={(e) => s.setForm('hostSurname', e.detail.value)}
          />
          <GenderChips value={f.hostGender} onPick={(g) => s.toggleGender('hostGender', g)} />
        </View>
      )}
      <Btn onClick={() => s.begin()}>开始</Btn>
      <Btn
        kind="ghost"
        onClick={() => {
          s.setForm('surname', '')
          s.setForm('hostSurname', '')
          s.setForm('gender', undefined)
          s.setForm('hostGender', undefined)
          s.begin()
        }}
      >
        跳过，直接开始
      </Btn>
    </View>
  )
})

/** Items to tick: a reminder for the person, not enforced. */
function Checks({ items, stepKey }: { items: string[]; stepKey: string }) {
  const [ticked, setTicked] = useState<number[]>([])
  useEffect(() => setTicked([]), [stepKey])
  return (
    <View className="card">
      <Text className="block-title">逐项确认</Text>
      {items.map((c, i) => {
        const on = ticked.includes(i)
        return (
          <View
            key={c}
            className="check-row"
            onClick={() => setTicked(on ? ticked.filter((x) => x !== i) : [...ticked, i])}
          >
            <View className={`check-box ${on ? 'check-box-on' : ''}`}>{on ? '✓' : ''}</View>
            <Text>{c}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** The step's question: chips for a choice or yes/no, a text box for text. */
const AskView = observer(function AskView({ step, stepKey }: { step: Step; stepKey: string }) {
  const s = scripts
  const ask = step.ask!
  const [text, setText] = useState(s.currentAnswer)
  useEffect(() => setText(s.currentAnswer), [stepKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const value = s.currentAnswer
  const options: { v: string; label: string }[] =
    ask.kind === 'yesno'
      ? [
          { v: 'yes', label: '是' },
          { v: 'no', label: '否' }
        ]
      : (ask.options ?? []).map((o) => ({ v: o, label: o }))
  return (
    <View className="card">
      <Text className="block-title">{`${ask.label}${ask.required ? '（必填）' : ''}`}</Text>
      {ask.kind === 'text' ? (
        <Input
          className="input"
          value={text}
          maxlength={100}
          placeholder={ask.label}
          onInput={(e) => {
            setText(e.detail.value)
            s.answer(e.detail.value)
          }}
        />
      ) : (
        <View className="chips">
          {options.map((o) => (
            <View
              key={o.v}
              className={`chip ${value === o.v ? 'chip-on' : ''}`}
              hoverClass="chip-hover"
              onClick={() => s.answer(value === o.v ? '' : o.v)}
            >
              {o.label}
            </View>
          ))}
        </View>
      )}
    </View>
  )
})

const OutcomeView = observer(function OutcomeView({ step }: { step: Step }) {
  const s = scripts
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
    </View>
  )
})

/** One script, one step at a time: the line to say first and largest, then one tap per branch. */
function RunPage() {
  const s = scripts
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  useLoad(() => {
    s.open(id)
    void s.loadAcks()
  })

  const script = s.script
  if (!script || script.id !== id) {
    return (
      <View className="page">
        {s.error && <Text className="error-text">{s.error}</Text>}
        <Btn kind="ghost" onClick={() => void ui.back()}>
          返回话术列表
        </Btn>
      </View>
    )
  }

  const ackBtn = s.needsAck(script) && (
    <Btn
      kind="danger"
      onClick={() => s.acknowledge(script.id) && void ui.toast('已确认阅读新版本', 'success')}
    >
      确认已阅读新版本
    </Btn>
  )
  const practice = (
    <Btn kind="ghost" onClick={() => void ui.go(quizUrl(script.id))}>
      练习
    </Btn>
  )

  if (!s.started) {
    return (
      <View className="page">
        <View className="card">
          <Text className="card-title title-block">{script.title}</Text>
          <Text className="muted">{library.toDisplayPunctuation(script.situation)}</Text>
        </View>
        {ackBtn}
        <NamesForm />
        {practice}
      </View>
    )
  }

  const step = s.step!
  const stepKey = `${s.stepNo}:${step.id}`
  return (
    <View className="page">
      <View className="run-head">
        <Text className="run-title">{script.title}</Text>
        <Text className="step-title">{`第 ${s.stepNo} 步 · ${step.title ?? ''}`}</Text>
      </View>

      {s.say.length > 0 && (
        <View className="say-box">
          <Text className="say-label">请说</Text>
          {s.say.map((l, i) => (
            <Text key={i} className="say-line">
              {l}
            </Text>
          ))}
        </View>
      )}

      {step.do && step.do.length > 0 && (
        <View className="card">
          <Text className="block-title">要做</Text>
          {step.do.map((d) => (
            <Text key={d} className="do-line">{`• ${library.toDisplayPunctuation(d)}`}</Text>
          ))}
        </View>
      )}

      {step.check && step.check.length > 0 && <Checks items={step.check} stepKey={stepKey} />}

      {step.never && step.never.length > 0 && (
        <View className="never-box">
          <Text className="never-title">不允许</Text>
          {step.never.map((n) => (
            <Text key={n} className="never-line">{`✕ ${library.toDisplayPunctuation(n)}`}</Text>
          ))}
        </View>
      )}

      {step.ask && !step.outcome && <AskView step={step} stepKey={stepKey} />}

      {step.outcome ? (
        <OutcomeView step={step} />
      ) : (
        <View className="branches">
          {(step.branches ?? []).map((b, i) => (
            <Btn key={`${stepKey}-${i}`} onClick={() => s.choose(i)}>
              {b.label}
            </Btn>
          ))}
          {step.next && <Btn onClick={() => s.next()}>下一步</Btn>}
        </View>
      )}

      {s.error && <Text className="error-text">{s.error}</Text>}

      <View className="run-nav">
        {s.canBack && (
          <Btn kind="ghost" onClick={() => s.back()}>
            返回上一步
          </Btn>
        )}
        <Btn kind="ghost" onClick={() => s.restart()}>
          重新开始
        </Btn>
      </View>
      {ackBtn}
      {practice}
    </View>
  )
}

export default observer(RunPage)
