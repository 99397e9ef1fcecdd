import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Picker, Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { formatPlate, normalizePlate } from '../../../domain/gate/plates'
import { blockFormProblem, ownerCarProblem, permitFormProblem, plusDays } from '../../../domain/gate/refs'
import { localDate } from '../../../domain/time'
import { ui } from '../../../services/ui'
import { gateAdmin as g, now as clock } from '../model'
import '../index.scss'
import '../gate.scss'
import { Back } from '../../../components/Back'

/** Asks before a removal, naming it and with the button saying what it does (移出, 注销, 删除). */
async function confirmThen(what: string, run: () => Promise<boolean>, button = '删除') {
  if ((await ui.confirm(what, `确定${what}吗？`, button)) && !(await run())) void ui.toast(g.takeError())
}

const BlockList = observer(function BlockList() {
  const [kind, setKind] = useState<'person' | 'plate'>('person')
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [idLast4, setIdLast4] = useState('')
  const [plate, setPlate] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState('')
  const add = async () => {
    const bad = blockFormProblem({ kind, name, phone, idNumber, idLast4, plate, reason })
    if (bad) return setProblem(bad)
    setProblem('')
    if (kind === 'plate') {
      if (await g.addBlockPlate(normalizePlate(plate), reason)) {
        setPlate('')
        setReason('')
      } else setProblem(g.takeError())
      return
    }
    const r = g.addBlockPerson({ name, phone, idNumber, idLast4, reason })
    if (r && (await r)) {
      setName('')
      setPhone('')
      setIdNumber('')
      setIdLast4('')
      setReason('')
    } else setProblem(g.takeError())
  }
  const list = g.refs?.blocklist ?? []
  return (
    <View className="card">
      <Text className="card-title">黑名单</Text>
      <Text className="muted">门岗登记或核验通行证时，姓名、手机号、证件号或车牌相符会提醒门岗。</Text>
      <View className="chips">
        <View className={`chip ${kind === 'person' ? 'chip-on' : ''}`} onClick={() => setKind('person')}>
          人员
        </View>
        <View className={`chip ${kind === 'plate' ? 'chip-on' : ''}`} onClick={() => setKind('plate')}>
          车辆
        </View>
      </View>
      {kind === 'person' ? (
        <View>
          <Field value={name} maxlength={20} placeholder="姓名" onChange={setName} />
          <Field value={phone} type="number" maxlength={13} placeholder="手机号" onChange={setPhone} />
          <Field
            value={idNumber}
            type="idcard"
            maxlength={18}
            placeholder="身份证号（只保存后四位和加密摘要）"
            onChange={setIdNumber}
          />
          {!idNumber && (
            <Field value={idLast4} maxlength={4} placeholder="或证件号后四位" onChange={setIdLast4} />
          )}
        </View>
      ) : (
        <Field value={plate} maxlength={10} placeholder="车牌，如 粤A66666" upper onChange={setPlate} />
      )}
      <Field value={reason} maxlength={100} placeholder="原因" onChange={setReason} />
      {problem && <Text className="error-text">{problem}</Text>}
      <Btn onClick={() => void add()}>加入黑名单</Btn>
      {list.map((b) => (
        <View key={b.id} className="sup-row ref-row">
          <View className="ref-main">
            <Text className="sup-row-title">
              {b.kind === 'plate'
                ? formatPlate(b.plate ?? '')
                : [b.name, b.phone, b.idLast4 ? `证件尾号${b.idLast4}` : ''].filter(Boolean).join(' · ')}
            </Text>
            <Text className="muted">{`${b.reason} · ${b.byName} ${localDate(b.at)}`}</Text>
          </View>
          <Text
            className="ref-del"
            onClick={() =>
              void confirmThen(
                `把 ${b.kind === 'plate' ? formatPlate(b.plate ?? '') : (b.name ?? '')} 移出黑名单`,
                () => g.removeBlock(b.id),
                '移出'
              )
            }
          >
            移出
          </Text>
        </View>
      ))}
    </View>
  )
})

const OwnerCars = observer(function OwnerCars() {
  const [plate, setPlate] = useState('')
  const [room, setRoom] = useState('')
  const [owner, setOwner] = useState('')
  const [problem, setProblem] = useState('')
  const add = async () => {
    const bad = ownerCarProblem(plate, room)
    if (bad) return setProblem(bad)
    setProblem('')
    if (await g.saveOwnerVehicle(normalizePlate(plate), room, owner)) {
      setPlate('')
      setRoom('')
      setOwner('')
    } else setProblem(g.takeError())
  }
  return (
    <View className="card">
      <Text className="card-title">业主车辆</Text>
      <Field value={plate} maxlength={10} placeholder="车牌，如 粤B12345" upper onChange={setPlate} />
      <Field value={room} maxlength={32} placeholder="房号，如 1-1-101" onChange={setRoom} />
      <Field value={owner} maxlength={20} placeholder="车主（可不填）" onChange={setOwner} />
      {problem && <Text className="error-text">{problem}</Text>}
      <Btn onClick={() => void add()}>登记业主车辆</Btn>
      {(g.refs?.ownerVehicles ?? []).map((o) => (
        <View key={o.id} className="sup-row ref-row">
          <View className="ref-main">
            <Text className="sup-row-title">{`${formatPlate(o.plate)} · ${o.room}`}</Text>
            {o.ownerName && <Text className="muted">{o.ownerName}</Text>}
          </View>
          <Text
            className="ref-del"
            onClick={() => void confirmThen(`删除 ${formatPlate(o.plate)}`, () => g.removeOwnerVehicle(o.id))}
          >
            删除
          </Text>
        </View>
      ))}
    </View>
  )
})

const Permits = observer(function Permits() {
  const [no, setNo] = useState('')
  const [holder, setHolder] = useState('')
  const [last4, setLast4] = useState('')
  const [company, setCompany] = useState('')
  const [room, setRoom] = useState('')
  const today = localDate(clock())
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(plusDays(today, 30))
  const [problem, setProblem] = useState('')
  const add = async () => {
    const bad = permitFormProblem({ no, holderName: holder, idLast4: last4, company, room })
    if (bad) return setProblem(bad)
    setProblem('')
    const r = g.savePermit({ no, holderName: holder, idLast4: last4, company, room, from, to })
    if (r && (await r)) {
      setNo('')
      setHolder('')
      setLast4('')
      setCompany('')
      setRoom('')
    } else setProblem(g.takeError())
  }
  return (
    <View className="card">
      <Text className="card-title">长期施工许可证</Text>
      <Field value={no} maxlength={30} placeholder="许可证编号" onChange={setNo} />
      <Field value={holder} maxlength={20} placeholder="持证人" onChange={setHolder} />
      <Field value={last4} maxlength={4} placeholder="持证人证件号后四位" onChange={setLast4} />
      <Field value={company} maxlength={40} placeholder="施工单位" onChange={setCompany} />
      <Field value={room} maxlength={32} placeholder="施工房号" onChange={setRoom} />
      <Text className="field-label">有效期</Text>
      <View className="range-row">
        <Picker mode="date" value={from} onChange={(e) => setFrom(String(e.detail.value))}>
          <View className="range-box">{from}</View>
        </Picker>
        <Text className="muted">至</Text>
        <Picker mode="date" value={to} start={from} onChange={(e) => setTo(String(e.detail.value))}>
          <View className="range-box">{to}</View>
        </Picker>
      </View>
      <View className="chips">
        {[30, 90, 180].map((d) => (
          <View
            key={d}
            className={`chip ${to === plusDays(from, d) ? 'chip-on' : ''}`}
            onClick={() => setTo(plusDays(from, d))}
          >
            {`${d}天`}
          </View>
        ))}
      </View>
      {problem && <Text className="error-text">{problem}</Text>}
      <Btn onClick={() => void add()}>登记施工证</Btn>
      {(g.refs?.permits ?? []).map((p) => (
        <View key={p.id} className="sup-row ref-row">
          <View className="ref-main">
            <Text className="sup-row-title">{`${p.no} · ${p.holderName}（尾号${p.idLast4}）`}</Text>
            <Text
              className={p.problem ? 'error-text' : 'muted'}
            >{`${p.company} · ${p.room} · ${localDate(p.validFrom)} 至 ${localDate(p.validTo)}${p.problem ? ' · ' + p.problem : ''}`}</Text>
          </View>
          <Text
            className="ref-del"
            onClick={() => void confirmThen(`注销施工证 ${p.no}`, () => g.removePermit(p.id), '注销')}
          >
            注销
          </Text>
        </View>
      ))}
    </View>
  )
})

function GateRefsPage() {
  useDidShow(() => void g.loadRefs())
  return (
    <View className="page">
      <Back />
      {g.error && <Text className="error-text">{g.error}</Text>}
      {g.waitingRefs > 0 && <Text className="muted">{`${g.waitingRefs} 条修改待上传，联网后生效`}</Text>}
      <BlockList />
      <OwnerCars />
      <Permits />
    </View>
  )
}

export default observer(GateRefsPage)
