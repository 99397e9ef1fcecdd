import { useMemo, useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useLoad } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { gateVehicle } from '../../../domain/scripts/library/security'
import { answer, choose, start, type RunState } from '../../../domain/scripts/engine'
import { vehicleFromAnswers } from '../../../domain/gate/fromScript'
import { VEHICLE_CASE_LABELS } from '../../../domain/gate/entities'
import { idRef, type IdType } from '../../../domain/gate/idcard'
import { formatPlate, plateProblem } from '../../../domain/gate/plates'
import { blockRefusalReason } from '../../../domain/gate/rules'
import { dayClock } from '../../../domain/gate/when'
import { ScriptRunner, ScriptRunModel } from '../../../components/ScriptRunner'
import { PlateKeypad } from '../components/PlateKeypad'
import { IdInput } from '../components/IdInput'
import { BlockDecision } from '../components/BlockDecision'
import { Toggle } from '../components/Toggle'
import { gate, now } from '../model'
import '../gate.scss'
import { Back } from '../../../components/Back'

/** The outside vehicle's record after the script: ID and IC card when they were handed over. */
function OutsideForm({
  run,
  blockOverride,
  onDone
}: {
  run: RunState
  /** the guard's reason for letting a block-listed plate in */
  blockOverride?: string
  onDone: (id: string, words: string) => void
}) {
  const v = vehicleFromAnswers(run.answers)
  const [idType, setIdType] = useState<IdType>(v.idDeposited ? 'driving' : 'none')
  const [idNo, setIdNo] = useState('')
  const [card, setCard] = useState('')
  const [problem, setProblem] = useState('')
  const save = () => {
    let idDoc: { type: IdType; last4: string; hash?: string } | undefined
    if (idType !== 'none') {
      if (!gate.refs) return setProblem('手机上还没有门岗资料，请联网打开一次门岗页面')
      const r = idRef(idType, idNo, gate.refs.idSalt)
      if ('problem' in r) return setProblem(r.problem)
      idDoc = r
    }
    const id = gate.vehicleIn({
      plate: v.plate ?? '',
      case: v.case,
      deliverTo: v.deliverTo,
      idDoc,
      idDeposited: v.idDeposited,
      icCardNo: card.trim() || undefined,
      result: v.result,
      reason: v.reason,
      blockOverride
    })
    if (id)
      onDone(
        id,
        `${formatPlate(v.plate ?? '')}（${VEHICLE_CASE_LABELS[v.case]}）${v.result === 'admitted' ? '已登记入场' : v.result === 'redirected' ? '已指引到会所停车' : '已记录未放行'}`
      )
  }
  return (
    <View className="card">
      <View className={v.result === 'admitted' ? 'ok-box' : 'warn-box'}>
        {`${formatPlate(v.plate ?? '')} · ${VEHICLE_CASE_LABELS[v.case]} · ${v.result === 'admitted' ? '放行入场' : v.result === 'redirected' ? '指引到会所停车' : '未放行'}${v.reason ? '：' + v.reason : ''}`}
      </View>
      {v.idDeposited && <IdInput type={idType} number={idNo} onType={setIdType} onNumber={setIdNo} />}
      {v.icCardIssued && (
        <View className="field">
          <Text className="field-label">停车IC卡号</Text>
          <Field value={card} maxlength={20} placeholder="IC卡号" onChange={setCard} />
        </View>
      )}
      {problem && <Text className="error-text">{problem}</Text>}
      <Btn onClick={save}>{v.result === 'admitted' ? '登记入场' : '记录'}</Btn>
    </View>
  )
}

/** The record just made, confirmed until the next one: the plate, what was done, and whether it reached the server. */
interface Done {
  id: string
  words: string
  at: number
}

const RecordDone = observer(function RecordDone({ d }: { d: Done }) {
  const state = gate.recordState(d.id)
  return (
    <View className="vehicle-done">
      <View className="ok-box">{`✓ ${d.words} · ${dayClock(d.at, now())}`}</View>
      {state === 'waiting' ? (
        <View className="warn-box">
          未上传：手机没联网，记录已存在手机上，联网后自动上传，不用再登记一次。
        </View>
      ) : state === 'refused' ? (
        <View className="warn-box">服务器未接收这条记录，到“我的”查看原因。</View>
      ) : (
        <Text className="muted">{state === 'sending' ? '正在上传…' : '已上传'}</Text>
      )}
      <Text className="muted">下一辆车：直接输入车牌</Text>
    </View>
  )
})

function VehiclePage() {
  const [plate, setPlate] = useState('')
  const [driver, setDriver] = useState('')
  const [passengers, setPassengers] = useState('')
  const [script, setScript] = useState<RunState | undefined>(undefined)
  const [ended, setEnded] = useState<RunState | undefined>(undefined)
  // not pre-ticked: one tap must not record an ID as returned
  const [idBack, setIdBack] = useState(false)
  const [cardBack, setCardBack] = useState(false)
  /** a block-listed plate: the guard's written reason to let it in (undefined: not decided) */
  const [override, setOverride] = useState<string | undefined>(undefined)
  /** 入场 tapped for an owner car already on record as inside */
  const [askAgain, setAskAgain] = useState(false)
  /** the last record made here: shown above a cleared plate, ready for the next car */
  const [last, setLast] = useState<Done | undefined>(undefined)
  const runner = useMemo(
    () =>
      script &&
      new ScriptRunModel(gateVehicle, { now, context: () => ({ gate: gate.gate }), onEnd: setEnded }, script),
    [script]
  )
  useLoad(() => {
    if (!gate.refs) void gate.load()
  })
  const valid = plate.length >= 7 && !plateProblem(plate)
  const owner = valid ? gate.ownerCar(plate) : undefined
  const inside = valid ? gate.vehiclesInside.find((x) => x.plate === plate) : undefined
  const hits = valid ? gate.localBlockHits({ plate }) : []
  const ownerIn = valid && owner ? gate.ownerCarInside(plate) : undefined
  // 禁止入场 until the guard decides; a block-listed car already inside can still leave
  const mustDecide = hits.length > 0 && override === undefined && !inside && !ownerIn
  const ownerEntry = () =>
    done(
      gate.vehicleIn({
        plate,
        case: 'owner',
        driver: driver.trim() || undefined,
        passengers: passengers.trim() || undefined,
        idDeposited: false,
        result: 'admitted',
        blockOverride: override
      }),
      '业主车已登记入场'
    )
  const reset = () => {
    setOverride(undefined)
    setAskAgain(false)
    setPlate('')
    setDriver('')
    setPassengers('')
    setScript(undefined)
    setEnded(undefined)
  }
  /**
   * A record made: the plate is cleared for the next car (the keypad is ready at its province
   * keys), and the record stays confirmed above it, with its upload state, until the next one.
   */
  const done = (id: string | undefined, words: string) => {
    if (!id) return
    setLast({ id, words: `${formatPlate(plate)} ${words}`, at: now() })
    reset()
  }

  if (ended)
    return (
      <View className="page">
        <Back />
        <OutsideForm
          run={ended}
          blockOverride={override}
          onDone={(id, words) => {
            setLast({ id, words, at: now() })
            reset()
          }}
        />
      </View>
    )
  if (runner)
    return (
      <View className="page">
        <Back />
        <ScriptRunner model={runner} />
      </View>
    )

  return (
    <View className="page">
      <Back />
      <Text className="muted">{`车辆进出 · ${gate.gate}`}</Text>
      {last && <RecordDone d={last} />}
      <PlateKeypad
        value={plate}
        onChange={(p) => {
          setPlate(p)
          setOverride(undefined)
          setAskAgain(false)
        }}
      />
      {!mustDecide &&
        hits.map((h) => (
          <View key={h.entryId} className="warn-box">
            {`⚠ 黑名单车辆：${h.reason}${override ? `；放行原因：${override}` : ''}`}
          </View>
        ))}
      {mustDecide && (
        <BlockDecision
          lines={hits.map((h) => `⚠ 黑名单车辆（${formatPlate(plate)}）：${h.reason}`)}
          onAdmit={setOverride}
          onRefuse={() =>
            done(
              gate.vehicleIn({
                plate,
                case: owner ? 'owner' : 'business',
                idDeposited: false,
                result: 'refused',
                reason: blockRefusalReason(hits[0].reason)
              }),
              '已记录未放行'
            )
          }
        />
      )}
      {valid && owner && !mustDecide && (
        <View className="card">
          <Text className="card-title">{`业主车辆 · ${owner.room}${owner.ownerName ? ' ' + owner.ownerName : ''}`}</Text>
          <View className={ownerIn ? 'ok-box car-where' : 'kv car-where'}>
            {ownerIn
              ? `在园内${ownerIn.inAt ? ` · ${dayClock(ownerIn.inAt, now())} 入场` : ''}${ownerIn.pending ? '（待上传）' : ''}`
              : '不在园内（没有未出场的入场记录）'}
          </View>
          <Field value={driver} maxlength={20} placeholder="驾驶人（可不填）" onChange={setDriver} />
          <Field value={passengers} maxlength={60} placeholder="随行人（可不填）" onChange={setPassengers} />
          {askAgain && ownerIn ? (
            <View className="warn-box">
              <Text className="do-line">
                这辆车已在园内，没有出场记录，不能再登记入场。车在门口，说明上次出去时没有登记出场。
              </Text>
              <Btn kind="danger" onClick={ownerEntry}>
                上次出场未登记：结束上次，登记入场
              </Btn>
              <Btn kind="ghost" onClick={() => setAskAgain(false)}>
                取消
              </Btn>
            </View>
          ) : (
            <Btn onClick={() => (ownerIn ? setAskAgain(true) : ownerEntry())}>业主车入场</Btn>
          )}
          <Btn
            kind="ghost"
            onClick={() =>
              done(
                gate.vehicleLeaves(plate, {
                  driver: driver.trim() || undefined,
                  passengers: passengers.trim() || undefined
                }),
                '业主车已登记出场'
              )
            }
          >
            业主车出场
          </Btn>
        </View>
      )}
      {valid && !owner && inside && (
        <View className="card">
          <Text className="card-title">{`外来车辆在园内 · ${VEHICLE_CASE_LABELS[inside.case]}`}</Text>
          {inside.idDeposited && <Toggle label="已退还证件" on={idBack} onChange={setIdBack} />}
          {inside.icCardNo && (
            <Toggle label={`已收回停车IC卡 ${inside.icCardNo}`} on={cardBack} onChange={setCardBack} />
          )}
          <Btn
            onClick={() =>
              done(
                gate.vehicleLeaves(plate, {
                  visitId: inside.pending ? undefined : inside.id,
                  idReturned: inside.idDeposited ? idBack : undefined,
                  cardCollected: inside.icCardNo ? cardBack : undefined
                }),
                '外来车已登记出场'
              )
            }
          >
            外来车出场
          </Btn>
        </View>
      )}
      {valid && !owner && !inside && !mustDecide && (
        <View className="card">
          <Text className="muted">这辆车没有登记为业主车辆</Text>
          <Btn
            onClick={() => {
              const t = now()
              // The guard already knows it is an outside vehicle: start at "示意停车,询问来意".
              setScript(answer(choose(gateVehicle, start(gateVehicle, t), 1, t), 'plate', plate))
            }}
          >
            外来车辆入场（按话术）
          </Btn>
          <Btn kind="ghost" onClick={() => done(gate.vehicleLeaves(plate), '已登记出场（没有入场记录）')}>
            出场（没有入场记录）
          </Btn>
        </View>
      )}
      {gate.error && <Text className="error-text">{gate.error}</Text>}
    </View>
  )
}

export default observer(VehiclePage)
