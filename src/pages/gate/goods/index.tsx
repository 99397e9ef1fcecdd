import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Input, Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useLoad } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import type { GoodsSlipCheckOut } from '../../../domain/contract'
import { goodsReleaseProblems } from '../../../domain/gate/goods'
import { goodsCheckRequest, releaseSource } from '../../../domain/gate/goodsForm'
import { takePhoto } from '../../../services/files'
import { ui } from '../../../services/ui'
import { rootStore } from '../../../stores'
import { CodeEntry } from '../components/CodeEntry'
import { Chips, Toggle } from '../components/Toggle'
import { gate } from '../model'
import '../gate.scss'
import { Back } from '../../../components/Back'

const REASONS = [
  '物品与放行条不符',
  '签名无效',
  '没有管理中心印章',
  '签字人无此权限',
  '货车未开箱检查',
  '放行条日期不对',
  '没有放行条'
]
const STATUS = { issued: '待出门', released: '已放行', refused: '已拒绝', revoked: '已作废' } as const

/** Goods leaving: check the pass (or a paper slip) item by item, photo, then release or refuse. */
function GoodsPage() {
  const [found, setFound] = useState<GoodsSlipCheckOut | undefined>(undefined)
  const [noPass, setNoPass] = useState(false)
  const [lookupError, setLookupError] = useState('')
  const [busy, setBusy] = useState(false)
  const [itemsMatch, setItemsMatch] = useState(false)
  const [signatureOk, setSignatureOk] = useState(false)
  const [stampOk, setStampOk] = useState(false)
  const [authorityOk, setAuthorityOk] = useState(false)
  const [lorry, setLorry] = useState(false)
  const [lorryOpened, setLorryOpened] = useState(false)
  const [photoIds, setPhotoIds] = useState<string[]>([])
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [slipNo, setSlipNo] = useState('')
  const [holder, setHolder] = useState('')
  const [room, setRoom] = useState('')
  const [items, setItems] = useState<{ name: string; qty: string }[]>([{ name: '', qty: '1' }])
  const [problem, setProblem] = useState('')
  useLoad(() => {
    if (!gate.refs) void gate.load()
  })

  const lookup = async (code: string) => {
    setBusy(true)
    const r = await gate.goodsSlipCheck(code)
    setBusy(false)
    if (typeof r === 'string') {
      setFound(undefined)
      setLookupError(r)
    } else {
      setLookupError('')
      setFound(r)
      // a slip that cannot be released (expired, used, revoked) goes straight to the refusal, its reason filled in
      if (r.problem) {
        setRefusing(true)
        setReason(r.problem)
      }
    }
  }
  const photo = async () => {
    const path = await takePhoto()
    if (!path) return
    try {
      const id = await rootStore.photos.add(path)
      setPhotoIds([...photoIds, id])
    } catch {
      setProblem('照片没有保存，请重拍')
    }
  }
  const pass = found?.pass
  const checks = { lorry, lorryOpened, signatureOk, stampOk, authorityOk, itemsMatch }
  const finish = (result: 'released' | 'refused') => {
    const form = { slipNo, holder, room, rows: items, photoIds, reason }
    const r = goodsCheckRequest({ ...form, ...checks }, pass, result)
    if ('problem' in r) return setProblem(r.problem)
    const ok = gate.goodsCheck(r.input)
    if (ok) {
      void ui.toast(result === 'released' ? '已放行' : '已拒绝放行', 'success')
      void ui.back()
    }
  }

  const checking = !!pass || noPass
  const canRelease =
    !found?.problem && goodsReleaseProblems({ ...releaseSource(pass, slipNo), ...checks }).length === 0
  return (
    <View className="page">
      <Back />
      {!checking && (
        <View>
          <CodeEntry kind="goodsSlip" label="放行条编号" busy={busy} onCode={(c) => void lookup(c)} />
          {lookupError && <View className="warn-box">{lookupError}</View>}
          <Btn kind="ghost" onClick={() => setNoPass(true)}>
            没有系统放行条（纸质或没有）
          </Btn>
        </View>
      )}
      {pass && (
        <View className="card">
          <Text className="card-title">{`${pass.holderKind === 'owner' ? '业主' : '施工单位'} ${pass.holderName} · ${pass.room}`}</Text>
          {pass.items.map((i, k) => (
            <View key={k} className="kv">
              <Text className="kv-k">{i.name}</Text>
              <Text>{`× ${i.qty}`}</Text>
            </View>
          ))}
          <View className="kv">
            <Text className="kv-k">授权签字人</Text>
            <Text>{pass.signer}</Text>
          </View>
          <View className="kv">
            <Text className="kv-k">日期</Text>
            <Text>{pass.date}</Text>
          </View>
          <View className="kv">
            <Text className="kv-k">状态</Text>
            <Text>{STATUS[pass.status]}</Text>
          </View>
          {found?.problem && <View className="warn-box">{`不能放行：${found.problem}`}</View>}
        </View>
      )}
      {noPass && !pass && (
        <View className="card">
          <Text className="field-label">纸质放行条编号（没有就空着）</Text>
          <Field value={slipNo} maxlength={30} placeholder="编号" onChange={setSlipNo} />
          <Field value={holder} maxlength={20} placeholder="带出人姓名" onChange={setHolder} />
          <Field value={room} maxlength={32} placeholder="房号" onChange={setRoom} />
          <Text className="field-label">带出的物品和数量</Text>
          {items.map((it, k) => (
            <View key={k} className="row">
              <Field
                className="row-main"
                value={it.name}
                maxlength={30}
                placeholder="物品"
                onChange={(v) => setItems(items.map((x, j) => (j === k ? { ...x, name: v } : x)))}
              />
              <Input
                className="input"
                style={{ width: ui.px(160) }}
                type="number"
                value={it.qty}
                onInput={(e) => setItems(items.map((x, j) => (j === k ? { ...x, qty: e.detail.value } : x)))}
              />
            </View>
          ))}
          <Btn kind="ghost" onClick={() => setItems([...items, { name: '', qty: '1' }])}>
            再加一种物品
          </Btn>
          {!slipNo.trim() && <Text className="muted">没有放行条的物品不能放行，只能拒绝并记录</Text>}
        </View>
      )}
      {checking && (
        <View className="card">
          <Text className="block-title">逐项核对</Text>
          <Toggle label="物品名称、数量与放行条相符" on={itemsMatch} onChange={setItemsMatch} />
          <Toggle label="签名有效" on={signatureOk} onChange={setSignatureOk} />
          <Toggle label="已加盖管理中心印章" on={stampOk} onChange={setStampOk} />
          <Toggle label="签字人有此权限" on={authorityOk} onChange={setAuthorityOk} />
          <Toggle label="用货车运出" on={lorry} onChange={setLorry} />
          {lorry && <Toggle label="已打开货车后厢检查" on={lorryOpened} onChange={setLorryOpened} />}
          <Btn kind="ghost" onClick={() => void photo()}>
            {photoIds.length ? `再拍一张（已拍 ${photoIds.length} 张）` : '拍照留证'}
          </Btn>
        </View>
      )}
      {checking && refusing && (
        <View className="card">
          <Text className="block-title">拒绝放行的原因</Text>
          <Chips options={REASONS.map((r) => ({ v: r, label: r }))} value={reason} onPick={setReason} />
          <Field value={reason} maxlength={100} placeholder="其他原因" onChange={setReason} />
          <Btn kind="danger" onClick={() => finish('refused')}>
            确认拒绝放行
          </Btn>
        </View>
      )}
      {problem && <Text className="error-text">{problem}</Text>}
      {checking && !refusing && (
        <View>
          <Btn disabled={!canRelease} onClick={() => finish('released')}>
            放行
          </Btn>
          {!canRelease && <Text className="muted">逐项核对无误后才能放行</Text>}
          <Btn kind="danger" onClick={() => setRefusing(true)}>
            拒绝放行
          </Btn>
        </View>
      )}
      {gate.error && <Text className="error-text">{gate.error}</Text>}
      <PrivacyDialog />
    </View>
  )
}

export default observer(GoodsPage)
