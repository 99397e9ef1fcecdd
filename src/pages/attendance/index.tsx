import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Picker, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Back } from '../../components/Back'
import { Btn } from '../../components/Btn'
import { DayNav } from '../../components/DayNav'
import { exportBase64 } from '../../services/export'
import { ui } from '../../services/ui'
import { isWeapp } from '../../services/env'
import { localClock } from '../../domain/time'
import { DAY_STATUS_LABELS } from '../../domain/attendance/schedule'
import type { AttendanceRowOut } from '../../domain/contract/attendance'
import { attendance as a } from './model'
import './index.scss'

type Tab = 'day' | 'schedule' | 'month'
const TABS: { k: Tab; label: string }[] = [
  { k: 'day', label: '今日考勤' },
  { k: 'schedule', label: '排班' },
  { k: 'month', label: '月度导出' }
]
/** Monday first, as a Chinese week reads. */
const WEEK = [1, 2, 3, 4, 5, 6, 0]
const DAY_NAMES = ['日', '一', '二', '三', '四', '五', '六']
const BAD = new Set(['late', 'early', 'lateEarly', 'absent'])

function Row({ r }: { r: AttendanceRowOut }) {
  const times = [
    r.start !== undefined && r.end !== undefined
      ? `班次 ${localClock(r.start)}-${localClock(r.end)}`
      : '未排班',
    r.inAt !== undefined ? `上岗 ${localClock(r.inAt)}` : '',
    r.outAt !== undefined ? `下岗 ${localClock(r.outAt)}` : ''
  ].filter(Boolean)
  return (
    <View className={`at-row ${BAD.has(r.status) ? 'at-row-bad' : ''}`}>
      <View className="at-row-head">
        <Text className="at-name">{r.staffName}</Text>
        <Text className={`at-status at-${r.status}`}>{DAY_STATUS_LABELS[r.status]}</Text>
      </View>
      <Text className="muted at-line">{times.join(' · ')}</Text>
      {(r.lateMin > 0 || r.earlyMin > 0) && (
        <Text className="error-text at-line">
          {[r.lateMin > 0 ? `迟到 ${r.lateMin} 分钟` : '', r.earlyMin > 0 ? `早退 ${r.earlyMin} 分钟` : '']
            .filter(Boolean)
            .join('，')}
        </Text>
      )}
      {r.flags.length > 0 && <Text className="at-flag at-line">{`打卡存疑 · ${r.flags.join('；')}`}</Text>}
    </View>
  )
}

const DayView = observer(function DayView() {
  const d = a.day
  const posts = [...new Set((d?.rows ?? []).map((r) => r.post))]
  return (
    <View>
      <View className="card">
        <DayNav date={a.date} isToday={a.isToday} onMove={(n) => a.moveDay(n)} />
        {a.dayLoading && <Text className="muted">正在读取…</Text>}
        {a.dayError && <Text className="error-text">{a.dayError}</Text>}
        {d && (
          <View className="at-counts">
            {[
              { k: 'scheduled', label: '应到', n: d.counts.scheduled },
              { k: 'present', label: '已到', n: d.counts.present },
              { k: 'late', label: '迟到', n: d.counts.late },
              { k: 'early', label: '早退', n: d.counts.early },
              { k: 'absent', label: '缺勤', n: d.counts.absent },
              { k: 'flagged', label: '存疑', n: d.counts.flagged }
            ].map((c) => (
              <View key={c.k} className={`at-count at-count-${c.k} ${c.n > 0 ? 'at-count-on' : ''}`}>
                <Text className="at-count-n">{c.n}</Text>
                <Text className="at-count-label">{c.label}</Text>
              </View>
            ))}
          </View>
        )}
      </View>
      {d && d.rows.length === 0 && (
        <View className="card">
          <Text className="muted">这天没有排班，也没有人打卡</Text>
        </View>
      )}
      {posts.map((p) => (
        <View key={p} className="card at-post">
          <Text className="card-title">{p}</Text>
          {d!.rows
            .filter((r) => r.post === p)
            .map((r, i) => (
              <Row key={`${r.staffId}-${r.shiftId ?? i}`} r={r} />
            ))}
        </View>
      ))}
    </View>
  )
})

const ScheduleView = observer(function ScheduleView() {
  const name = (id: string) => a.people.find((p) => p.id === id)?.name ?? id
  return (
    <View>
      <View className="card">
        <Text className="card-title">岗位</Text>
        {a.posts.length === 0 && (
          <Text className="muted">还没有岗位：管理员在“小区设置”里添加门岗、岗亭</Text>
        )}
        <View className="at-chips">
          {a.posts.map((p) => (
            <Text
              key={p.postId}
              className={`at-chip ${p.postId === a.postId ? 'at-chip-on' : ''}`}
              onClick={() => a.pick(p.postId)}
            >
              {p.post}
            </Text>
          ))}
        </View>
      </View>
      {a.post && (
        <View className="card">
          <Text className="card-title">{`${a.post.post} 每周班次`}</Text>
          {a.slots.length === 0 && <Text className="muted">还没有班次</Text>}
          {a.slots.map((s, i) => (
            <View key={s.id} className="at-slot">
              <View className="at-slot-head">
                <Text className="at-slot-title">{`班次 ${i + 1}`}</Text>
                <Text className="at-remove" onClick={() => a.removeSlot(s.id)}>
                  删除
                </Text>
              </View>
              <View className="at-times">
                <Picker
                  mode="time"
                  value={s.start}
                  onChange={(e) => a.setTime(s.id, 'start', String(e.detail.value))}
                >
                  <View className="at-time">{`从 ${s.start}`}</View>
                </Picker>
                <Text className="muted">至</Text>
                <Picker
                  mode="time"
                  value={s.end}
                  onChange={(e) => a.setTime(s.id, 'end', String(e.detail.value))}
                >
                  <View className="at-time">{`${s.end <= s.start ? '次日 ' : ''}${s.end}`}</View>
                </Picker>
              </View>
              <View className="at-days">
                {WEEK.map((d) => (
                  <Text
                    key={d}
                    className={`at-day ${s.days.includes(d) ? 'at-chip-on' : ''}`}
                    onClick={() => a.toggleDay(s.id, d)}
                  >
                    {DAY_NAMES[d]}
                  </Text>
                ))}
              </View>
              <Text className="field-label">{`人员（${s.staffIds.map(name).join('、') || '未安排'}）`}</Text>
              <View className="at-chips">
                {a.people.map((p) => (
                  <Text
                    key={p.id}
                    className={`at-chip ${s.staffIds.includes(p.id) ? 'at-chip-on' : ''}`}
                    onClick={() => a.togglePerson(s.id, p.id)}
                  >
                    {p.name}
                  </Text>
                ))}
              </View>
            </View>
          ))}
          <Btn kind="ghost" className="at-btn" onClick={() => a.addSlot()}>
            添加班次
          </Btn>
          {a.scheduleError && <Text className="error-text at-line">{a.scheduleError}</Text>}
          {a.saved && <Text className="at-ok at-line">排班已保存</Text>}
          <Btn
            kind="primary"
            className="at-btn"
            disabled={!a.dirty}
            loading={a.saving}
            onClick={() => void a.save()}
          >
            保存排班
          </Btn>
          <Btn kind="ghost" className="at-btn" onClick={() => void a.loadSchedules()}>
            刷新
          </Btn>
        </View>
      )}
      {!a.post && a.scheduleError && <Text className="error-text at-line">{a.scheduleError}</Text>}
    </View>
  )
})

const MonthView = observer(function MonthView() {
  const xlsx = async () => {
    const f = await a.monthXlsx()
    if (f) await exportBase64(f.filename, f.data, f.mime).catch(() => ui.toast('没有导出，请重试'))
  }
  return (
    <View className="card">
      <Text className="card-title">月度考勤表</Text>
      <View className="day-nav">
        <Btn kind="ghost" className="day-btn" onClick={() => a.moveMonth(-1)}>
          上个月
        </Btn>
        <Text className="day-text">{a.month}</Text>
        <Btn kind="ghost" className="day-btn" onClick={() => a.moveMonth(1)}>
          下个月
        </Btn>
      </View>
      <Text className="muted at-line">每人每天一行：班次、上下岗时间、迟到、早退、缺勤与存疑</Text>
      <Btn kind="primary" className="at-btn" loading={a.exporting} onClick={() => void xlsx()}>
        {isWeapp ? '导出并分享 Excel' : '导出 Excel'}
      </Btn>
      {a.exported && (
        <Text className="at-ok at-line">{`已导出 ${a.exported.filename}（${a.exported.rows} 行）`}</Text>
      )}
      {a.exportError && <Text className="error-text at-line">{a.exportError}</Text>}
    </View>
  )
})

function AttendancePage() {
  const [tab, setTab] = useState<Tab>('day')
  useDidShow(() => {
    void a.loadDay()
    void a.loadSchedules()
  })
  return (
    <View className="page attendance">
      <Back />
      <View className="at-tabs">
        {TABS.map((t) => (
          <Text key={t.k} className={`at-tab ${tab === t.k ? 'at-tab-on' : ''}`} onClick={() => setTab(t.k)}>
            {t.label}
          </Text>
        ))}
      </View>
      {tab === 'day' && <DayView />}
      {tab === 'schedule' && <ScheduleView />}
      {tab === 'month' && <MonthView />}
    </View>
  )
}

export default observer(AttendancePage)
