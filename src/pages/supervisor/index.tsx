import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { rootStore } from '../../stores'
import { overview as scripts } from '../scripts/model'
import { ui } from '../../services/ui'
import { patrolAlert } from '../../domain/patrol/alerts'
import { outdatedLine, runLine, type OverviewLine } from '../../domain/scripts/overview'
import { overstayLines } from '../../domain/gate/board'
import { lockoutLine } from '../../domain/guard/limits'
import { formatWhen } from '../../domain/dates'
import { localClock } from '../../domain/time'
import { AreaHeader } from '../../components/AreaHeader'
import { gateAdmin, now as clock, patrolAdmin } from './model'
import { handoverDay } from '../handover/model'
import './index.scss'
import { Back } from '../../components/Back'

const MENU = [
  { title: '员工管理', desc: '新增员工、生成微信绑定码', url: '/pages/supervisor/staff/index' },
  { title: '小区管理', desc: '新建小区、大门和岗亭、导入房间表格', url: '/pages/admin/index' },
  {
    title: '门岗日志',
    desc: '当天的访客、车辆、物品记录，可筛选、导出CSV',
    url: '/pages/supervisor/gatelog/index'
  },
  { title: '门岗资料', desc: '黑名单、业主车辆、长期施工证', url: '/pages/supervisor/gaterefs/index' },
  {
    title: '报事与任务',
    desc: '未结报事、超时任务、验收、派任务和周期任务',
    url: '/pages/supervisor/work/index'
  },
  {
    title: '巡更情况',
    desc: '今天各轮巡更、漏巡迟到、打点可信度、近7天覆盖率',
    url: '/pages/supervisor/patrol/index'
  },
  { title: '日报', desc: '昨天的日报：图表、点评、分享图片、导出Excel', url: '/pages/report/index' }
]

function Line({ line }: { line: OverviewLine }) {
  return (
    <View className="sup-row">
      <Text className="sup-row-title">{line.title}</Text>
      <Text className="muted">{line.detail}</Text>
    </View>
  )
}

/** 话术确认情况: who has new script versions to confirm, and the latest runs. */
const ScriptsOverview = observer(function ScriptsOverview() {
  const people = scripts.outdatedStaff
  const now = clock()
  return (
    <View className="card">
      <Text className="card-title sup-sub-first">话术确认情况</Text>
      {scripts.error && <Text className="error-text">{scripts.error}</Text>}
      {people.length === 0 && !scripts.loading && !scripts.error && (
        <Text className="muted">{'\n'}所有人都已确认最新版本。</Text>
      )}
      {people.map((p) => (
        <Line key={p.staffId} line={outdatedLine(p)} />
      ))}
      <Text className="card-title sup-sub">最近使用</Text>
      {scripts.recentRuns.length === 0 && <Text className="muted">还没有话术使用记录。</Text>}
      {scripts.recentRuns.slice(0, 20).map((r) => (
        <Line key={r.id} line={runLine(r, now)} />
      ))}
    </View>
  )
})

/** Visitors still inside past the estate's limit: the supervisor sees them first. */
const Overstay = observer(function Overstay() {
  const list = gateAdmin.overstaying
  if (!list.length) return null
  const card = overstayLines(list, gateAdmin.board?.overstayHours ?? 4, clock())
  return (
    <View className="card overstay-card">
      <Text className="card-title">{card.title}</Text>
      {card.rows.map((r, i) => (
        <View key={list[i].id} className="sup-row">
          <Text className="sup-row-title">{r.title}</Text>
          <Text className="muted">{r.detail}</Text>
        </View>
      ))}
    </View>
  )
})

/** People locked out after too many wrong codes: the supervisor sees them and lifts the lockout. */
const Lockouts = observer(function Lockouts() {
  const list = gateAdmin.lockouts
  if (!list.length) return null
  const now = clock()
  return (
    <View className="card overstay-card">
      <Text className="card-title">{`输错锁定 ${list.length} 个`}</Text>
      {list.map((l) => (
        <View key={l.id} className="sup-row">
          <Text className="sup-row-title">{lockoutLine(l, (t) => formatWhen(t, now))}</Text>
          <Text
            className="link"
            onClick={() =>
              void ui
                .confirm('解除锁定？', '解除后可以再次查询，解除会记入操作记录')
                .then((yes) => yes && gateAdmin.liftLockout(l.id))
            }
          >
            解除锁定
          </Text>
        </View>
      ))}
    </View>
  )
})

/** Missed and late rounds today: on the supervisor's first screen. */
const PatrolAlerts = observer(function PatrolAlerts() {
  const c = patrolAdmin.day?.counts
  const alert = c && patrolAlert(c)
  if (!c || !alert) return null
  return (
    <View className="card overstay-card" onClick={() => void ui.go('/pages/supervisor/patrol/index')}>
      <Text className="card-title">{alert}</Text>
      <Text className="muted">{`覆盖率 ${c.coverage}% · 点此查看`}</Text>
    </View>
  )
})

/** 今日交接班: each post's handovers, who took over, and the differences they noted. */
const Handovers = observer(function Handovers() {
  const list = handoverDay.list
  return (
    <View className="card">
      <Text className="card-title">{`今日交接班 ${list.length} 次`}</Text>
      {handoverDay.error && <Text className="error-text">{handoverDay.error}</Text>}
      {list.map((x) => (
        <View key={x.id} className="sup-row">
          <Text className="sup-row-title">
            {`${x.post} · ${x.fromName} ${localClock(x.at)} 交 → ${x.toName ? `${x.toName} 接` : '待接班'}`}
          </Text>
          {x.note && (
            <View>
              <Text className="muted">{`备注：${x.note}`}</Text>
            </View>
          )}
          {x.differences.map((d) => (
            <View key={d.key}>
              <Text className="error-text">{`差异 ${d.text}`}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
})

function SupervisorEntry() {
  const { session } = rootStore
  useDidShow(() => {
    void scripts.load()
    void gateAdmin.loadBoard()
    void gateAdmin.loadLockouts()
    void patrolAdmin.load()
    void handoverDay.load()
  })
  return (
    <View className="page">
      <Back />
      <AreaHeader title="主管" desc={`${session.estate?.name ?? ''} 的员工、派单与日报`} />
      <Overstay />
      <Lockouts />
      <PatrolAlerts />
      {MENU.map((m) => (
        <View key={m.url} className="sup-item" hoverClass="sup-item-hover" onClick={() => void ui.go(m.url)}>
          <Text className="sup-title">{m.title}</Text>
          <Text className="muted">{m.desc}</Text>
        </View>
      ))}
      <Handovers />
      <ScriptsOverview />
    </View>
  )
}

export default observer(SupervisorEntry)
