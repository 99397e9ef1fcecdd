import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { answerCurrent, back, choose, current, next, start, type RunState } from '../../../domain/scripts/engine'
import { fill, toDisplayPunctuation, type FillContext } from '../../../domain/scripts/placeholders'
import type { Script } from '../../../domain/scripts/model'

/**
 * A gate script inline: the line to say in large text, what to do, and one tap per branch.
 * When the run reaches an end, `onEnd` gets the final state; the page turns its answers into
 * the record.
 */
export function ScriptSteps({
  script,
  init,
  fillCtx,
  onEnd
}: {
  script: Script
  /** a state to start from (e.g. a branch already taken) */
  init?: RunState
  fillCtx?: FillContext
  onEnd: (state: RunState) => void
}) {
  const [state, setState] = useState<RunState>(() => init ?? start(script, Date.now()))
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const step = current(script, state)
  const act = (f: () => RunState) => {
    try {
      const s = f()
      setError('')
      setText('')
      setState(s)
      if (current(script, s).outcome) onEnd(s)
    } catch (e) {
      setError(e instanceof Error ? e.message : '出了点问题')
    }
  }
  const withAnswer = (s: RunState) => (step.ask && text.trim() ? answerCurrent(script, s, text) : s)
  return (
    <View>
      <View className="run-head">
        <Text className="step-title">{`第 ${state.path.length} 步 · ${step.title ?? ''}`}</Text>
      </View>
      {step.say && step.say.length > 0 && (
        <View className="say-box">
          <Text className="say-label">请说</Text>
          {step.say.map((l, i) => (
            <Text key={i} className="say-line">
              {toDisplayPunctuation(fill(l, { now: Date.now(), ...fillCtx }))}
            </Text>
          ))}
        </View>
      )}
      {step.do && step.do.length > 0 && (
        <View className="card">
          <Text className="block-title">要做</Text>
          {step.do.map((d) => (
            <Text key={d} className="do-line">{`• ${toDisplayPunctuation(fill(d, fillCtx))}`}</Text>
          ))}
        </View>
      )}
      {step.never && step.never.length > 0 && (
        <View className="never-box">
          <Text className="never-title">不允许</Text>
          {step.never.map((n) => (
            <Text key={n} className="never-line">{`✕ ${toDisplayPunctuation(n)}`}</Text>
          ))}
        </View>
      )}
      {step.ask && !step.outcome && (
        <View className="card">
          <Text className="block-title">{`${step.ask.label}${step.ask.required ? '（必填）' : '（可不填）'}`}</Text>
          <Input className="input" value={text} placeholder={step.ask.label} onInput={(e) => setText(e.detail.value)} />
        </View>
      )}
      {!step.outcome && (
        <View className="branches">
          {(step.branches ?? []).map((b, i) => (
            <Btn key={`${state.path.length}-${i}`} onClick={() => act(() => choose(script, withAnswer(state), i, Date.now()))}>
              {b.label}
            </Btn>
          ))}
          {step.next && <Btn onClick={() => act(() => next(script, withAnswer(state), Date.now()))}>下一步</Btn>}
        </View>
      )}
      {error && <Text className="error-text">{error}</Text>}
      {state.path.length > 1 && !step.outcome && (
        <Btn kind="ghost" onClick={() => act(() => back(state))}>
          返回上一步
        </Btn>
      )}
    </View>
  )
}
