import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import type { PassCheckOut } from '../../../domain/contract'
import { blockRefusalReason } from '../../../domain/gate/rules'
import { validityText } from '../../../domain/gate/when'
import { formatPlate } from '../../../domain/gate/plates'
import { ui } from '../../../services/ui'
import { BlockDecision } from '../components/BlockDecision'
import { CodeEntry } from '../components/CodeEntry'
import { gate, now as clock } from '../model'
import '../gate.scss'
import { Back } from '../../../components/Back'

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
  const admit = (blockOverride?: string) => {
    if (!found) return
    const p = found.pass
    const turnedAway = blockOverride === undefined && found.blockHits.length > 0
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
      ...(turnedAway
        ? { result: 'refused' as const, reason: blockRefusalReason(found.blockHits[0].reason) }
        : { result: 'admitted' as const, blockOverride })
    })
    if (id) {
      void ui.toast(turnedAway ? '已记录未放行' : '已登记进入', 'success')
      void ui.back()
    }
  }
  const p = found?.pass
  return (
    <View className="page">
      <Back />
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
            <Text className="kv-k">人数</Text>
            <Text>{`${p.people}人`}</Text>
          </View>
          {(p.visitorPhone || p.phoneLast4) && (
            <View className="kv">
              <Text className="kv-k">手机号</Text>
              <Text>{p.visitorPhone ?? `尾号 ${p.phoneLast4}（请访客核对）`}</Text>
            </View>
          )}
          <View className="kv">
            <Text className="kv-k">有效时间</Text>
            <Text>{validityText(p.validFrom, p.validTo, now)}</Text>
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
          {found.problem ? (
            <View className="warn-box">{`不能使用：${found.problem}`}</View>
          ) : found.blockHits.length > 0 ? (
            <BlockDecision
              lines={found.blockHits.map((h) => `⚠ 黑名单（${h.matchedBy}相符）：${h.reason}`)}
              onAdmit={(why) => admit(why)}
              onRefuse={() => admit()}
            />
          ) : (
            <Btn onClick={() => admit()}>确认进入</Btn>
          )}
        </View>
      )}
      {gate.error && <Text className="error-text">{gate.error}</Text>}
      <PrivacyDialog />
    </View>
  )
}

export default observer(PassPage)
