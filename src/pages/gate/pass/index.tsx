import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import type { PassCheckOut } from '../../../domain/contract'
import { formatWhen } from '../../../domain/dates'
import { formatPlate } from '../../../domain/gate/plates'
import { ui } from '../../../services/ui'
import { CodeEntry } from '../components/CodeEntry'
import { gate, now as clock } from '../model'
import '../gate.scss'

const STATUS = { active: '有效', used: '已使用', revoked: '已作废' } as const

/** A pre-registered visitor: scan or type the code, see who it is for, one tap to let them in. */
function PassPage() {
  const [found, setFound] = useState<PassCheckOut | undefined>(undefined)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const now = clock()
  const lookup = async (code: string) => {
    setBusy(true)
    setFound(undefined)
    const r = await gate.passCheck(code)
    setBusy(false)
    if (typeof r === 'string') setError(r)
    else {
      setError('')
      setFound(r)
    }
  }
  const admit = () => {
    if (!found) return
    const p = found.pass
    const id = gate.checkIn({
      source: 'pass',
      passId: p.id,
      case: 'ownerGuest',
      name: p.visitorName,
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: p.people,
      // the look-up shows name and plate masked; the server stores the pass's own
      room: p.room,
      appointment: 'yes',
      result: 'admitted'
    })
    if (id) {
      void ui.toast('已登记进入', 'success')
      void ui.back()
    }
  }
  const p = found?.pass
  return (
    <View className="page">
      <CodeEntry kind="visitorPass" label="访客通行码" busy={busy} onCode={(c) => void lookup(c)} />
      {error && <View className="warn-box">{error}</View>}
      {p && (
        <View className="card">
          <Text className="card-title">{`${p.visitorName}${p.people > 1 ? ` 等${p.people}人` : ''}`}</Text>
          <View className="kv">
            <Text className="kv-k">拜访房号</Text>
            <Text>{p.room}</Text>
          </View>
          <View className="kv">
            <Text className="kv-k">有效时间</Text>
            <Text>{`${formatWhen(p.validFrom, now)} 至 ${formatWhen(p.validTo, now)}`}</Text>
          </View>
          {p.plate && (
            <View className="kv">
              <Text className="kv-k">车牌</Text>
              <Text>{formatPlate(p.plate)}</Text>
            </View>
          )}
          <View className="kv">
            <Text className="kv-k">状态</Text>
            <Text>{STATUS[p.status]}</Text>
          </View>
          <View className="kv">
            <Text className="kv-k">登记人</Text>
            <Text>{p.byName}</Text>
          </View>
          {p.note && <Text className="muted">{p.note}</Text>}
          {found.blockHits.map((h) => (
            <View key={h.entryId} className="warn-box">{`⚠ 黑名单（${h.matchedBy}相符）：${h.reason}`}</View>
          ))}
          {found.problem ? (
            <View className="warn-box">{`不能使用：${found.problem}`}</View>
          ) : (
            <Btn onClick={admit}>确认进入</Btn>
          )}
        </View>
      )}
      {gate.error && <Text className="error-text">{gate.error}</Text>}
      <PrivacyDialog />
    </View>
  )
}

export default observer(PassPage)
