import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { locate } from '../../../services/location'
import { ui } from '../../../services/ui'
import {
  EMPTY_CHECKPOINT_FORM,
  QUESTION_KIND_CHOICES,
  checkpointDraft,
  checkpointLine,
  radiusFromAccuracy
} from '../../../domain/patrol/setupForm'
import { patrolAdmin as p } from '../model'
import { QrSheet } from '../../../components/QrSheet'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import '../index.scss'
import './setup.scss'
import { Back } from '../../../components/Back'
import { SunKeys } from './SunKeys'
import { Routes } from './Routes'
import { Plans } from './Plans'
import { RemovePoint } from './RemovePoint'

const Checkpoints = observer(function Checkpoints() {
  const [f, setF] = useState(EMPTY_CHECKPOINT_FORM)
  const [pos, setPos] = useState<{ lat: number; lng: number; radiusM: number } | undefined>(undefined)
  const [locating, setLocating] = useState(false)
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v })
  const here = async () => {
    setLocating(true)
    const r = await locate(8000)
    setLocating(false)
    if ('position' in r) {
      const p0 = r.position
      setPos({ lat: p0.lat, lng: p0.lng, radiusM: radiusFromAccuracy(p0.accuracyM) })
    } else void ui.toast(`${r.reason}；位置可以不填`)
  }
  const add = async () => {
    const draft = checkpointDraft(f, pos)
    if (!draft) return
    const ok = await p.addCheckpoint(draft)
    if (ok) {
      setF(EMPTY_CHECKPOINT_FORM)
      setPos(undefined)
    }
  }
  return (
    <View className="card">
      <Text className="card-title">巡更点</Text>
      {(p.refs?.checkpoints ?? []).map((c) => (
        <View key={c.id} className="sup-row">
          <Text className="sup-row-title">{`${c.code} · ${c.name}`}</Text>
          <Text className="muted">{checkpointLine(c)}</Text>
          <SunKeys id={c.id} name={c.name} signedTag={c.signedTag} onSaved={() => p.loadRefs()} />
          <RemovePoint id={c.id} name={c.name} />
        </View>
      ))}
      <Field value={f.name} placeholder="巡更点名称" onChange={set('name')} />
      <Field value={f.building} placeholder="楼栋（可不填）" onChange={set('building')} />
      <Field value={f.floor} placeholder="楼层（可不填）" onChange={set('floor')} />
      <Field value={f.area} placeholder="区域（可不填）" onChange={set('area')} />
      <Text className="field-label">到点要回答的问题</Text>
      <View className="chips">
        {QUESTION_KIND_CHOICES.map(([k, label]) => (
          <View
            key={k}
            className={`chip ${f.kind === k ? 'chip-on' : ''}`}
            onClick={() => setF({ ...f, kind: k })}
          >
            {label}
          </View>
        ))}
      </View>
      <Field value={f.question} placeholder="问题，如 消防设施是否正常" onChange={set('question')} />
      {f.kind === 'choice' && (
        <View>
          <Field value={f.options} placeholder="选项，用逗号分开，如 关闭，打开" onChange={set('options')} />
          <Field value={f.bad} placeholder="哪一项算异常（如 打开）" onChange={set('bad')} />
        </View>
      )}
      {f.kind === 'number' && (
        <View>
          <Field value={f.min} type="digit" placeholder="正常范围下限" onChange={set('min')} />
          <Field value={f.max} type="digit" placeholder="正常范围上限" onChange={set('max')} />
        </View>
      )}
      <Field value={f.nfcTagId} placeholder="NFC 标签号（有才填）" onChange={set('nfcTagId')} />
      <Btn kind="ghost" loading={locating} onClick={() => void here()}>
        {pos ? `已取当前位置（范围 ${pos.radiusM} 米），重新获取` : '站在巡更点，用当前位置'}
      </Btn>
      <Btn onClick={() => void add()}>添加巡更点</Btn>
    </View>
  )
})

function PatrolSetup() {
  const [sheet, setSheet] = useState(false)
  useDidShow(() => void p.loadRefs())
  if (sheet)
    return (
      <View className="page">
        <Back />
        <Text className="muted">截图或打印后张贴在各巡更点；二维码带签名，不能伪造。</Text>
        <QrSheet items={p.sheet} />
        <Btn kind="ghost" onClick={() => setSheet(false)}>
          返回
        </Btn>
      </View>
    )
  return (
    <View className="page">
      <Back />
      {p.error && <Text className="error-text">{p.error}</Text>}
      <Btn
        onClick={() => {
          setSheet(true)
          void p.loadSheet()
        }}
      >
        巡更点二维码（打印张贴）
      </Btn>
      <Checkpoints />
      <Routes />
      <Plans />
      <PrivacyDialog />
    </View>
  )
}

export default observer(PatrolSetup)
