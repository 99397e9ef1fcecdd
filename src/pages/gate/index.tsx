import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { PrivacyDialog } from '../../components/PrivacyDialog'
import { localClock } from '../../domain/time'
import { VISITOR_CASE_LABELS, VEHICLE_CASE_LABELS } from '../../domain/gate/entities'
import { formatPlate } from '../../domain/gate/plates'
import { handoverText, stayText } from '../../domain/gate/board'
import { ui } from '../../services/ui'
import { rootStore } from '../../stores'
import { useBackOnline } from '../online'
import { Chips, Toggle } from './components/Toggle'
import { LeaveRow } from './components/LeaveRow'
import { gate, GATE_URLS, now as clock } from './model'
import type { VehicleRow, VisitorRow } from './model'
import './gate.scss'
import { Back } from '../../components/Back'

const VisitorLine = observer(function VisitorLine({ v, now }: { v: VisitorRow; now: number }) {
  // not pre-ticked: one tap must not record an ID as returned that is still in the drawer
  const [idBack, setIdBack] = useState(false)
  const [cardBack, setCardBack] = useState(false)
  const where = v.room ? `访 ${v.room}` : (v.company ?? '')
  return (
    <LeaveRow
      overstay={v.overstay}
      title={`${v.name}${v.people > 1 ? ` 等${v.people}人` : ''}`}
      sub={`${VISITOR_CASE_LABELS[v.case]} · ${where} · ${localClock(v.inAt)} 进入 · 已停留${stayText(v.inAt, now)}${v.overstay ? ' · 超时' : ''}`}
      tags={
        <>
          {v.pending && <Text className="tag tag-warn">待上传</Text>}
          {v.blockHit && <Text className="tag tag-alert">{`黑名单：${v.blockHit.reason}`}</Text>}
        </>
      }
      action="离开"
      heading={`${v.name} 离开：请说"谢谢您的配合，请慢走"`}
      confirm="确认离开"
      onConfirm={() => {
        const ok = gate.checkOut(v, v.idDeposited ? idBack : false, v.cardNo ? cardBack : false)
        if (ok) void ui.toast('已登记离开', 'success')
        return ok
      }}
    >
      {v.idDeposited && <Toggle label={`已退还证件（${v.idDesc}）`} on={idBack} onChange={setIdBack} />}
      {v.cardNo && <Toggle label={`已收回来访卡 ${v.cardNo}`} on={cardBack} onChange={setCardBack} />}
      {((v.idDeposited && !idBack) || (v.cardNo && !cardBack)) && (
        <Text className="muted">没有勾选的记为未退还 / 未收回</Text>
      )}
    </LeaveRow>
  )
})

const VehicleLine = observer(function VehicleLine({ x, now }: { x: VehicleRow; now: number }) {
  // not pre-ticked: one tap must not record an ID as returned that is still in the drawer
  const [idBack, setIdBack] = useState(false)
  const [cardBack, setCardBack] = useState(false)
  return (
    <LeaveRow
      overstay={x.overstay}
      title={formatPlate(x.plate)}
      sub={`${VEHICLE_CASE_LABELS[x.case]}${x.deliverTo ? ` · 送货到 ${x.deliverTo}` : ''} · ${x.inAt ? localClock(x.inAt) : ''} 入场 · 已停留${stayText(x.inAt, now)}${x.overstay ? ' · 超时' : ''}`}
      tags={x.pending && <Text className="tag tag-warn">待上传</Text>}
      action="出场"
      confirm="确认出场"
      onConfirm={() => {
        const ok = gate.vehicleOut(x.plate, {
          visitId: x.pending ? undefined : x.id,
          idReturned: x.idDeposited ? idBack : undefined,
          cardCollected: x.icCardNo ? cardBack : undefined
        })
        if (ok) void ui.toast('已登记出场', 'success')
        return ok
      }}
    >
      {x.idDeposited && <Toggle label="已退还证件" on={idBack} onChange={setIdBack} />}
      {x.icCardNo && <Toggle label={`已收回停车IC卡 ${x.icCardNo}`} on={cardBack} onChange={setCardBack} />}
      {((x.idDeposited && !idBack) || (x.icCardNo && !cardBack)) && (
        <Text className="muted">没有勾选的记为未退还 / 未收回</Text>
      )}
    </LeaveRow>
  )
})

function GateHome() {
  const [shiftView, setShiftView] = useState(false)
  useDidShow(() => {
    void gate.load()
  })
  usePullDownRefresh(() => void gate.load())
  useBackOnline(() => void gate.load())
  const now = clock()
  const c = gate.counts
  const visitors = gate.visitorsInside
  const vehicles = gate.vehiclesInside
  const name = rootStore.session.staff?.name
  return (
    <View className="page">
      <Back />
      <View className="gate-bar">
        <Text className="card-title">{`门岗 · ${gate.gate}`}</Text>
        <Text className="muted">{name}</Text>
      </View>
      {gate.gates.length > 1 && (
        <Chips
          options={gate.gates.map((g) => ({ v: g, label: g }))}
          value={gate.gate}
          onPick={(g) => gate.chooseGate(g)}
        />
      )}
      <View className="counts">
        <View className={`count ${c.overstay ? 'count-alert' : ''}`}>
          <Text className="count-value">{c.insideNow}</Text>
          <Text className="count-title">{c.overstay ? `园内访客·${c.overstay}人超时` : '园内访客'}</Text>
        </View>
        <View className="count">
          <Text className="count-value">{c.visitorsIn}</Text>
          <Text className="count-title">今日进入</Text>
        </View>
        <View className="count">
          <Text className="count-value">{c.visitorsOut}</Text>
          <Text className="count-title">今日离开</Text>
        </View>
        <View className="count">
          <Text className="count-value">{c.vehiclesInside}</Text>
          <Text className="count-title">园内外来车</Text>
        </View>
        <View className="count">
          <Text className="count-value">{c.passesChecked}</Text>
          <Text className="count-title">核验通行证</Text>
        </View>
        <View className="count" onClick={() => setShiftView(!shiftView)}>
          <Text className="count-value">⇄</Text>
          <Text className="count-title">交班清单</Text>
        </View>
      </View>

      <View className="gate-actions">
        <View className="gate-action" hoverClass="key-hover" onClick={() => void ui.go(GATE_URLS.visitor)}>
          <Text className="gate-action-title">访客登记</Text>
          <Text className="gate-action-sub">按话术问清来意</Text>
        </View>
        <View className="gate-action" hoverClass="key-hover" onClick={() => void ui.go(GATE_URLS.pass)}>
          <Text className="gate-action-title">通行码</Text>
          <Text className="gate-action-sub">扫码或输入6位码</Text>
        </View>
        <View className="gate-action" hoverClass="key-hover" onClick={() => void ui.go(GATE_URLS.vehicle)}>
          <Text className="gate-action-title">车辆进出</Text>
          <Text className="gate-action-sub">业主车一键登记</Text>
        </View>
        <View className="gate-action" hoverClass="key-hover" onClick={() => void ui.go(GATE_URLS.goods)}>
          <Text className="gate-action-title">物品放行</Text>
          <Text className="gate-action-sub">核对放行条</Text>
        </View>
      </View>

      {gate.note && <Text className="muted">{gate.note}</Text>}
      {gate.refused.map((e) => (
        <View key={e.id} className="warn-box">
          {`服务器未接收：${e.summary}。${e.lastError?.message ?? ''}（到“我的”处理）`}
        </View>
      ))}

      {shiftView && (
        <View className="card">
          <Text className="card-title">交班清单</Text>
          <Text className="muted">
            {visitors.length + vehicles.length === 0
              ? '没有要交接的访客和外来车辆。'
              : `园内还有 ${visitors.length} 位访客、${vehicles.length} 辆外来车辆。在下面逐一登记离开，或把清单交给下一班。`}
          </Text>
          {handoverText(visitors, vehicles, gate.gate, now)
            .split('\n')
            // the headings of empty lists say nothing the line above did not
            .filter((l) => !/ 0 [位辆]：?$/.test(l))
            .slice(1)
            .map((l, i) => (
              <Text key={i} className={l.startsWith('- ') ? 'do-line' : 'block-title'}>
                {l}
              </Text>
            ))}
          <Btn
            kind="ghost"
            onClick={() => void ui.setClipboard(handoverText(visitors, vehicles, gate.gate, now))}
          >
            复制交班清单
          </Btn>
        </View>
      )}

      <View className="card">
        <Text className="card-title">{`园内访客（${visitors.length}）`}</Text>
        {visitors.length === 0 && <Text className="muted">园内没有访客</Text>}
        {visitors.map((v) => (
          <VisitorLine key={v.id} v={v} now={now} />
        ))}
      </View>
      <View className="card">
        <Text className="card-title">{`园内外来车辆（${vehicles.length}）`}</Text>
        {vehicles.length === 0 && <Text className="muted">园内没有外来车辆</Text>}
        {vehicles.map((x) => (
          <VehicleLine key={x.id} x={x} now={now} />
        ))}
      </View>
      {gate.error && <Text className="error-text">{gate.error}</Text>}
      <PrivacyDialog />
    </View>
  )
}

export default observer(GateHome)
