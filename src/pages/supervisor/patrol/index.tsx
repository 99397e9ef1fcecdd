import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { DayNav } from '../../../components/DayNav'
import {
  timelinePoint,
  coverageLow,
  dayCountsLine,
  dayRoundLine,
  evidenceLine,
  roundTitle
} from '../../../domain/patrol/lines'
import { ui } from '../../../services/ui'
import { patrolAdmin as p } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

const TONE: Record<string, string> = {
  done: 'ok',
  inProgress: 'ok',
  missed: 'bad',
  late: 'bad',
  abandoned: 'warn',
  incomplete: 'warn',
  due: '',
  upcoming: 'dim'
}

/** One round's scans in order, each with its evidence. */
const Timeline = observer(function Timeline() {
  const d = p.detail!
  return (
    <View className="card">
      <Text className="card-title">{roundTitle(d.round)}</Text>
      {d.round.evaluation.flags.map((f) => (
        <Text key={f} className="flag">{`⚠ ${f}`}</Text>
      ))}
      {d.round.endReason && <Text className="muted">{`提前结束原因：${d.round.endReason}`}</Text>}
      {d.checkpoints.map((pt) => (
        <View key={pt.checkpointId} className="sup-row">
          <Text className="sup-row-title">{timelinePoint(pt)}</Text>
          {pt.scan && <Text className={`muted ev-${pt.scan.evidence.level}`}>{evidenceLine(pt.scan)}</Text>}
          {pt.scan?.anomalies.map((a) => (
            <Text key={a} className="flag">{`异常：${a}`}</Text>
          ))}
        </View>
      ))}
      <Btn kind="ghost" onClick={() => p.close()}>
        返回
      </Btn>
    </View>
  )
})

/** Coverage per route per day as bars: a gap shows at a glance. */
const Week = observer(function Week() {
  const w = p.week
  if (!w) return null
  return (
    <View className="card">
      <Text className="card-title">近7天覆盖率</Text>
      {w.routes.map((r) => (
        <View key={r.routeId}>
          <Text className="muted">{r.routeName}</Text>
          <View className="chart">
            {r.coverage.map((c, i) => (
              <View key={i} className="chart-col">
                <Text className="chart-n">{c === null ? '' : `${c}%`}</Text>
                <View
                  className={`chart-bar ${coverageLow(c) ? 'chart-low' : ''}`}
                  style={{ height: ui.px(Math.max(2, Math.round(((c ?? 0) / 100) * 200))) }}
                />
                <Text className="chart-h">{w.days[i].slice(5)}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
})

function PatrolOverview() {
  useDidShow(() => void p.load())
  const d = p.day
  if (p.detail)
    return (
      <View className="page">
        <Back />
        <Timeline />
      </View>
    )
  return (
    <View className="page">
      <Back />
      <DayNav date={p.date} isToday={p.isToday} onMove={(n) => p.moveDay(n)} />
      {p.error && <Text className="error-text">{p.error}</Text>}
      {d && (
        <View className="card">
          <Text className="card-title">{`覆盖率 ${d.counts.coverage}%`}</Text>
          <Text className="muted">{dayCountsLine(d.counts)}</Text>
        </View>
      )}
      {d?.plans.map((pl) => (
        <View key={pl.planId} className="card">
          <Text className="card-title">{`${pl.planName} · ${pl.routeName}`}</Text>
          {pl.rounds.map((r) => (
            <View
              key={r.slotStart}
              // a round done with doubts (late start, too quick, doubtful points or times) is not green
              className={`sup-row round-row tone-${r.state === 'done' && r.flags.length ? 'warn' : (TONE[r.state] ?? '')}`}
              onClick={() => r.roundId && void p.open(r.roundId)}
            >
              <Text className="sup-row-title">{dayRoundLine(r)}</Text>
              {r.flags.length > 0 && <Text className="muted">{r.flags.join('；')}</Text>}
            </View>
          ))}
        </View>
      ))}
      <Week />
      <Btn kind="ghost" onClick={() => void ui.go('/pages/supervisor/patrolsetup/index')}>
        巡更点、路线、计划设置
      </Btn>
    </View>
  )
}

export default observer(PatrolOverview)
