import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Canvas, Image, Text, Textarea, View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { DayNav } from '../../components/DayNav'
import { ui } from '../../services/ui'
import { isWeapp } from '../../services/env'
import { exportBase64 } from '../../services/export'
import { renderPicture, sharePicture } from '../../services/picture'
import { localClock } from '../../domain/time'
import { COMMENT_MAX, type DailyReport, type Level } from '../../domain/report/types'
import { categoryBars, deptBars, hourBars, patrolSegments } from './model/charts'
import { PICTURE_H, PICTURE_W } from './model/picture'
import { weekdayOf } from './model/pictureOf'
import { COMPARE_URL, report as rep, severalEstates } from './model'
import './index.scss'
import { Back } from '../../components/Back'

const CANVAS_ID = 'report-picture'

/** The headline figures, worst first, coloured by how they read. */
function Headlines({ r }: { r: DailyReport }) {
  return (
    <View className="rp-tiles">
      {r.headlines.map((h) => (
        <View key={h.key} className={`rp-tile rp-${h.level}`}>
          {/* a word (未记录) instead of a number: smaller, so it does not shout */}
          <Text className={`rp-tile-value ${/\d/.test(h.display) ? '' : 'rp-tile-word'}`}>{h.display}</Text>
          <Text className="rp-tile-label">{h.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** Visitors and cars by hour: 24 stacked bars. */
function HourChart({ r }: { r: DailyReport }) {
  const bars = hourBars(r)
  const peak = bars.reduce((a, b) => (b.visitors + b.vehicles > a.visitors + a.vehicles ? b : a), bars[0])
  return (
    <View className="card">
      <Text className="card-title rp-title">{`门岗：访客 ${r.gate.visitorsIn} 位 · 车辆 ${r.gate.vehiclesIn} 辆`}</Text>
      {peak.visitors + peak.vehicles > 0 && (
        <Text className="muted rp-line">{`高峰 ${peak.hour}时：访客 ${peak.visitors}，车辆 ${peak.vehicles}`}</Text>
      )}
      <View className="rp-hours">
        {bars.map((b) => (
          <View key={b.hour} className="rp-hour">
            <View className="rp-bar rp-bar-car" style={{ height: `${b.vehiclesPct}%` }} />
            <View className="rp-bar rp-bar-visitor" style={{ height: `${b.visitorsPct}%` }} />
          </View>
        ))}
      </View>
      <View className="rp-axis">
        {[0, 6, 12, 18].map((h) => (
          <Text key={h} className="rp-axis-h">{`${h}时`}</Text>
        ))}
      </View>
      <View className="rp-legend">
        <Text className="rp-key rp-key-visitor">访客</Text>
        <Text className="rp-key rp-key-car">车辆</Text>
      </View>
      <Text className="muted rp-line">
        {`收工时仍在园内：访客 ${r.gate.insideAtClose.visitors}，车辆 ${r.gate.insideAtClose.vehicles} · 通行证 ${r.gate.passesUsed} · 放行条 ${r.gate.slipsUsed} · 未放行 ${r.gate.refusals} · 黑名单 ${r.gate.blockHits}`}
      </Text>
    </View>
  )
}

/** Rounds done on time, late, incomplete and missed as one bar, with the counts. */
function PatrolChart({ r }: { r: DailyReport }) {
  const p = r.patrol
  const segs = patrolSegments(r)
  return (
    <View className="card">
      <Text className="card-title rp-title">
        {`巡更：完成 ${p.done}/${p.planned} 轮${p.coveragePct === null ? '' : ` · 覆盖率 ${p.coveragePct}%`}`}
      </Text>
      {p.planned === 0 ? (
        <Text className="muted">这天没有安排巡更</Text>
      ) : (
        <View className="rp-stack">
          {segs
            .filter((s) => s.count > 0)
            .map((s) => (
              <View key={s.key} className={`rp-seg rp-seg-${s.tone}`} style={{ width: `${s.pct}%` }} />
            ))}
        </View>
      )}
      <View className="rp-legend">
        {segs.map((s) => (
          <Text key={s.key} className={`rp-key rp-key-${s.tone}`}>{`${s.label} ${s.count}`}</Text>
        ))}
      </View>
      {p.flaggedScans > 0 && <Text className="error-text rp-line">{`打点存疑 ${p.flaggedScans} 次`}</Text>}
    </View>
  )
}

/** New incidents by category, and the open ones. */
function IncidentChart({ r }: { r: DailyReport }) {
  const i = r.incidents
  const bars = categoryBars(r)
  return (
    <View className="card">
      <Text className="card-title rp-title">{`报事：新 ${i.new} · 未结 ${i.openCount} · 超时 ${i.overdue}`}</Text>
      {bars.length === 0 && <Text className="muted">这天没有新报事</Text>}
      {bars.map((b) => (
        <View key={b.key} className="rp-row">
          <Text className="rp-row-label">{b.label}</Text>
          <View className="rp-row-track">
            <View className="rp-row-bar" style={{ width: `${b.pct}%` }} />
          </View>
          <Text className="rp-row-n">{b.count}</Text>
        </View>
      ))}
      {i.open.slice(0, 5).map((o) => (
        <Text key={o.id} className={`rp-line ${o.overdue ? 'error-text' : 'muted'}`}>
          {`${o.title} · ${o.ageHours} 小时${o.overdue ? ' · 超时' : ''}`}
        </Text>
      ))}
    </View>
  )
}

/** Tasks per department: done, late, rejected. */
function TaskChart({ r }: { r: DailyReport }) {
  const t = r.tasks
  const rows = deptBars(r)
  return (
    <View className="card">
      <Text className="card-title rp-title">{`任务：完成 ${t.done} · 超时 ${t.late} · 退回 ${t.rejected}`}</Text>
      {rows.length === 0 && <Text className="muted">这天没有任务</Text>}
      {rows.map((d) => (
        <View key={d.dept} className="rp-dept">
          <Text className="rp-row-label">{d.label}</Text>
          <View className="rp-dept-bars">
            {[
              { k: 'done', n: d.done, w: d.donePct, word: '完成' },
              { k: 'late', n: d.late, w: d.latePct, word: '超时' },
              { k: 'rejected', n: d.rejected, w: d.rejectedPct, word: '退回' }
            ].map((x) => (
              <View key={x.k} className="rp-row">
                <View className="rp-row-track">
                  <View className={`rp-row-bar rp-task-${x.k}`} style={{ width: `${x.w}%` }} />
                </View>
                <Text className="rp-row-n rp-row-word">{`${x.word} ${x.n}`}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}

function Others({ r }: { r: DailyReport }) {
  const h = r.handovers
  const a = r.attendance
  return (
    <View className="card">
      <Text className="card-title rp-title">交接班与考勤</Text>
      <Text className="rp-line">{`交接班 ${h.count} 次，已接 ${h.accepted}，有差异 ${h.withDifferences}`}</Text>
      {h.differences.slice(0, 5).map((d, i) => (
        <Text
          key={i}
          className="rp-line error-text"
        >{`${d.post} ${localClock(d.at)}：${d.lines.join('；')}`}</Text>
      ))}
      <Text className="rp-line">
        {a.recorded
          ? `考勤：迟到 ${a.late}，缺勤 ${a.absent}${a.absentNames.length ? `（${a.absentNames.join('、')}）` : ''}`
          : '考勤：未记录'}
      </Text>
    </View>
  )
}

const EVENT_TONE: Record<Level, string> = { bad: 'error-text', warn: 'rp-warn-text', ok: '', info: 'muted' }

function Events({ r }: { r: DailyReport }) {
  if (!r.events.length) return null
  return (
    <View className="card">
      <Text className="card-title rp-title">{`大事记 ${r.events.length} 条`}</Text>
      {r.events.map((e, i) => (
        <Text key={i} className={`rp-line ${EVENT_TONE[e.level]}`}>{`${localClock(e.at)} ${e.text}`}</Text>
      ))}
    </View>
  )
}

/** 主管点评: shown, or written (saved through the outbox: 待上传 while it waits). */
const Comment = observer(function Comment() {
  const c = rep.comment
  if (!rep.editing && c)
    return (
      <View className="card rp-comment">
        <Text className="card-title rp-title">{`主管点评 · ${c.byName}${c.waiting ? ' · 待上传' : ''}`}</Text>
        <Text className="rp-comment-text">{c.text}</Text>
        <Btn kind="ghost" className="rp-btn" onClick={() => rep.edit(true)}>
          修改点评
        </Btn>
      </View>
    )
  return (
    <View className="card rp-comment">
      <Text className="card-title rp-title">主管点评（分享前写一句）</Text>
      <Textarea
        className="rp-textarea"
        value={rep.draft}
        maxlength={COMMENT_MAX}
        placeholder="例如：东门早高峰加派一人，2栋漏巡已提醒"
        onInput={(e) => rep.setDraft(e.detail.value)}
      />
      {rep.commentError && <Text className="error-text">{rep.commentError}</Text>}
      <Btn kind="primary" className="rp-btn" onClick={() => void rep.saveComment()}>
        保存点评
      </Btn>
    </View>
  )
})

function ReportPage() {
  const [picture, setPicture] = useState('')
  const [busy, setBusy] = useState(false)
  useLoad(() => {
    setPicture('')
    void rep.load()
  })
  const r = rep.report

  const share = async () => {
    if (!r || busy) return
    setBusy(true)
    try {
      if (rep.editing && rep.draft.trim() && !(await rep.saveComment())) return
      const src = await renderPicture(CANVAS_ID, PICTURE_W, PICTURE_H, (ctx) => rep.paintOn(ctx))
      setPicture(src)
      await sharePicture(src, rep.pictureName)
    } catch (e) {
      const msg = (e as { errMsg?: string; message?: string }).errMsg ?? (e as Error).message ?? ''
      // the person closing WeChat's share menu is not an error
      if (!/cancel/i.test(msg)) void ui.toast('图片没有生成，请重试')
    } finally {
      setBusy(false)
    }
  }
  const xlsx = async () => {
    const f = await rep.xlsx()
    if (f) await exportBase64(f.filename, f.data, f.mime).catch(() => ui.toast('没有导出，请重试'))
  }
  const move = (d: -1 | 1) => {
    setPicture('')
    rep.move(d)
  }

  return (
    <View className="page report">
      <Back />
      <View className="card">
        <Text className="card-title">{`${r?.estateName ?? ''} 日报`}</Text>
        <DayNav
          date={rep.date}
          isToday={rep.isLatest}
          onMove={move}
          wrap={() => (
            <Text className="day-text">{`${rep.isLatest ? '昨天 ' : ''}${rep.date} ${rep.date ? weekdayOf(rep.date) : ''}`}</Text>
          )}
        />
        {rep.loading && <Text className="muted">正在读取…</Text>}
        {rep.offline ? (
          <Text className="error-text">没有网络：显示的是手机上保存的这份日报</Text>
        ) : (
          rep.error && <Text className="error-text">{rep.error}</Text>
        )}
      </View>
      {r && (
        <View>
          <Headlines r={r} />
          <HourChart r={r} />
          <PatrolChart r={r} />
          <IncidentChart r={r} />
          <TaskChart r={r} />
          <Others r={r} />
          <Events r={r} />
          <Comment />
          <Btn kind="primary" className="rp-btn" loading={busy} onClick={() => void share()}>
            {isWeapp ? '分享日报图片' : '生成日报图片'}
          </Btn>
          <Btn kind="ghost" className="rp-btn" loading={rep.exporting} onClick={() => void xlsx()}>
            导出Excel
          </Btn>
          {rep.exportError && <Text className="error-text">{rep.exportError}</Text>}
          {severalEstates() && (
            <Btn kind="ghost" className="rp-btn" onClick={() => void ui.go(COMPARE_URL)}>
              各小区对比
            </Btn>
          )}
          {picture && <Image className="rp-picture" src={picture} mode="aspectFit" />}
          <Text className="muted rp-line">{`${r.stored ? '已存档' : '现算'} · 生成于 ${localClock(r.generatedAt)}`}</Text>
        </View>
      )}
      {/* WeChat draws on a Canvas 2D node of the page (out of sight); H5 on an off-screen canvas */}
      {isWeapp && <Canvas type="2d" id={CANVAS_ID} className="rp-canvas" />}
    </View>
  )
}

export default observer(ReportPage)
