import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { patrolAdmin as p } from '../patrolLib'
import { QrSheet } from '../patrol/index'
import '../index.scss'

const WEEK = ['日', '一', '二', '三', '四', '五', '六']

const Checkpoints = observer(function Checkpoints() {
  const [f, setF] = useState({ name: '', building: '', floor: '', area: '', question: '是否正常' })
  const set = (k: keyof typeof f) => (e: { detail: { value: string } }) => setF({ ...f, [k]: e.detail.value })
  return (
    <View className="card">
      <Text className="card-title">巡更点</Text>
      {(p.refs?.checkpoints ?? []).map((c) => (
        <View key={c.id} className="sup-row">
          <Text className="sup-row-title">{`${c.code} · ${c.name}`}</Text>
          <Text className="muted">{`${c.place}${c.questions.length ? ' · ' + c.questions.map((q) => q.label).join('、') : ''}`}</Text>
        </View>
      ))}
      <Input className="input" value={f.name} placeholder="巡更点名称" onInput={set('name')} />
      <Input className="input" value={f.building} placeholder="楼栋（可不填）" onInput={set('building')} />
      <Input className="input" value={f.floor} placeholder="楼层（可不填）" onInput={set('floor')} />
      <Input className="input" value={f.area} placeholder="区域（可不填）" onInput={set('area')} />
      <Input className="input" value={f.question} placeholder="到点要检查的问题（是/否）" onInput={set('question')} />
      <Btn
        onClick={() =>
          void (f.name.trim() ? p.addCheckpoint(f) : Promise.resolve(false)).then((ok) => ok && setF({ ...f, name: '', building: '', floor: '', area: '' }))
        }
      >
        添加巡更点
      </Btn>
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
      {(p.refs?.routes ?? []).map((r) => (
        <View key={r.id} className="sup-row">
          <Text className="sup-row-title">{`${r.name}${r.ordered ? '（按顺序）' : ''}`}</Text>
          <Text className="muted">{r.checkpointIds.map((id) => cps.find((c) => c.id === id)?.name ?? '?').join(' → ')}</Text>
        </View>
      ))}
      <Input className="input" value={name} placeholder="路线名称" onInput={(e) => setName(e.detail.value)} />
      <Text className="field-label">依次点选巡更点</Text>
      <View className="chips">
        {cps.map((c) => (
          <View key={c.id} className={`chip ${picked.includes(c.id) ? 'chip-on' : ''}`} onClick={() => setPicked(picked.includes(c.id) ? picked.filter((x) => x !== c.id) : [...picked, c.id])}>
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
      <Btn onClick={() => void (name.trim() && picked.length ? p.addRoute(name, picked, ordered) : Promise.resolve(false)).then((ok) => ok && (setName(''), setPicked([])))}>
        添加路线
      </Btn>
    </View>
  )
})

const Plans = observer(function Plans() {
  const routes = p.refs?.routes ?? []
  const [f, setF] = useState({ name: '', routeId: '', days: [0, 1, 2, 3, 4, 5, 6], start: '20:00', end: '06:00', everyMinutes: 120, minMinutes: 10, maxMinutes: 60 })
  return (
    <View className="card">
      <Text className="card-title">计划</Text>
      {(p.refs?.plans ?? []).map((pl) => (
        <View key={pl.id} className="sup-row">
          <Text className="sup-row-title">{pl.name}</Text>
          <Text className="muted">{`${routes.find((r) => r.id === pl.routeId)?.name ?? ''} · ${pl.start}–${pl.end} 每${pl.everyMinutes}分钟 · 周${pl.days.map((d) => WEEK[d]).join('')} · ${pl.minMinutes}–${pl.maxMinutes}分钟`}</Text>
        </View>
      ))}
      <Input className="input" value={f.name} placeholder="计划名称，如 夜间巡逻" onInput={(e) => setF({ ...f, name: e.detail.value })} />
      <Text className="field-label">路线</Text>
      <View className="chips">
        {routes.map((r) => (
          <View key={r.id} className={`chip ${f.routeId === r.id ? 'chip-on' : ''}`} onClick={() => setF({ ...f, routeId: r.id })}>
            {r.name}
          </View>
        ))}
      </View>
      <Text className="field-label">星期</Text>
      <View className="chips">
        {WEEK.map((w, d) => (
          <View key={d} className={`chip ${f.days.includes(d) ? 'chip-on' : ''}`} onClick={() => setF({ ...f, days: f.days.includes(d) ? f.days.filter((x) => x !== d) : [...f.days, d] })}>
            {w}
          </View>
        ))}
      </View>
      <Text className="field-label">时段（可跨零点）和间隔</Text>
      <Input className="input" value={f.start} placeholder="开始 HH:mm" onInput={(e) => setF({ ...f, start: e.detail.value })} />
      <Input className="input" value={f.end} placeholder="结束 HH:mm" onInput={(e) => setF({ ...f, end: e.detail.value })} />
      <View className="chips">
        {[60, 120, 180, 240].map((m) => (
          <View key={m} className={`chip ${f.everyMinutes === m ? 'chip-on' : ''}`} onClick={() => setF({ ...f, everyMinutes: m })}>
            {`每${m / 60}小时`}
          </View>
        ))}
      </View>
      <Btn onClick={() => void (f.name.trim() && f.routeId ? p.addPlan(f) : Promise.resolve(false)).then((ok) => ok && setF({ ...f, name: '' }))}>添加计划</Btn>
    </View>
  )
})

function PatrolSetup() {
  const [sheet, setSheet] = useState(false)
  useDidShow(() => void p.loadRefs())
  if (sheet)
    return (
      <View className="page">
        <Text className="muted">截图或打印后张贴在各巡更点；二维码带签名，不能伪造。</Text>
        <QrSheet />
        <Btn kind="ghost" onClick={() => setSheet(false)}>
          返回
        </Btn>
      </View>
    )
  return (
    <View className="page">
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
    </View>
  )
}

export default observer(PatrolSetup)
