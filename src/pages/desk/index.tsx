import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { PrivacyDialog } from '../../components/PrivacyDialog'
import { QrCode } from '../../components/QrCode'
import { qrText } from '../../domain/gate/qr'
import { ui } from '../../services/ui'
import { desk, now as clock } from './model'
import {
  goodsFormInput,
  goodsSlipRow,
  passRow,
  PASS_WINDOWS,
  passFormInput,
  passWindow,
  windowText,
  type DeskRow,
  type PassWindow
} from '../../domain/gate/desk'
import './index.scss'
import { Chips } from '../../components/Chips'
import { Stepper } from '../../components/Stepper'
import { RoomPicker } from '../../components/RoomPicker'
import { Back } from '../../components/Back'

/** The code big, its QR, and what to do with it. */
const Shown = observer(function Shown() {
  const p = desk.shownPass
  const g = desk.shownGoods
  if (!desk.shown) return null
  if (!p && !g && !desk.isWaiting(desk.shown.id)) return null
  if (!p && !g)
    return (
      <View className="card">
        <Text className="card-title">已保存，联网后生成6位码</Text>
        <Text className="muted">记录已保存在手机上，上传后这里会显示通行码和二维码。</Text>
        <Btn kind="ghost" onClick={() => desk.hide()}>
          完成
        </Btn>
      </View>
    )
  const code = p ? p.code : g!.code
  return (
    <View className="card shown">
      <Text className="card-title">
        {p ? `${p.visitorName} 的访客通行证` : `${g!.holderName} 的物品放行条`}
      </Text>
      <Text className="big-code">{code}</Text>
      <View className="qr-wrap">
        <QrCode text={qrText(p ? 'visitorPass' : 'goodsSlip', code)} />
      </View>
      <Text className="muted">
        {p
          ? `请把6位通行码告诉访客，或让访客截图二维码；到门岗出示即可。有效：${windowText(p, clock())}`
          : `放行条编号 ${code}，${g!.date} 当天有效。门岗扫码或输入编号核对物品。`}
      </Text>
      <Btn kind="ghost" onClick={() => void ui.setClipboard(code)}>
        复制6位码
      </Btn>
      <Btn kind="ghost" onClick={() => desk.hide()}>
        完成
      </Btn>
    </View>
  )
})

/** The window the chip means, spelled out, so nobody has to work it out. */
function WindowText({ when }: { when: PassWindow }) {
  const now = clock()
  const w = passWindow(when, now)
  return <Text className="muted window-text">{`有效：${windowText(w, now)}`}</Text>
}

/** A record still on this phone: waiting to upload, or refused by the server (with why, and a way to give it up). */
function WaitingRow({ title, refused, onDrop }: { title: string; refused?: string; onDrop: () => void }) {
  return (
    <View className="list-row">
      <View className="list-main">
        <Text className="list-title">{title}</Text>
        {refused && <Text className="error-text">{`未被接收：${refused}`}</Text>}
      </View>
      <Text className="tag tag-warn">{refused ? '未被接收' : '待上传'}</Text>
      {refused && (
        <Text className="list-act" onClick={onDrop}>
          放弃
        </Text>
      )}
    </View>
  )
}

/**
 * The recent passes or goods slips: the ones still on this phone first, then the server's, each
 * opened big with a tap and voided while it can still be used.
 */
const RecentList = observer(function RecentList({
  kind,
  what,
  waiting,
  rows
}: {
  kind: 'pass' | 'goods'
  /** 通行证 / 放行条 */
  what: string
  waiting: { opId: string; title: string; refused?: string }[]
  rows: DeskRow[]
}) {
  const confirmRevoke = async (id: string) => {
    if (!(await ui.confirm('作废', `作废后这张${what}不能再使用，确定作废吗？`, '作废'))) return
    const ok = kind === 'pass' ? await desk.revokePass(id) : await desk.revokeGoods(id)
    if (!ok) void ui.toast(desk.error)
  }
  const confirmDrop = async (opId: string) => {
    if (await ui.confirm('放弃', '服务器没有接收这条记录，放弃后不再上传。确定放弃吗？', '放弃'))
      desk.drop(opId)
  }
  return (
    <View className="card">
      <Text className="card-title">{`最近的${what}`}</Text>
      {waiting.map((w) => (
        <WaitingRow
          key={w.opId}
          title={w.title}
          refused={w.refused}
          onDrop={() => void confirmDrop(w.opId)}
        />
      ))}
      {rows.length === 0 && waiting.length === 0 && <Text className="muted">{`还没有${what}。`}</Text>}
      {rows.map((r) => (
        <View key={r.id} className="list-row">
          <View className="list-main" onClick={() => desk.show(kind, r.id)}>
            <Text className="list-title">{r.title}</Text>
            <Text className="muted">{r.sub}</Text>
          </View>
          <Text className={`tag ${r.revocable ? '' : 'tag-warn'}`}>
            {desk.isRevoking(r.id) ? '作废待上传' : r.status}
          </Text>
          {r.revocable && !desk.isRevoking(r.id) && (
            <Text className="list-act" onClick={() => void confirmRevoke(r.id)}>
              作废
            </Text>
          )}
        </View>
      ))}
    </View>
  )
})

const PassForm = observer(function PassForm() {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [room, setRoom] = useState('')
  const [people, setPeople] = useState(1)
  const [plate, setPlate] = useState('')
  const [when, setWhen] = useState<PassWindow>('today')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const r = passFormInput({ name, phone, room, people, plate, when, note }, clock())
    if (!r.ok) return setProblem(r.problem)
    setProblem('')
    setBusy(true)
    const id = await desk.createPass(r.input)
    setBusy(false)
    if (id) {
      setName('')
      setPhone('')
      setRoom('')
      setPeople(1)
      setPlate('')
      setNote('')
    }
  }
  return (
    <View className="card">
      <Text className="card-title">新建访客通行证</Text>
      <Field value={name} maxlength={20} placeholder="访客姓名" onChange={setName} />
      <Field
        value={phone}
        type="number"
        maxlength={13}
        placeholder="访客手机号（可不填）"
        onChange={setPhone}
      />
      <Text className="field-label">拜访房号</Text>
      <RoomPicker rooms={desk.rooms} value={room} placeholder="拜访房号，如 2-1-302" onChange={setRoom} />
      <Text className="field-label">人数</Text>
      <Stepper value={people} max={999} onChange={setPeople} />
      <Field value={plate} maxlength={10} placeholder="车牌（开车来才填）" upper onChange={setPlate} />
      <Text className="field-label">有效期</Text>
      <Chips options={PASS_WINDOWS} value={when} onPick={setWhen} />
      <WindowText when={when} />
      <Field value={note} maxlength={100} placeholder="备注（可不填）" onChange={setNote} />
      {(problem || desk.error) && <Text className="error-text">{problem || desk.error}</Text>}
      <Btn loading={busy} onClick={() => void submit()}>
        生成通行证
      </Btn>
    </View>
  )
})

const GoodsForm = observer(function GoodsForm() {
  const [kind, setKind] = useState<'owner' | 'contractor'>('owner')
  const [name, setName] = useState('')
  const [room, setRoom] = useState('')
  const [items, setItems] = useState<{ name: string; qty: number }[]>([{ name: '', qty: 1 }])
  const [signer, setSigner] = useState('')
  const [day, setDay] = useState<'today' | 'tomorrow'>('today')
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const r = goodsFormInput({ kind, name, room, items, signer, day, note }, clock())
    if (!r.ok) return setProblem(r.problem)
    setProblem('')
    setBusy(true)
    const id = await desk.issueGoods(r.input)
    setBusy(false)
    if (id) {
      setName('')
      setRoom('')
      setItems([{ name: '', qty: 1 }])
      setSigner('')
      setNote('')
    }
  }
  return (
    <View className="card">
      <Text className="card-title">开物品放行条</Text>
      <Chips
        options={[
          { v: 'owner', label: '业主' },
          { v: 'contractor', label: '施工单位' }
        ]}
        value={kind}
        onPick={setKind}
      />
      <Field
        value={name}
        maxlength={20}
        placeholder={kind === 'owner' ? '业主姓名' : '施工单位名称'}
        onChange={setName}
      />
      <Text className="field-label">房号</Text>
      <RoomPicker rooms={desk.rooms} value={room} placeholder="房号，如 1-1-101" onChange={setRoom} />
      <Text className="field-label">物品和数量</Text>
      {items.map((it, k) => (
        <View key={k} className="item-row">
          <Field
            className="item-name"
            value={it.name}
            maxlength={30}
            placeholder={`物品${k + 1}`}
            onChange={(v) => setItems(items.map((x, j) => (j === k ? { ...x, name: v } : x)))}
          />
          <Stepper
            max={999}
            value={it.qty}
            onChange={(q) => setItems(items.map((x, j) => (j === k ? { ...x, qty: q } : x)))}
          />
          {items.length > 1 && (
            <Text className="item-del" onClick={() => setItems(items.filter((_, j) => j !== k))}>
              删除
            </Text>
          )}
        </View>
      ))}
      <Btn kind="ghost" onClick={() => setItems([...items, { name: '', qty: 1 }])}>
        再加一种物品
      </Btn>
      <Field value={signer} maxlength={20} placeholder="授权签字人" onChange={setSigner} />
      <Text className="field-label">出门日期</Text>
      <Chips
        options={[
          { v: 'today', label: '今天' },
          { v: 'tomorrow', label: '明天' }
        ]}
        value={day}
        onPick={setDay}
      />
      <Field value={note} maxlength={100} placeholder="备注（可不填）" onChange={setNote} />
      {(problem || desk.error) && <Text className="error-text">{problem || desk.error}</Text>}
      <Btn loading={busy} onClick={() => void submit()}>
        开放行条
      </Btn>
    </View>
  )
})

function DeskPage() {
  const [tab, setTab] = useState<'pass' | 'goods'>('pass')
  useDidShow(() => void desk.load())
  const now = clock()
  return (
    <View className="page">
      <Back />
      <Chips
        options={[
          { v: 'pass', label: '访客通行证' },
          { v: 'goods', label: '物品放行条' }
        ]}
        value={tab}
        onPick={(t) => {
          setTab(t)
          desk.hide()
        }}
      />
      <Shown />
      {desk.note && <Text className="muted">{desk.note}</Text>}
      {tab === 'pass' ? (
        <View>
          <PassForm />
          <RecentList
            kind="pass"
            what="通行证"
            waiting={desk.pendingPasses.map((p) => ({ ...p, title: `${p.visitorName} · ${p.room}` }))}
            rows={desk.passes.map((p) => passRow(p, now))}
          />
        </View>
      ) : (
        <View>
          <GoodsForm />
          <RecentList
            kind="goods"
            what="放行条"
            waiting={desk.pendingGoods.map((g) => ({ ...g, title: `${g.holderName} · ${g.room}` }))}
            rows={desk.goods.map(goodsSlipRow)}
          />
        </View>
      )}
      <PrivacyDialog />
    </View>
  )
}

export default observer(DeskPage)
