import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { PrivacyDialog } from '../../components/PrivacyDialog'
import { QrCode } from '../../components/QrCode'
import { qrText } from '../../domain/gate/qr'
import { formatPlate } from '../../domain/gate/plates'
import { maskPhone } from '../../domain/privacy'
import { ui } from '../../services/ui'
import { desk, now as clock } from './model'
import {
  goodsFormInput,
  PASS_WINDOWS,
  passFormInput,
  passWindow,
  windowText,
  type PassWindow
} from '../../domain/gate/desk'
import './index.scss'
import { Chips } from '../../components/Chips'
import { Stepper } from '../../components/Stepper'

const PASS_STATUS = { active: '有效', used: '已使用', revoked: '已作废' } as const
const GOODS_STATUS = { issued: '待出门', released: '已放行', refused: '已拒绝', revoked: '已作废' } as const

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
      <Field value={room} maxlength={32} placeholder="拜访房号，如 2-1-302" onChange={setRoom} />
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
      <Field value={room} maxlength={32} placeholder="房号，如 1-1-101" onChange={setRoom} />
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
  const confirmRevoke = async (kind: 'pass' | 'goods', id: string, what: string) => {
    if (!(await ui.confirm('作废', `作废后${what}不能再使用，确定作废吗？`, '作废'))) return
    const ok = kind === 'pass' ? await desk.revokePass(id) : await desk.revokeGoods(id)
    if (!ok) void ui.toast(desk.error)
  }
  const confirmDrop = async (opId: string) => {
    if (await ui.confirm('放弃', '服务器没有接收这条记录，放弃后不再上传。确定放弃吗？', '放弃'))
      desk.drop(opId)
  }
  return (
    <View className="page">
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
          <View className="card">
            <Text className="card-title">最近的通行证</Text>
            {desk.pendingPasses.map((p) => (
              <WaitingRow
                key={p.opId}
                title={`${p.visitorName} · ${p.room}`}
                refused={p.refused}
                onDrop={() => void confirmDrop(p.opId)}
              />
            ))}
            {desk.passes.length === 0 && desk.pendingPasses.length === 0 && (
              <Text className="muted">还没有通行证。</Text>
            )}
            {desk.passes.map((p) => (
              <View key={p.id} className="list-row">
                <View className="list-main" onClick={() => desk.show('pass', p.id)}>
                  <Text className="list-title">{`${p.code}  ${p.visitorName}${p.people > 1 ? ` 等${p.people}人` : ''}`}</Text>
                  <Text className="muted">{`${p.room}${p.visitorPhone ? ' · ' + maskPhone(p.visitorPhone) : ''}${p.plate ? ' · ' + formatPlate(p.plate) : ''} · ${windowText(p, now)}`}</Text>
                </View>
                <Text className={`tag ${p.status === 'active' ? '' : 'tag-warn'}`}>
                  {desk.isRevoking(p.id) ? '作废待上传' : PASS_STATUS[p.status]}
                </Text>
                {p.status === 'active' && !desk.isRevoking(p.id) && (
                  <Text className="list-act" onClick={() => void confirmRevoke('pass', p.id, '这张通行证')}>
                    作废
                  </Text>
                )}
              </View>
            ))}
          </View>
        </View>
      ) : (
        <View>
          <GoodsForm />
          <View className="card">
            <Text className="card-title">最近的放行条</Text>
            {desk.pendingGoods.map((p) => (
              <WaitingRow
                key={p.opId}
                title={`${p.holderName} · ${p.room}`}
                refused={p.refused}
                onDrop={() => void confirmDrop(p.opId)}
              />
            ))}
            {desk.goods.length === 0 && desk.pendingGoods.length === 0 && (
              <Text className="muted">还没有放行条。</Text>
            )}
            {desk.goods.map((p) => (
              <View key={p.id} className="list-row">
                <View className="list-main" onClick={() => desk.show('goods', p.id)}>
                  <Text className="list-title">{`${p.code}  ${p.holderName}`}</Text>
                  <Text className="muted">{`${p.room} · ${p.items.map((i) => `${i.name}×${i.qty}`).join('、')} · ${p.date}`}</Text>
                </View>
                <Text className={`tag ${p.status === 'issued' ? '' : 'tag-warn'}`}>
                  {desk.isRevoking(p.id) ? '作废待上传' : GOODS_STATUS[p.status]}
                </Text>
                {p.status === 'issued' && !desk.isRevoking(p.id) && (
                  <Text className="list-act" onClick={() => void confirmRevoke('goods', p.id, '这张放行条')}>
                    作废
                  </Text>
                )}
              </View>
            ))}
          </View>
        </View>
      )}
      <PrivacyDialog />
    </View>
  )
}

export default observer(DeskPage)
