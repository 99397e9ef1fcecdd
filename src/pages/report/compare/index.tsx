import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { DayNav } from '../../../components/DayNav'
import type { CompareRow } from '../../../domain/report/types'
import { trendBars, trendSummary } from '../model/charts'
import { weekdayOf } from '../model/pictureOf'
import { TREND_FIGURES } from '../model/report'
import { compare as cmp } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

/** One estate of the day: its problems first (the headlines that are not ok), then its counts. */
const EstateCard = observer(function EstateCard({ row, rank }: { row: CompareRow; rank: number }) {
  const problems = row.headlines.filter((h) => (h.level === 'bad' || h.level === 'warn') && h.value)
  const counts = row.headlines.filter((h) => h.level === 'info' || h.level === 'ok')
  const t = cmp.trends[row.estateId]
  const bars = t ? trendBars(t, cmp.figure) : []
  const sum = trendSummary(bars)
  const label = TREND_FIGURES.find((f) => f.key === cmp.figure)?.label ?? ''
  const unit = cmp.figure === 'coveragePct' ? '%' : ''
  return (
    <View className="card rp-estate">
      <Text className="card-title rp-title">{`${rank}. ${row.estateName}`}</Text>
      {problems.length === 0 ? (
        <Text className="rp-line rp-ok-text">没有需要关注的问题</Text>
      ) : (
        <View className="rp-tiles rp-tiles-small">
          {problems.map((h) => (
            <View key={h.key} className={`rp-tile rp-${h.level}`}>
              <Text className="rp-tile-value">{h.display}</Text>
              <Text className="rp-tile-label">{h.label}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className="muted rp-line">{counts.map((h) => `${h.label} ${h.display}`).join(' · ')}</Text>
      <Text className="rp-line rp-trend-title">
        {`近${bars.length || 30}天${label}：昨天 ${sum.last ?? '—'}${sum.last === null ? '' : unit}，平均 ${sum.avg === null ? '—' : `${Math.round(sum.avg * 10) / 10}${unit}`}`}
      </Text>
      {cmp.trendErrors[row.estateId] && <Text className="error-text">{cmp.trendErrors[row.estateId]}</Text>}
      <View className="rp-trend">
        {bars.map((b) => (
          <View key={b.day} className="rp-trend-col">
            <View
              className={`rp-trend-bar ${b.value === null ? 'rp-trend-none' : ''}`}
              style={{ height: `${b.pct}%` }}
            />
          </View>
        ))}
      </View>
      {bars.length > 0 && (
        <View className="rp-axis">
          <Text className="rp-axis-h">{bars[0].day.slice(5)}</Text>
          <Text className="rp-axis-h rp-axis-end">{bars[bars.length - 1].day.slice(5)}</Text>
        </View>
      )}
    </View>
  )
})

function ComparePage() {
  useLoad(() => void cmp.load())
  return (
    <View className="page report">
      <Back />
      <View className="card">
        <Text className="card-title">各小区同一天（问题多的在前）</Text>
        <DayNav
          date={cmp.date}
          isToday={cmp.isLatest}
          onMove={(d) => cmp.move(d)}
          wrap={() => (
            <Text className="day-text">{`${cmp.isLatest ? '昨天 ' : ''}${cmp.date} ${cmp.date ? weekdayOf(cmp.date) : ''}`}</Text>
          )}
        />
        {cmp.loading && <Text className="muted">正在读取…</Text>}
        {cmp.error && <Text className="error-text">{cmp.error}</Text>}
        <Text className="muted rp-line">走势看哪一项：</Text>
        <View className="rp-chips">
          {TREND_FIGURES.map((f) => (
            <View
              key={f.key}
              className={`rp-chip ${cmp.figure === f.key ? 'rp-chip-on' : ''}`}
              onClick={() => cmp.setFigure(f.key)}
            >
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>
      </View>
      {cmp.rows.map((row, i) => (
        <EstateCard key={row.estateId} row={row} rank={i + 1} />
      ))}
    </View>
  )
}

export default observer(ComparePage)
