import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Image, Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { RoomPicker } from '../../../components/RoomPicker'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import { CATEGORIES, SEVERITY_LABELS, type Severity } from '../../../domain/work/model'
import { incidentSettled, incidentTag } from '../../../domain/work/lines'
import { formatWhen } from '../../../domain/dates'
import { serverPhotoUrl, takePhoto } from '../../../services/files'
import { ui } from '../../../services/ui'
import { askSubscribe } from '../../../services/subscribe'
import { rootStore } from '../../../stores'
import { work, now as clock } from '../model'
import '../index.scss'
import { Back } from '../../../components/Back'

/** After the tap: optional extras, never required. */
const Extras = observer(function Extras() {
  const last = work.last!
  const [note, setNote] = useState('')
  const [severity, setSeverity] = useState<Severity | undefined>(undefined)
  const [photos, setPhotos] = useState<string[]>([])
  const [room, setRoom] = useState('')
  const [phone, setPhone] = useState('')
  const owner = last.category.key === 'ownerRequest'
  const photo = async () => {
    const path = await takePhoto()
    if (!path) return
    setPhotos([...photos, await rootStore.photos.add(path)])
  }
  const finish = () => {
    if (work.addExtras({ note, severity, photoIds: photos, ownerRoom: room, ownerPhone: phone })) {
      work.last = undefined
      void ui.back()
    }
  }
  return (
    <View>
      <View className="ok-box">{`已记录：${last.category.icon} ${last.category.label}`}</View>
      {work.lastPending ? (
        <View className="warn-box">
          <Text style={{ display: 'block' }}>
            还没上传：手机没联网，已存在手机上，联网后自动上报，不用再报一次。
          </Text>
        </View>
      ) : (
        <Text className="muted">已上传，处理的人已收到</Text>
      )}
      {owner && (
        <View className="card">
          <Text className="card-title">业主的房号和电话（回访要用）</Text>
          <RoomPicker
            rooms={work.roomCache.rooms}
            value={room}
            onChange={setRoom}
            placeholder="房号，如 2-1-601"
          />
          <Field value={phone} type="number" maxlength={13} placeholder="业主电话" onChange={setPhone} />
        </View>
      )}
      {last.category.emergency && (
        <View className="warn-box">
          <Text style={{ display: 'block' }}>紧急情况，主管已收到通知。</Text>
          <Btn kind="danger" onClick={() => void ui.go('/pages/scripts/run/index?id=security.emergency')}>
            打开突发事件处理话术
          </Btn>
        </View>
      )}
      <View className="card">
        <Text className="card-title">可以补充（不填也行）</Text>
        <Btn kind="ghost" onClick={() => void photo()}>
          {photos.length ? `再拍一张（已拍 ${photos.length} 张）` : '拍照'}
        </Btn>
        <Field value={note} maxlength={300} placeholder="说明（可用语音输入）" onChange={setNote} />
        <View className="chips">
          {(['low', 'normal', 'high', 'urgent'] as const).map((s) => (
            <View
              key={s}
              className={`chip ${severity === s ? 'chip-on' : ''}`}
              onClick={() => setSeverity(severity === s ? undefined : s)}
            >
              {SEVERITY_LABELS[s]}
            </View>
          ))}
        </View>
        <Btn onClick={finish}>完成</Btn>
      </View>
    </View>
  )
})

function ReportPage() {
  useDidShow(() => {
    void work.load()
    work.loadRooms()
  })
  const now = clock()
  if (work.last)
    return (
      <View className="page">
        <Back />
        <Extras />
      </View>
    )
  return (
    <View className="page">
      <Back />
      <Text className="muted">点一下就上报，自动带上时间、地点和上报人</Text>
      <View className="cat-grid">
        {CATEGORIES.map((c) => (
          <View
            key={c.key}
            className={`cat ${c.emergency ? 'cat-emergency' : ''}`}
            hoverClass="cat-hover"
            onClick={() => {
              askSubscribe()
              work.report(c.key)
            }}
          >
            <Text className="cat-icon">{c.icon}</Text>
            <Text className="cat-label">{c.label}</Text>
          </View>
        ))}
      </View>
      {work.error && <Text className="error-text">{work.error}</Text>}
      <View className="card">
        <Text className="card-title">我报的事</Text>
        {work.reports.length === 0 && <Text className="muted">最近没有报事</Text>}
        {work.reports.map((r) => (
          <View key={r.id} className="rep-row">
            <Text className="rep-title">{`${r.category.icon} ${r.category.label} · ${formatWhen(r.at, now)}`}</Text>
            {r.pending ? (
              <Text className="tag tag-warn">待上传</Text>
            ) : (
              <Text className={`tag ${incidentSettled(r.server!.status) ? 'tag-ok' : ''}`}>
                {incidentTag(r.server!)}
              </Text>
            )}
            {r.server?.resolutionNote && (
              <Text className="muted">{`处理说明：${r.server.resolutionNote}`}</Text>
            )}
            {r.server?.afterPhotoIds?.map((p) => {
              const url = serverPhotoUrl(r.server?.afterPhotoFiles?.find((f) => f.id === p))
              return url ? <Image key={p} className="after-photo" src={url} mode="aspectFill" /> : null
            })}
          </View>
        ))}
      </View>
      <PrivacyDialog />
    </View>
  )
}

export default observer(ReportPage)
