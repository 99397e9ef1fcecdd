import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { ROLE_LABELS, type Role } from '../../../domain/roles'
import { locate } from '../../../services/location'
import { ui } from '../../../services/ui'
import {
  EMPTY_CHECKPOINT_FORM,
  newPlanForm,
  QUESTION_KIND_CHOICES,
  WEEKDAY_NAMES,
  checkpointDraft,
  checkpointLine,
  planLine,
  planProblem,
  planReady,
  radiusFromAccuracy,
  routeLines,
  routeReady,
  toggled
} from '../../../domain/patrol/setupForm'
import { patrolAdmin as p } from '../model'
import { QrSheet } from '../../../components/QrSheet'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import '../index.scss'
import { Back } from '../../../components/Back'
import { SunKeys } from './SunKeys'

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

const Routes = observer(function Routes() {
  const [name, setName] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [ordered, setOrdered] = useState(true)
  const cps = p.refs?.checkpoints ?? []
  return (
    <View className="card">
      <Text className="card-title">路线</Text>
      {(p.refs?.routes ?? []).map((r) => {
        const line = routeLines(r, (id) => cps.find((c) => c.id === id)?.name)
        return (
          <View key={r.id} className="sup-row">
            <Text className="sup-row-title">{line.title}</Text>
            <Text className="muted">{line.detail}</Text>
          </View>
        )
      })}
      <Field value={name} placeholder="路线名称" onChange={setName} />
      <Text className="field-label">依次点选巡更点</Text>
      <View className="chips">
        {cps.map((c) => (
          <View
            key={c.id}
            className={`chip ${picked.includes(c.id) ? 'chip-on' : ''}`}
            onClick={() => setPicked(toggled(picked, c.id))}
          >
            {picked.includes(c.id) ? `${picked.indexOf(c.id) + 1}. ${c.name}` : c.name}
          </View>
        ))}
      </View>
      <View className="chips">
        <View className={`chip ${ordered ? 'chip-on' : ''}`} onClick={() => setOrdered(true)}>
          按顺序巡
        </View>
        <View className={`chip ${!ordered ? 'chip-on' : ''}`} onClick={() => setOrdered(false)}>
          不限顺序
        </View>
      </View>
      <Btn
        onClick={() =>
          void (routeReady(name, picked) ? p.addRoute(name, picked, ordered) : Promise.resolve(false)).then(
            (ok) => ok && (setName(''), setPicked([]))
          )
        }
      >
        添加路线
      </Btn>
    </View>
  )
})

const Plans = observer(function Plans() {
  const routes = p.refs?.routes ?? []
  const defaults = p.refs?.planDefaults
  const [f, setF] = useState(() => newPlanForm(defaults))
  const [planWhy, setPlanWhy] = useState('')
  // the estate's patrol settings arrive with the refs: a form not yet touched starts from them
  const [filledFrom, setFilledFrom] = useState(defaults)
  if (defaults !== filledFrom) {
    setFilledFrom(defaults)
    if (!f.name && !f.routeId) setF(newPlanForm(defaults))
  }

  return (
    <View className="card">
      <Text className="card-title">计划</Text>
      {(p.refs?.plans ?? []).map((pl) => (
        <View key={pl.id} className="sup-row">
          <Text className="sup-row-title">{pl.name}</Text>
          <Text className="muted">{planLine(pl, routes.find((r) => r.id === pl.routeId)?.name ?? '')}</Text>
        </View>
      ))}
      <Field value={f.name} placeholder="计划名称，如 夜间巡逻" onChange={(v) => setF({ ...f, name: v })} />
      <Text className="field-label">路线</Text>
      <View className="chips">
        {routes.map((r) => (
          <View
            key={r.id}
            className={`chip ${f.routeId === r.id ? 'chip-on' : ''}`}
            onClick={() => setF({ ...f, routeId: r.id })}
          >
            {r.name}
          </View>
        ))}
      </View>
      <Text className="field-label">星期</Text>
      <View className="chips">
        {WEEKDAY_NAMES.map((w, d) => (
          <View
            key={d}
            className={`chip ${f.days.includes(d) ? 'chip-on' : ''}`}
            onClick={() => setF({ ...f, days: toggled(f.days, d) })}
          >
            {w}
          </View>
        ))}
      </View>
      <Text className="field-label">时段（可跨零点）和间隔</Text>
      <Field value={f.start} placeholder="开始 HH:mm" onChange={(v) => setF({ ...f, start: v })} />
      <Field value={f.end} placeholder="结束 HH:mm" onChange={(v) => setF({ ...f, end: v })} />
      <View className="chips">
        {[60, 120, 180, 240].map((m) => (
          <View
            key={m}
            className={`chip ${f.everyMinutes === m ? 'chip-on' : ''}`}
            onClick={() => setF({ ...f, everyMinutes: m })}
          >
            {`每${m / 60}小时`}
          </View>
        ))}
      </View>
      <Text className="field-label">谁来巡</Text>
      <View className="chips">
        {(['patrol', 'guard'] as Role[]).map((r) => (
          <View
            key={r}
            className={`chip ${f.roles.includes(r) ? 'chip-on' : ''}`}
            onClick={() => setF({ ...f, roles: toggled(f.roles, r) })}
          >
            {ROLE_LABELS[r]}
          </View>
        ))}
      </View>
      <Text className="field-label">一轮用时（分钟）：最短、最长</Text>
      <Field
        value={String(f.minMinutes)}
        type="number"
        placeholder="最短"
        onChange={(v) => setF({ ...f, minMinutes: Number(v) || 0 })}
      />
      <Field
        value={String(f.maxMinutes)}
        type="number"
        placeholder="最长"
        onChange={(v) => setF({ ...f, maxMinutes: Number(v) || 0 })}
      />
      {planWhy && <Text className="error-text">{planWhy}</Text>}
      <Btn
        onClick={() => {
          setPlanWhy(planProblem(f) ?? '')
          // the server's refusal is shown here too, by the button, not only at the top of the page
          if (planReady(f))
            void p.addPlan(f).then((ok) => (ok ? setF({ ...f, name: '' }) : setPlanWhy(p.error)))
        }}
      >
        添加计划
      </Btn>
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
