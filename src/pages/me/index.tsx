import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { rootStore } from '../../stores'
import type { SessionItem } from '../../domain/contract'
import { roleNames } from '../../domain/roles'
import { localClock, localDate } from '../../domain/time'
import { ui } from '../../services/ui'
import { DemoBadge } from '../../components/DemoBadge'
import { PendingDialog, SyncPanel } from '../../components/SyncPanel'
import './index.scss'

function MePage() {
  const { session, outbox, photos } = rootStore
  const [confirming, setConfirming] = useState(false)
  const [syncedAt, setSyncedAt] = useState<number | undefined>()
  // the devices signed in by bind code or demo (the browser version's; a build writes the platform in)
  const [devices, setDevices] = useState<SessionItem[]>([])

  useDidShow(() => {
    if (!session.signedIn) {
      void ui.relaunch('/pages/login/index')
      return
    }
    void session.refreshProfile().then(() => {
      if (!session.error) setSyncedAt(rootStore.now())
    })
    if (process.env.TARO_ENV !== 'weapp' && session.token)
      void rootStore.api('me.sessions', {}).then(setDevices, () => undefined)
  })

  const leave = async () => {
    setConfirming(false)
    await session.signOut()
    void ui.relaunch('/pages/login/index')
  }
  const signOut = async () => {
    if (outbox.mine.length > 0) {
      setConfirming(true)
      return
    }
    if (await ui.confirm('退出登录', '确定退出岗位通吗？')) await leave()
  }

  const s = session.staff
  if (!s) return <View className="page" />
  return (
    <View className="page me">
      <View className="card">
        <View className="me-name">
          <Text>{s.name}</Text>
          <DemoBadge show={session.isDemo} />
        </View>
        <View className="me-row">
          <Text className="muted">岗位</Text>
          <Text>{roleNames(s.roles)}</Text>
        </View>
        <View className="me-row">
          <Text className="muted">手机</Text>
          <Text>{s.phone}</Text>
        </View>
      </View>

      <View className="card">
        <Text className="card-title">任职小区</Text>
        {s.estates.map((e) => (
          <View
            key={e.id}
            className={`me-estate ${session.estate?.id === e.id ? 'me-estate-on' : ''}`}
            onClick={() => {
              // every screen follows: calls go to this estate; the home cards are fetched again now
              session.setEstate(e.id)
              void rootStore.home.load()
            }}
          >
            <Text>{e.name}</Text>
            <Text className="muted">{e.company}</Text>
          </View>
        ))}
      </View>

      {process.env.TARO_ENV !== 'weapp' && devices.length > 0 && (
        <View className="card">
          <Text className="card-title">登录设备</Text>
          {devices.map((d) => (
            <View key={d.id} className="me-row">
              <Text>{`${d.device}${d.current ? '（本机）' : ''}`}</Text>
              <Text className="muted">{`${localDate(d.createdAt)} ${localClock(d.createdAt)} 登录`}</Text>
            </View>
          ))}
        </View>
      )}

      <SyncPanel
        outbox={outbox}
        photos={photos}
        serverNote={
          session.error
            ? `未连上服务器：${session.error}`
            : syncedAt
              ? `已与服务器同步 ${localClock(syncedAt)}`
              : '正在连接服务器…'
        }
      />

      <Btn kind="danger" onClick={signOut}>
        退出登录
      </Btn>
      {confirming && (
        <PendingDialog
          outbox={outbox}
          what="退出登录"
          onProceed={() => void leave()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </View>
  )
}

export default observer(MePage)
