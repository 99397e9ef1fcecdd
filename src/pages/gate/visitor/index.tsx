import { useEffect, useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useLoad } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { gateVisitor } from '../../../domain/scripts/library/security'
import { back, canBack, type RunState } from '../../../domain/scripts/engine'
import { runRecord } from '../../../domain/scripts/record'
import { visitorFromAnswers, type VisitorFromScript } from '../../../domain/gate/fromScript'
import { VISITOR_CASE_LABELS } from '../../../domain/gate/entities'
import type { IdType } from '../../../domain/gate/idcard'
import { permitProblem } from '../../../domain/gate/machines'
import { localDate } from '../../../domain/time'
import type { BlockMatch } from '../../../domain/gate/block'
import { ui } from '../../../services/ui'
import { rootStore } from '../../../stores'
import { ScriptRunner, ScriptRunModel } from '../../../components/ScriptRunner'
import { Stepper } from '../../../components/Stepper'
import { RoomPicker } from '../../../components/RoomPicker'
import { PlateKeypad } from '../components/PlateKeypad'
import { IdInput } from '../components/IdInput'
import { BlockDecision } from '../components/BlockDecision'
import { OwnerCall } from '../components/OwnerCall'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import { blockRefusalReason } from '../../../domain/gate/rules'
import { Chips, Toggle } from '../components/Toggle'
import { gate, now } from '../model'
import { buildCheckIn, findPermit } from '../../../domain/gate/visitorForm'
import type { VisitorRecallOut } from '../../../domain/contract'
import { NO_ONE, WhoCard, type Who } from '../components/WhoCard'
import '../gate.scss'
import { Back } from '../../../components/Back'

const RESULT_WORDS = { admitted: '放行进入', refused: '未放行', redirected: '已指引到会所' } as const

/** Steps where the visitor registers (麻烦您登记一下): phone and name while the script runs. */
const WHO_STEPS = ['a.appointment', 'b.appointment']
/** The step before an owner's guest goes in: the card, people and car, asked there. */
const EXTRAS_STEP = 'b.register'

/** What the guard may add before the owner's guest goes in; all optional. */
interface Extras {
  cardNo: string
  people: number
  byCar: boolean
  plate: string
}
const NO_EXTRAS: Extras = { cardNo: '', people: 1, byCar: false, plate: '' }

/**
 * An owner's guest registered during the script (name and room known), no ID held: the last
 * branch records them at once; anything else opens the form.
 */
function recordsAtOnce(s: VisitorFromScript, who: Who): boolean {
  return s.case === 'ownerGuest' && s.result === 'admitted' && !s.idDeposited && !!who.name.trim() && !!s.room
}

/** The card, people and car of an owner's guest, on the register step above its branches. */
function ExtrasCard({
  x,
  onChange,
  cardIssued
}: {
  x: Extras
  onChange: (x: Extras) => void
  cardIssued: boolean
}) {
  return (
    <View className="card">
      <Text className="block-title">可不填</Text>
      {cardIssued && (
        <View className="field">
          <Text className="field-label">来访卡号</Text>
          <Field
            value={x.cardNo}
            maxlength={20}
            placeholder="卡号"
            onChange={(cardNo) => onChange({ ...x, cardNo })}
          />
        </View>
      )}
      <View className="field">
        <Text className="field-label">人数</Text>
        <Stepper value={x.people} onChange={(people) => onChange({ ...x, people })} />
      </View>
      <Toggle label="开车来访" on={x.byCar} onChange={(byCar) => onChange({ ...x, byCar })} />
      {x.byCar && <PlateKeypad value={x.plate} onChange={(plate) => onChange({ ...x, plate })} />}
    </View>
  )
}

/** After the script: what it did not ask. The script's answers are already in `s`. */
const RecordForm = observer(function RecordForm({
  s,
  run,
  closing,
  onBack,
  onRestart,
  who,
  extras,
  recalled
}: {
  s: VisitorFromScript
  run: RunState
  /** registered during the script (phone, name, a recognised visitor) */
  who: Who
  /** card, people, car given on the register step */
  extras: Extras
  /** the earlier visit the phone was recognised by (company and contact for business) */
  recalled?: VisitorRecallOut
  /** the script's closing words (its end step's 请说), said as the visitor goes in or away */
  closing: string[]
  /** to the script's last question again (an expired permit: choose 施工证过期) */
  onBack: () => void
  onRestart: () => void
}) {
  const [name, setName] = useState(who.name)
  const [phone, setPhone] = useState(who.phone)
  const [idType, setIdType] = useState<IdType>(s.idDeposited ? 'idcard' : 'none')
  const [idNo, setIdNo] = useState('')
  const [cardNo, setCardNo] = useState(extras.cardNo)
  const [people, setPeople] = useState(extras.people)
  const [byCar, setByCar] = useState(extras.byCar)
  const [plate, setPlate] = useState(extras.plate)
  const [room, setRoom] = useState(s.room ?? '')
  const [company, setCompany] = useState(recalled?.company ?? '')
  const [contact, setContact] = useState(recalled?.contact ?? '')
  const [days, setDays] = useState<'1' | '2' | '3'>('1')
  const [permitNo, setPermitNo] = useState('')
  const [reason, setReason] = useState(s.reason ?? '')
  const [hits, setHits] = useState<BlockMatch[] | undefined>(undefined)
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const admitted = s.result === 'admitted'

  const build = () => {
    const r = buildCheckIn(
      s,
      {
        name,
        phone,
        idType,
        idNo,
        cardNo,
        people,
        byCar,
        plate,
        room,
        company,
        contact,
        days: Number(days),
        permitNo,
        reason
      },
      gate.refs,
      now(),
      gate.roomLabels
    )
    if ('problem' in r) return r.problem
    // the phone recognised: the server stores that visit's own name for the masked one shown
    return who.recallId && phone.trim() === who.phone ? { ...r, recallId: who.recallId } : r
  }

  /** decision: after a block-list match, the guard's written reason to let in, or 'refuse' */
  const submit = async (decision?: { override: string } | 'refuse') => {
    const built = build()
    if (typeof built === 'string') return setProblem(built)
    setProblem('')
    const turnedAway = decision === 'refuse' && hits && hits.length > 0
    const input = turnedAway
      ? { ...built, result: 'refused' as const, reason: blockRefusalReason(hits[0].reason) }
      : decision && decision !== 'refuse'
        ? { ...built, blockOverride: decision.override }
        : built
    if (!decision && admitted) {
      setBusy(true)
      const found = await gate.blockHits({
        name: input.name,
        phone: input.phone,
        idLast4: input.idDoc.last4,
        idHash: input.idDoc.hash,
        plate: input.plate
      })
      setBusy(false)
      if (found.length) return setHits(found)
    }
    const recordRun = runRecord(gateVisitor, run, now(), rootStore.newId())
    if (gate.checkIn(input, recordRun)) {
      void ui.toast(turnedAway ? '已记录未放行' : admitted ? '已登记进入' : '已记录', 'success')
      void ui.back()
    }
  }

  // an owner's guest registered during the script: recorded by the script's last tap
  useEffect(() => {
    if (recordsAtOnce(s, who)) void submit()
  }, []) // eslint-disable-line react-hooks/exhaustive-deps

  const permits = gate.refs?.permits ?? []
  const chosenPermit = findPermit(gate.refs, permitNo)
  const permitNow = chosenPermit && permitProblem(chosenPermit, now())
  // a valid permit says who holds it and where they work: filled in, still editable
  useEffect(() => {
    if (!chosenPermit || permitNow) return
    setName((n) => n || chosenPermit.holderName)
    setRoom((r) => r || chosenPermit.room)
  }, [chosenPermit?.no]) // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <View>
      <View
        className={admitted ? 'ok-box' : 'warn-box'}
      >{`${VISITOR_CASE_LABELS[s.case]} · ${RESULT_WORDS[s.result]}${s.reason ? '：' + s.reason : ''}`}</View>
      {closing.length > 0 && (
        <View className="say-box">
          <Text className="say-label">{admitted ? '登记好后请说' : '请说'}</Text>
          {closing.map((l, i) => (
            <Text key={i} className="say-line">
              {l}
            </Text>
          ))}
        </View>
      )}
      <View className="card">
        <View className="field">
          <Text className="field-label">来访人姓名</Text>
          <Field value={name} maxlength={20} placeholder="姓名" onChange={setName} />
        </View>
        <View className="field">
          <Text className="field-label">手机号（可不填）</Text>
          <Field value={phone} type="number" maxlength={13} placeholder="手机号" onChange={setPhone} />
        </View>
        {/* the ID is typed only where the SOP holds it (押证), or to match a long-term permit */}
        {(s.idDeposited || (admitted && s.constructionKind === 'longTerm')) && (
          <IdInput type={idType} number={idNo} onType={setIdType} onNumber={setIdNo} />
        )}
        {s.cardIssued && (
          <View className="field">
            <Text className="field-label">{s.case === 'construction' ? '临时施工出入证号' : '来访卡号'}</Text>
            <Field value={cardNo} maxlength={20} placeholder="卡号" onChange={setCardNo} />
          </View>
        )}
        {admitted && (
          <View className="field">
            <Text className="field-label">人数</Text>
            <Stepper value={people} onChange={setPeople} />
          </View>
        )}
        {(s.case === 'ownerGuest' || s.case === 'construction') && (
          <View className="field">
            <Text className="field-label">{s.case === 'ownerGuest' ? '来访房号' : '施工房号'}</Text>
            <RoomPicker rooms={gate.rooms} value={room} onChange={setRoom} />
          </View>
        )}
        {s.case === 'business' && (
          <View className="field">
            <Text className="field-label">来访单位 / 被访人</Text>
            <Field value={company} maxlength={40} placeholder="单位或部门" onChange={setCompany} />
            <Field value={contact} maxlength={20} placeholder="被访人" onChange={setContact} />
          </View>
        )}
        {s.case === 'construction' && s.constructionKind === 'temporary' && admitted && (
          <View className="field">
            <Text className="field-label">临时施工证有效天数（最长3天）</Text>
            <Chips
              options={[
                { v: '1', label: '1天' },
                { v: '2', label: '2天' },
                { v: '3', label: '3天' }
              ]}
              value={days}
              onPick={setDays}
            />
          </View>
        )}
        {s.case === 'construction' && s.constructionKind === 'longTerm' && admitted && (
          <View className="field">
            <Text className="field-label">施工许可证编号</Text>
            <Chips
              options={permits.map((p) => ({ v: p.no, label: `${p.no} ${p.holderName}` }))}
              value={permitNo}
              onPick={setPermitNo}
            />
            <Field value={permitNo} maxlength={30} placeholder="编号" onChange={setPermitNo} />
            {chosenPermit && (
              <Text className={permitNow ? 'error-text' : 'muted'}>
                {`持证人 ${chosenPermit.holderName}（证件 ····${chosenPermit.idLast4}）${chosenPermit.company ? ' · ' + chosenPermit.company : ''} · ${chosenPermit.room} · ${localDate(chosenPermit.validFrom)} 至 ${localDate(chosenPermit.validTo)}${permitNow ? ' · ' + permitNow : ''}`}
              </Text>
            )}
          </View>
        )}
        {admitted && <Toggle label="开车来访" on={byCar} onChange={setByCar} />}
        {byCar && <PlateKeypad value={plate} onChange={setPlate} />}
        {!admitted && (
          <View className="field">
            <Text className="field-label">{s.result === 'refused' ? '原因' : '备注（可不填）'}</Text>
            <Field value={reason} maxlength={100} onChange={setReason} />
          </View>
        )}
      </View>
      {problem && <Text className="error-text">{problem}</Text>}
      {hits && hits.length > 0 ? (
        <View>
          <BlockDecision
            lines={hits.map((h) => `⚠ 黑名单（${h.matchedBy}相符）：${h.reason}`)}
            onAdmit={(why) => void submit({ override: why })}
            onRefuse={() => void submit('refuse')}
          />
          <Btn kind="ghost" onClick={onRestart}>
            重新选择来访情况
          </Btn>
        </View>
      ) : (
        <Btn loading={busy} onClick={() => void submit()}>
          {admitted ? '登记进入' : '记录'}
        </Btn>
      )}
      <Btn kind="ghost" onClick={onBack}>
        返回上一步
      </Btn>
      {gate.error && <Text className="error-text">{gate.error}</Text>}
    </View>
  )
})

function VisitorPage() {
  const [run, setRun] = useState<RunState | undefined>(undefined)
  const [who, setWho] = useState<Who>(NO_ONE)
  const [extras, setExtras] = useState<Extras>(NO_EXTRAS)
  const [recalled, setRecalled] = useState<VisitorRecallOut | undefined>(undefined)
  const newRunner = (from?: RunState) =>
    new ScriptRunModel(gateVisitor, { now, context: () => ({ gate: gate.gate }), onEnd: setRun }, from)
  const [runner, setRunner] = useState(newRunner)
  useLoad(() => {
    if (!gate.refs) void gate.load()
  })
  let parsed: VisitorFromScript | undefined
  if (run) parsed = visitorFromAnswers(run.answers)
  return (
    <View className="page">
      <Back />
      <Text className="muted">{`访客检查 · ${gate.gate}`}</Text>
      {!run || !parsed ? (
        <View>
          {runner.step.id === 'b.call' && (
            <OwnerCall room={runner.run.answers.room ?? ''} find={gate.ownerPhone} />
          )}
          <ScriptRunner
            model={runner}
            rooms={gate.rooms}
            fields={
              <>
                {WHO_STEPS.includes(runner.step.id) && (
                  <WhoCard
                    who={who}
                    onChange={setWho}
                    recall={gate.visitorRecall}
                    onRecall={(r) => {
                      setRecalled(r)
                      // the last room visited, if the script asks for one here and none is picked yet
                      if (r?.room && runner.step.ask?.key === 'room' && !runner.currentAnswer)
                        runner.answer(r.room)
                    }}
                  />
                )}
                {runner.step.id === EXTRAS_STEP && <ExtrasCard x={extras} onChange={setExtras} cardIssued />}
              </>
            }
          />
        </View>
      ) : (
        <RecordForm
          s={parsed}
          run={run}
          closing={runner.say}
          who={who}
          extras={extras}
          recalled={recalled}
          onBack={() => {
            setRun(undefined)
            setRunner(newRunner(canBack(run) ? back(run) : undefined))
          }}
          onRestart={() => {
            setRun(undefined)
            setRunner(newRunner())
          }}
        />
      )}
      <PrivacyDialog />
    </View>
  )
}

export default observer(VisitorPage)
