import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { rootStore } from '../../stores'
import { roleNames } from '../../domain/roles'
import { localClock } from '../../domain/time'
import { formatDay } from '../../domain/dates'
import { ui } from '../../services/ui'
import { DemoBadge } from '../../components/DemoBadge'
import './index.scss'

function HomePage() {
  const { session, home } = rootStore

  useDidShow(() => {
    if (!session.signedIn) {
      void ui.relaunch('/pages/login/index')
      return
    }
    void home.load()
  })
  usePullDownRefresh(() => void home.load())

  if (!session.staff) return <View className="page" />
  const t = home.today
  const shift = t?.shift

  return (
    <View className="page home">
      <View className="home-hello">
        <Text className="home-name">{session.staff.name}</Text>
        <Text className="tag">{roleNames(session.staff.roles)}</Text>
        <DemoBadge show={session.isDemo} />
        <Text className="muted home-estate">
          {session.estate?.name} · {formatDay(Date.now())}
        </Text>
      </View>

      <View className="card">
        {shift ? (
          <View>
            <Text className="card-title">在岗中：{shift.post}</Text>
            <Text className="muted">上岗时间 {localClock(shift.startedAt)}</Text>
            <Btn kind="danger" className="shift-btn" loading={home.acting} onClick={() => void home.endShift()}>
              下岗
            </Btn>
          </View>
        ) : (
          <View>
            <Text className="card-title">今天还没有上岗</Text>
            <View className="post-list">
              {(t?.posts ?? []).map((p) => (
                <Btn key={p} kind="primary" disabled={home.acting} onClick={() => void home.startShift(p)}>
                  {`上岗：${p}`}
                </Btn>
              ))}
            </View>
          </View>
        )}
      </View>

      {t && t.cards.length > 0 && (
        <View className="stat-row">
          {t.cards.map((c) => (
            <View key={c.key} className={`stat stat-${c.tone}`}>
              <Text className="stat-value">{c.value}</Text>
              <Text className="stat-title">
                {c.title}（{c.unit}）
              </Text>
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
    </View>
  )
}

export default observer(HomePage)
