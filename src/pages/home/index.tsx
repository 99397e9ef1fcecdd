import { useEffect, useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useDidHide, useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { rootStore } from '../../stores'
import { roleNames } from '../../domain/roles'
import { localClock } from '../../domain/time'
import { formatDay } from '../../domain/dates'
import { ui } from '../../services/ui'
import { inboxPage } from '../../domain/work/inbox'
import { EMERGENCY_WATCH_ROLES } from '../../domain/work/emergencyWatch'
import { buzz } from '../../services/alarm'
import { DemoBadge } from '../../components/DemoBadge'
import { PendingDialog, SyncBar } from '../../components/SyncPanel'
import './index.scss'

// lone-worker alerts and emergencies: who watches reads home again every 30 s while it is shown (the red banners)
let poll: ReturnType<typeof setInterval> | undefined
const buzzed = new Set<string>()
const stopPoll = () => poll && clearInterval(poll)

function HomePage() {
  const { session, home, outbox } = rootStore
  const [confirming, setConfirming] = useState(false)

  useDidShow(() => {
    if (!session.signedIn) {
      void ui.relaunch('/pages/login/index')
      return
    }
    void home.load()
    // where the phone is, sent with the next 上岗/下岗 (attendance flags a clock away from the post):
    // only for those who clock at a post (guards), never anyone else's; non-blocking (4 s timeout)
    const roles = (session.staff && session.staff.roles) || []
    void home.locateToClock(roles)
    stopPoll()
    if (roles.some((r) => EMERGENCY_WATCH_ROLES.includes(r)))
      poll = setInterval(() => void home.load(), 30_000)
  })
  useDidHide(stopPoll)
  usePullDownRefresh(() => void home.load())

  const guard = !!session.staff && session.staff.roles.includes('guard')
  const endShift = () => {
    // a guard's 下岗 is a handover (交接班 subpackage: the list, a note, then the clock-out)
    if (guard) void ui.go('/pages/handover/index?mode=out')
    // Other records still on the phone: say so before the shift ends.
    else if (outbox.mine.some((e) => !e.action.startsWith('shift.'))) setConfirming(true)
    else home.endShift()
  }
  // handovers waiting at the person's posts, less those this phone has accepted already
  const t = home.today
  const handovers = ((t && t.handovers) || []).filter(
    (x) => !outbox.mine.some((e) => (e.input as { handoverId?: string }).handoverId === x.id)
  )

  // red banners: lone-worker alerts and untaken emergencies, the oldest first (plain && and ||:
  // ?. and ?? cost the main package bytes once transpiled, as everywhere on this page)
  const em = (t && t.emergencies) || []
  const banners: { id: string; title: string; lines: string[]; at: number; url?: string }[] = [
    ...((t && t.safety) || []),
    ...em
  ].sort((a, b) => a.at - b.at)
  // a new emergency on screen: one vibration (each emergency once while the app runs)
  useEffect(() => {
    let fresh = 0
    for (const e of em) if (!buzzed.has(e.id)) fresh = buzzed.add(e.id).size
    if (fresh) buzz()
  }, [t]) // eslint-disable-line react-hooks/exhaustive-deps

  if (!session.staff) return <View className="page" />
  const shift = home.shift

  return (
    <View className="page home">
      <View className="home-hello">
        <Text className="home-name">{session.staff.name}</Text>
        <Text className="tag">{roleNames(session.staff.roles)}</Text>
        <DemoBadge show={session.isDemo} />
        <Text className="muted home-estate">
          {session.estate && session.estate.name} · {formatDay(rootStore.now())}
        </Text>
      </View>

      <SyncBar outbox={outbox} onOpen={() => void ui.tab('/pages/me/index')} />

      {banners.map((a) => (
        <View key={a.id} className="safety-banner" onClick={() => void ui.go(a.url || '/pages/safety/index')}>
          <Text className="safety-title">{a.title}</Text>
          {a.lines.map((l) => (
            <Text key={l} className="safety-line">
              {l}
            </Text>
          ))}
          <Text className="safety-go">点此查看并处理 ›</Text>
        </View>
      ))}

      <View
        className="report-btn"
        hoverClass="report-btn-hover"
        onClick={() => void ui.go('/pages/work/report/index')}
      >
        <Text className="report-btn-text">一键报事</Text>
        <Text className="report-btn-sub">漏水、灯坏、垃圾、可疑人员……点一下就上报</Text>
      </View>

      {home.inbox.length > 0 && (
        <View className="card inbox">
          <View className="inbox-head">
            <Text className="card-title">{`新消息 ${home.inbox.length}`}</Text>
            <Text className="inbox-clear" onClick={() => home.markRead(home.inbox.map((x) => x.id))}>
              全部已读
            </Text>
          </View>
          {home.inbox.slice(0, 5).map((x) => (
            <View
              key={x.id}
              className={`inbox-row inbox-${x.kind}`}
              onClick={() => {
                home.markRead([x.id])
                void ui.go(inboxPage(x.kind))
              }}
            >
              <Text>{x.title}</Text>
            </View>
          ))}
        </View>
      )}

      {handovers.map((x) => (
        <Btn
          key={x.id}
          kind="ghost"
          className="shift-btn"
          onClick={() => void ui.go(`/pages/handover/index?mode=in&post=${encodeURIComponent(x.post)}`)}
        >
          {`接班：${x.post}（${x.fromName} ${localClock(x.at)} 交）`}
        </Btn>
      ))}

      <View className="card">
        {shift ? (
          <View>
            <Text className="card-title">在岗中：{shift.post}</Text>
            <Text className="muted">
              上岗时间 {localClock(shift.startedAt)}
              {shift.pending ? ' · 待上传' : ''}
            </Text>
            {t && t.shift && t.shift._id === shift.id && t.shift.flags ? (
              <Text className="shift-flag">上岗打卡存疑：{t.shift.flags}（已记录，主管可见）</Text>
            ) : null}
            <Btn kind="danger" className="shift-btn" onClick={endShift}>
              下岗
            </Btn>
          </View>
        ) : (
          <View>
            <Text className="card-title">
              {home.endPending
                ? '已下岗 · 待上传'
                : t && t.lastOff
                  ? `今天已下岗 · ${t.lastOff.post} ${localClock(t.lastOff.endedAt)}`
                  : '今天还没有上岗'}
            </Text>
            <View className="post-list">
              {((t && t.posts) || []).map((p) => (
                <Btn key={p} kind="primary" onClick={() => home.startShift(p)}>
                  {`上岗：${p}`}
                </Btn>
              ))}
            </View>
            {home.where && (
              <Text className="muted clock-where">
                {home.where.where.position
                  ? `已取得位置（精度约 ${Math.round(home.where.where.position.accuracyM)} 米），随上岗打卡`
                  : `未取得位置：${home.where.where.noPositionReason || '原因未知'}（仍可上岗，记为存疑）`}
              </Text>
            )}
          </View>
        )}
      </View>

      {t && t.cards.length > 0 && (
        <View className="stat-row">
          {t.cards.map((c) => (
            <View key={c.key} className={`stat stat-${c.tone}`}>
              <Text className="stat-value">
                {c.value}
                <Text className="stat-unit">{c.unit}</Text>
              </Text>
              <Text className="stat-title">{c.title}</Text>
            </View>
          ))}
        </View>
      )}

      <View className="area-grid">
        {session.areas.map((a) => (
          <View key={a.key} className="area" hoverClass="area-hover" onClick={() => void ui.go(a.url)}>
            <Text className="area-title">{a.title}</Text>
            <Text className="area-desc">{a.desc}</Text>
          </View>
        ))}
      </View>

      {home.error && <Text className="error-text">{home.error}</Text>}
      {confirming && (
        <PendingDialog
          outbox={outbox}
          what="下岗"
          onProceed={() => {
            setConfirming(false)
            home.endShift()
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </View>
  )
}

export default observer(HomePage)
