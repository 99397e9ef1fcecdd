import { observer } from 'mobx-react-lite'
import { Picker, Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { DayNav } from '../../../components/DayNav'
import { localClock, localDate } from '../../../domain/time'
import { ui } from '../../../services/ui'
import { gateAdmin as g, now as clock, SHIFTS } from '../model'
import '../index.scss'
import '../gate.scss'
import { Chips } from '../../../components/Chips'
import { Back } from '../../../components/Back'

/** Events per hour as bars: busy hours stand out at a glance. */
const HourChart = observer(function HourChart() {
  const max = Math.max(1, ...g.hours)
  if (!g.hours.length) return null
  return (
    <View className="card">
      <Text className="card-title">{`每小时记录数 · 共 ${g.total} 条`}</Text>
      <View className="chart">
        {g.hours.map((n, h) => (
          <View key={h} className="chart-col">
            <Text className="chart-n">{n || ''}</Text>
            <View className="chart-bar" style={{ height: ui.px(Math.max(2, Math.round((n / max) * 200))) }} />
            <Text className="chart-h">{h % 3 === 0 ? h : ''}</Text>
          </View>
        ))}
      </View>
    </View>
  )
})

function GateLogPage() {
  useDidShow(() => {
    if (!g.refs) void g.loadRefs()
    void g.loadLog()
  })
  useReachBottom(() => void g.loadLog(true))
  const gates = g.refs?.gates ?? []
  return (
    <View className="page">
      <Back />
      <DayNav
        date={g.date}
        isToday={g.isToday}
        onMove={(n) => g.moveDay(n)}
        wrap={(label) => (
          <View className="day-pick">
            <Picker
              mode="date"
              value={g.date}
              end={localDate(clock())}
              onChange={(e) => g.setDate(String(e.detail.value))}
            >
              {label}
            </Picker>
          </View>
        )}
      />
      <View className="card">
        <Text className="field-label">类型</Text>
        <Chips
          options={[
            { v: '' as const, label: '全部' },
            { v: 'visitor' as const, label: '访客' },
            { v: 'vehicle' as const, label: '车辆' },
            { v: 'goods' as const, label: '物品' }
          ]}
          value={g.type}
          onPick={(v) => g.set('type', v)}
        />
        <Text className="field-label">岗亭</Text>
        <Chips
          options={[{ v: '', label: '全部' }, ...gates.map((x) => ({ v: x, label: x }))]}
          value={g.gate}
          onPick={(v) => g.set('gate', v)}
        />
        <Text className="field-label">时间</Text>
        <Chips options={SHIFTS} value={g.shift} onPick={(v) => g.setShift(v)} />
        <View className="range-row">
          <Picker
            mode="time"
            value={g.from || '00:00'}
            onChange={(e) => g.setRange(String(e.detail.value), g.to)}
          >
            <View className={`range-box ${g.shift ? '' : 'range-on'}`}>{`从 ${g.from || '00:00'}`}</View>
          </Picker>
          <Text className="muted">至</Text>
          <Picker
            mode="time"
            value={g.to || '23:59'}
            onChange={(e) => g.setRange(g.from, String(e.detail.value))}
          >
            <View className={`range-box ${g.shift ? '' : 'range-on'}`}>{`${g.to || '23:59'}`}</View>
          </Picker>
        </View>
        {g.guards.length > 0 && (
          <View>
            <Text className="field-label">门岗</Text>
            <Chips
              options={[{ v: '', label: '全部' }, ...g.guards.map((s) => ({ v: s.id, label: s.name }))]}
              value={g.by}
              onPick={(v) => g.set('by', v)}
            />
          </View>
        )}
        <Btn loading={g.exporting} onClick={() => void g.exportCsv()}>
          导出CSV
        </Btn>
        {g.message && <Text className="muted">{g.message}</Text>}
      </View>
      <HourChart />
      {g.error && <Text className="error-text">{g.error}</Text>}
      <View className="card">
        {g.items.length === 0 && !g.loading && <Text className="muted">这一天没有符合条件的记录</Text>}
        {g.items.map((i) => (
          <View key={i.id} className="sup-row">
            <Text className="sup-row-title">{`${localClock(i.at)} ${i.eventLabel} · ${i.subject}`}</Text>
            <Text className="muted">{`${i.detail} · ${i.gate} · ${i.byName}`}</Text>
            {i.timeDoubt && (
              <View>
                <Text className="error-text time-doubt">{i.timeDoubt}</Text>
              </View>
            )}
          </View>
        ))}
        {g.next && (
          <Btn kind="ghost" loading={g.loading} onClick={() => void g.loadLog(true)}>
            加载更多
          </Btn>
        )}
      </View>
    </View>
  )
}

export default observer(GateLogPage)
