import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import type { OutboxEntry } from '../../domain/outbox'
import { FIELD_LABELS } from '../../domain/validation'
import { formatAgo, formatWhen } from '../../domain/dates'
import { messageOf } from '../../stores/api'
import type { OutboxStore } from '../../stores/outbox'
import type { PhotoStore } from '../../stores/photos'
import { ui } from '../../services/ui'
import { Btn } from '../Btn'
import './index.scss'

/** Editable top-level text fields of a refused operation (ids are not for people to edit). */
function editableFields(e: OutboxEntry): string[] {
  const input = e.input as Record<string, unknown> | null
  if (!input || typeof input !== 'object') return []
  return Object.keys(input).filter((k) => typeof input[k] === 'string' && k !== 'id' && !/Id$/.test(k))
}

function statusText(e: OutboxEntry): string {
  if (e.status === 'sending') return '上传中'
  if (e.attempts > 0) return `待上传 · 已重试${e.attempts}次`
  return '待上传'
}

const Refused = observer(function Refused({
  e,
  outbox,
  now
}: {
  e: OutboxEntry
  outbox: OutboxStore
  now: number
}) {
  const fields = editableFields(e)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<Record<string, string>>({})
  const [error, setError] = useState('')

  const startEdit = () => {
    const input = e.input as Record<string, string>
    setDraft(Object.fromEntries(fields.map((k) => [k, input[k]])))
    setEditing(true)
  }
  const send = () => {
    try {
      outbox.resend(e.id, editing ? { ...(e.input as object), ...draft } : undefined)
      setEditing(false)
      setError('')
      void outbox.sync({ force: true })
    } catch (err) {
      setError(messageOf(err))
    }
  }
  const discard = async () => {
    if (await ui.confirm('放弃这条记录', `「${e.summary}」将从手机上删除，不会上传。确定放弃吗？`, '放弃'))
      outbox.discard(e.id)
  }

  return (
    <View className="sync-refused">
      <Text className="sync-item-title">{e.summary}</Text>
      <Text className="sync-refused-why">服务器未接收：{e.lastError?.message ?? '原因未知'}</Text>
      <Text className="muted">记录于 {formatWhen(e.deviceTime, now)}</Text>
      {editing &&
        fields.map((k) => (
          <View key={k} className="field">
            <Text className="muted">{FIELD_LABELS[k] ?? k}</Text>
            <Input
              className="input"
              value={draft[k]}
              onInput={(ev) => setDraft({ ...draft, [k]: ev.detail.value })}
            />
          </View>
        ))}
      {error && <Text className="error-text">{error}</Text>}
      <View className="sync-actions">
        {fields.length > 0 && !editing && (
          <Btn kind="ghost" className="sync-act" onClick={startEdit}>
            修改
          </Btn>
        )}
        <Btn kind="primary" className="sync-act" onClick={send}>
          {editing ? '保存并重发' : '重新发送'}
        </Btn>
        <Btn kind="danger" className="sync-act" onClick={() => void discard()}>
          放弃
        </Btn>
      </View>
    </View>
  )
})

/** 我的: what waits on this phone, what the server refused and why, and a sync-now button. */
export const SyncPanel = observer(function SyncPanel({
  outbox,
  photos,
  serverNote
}: {
  outbox: OutboxStore
  photos?: PhotoStore
  serverNote?: string
}) {
  const now = Date.now()
  const waiting = outbox.waiting
  const refused = outbox.refused
  const others = outbox.others.length
  let head: string
  if (outbox.syncing) head = '正在上传…'
  else if (waiting.length > 0) head = `${waiting.length} 条记录待上传`
  else if (refused.length > 0) head = `${refused.length} 条记录被服务器拒收，请处理`
  else
    head = outbox.lastSyncAt
      ? `已与服务器同步 · ${formatAgo(outbox.lastSyncAt, now)}`
      : (serverNote ?? '已与服务器同步')

  return (
    <View className="card sync-panel">
      <Text className="card-title">同步状态</Text>
      <Text
        className={`sync-head ${waiting.length + refused.length > 0 ? 'sync-head-warn' : 'sync-head-ok'}`}
      >
        {head}
      </Text>
      {outbox.lastSyncAt && waiting.length > 0 && (
        <Text className="muted">上次同步 {formatAgo(outbox.lastSyncAt, now)}</Text>
      )}
      {outbox.offlineReason && waiting.length > 0 && (
        <Text className="muted sync-offline">{outbox.offlineReason}</Text>
      )}
      {outbox.pausedForAuth && <Text className="error-text">登录已失效：重新登录后这些记录会自动上传</Text>}
      {outbox.nearStorageLimit && (
        <Text className="error-text">手机上待上传的记录较多，接近微信存储上限，请尽快联网上传</Text>
      )}
      {waiting.map((e) => (
        <View key={e.id} className="sync-item">
          <Text className="sync-item-title">{e.summary}</Text>
          <Text className="sync-item-meta">
            {formatWhen(e.deviceTime, now)} · {statusText(e)}
          </Text>
        </View>
      ))}
      {refused.map((e) => (
        <Refused key={e.id} e={e} outbox={outbox} now={now} />
      ))}
      {photos && photos.mine.filter((p) => p.status !== 'refused').length > 0 && (
        <View className="sync-item">
          <Text className="sync-item-title">
            {photos.mine.filter((p) => p.status !== 'refused').length} 张照片待上传
          </Text>
          <Text className="sync-item-meta">照片保存在手机上，联网后自动上传；记录已先保存</Text>
        </View>
      )}
      {photos?.mine
        // refused, or held by the daily upload quota (kept and retried; the reason is the server's)
        .filter((p) => p.status === 'refused' || p.lastCode === 'UPLOAD_QUOTA')
        .map((p) => (
          <View key={p.id} className="sync-refused">
            <Text className="sync-item-title">照片（{formatWhen(p.takenAt, now)}）</Text>
            <Text className="sync-refused-why">服务器未接收：{p.lastError}</Text>
            <Btn
              kind="danger"
              onClick={() =>
                void ui
                  .confirm('放弃这张照片', '照片将从手机上删除，不会上传。确定放弃吗？', '放弃')
                  .then((y) => {
                    if (y) void photos.discard(p.id)
                  })
              }
            >
              放弃这张照片
            </Btn>
          </View>
        ))}
      {others > 0 && (
        <Text className="muted">另有 {others} 条其他员工在这台手机上的记录，等本人登录后上传</Text>
      )}
      {waiting.length > 0 && (
        <Btn
          kind="primary"
          loading={outbox.syncing}
          onClick={() => {
            void outbox.sync({ force: true })
            void photos?.sync({ force: true })
          }}
        >
          立即同步
        </Btn>
      )}
    </View>
  )
})

/** Home: one line, only when something waits or was refused. */
export const SyncBar = observer(function SyncBar({
  outbox,
  onOpen
}: {
  outbox: OutboxStore
  onOpen: () => void
}) {
  const w = outbox.waiting.length
  const r = outbox.refused.length
  if (w === 0 && r === 0) return null
  return (
    <View className={`sync-bar ${r > 0 ? 'sync-bar-alert' : ''}`} onClick={onOpen}>
      <Text>
        {w > 0 ? `${w} 条待上传` : ''}
        {w > 0 && r > 0 ? ' · ' : ''}
        {r > 0 ? `${r} 条被拒收` : ''}
      </Text>
      <Text className="sync-bar-go">{outbox.syncing ? '上传中…' : '查看 ›'}</Text>
    </View>
  )
})

/**
 * Before signing out or ending a shift with operations still on the phone: list them, and
 * let the person sync now or keep them on the device.
 */
export const PendingDialog = observer(function PendingDialog({
  outbox,
  what,
  onProceed,
  onCancel
}: {
  outbox: OutboxStore
  what: string
  onProceed: () => void
  onCancel: () => void
}) {
  const list = outbox.mine
  const syncNow = async () => {
    await outbox.sync({ force: true })
    if (outbox.mine.length === 0) onProceed()
    else ui.toast(`还有 ${outbox.mine.length} 条未上传`)
  }
  return (
    <View className="dialog-mask">
      <View className="dialog">
        <Text className="card-title">还有 {list.length} 条记录没有上传</Text>
        <View className="dialog-list">
          {list.slice(0, 6).map((e) => (
            <Text key={e.id} className="dialog-line">
              · {e.summary}
              {e.status === 'refused' ? '（被拒收）' : ''}
            </Text>
          ))}
          {list.length > 6 && <Text className="muted">等共 {list.length} 条</Text>}
        </View>
        <Btn kind="primary" loading={outbox.syncing} onClick={() => void syncNow()}>
          立即同步
        </Btn>
        <Btn kind="ghost" onClick={onProceed}>
          {`保留在手机上，${what}`}
        </Btn>
        <Btn kind="ghost" onClick={onCancel}>
          取消
        </Btn>
      </View>
    </View>
  )
})
