import { useEffect, useState, type ReactNode } from 'react'
import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import type { Step } from '../../domain/scripts/model'
import type { RoomTriple } from '../../domain/estates/roomPick'
import { Btn } from '../Btn'
import { Chips } from '../Chips'
import { RoomPicker } from '../RoomPicker'
import type { ScriptRunModel } from './model'

export { ScriptRunModel, type ScriptRunDeps } from './model'

export interface ScriptRunnerProps {
  /** the run to show and drive */
  model: ScriptRunModel
  /** the script's title above the step (the scripts pages; the gate shows its own heading) */
  title?: string
  /** shown instead of the branches once the run has reached an end */
  outcome?: ReactNode
  /** shows 重新开始 */
  onRestart?: () => void
  /** the estate's rooms on the phone: a room question is answered by their keys (else typed) */
  rooms?: readonly RoomTriple[]
  /** the page's own fields for this step, after the lines to say and before its question */
  fields?: ReactNode
}

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

const YES_NO = [
  { v: 'yes', label: '是' },
  { v: 'no', label: '否' }
]

const NO_ROOMS: readonly RoomTriple[] = []

/**
 * The step's question: chips for a choice or yes/no (tap again to clear), a text box for text,
 * the room keys for a room.
 */
const Ask = observer(function Ask({
  model,
  step,
  rooms
}: {
  model: ScriptRunModel
  step: Step
  rooms: readonly RoomTriple[]
}) {
  const ask = step.ask!
  const [text, setText] = useState(model.currentAnswer)
  const [note, setNote] = useState(model.currentNote)
  useEffect(() => {
    setText(model.currentAnswer)
    setNote(model.currentNote)
  }, [model.stepKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const value = model.currentAnswer
  return (
    <View className="card">
      <Text className="block-title">{`${ask.label}${ask.required ? '（必填）' : '（可不填）'}`}</Text>
      {ask.kind === 'room' ? (
        <RoomPicker
          key={model.stepKey}
          rooms={rooms}
          value={value}
          placeholder={ask.label}
          onChange={(label) => model.answer(label)}
        />
      ) : ask.kind === 'text' ? (
        <Input
          className="input"
          value={text}
          maxlength={100}
          placeholder={ask.label}
          onInput={(e) => {
            setText(e.detail.value)
            model.answer(e.detail.value)
          }}
        />
      ) : (
        <Chips
          options={ask.kind === 'yesno' ? YES_NO : (ask.options ?? []).map((o) => ({ v: o, label: o }))}
          value={value}
          onPick={(v) => model.answer(value === v ? '' : v)}
        />
      )}
      {ask.note && (
        <Input
          className="input ask-note"
          value={note}
          maxlength={100}
          placeholder={`${ask.note}（可不填）`}
          onInput={(e) => {
            setNote(e.detail.value)
            model.note(e.detail.value)
          }}
        />
      )}
    </View>
  )
})

/**
 * A script, one step at a time: the line to say first and largest, what to do, what never to
 * do, the step's question, then one tap per branch. The gate's visitor and vehicle pages and
 * the scripts pages run every script through this. Styles: ./index.scss, imported by the
 * stylesheets of the pages that show it (gate.scss, scripts/index.scss).
 */
function ScriptRunnerView({ model, title, outcome, onRestart, rooms = NO_ROOMS, fields }: ScriptRunnerProps) {
  const step = model.step
  const key = model.stepKey
  return (
    <View className="script-run">
      <View className="run-head">
        {title && <Text className="run-title">{title}</Text>}
        <Text className="step-title">{`第 ${model.stepNo} 步 · ${step.title ?? ''}`}</Text>
      </View>
      {model.say.length > 0 && (
        <View className="say-box">
          <Text className="say-label">请说</Text>
          {model.say.map((l, i) => (
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
            <Text key={d} className="do-line">{`• ${model.line(d)}`}</Text>
          ))}
        </View>
      )}
      {step.check && step.check.length > 0 && <Checks items={step.check} stepKey={key} />}
      {step.never && step.never.length > 0 && (
        <View className="never-box">
          <Text className="never-title">不允许</Text>
          {step.never.map((n) => (
            <Text key={n} className="never-line">{`✕ ${model.line(n)}`}</Text>
          ))}
        </View>
      )}
      {fields}
      {step.ask && !step.outcome && <Ask model={model} step={step} rooms={rooms} />}
      {step.outcome ? (
        outcome
      ) : (
        <View className="branches">
          {(step.branches ?? []).map((b, i) => (
            <Btn key={`${key}-${i}`} onClick={() => model.choose(i)}>
              {b.label}
            </Btn>
          ))}
          {step.next && <Btn onClick={() => model.next()}>下一步</Btn>}
        </View>
      )}
      {model.error && <Text className="error-text">{model.error}</Text>}
      {(model.canBack || onRestart) && (
        <View className="run-nav">
          {model.canBack && (
            <Btn kind="ghost" onClick={() => model.back()}>
              返回上一步
            </Btn>
          )}
          {onRestart && (
            <Btn kind="ghost" onClick={onRestart}>
              重新开始
            </Btn>
          )}
        </View>
      )}
    </View>
  )
}

export const ScriptRunner = observer(ScriptRunnerView)
