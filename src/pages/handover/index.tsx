import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { Field } from '../../components/Field'
import { Stepper } from '../../components/Stepper'
import { ui } from '../../services/ui'
import { itemTitle, type HandoverItem } from '../../domain/handover/rules'
import { localClock } from '../../domain/time'
import { handover as ho } from './model'
import './index.scss'
import { Back } from '../../components/Back'

function ItemCard({ item, children }: { item: HandoverItem; children?: React.ReactNode }) {
  return (
    <View className={`card ho-item ${item.count ? 'ho-open' : ''}`}>
      <Text className="ho-item-title">{itemTitle(item)}</Text>
      {item.lines.map((l, i) => (
        <Text key={i} className="ho-line">
          {l}
        </Text>
      ))}
      {item.count > item.lines.length && (
        <Text className="muted">{`另有 ${item.count - item.lines.length} 条`}</Text>
      )}
      {children}
    </View>
  )
}

/** 下岗: what the post hands over, a note, then 交班并下岗 (asked once when things are open). */
const GoingOff = observer(function GoingOff() {
  if (ho.submitted)
    return (
      <View className="card">
        <Text className="card-title">{`已交班：${ho.post}`}</Text>
        <Text className="muted">
          {ho.offline
            ? '交班记录已保存在手机上，待上传：联网后自动上传，下一位在本岗位上岗的同事会看到。'
            : '交班记录已保存，下一位在本岗位上岗的同事会看到。'}
        </Text>
        <Btn kind="primary" className="ho-btn" onClick={() => void ui.back()}>
          回到工作台
        </Btn>
      </View>
    )
  if (!ho.post)
    return (
      <View className="card">
        <Text className="card-title">您现在没有在岗</Text>
      </View>
    )
  const go = async () => {
    const q = ho.confirmText
    // WeChat's confirm button holds at most 4 characters (a longer one fails the dialog)
    if (q && !(await ui.confirm('交班并下岗', q, '确认下岗'))) return
    if (ho.submit()) void ui.toast('已交班', 'success')
  }
  return (
    <View>
      <View className="card">
        <Text className="card-title">{`交班：${ho.post}`}</Text>
        <Text className="muted">
          {ho.loading
            ? '正在读取…'
            : ho.offline
              ? '离线：按手机上的记录生成，联网后上传'
              : `共 ${ho.openCount} 项未结事项`}
        </Text>
      </View>
      {ho.items.map((i) => (
        <ItemCard key={i.key} item={i} />
      ))}
      <View className="card">
        <Text className="card-title">交班备注</Text>
        <Field
          value={ho.note}
          maxlength={200}
          placeholder="例如：雨伞放在岗亭，2栋电梯报修未到"
          onChange={(s) => ho.setNote(s)}
        />
      </View>
      {ho.error && <Text className="error-text">{ho.error}</Text>}
      <Btn kind="danger" className="ho-btn" disabled={ho.loading} onClick={() => void go()}>
        交班并下岗
      </Btn>
    </View>
  )
})

/** 上岗: the post's waiting handover, item by item: 相符 or 有差异 with the number found and a note. */
const GoingOn = observer(function GoingOn() {
  const p = ho.pending
  if (ho.taken)
    return (
      <View className="card">
        <Text className="card-title">这份交班已被接走</Text>
        <Text className="error-text">{ho.taken}</Text>
        <Btn kind="ghost" className="ho-btn" onClick={() => void ui.back()}>
          回到工作台
        </Btn>
      </View>
    )
  if (ho.accepted && p)
    return (
      <View className="card">
        <Text className="card-title">{`已接班：${p.post}`}</Text>
        {ho.differenceTexts.map((t) => (
          <Text key={t} className="ho-diff">
            {t}
          </Text>
        ))}
        <Btn kind="primary" className="ho-btn" onClick={() => void ui.back()}>
          回到工作台
        </Btn>
      </View>
    )
  if (!p)
    return (
      <View className="card">
        <Text className="card-title">{ho.loading ? '正在读取…' : `${ho.post} 没有待接的交班`}</Text>
        {ho.error && <Text className="error-text">{ho.error}</Text>}
      </View>
    )
  return (
    <View>
      <View className="card">
        <Text className="card-title">{`接班：${p.post}`}</Text>
        <Text className="muted">{`${p.fromName} ${localClock(p.at)} 交班`}</Text>
        {p.note && <Text className="ho-note-text">{`备注：${p.note}`}</Text>}
      </View>
      {p.items.map((i) => {
        const c = ho.checks[i.key]
        if (!c) return null
        return (
          <ItemCard key={i.key} item={i}>
            <View className="ho-choice">
              <View
                className={`ho-chip ${c.differs ? '' : 'ho-chip-on'}`}
                onClick={() => ho.setCheck(i.key, { differs: false, found: i.count })}
              >
                <Text>相符</Text>
              </View>
              <View
                className={`ho-chip ${c.differs ? 'ho-chip-on ho-chip-warn' : ''}`}
                onClick={() => ho.setCheck(i.key, { differs: true })}
              >
                <Text>有差异</Text>
              </View>
            </View>
            {c.differs && (
              <View className="ho-differ">
                <Text className="muted">实际数量</Text>
                <Stepper
                  value={c.found}
                  min={0}
                  max={999}
                  onChange={(n) => ho.setCheck(i.key, { found: n })}
                />
                <Field
                  value={c.note}
                  maxlength={60}
                  placeholder="差异说明（选填）"
                  onChange={(s) => ho.setCheck(i.key, { note: s })}
                />
              </View>
            )}
          </ItemCard>
        )
      })}
      <View className="card">
        <Text className="card-title">接班备注</Text>
        <Field
          value={ho.acceptNote}
          maxlength={200}
          placeholder="选填"
          onChange={(s) => ho.setAcceptNote(s)}
        />
      </View>
      {ho.differenceTexts.length > 0 && (
        <View className="card ho-diffs">
          {ho.differenceTexts.map((t) => (
            <Text key={t} className="ho-diff">
              {t}
            </Text>
          ))}
        </View>
      )}
      {ho.error && <Text className="error-text">{ho.error}</Text>}
      <Btn kind="primary" className="ho-btn" onClick={() => void ho.accept()}>
        {ho.differenceTexts.length ? '注明差异并接班' : '全部相符，接班'}
      </Btn>
    </View>
  )
})

/** The post from the page's query: WeChat hands it over as encoded, H5 decoded. */
function postOf(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '')
  } catch {
    return raw ?? ''
  }
}

function HandoverPage() {
  const { params } = useRouter()
  const mode = params.mode === 'in' ? 'in' : 'out'
  useLoad(() => {
    if (mode === 'in') void ho.loadIn(postOf(params.post))
    else void ho.loadOut()
  })
  return (
    <View className="page handover">
      <Back />
      {mode === 'in' ? <GoingOn /> : <GoingOff />}
    </View>
  )
}

export default observer(HandoverPage)
