import { useEffect, useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../components/Field'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Btn } from '../../components/Btn'
import { PrivacyDialog } from '../../components/PrivacyDialog'
import { pointMark, roundCardLines } from '../../domain/patrol/walk'
import { offersStart, roundCardState } from '../../domain/patrol/rules'
import { anomaliesOf } from '../../domain/patrol/rules'
import { isAnomalyAnswer, pointAnswers, questionPrompt } from '../../domain/patrol/pointForm'
import { canScan, scanQr } from '../../services/scanner'
import { canNfc, readNfcTag } from '../../services/nfc'
import { ui } from '../../services/ui'
import { takePhoto } from '../../services/files'
import { rootStore } from '../../stores'
import { useBackOnline } from '../online'
import { patrol, safety, now as clock } from './model'
import { CheckInCard, PanicBar } from './SafetyBar'
import './index.scss'
import { Back } from '../../components/Back'

/** The point's questions: everything normal is one tap; a "no" is an anomaly. */
const PointForm = observer(function PointForm() {
  const cp = patrol.point!
  const [answers, setAnswers] = useState<Record<string, string>>({})
  // the form opens below the round's card and points: bring it up, 取消 included
  useEffect(() => void ui.scrollTo('.point-card').catch(() => undefined), [cp.id])
  const save = async (a: Record<string, string>) => {
    const anomalies = await patrol.record(a)
    if (anomalies)
      void ui.toast(
        `已打点${anomalies.length ? `，记录异常 ${anomalies.length} 项` : ''}${rootStore.outbox.offline ? '，待上传' : ''}`,
        anomalies.length ? 'none' : 'success'
      )
  }
  const toSend = pointAnswers(cp.questions, answers)
  return (
    <View className="card point-card">
      <Text className="card-title">{`${cp.name}${cp.place ? ' · ' + cp.place : ''}`}</Text>
      {patrol.hint && <Text className="warn-text">{patrol.hint}</Text>}
      {cp.questions.map((q) => (
        <View key={q.key} className="q-row">
          <Text className="q-label">{q.label}</Text>
          {q.kind === 'yesno' ? (
            <View className="chips">
              {[
                ['yes', '正常'],
                ['no', '异常']
              ].map(([v, label]) => (
                <View
                  key={v}
                  className={`chip ${(answers[q.key] ?? 'yes') === v ? (isAnomalyAnswer(q, v) ? 'chip-bad' : 'chip-on') : ''}`}
                  onClick={() => setAnswers({ ...answers, [q.key]: v })}
                >
                  {label}
                </View>
              ))}
            </View>
          ) : q.kind === 'choice' ? (
            <View className="chips">
              {(q.options ?? []).map((o) => (
                <View
                  key={o}
                  className={`chip ${answers[q.key] === o ? (isAnomalyAnswer(q, o) ? 'chip-bad' : 'chip-on') : ''}`}
                  onClick={() => setAnswers({ ...answers, [q.key]: o })}
                >
                  {o}
                </View>
              ))}
            </View>
          ) : (
            <Field
              value={answers[q.key] ?? ''}
              type={q.kind === 'number' ? 'digit' : 'text'}
              placeholder={questionPrompt(q)}
              onChange={(v) => setAnswers({ ...answers, [q.key]: v })}
            />
          )}
        </View>
      ))}
      {anomaliesOf(cp.questions, toSend).length > 0 ? (
        <Btn kind="danger" onClick={() => void save(toSend)}>
          记录异常并打点
        </Btn>
      ) : (
        <Btn onClick={() => void save(toSend)}>全部正常，打点</Btn>
      )}
      <Btn kind="ghost" onClick={() => patrol.cancelPoint()}>
        取消
      </Btn>
    </View>
  )
})

const Walking = observer(function Walking() {
  const a = patrol.active!
  const [code, setCode] = useState('')
  const [ending, setEnding] = useState(false)
  const [reason, setReason] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const photo = async () => {
    const p = await takePhoto()
    if (p) setPhotos([...photos, await rootStore.photos.add(p)])
  }
  const done = patrol.scanned
  const waiting = patrol.waitingScans
  const progress = patrol.progress!
  return (
    <View>
      <View className="card">
        <Text className="card-title">{`${a.planName} · ${a.routeName}`}</Text>
        <Text className="progress-text">{`已巡 ${progress.done} / ${progress.total} 个点`}</Text>
        <View className="progress">
          <View className="progress-bar" style={{ width: `${progress.percent}%` }} />
        </View>
        {a.checkpointIds.map((id, i) => (
          <View
            key={id}
            className={`pt-row ${done.includes(id) ? 'pt-done' : id === progress.next ? 'pt-next' : ''}`}
          >
            <Text>{`${pointMark(done.includes(id), a.ordered, i)}  ${patrol.name(id)}`}</Text>
            {id === progress.next && <Text className="tag">下一个</Text>}
            {waiting.includes(id) && <Text className="tag tag-warn">待上传</Text>}
          </View>
        ))}
        {a.pending && <Text className="tag tag-warn">待上传</Text>}
      </View>
      <CheckInCard />
      {patrol.anomaly && !patrol.point && (
        <View className="warn-box">
          <Text
            style={{ display: 'block' }}
          >{`${patrol.anomaly.name}：${patrol.anomaly.lines.join('；')}`}</Text>
          {patrol.anomaly.reported ? (
            <Text style={{ display: 'block' }}>已转为报事，相关部门会处理</Text>
          ) : (
            <View>
              {/* the photo goes with the report: what the worker sent there will see */}
              <Btn kind="ghost" onClick={() => void photo()}>
                {photos.length ? `再拍一张（已拍 ${photos.length} 张）` : '拍照'}
              </Btn>
              <Btn
                kind="danger"
                onClick={() => {
                  if (patrol.reportAnomaly('other', photos)) setPhotos([])
                }}
              >
                转为报事
              </Btn>
              <Btn kind="ghost" onClick={() => patrol.dismissAnomaly()}>
                不用报
              </Btn>
            </View>
          )}
        </View>
      )}
      {patrol.point ? (
        <PointForm />
      ) : (
        <View className="card">
          {canScan && (
            <Btn
              onClick={() =>
                void scanQr().then((t) => {
                  if (t) patrol.identify('qr', t)
                })
              }
            >
              扫巡更点二维码
            </Btn>
          )}
          {canNfc() && patrol.refs?.checkpoints.some((c) => c.nfcTagId || c.nfcTagHash) && (
            <Btn
              onClick={() => {
                void ui.toast('请把手机贴近巡更点的 NFC 标签')
                void readNfcTag().then((tag) => {
                  if (tag) patrol.identify('nfc', tag.uid, tag.sun)
                })
              }}
            >
              NFC 感应打点
            </Btn>
          )}
          <Text className="field-label">或输入巡更点牌子上的编号</Text>
          <Field
            className="code-input"
            value={code}
            maxlength={6}
            placeholder="巡更点编号"
            upper
            onChange={setCode}
          />
          <Btn
            kind={canScan ? 'ghost' : 'primary'}
            disabled={code.trim().length < 4}
            onClick={() => {
              if (patrol.identify('typed', code)) setCode('')
            }}
          >
            确定
          </Btn>
          {patrol.error && <View className="warn-box">{patrol.error}</View>}
        </View>
      )}
      {!patrol.point &&
        (ending || progress.left > 0 ? (
          ending ? (
            <View className="card">
              <Text className="field-label">{`还有 ${progress.left} 个点没巡，提前结束的原因`}</Text>
              <Field value={reason} maxlength={100} placeholder="原因" onChange={setReason} />
              <Btn kind="danger" onClick={() => patrol.endRound(reason) && void ui.toast('本轮已结束')}>
                确认结束本轮
              </Btn>
              <Btn kind="ghost" onClick={() => setEnding(false)}>
                继续巡逻
              </Btn>
            </View>
          ) : (
            <Btn kind="ghost" onClick={() => setEnding(true)}>
              提前结束本轮
            </Btn>
          )
        ) : (
          <Btn onClick={() => patrol.endRound() && void ui.toast('本轮巡更完成', 'success')}>完成本轮</Btn>
        ))}
    </View>
  )
})

function PatrolEntry() {
  useDidShow(() => void Promise.all([patrol.load(), safety.load()]))
  usePullDownRefresh(() => void Promise.all([patrol.load(), safety.load()]))
  useBackOnline(() => void patrol.load())
  const now = clock()
  return (
    <View className="page">
      <Back />
      <PanicBar />
      {patrol.note && <Text className="muted">{patrol.note}</Text>}
      {patrol.active ? (
        <Walking />
      ) : (
        <View>
          {patrol.cards.length === 0 && (
            <View className="card">
              <Text className="muted">现在没有要巡的轮次</Text>
            </View>
          )}
          {patrol.cards.map((c) => {
            const state = roundCardState(c, now)
            const line = roundCardLines(c, state)
            // ended on this phone, not yet on the server: the server's card would still say 巡逻中
            const ended = patrol.endWaiting(c.round?.id)
            return (
              <View key={`${c.planId}-${c.slotStart}`} className={`card round-card round-${state}`}>
                <Text className="card-title">{line.title}</Text>
                <Text className="muted">{ended ? `${c.routeName} · 已结束` : line.detail}</Text>
                {ended && <Text className="tag tag-warn">待上传</Text>}
                {!ended && offersStart(c, patrol.cards, now) && (
                  <Btn onClick={() => patrol.startRound(c)}>开始巡更</Btn>
                )}
              </View>
            )
          })}
          {patrol.error && <Text className="error-text">{patrol.error}</Text>}
        </View>
      )}
      <PrivacyDialog />
    </View>
  )
}

export default observer(PatrolEntry)
