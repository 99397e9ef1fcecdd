import { useState } from 'react'
import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { Field } from '../../../components/Field'
import { useDidShow } from '@tarojs/taro'
import { Btn } from '../../../components/Btn'
import { followUpLines } from '../../../domain/work/lines'
import type { IncidentOut } from '../../../domain/contract'
import { work, now as clock } from '../model'
import { ui } from '../../../services/ui'
import { PrivacyDialog } from '../../../components/PrivacyDialog'
import '../index.scss'
import { Back } from '../../../components/Back'

const Row = observer(function Row({ i }: { i: IncidentOut }) {
  const [note, setNote] = useState('')
  const [callError, setCallError] = useState('')
  const line = followUpLines(i, clock())
  const call = async () => {
    setCallError('')
    const r = await work.ownerPhone(i)
    if ('error' in r) setCallError(r.error)
    else void ui.call(r.phone)
  }
  return (
    <View className="fu-row">
      <Text className="rep-title">{line.title}</Text>
      <Text className="muted">{line.detail}</Text>
      <Btn kind="ghost" onClick={() => void call()}>
        {`📞 打电话给业主${i.ownerPhoneMasked ? ` ${i.ownerPhoneMasked}` : ''}`}
      </Btn>
      {callError && <Text className="error-text">{callError}</Text>}
      <Field value={note} placeholder="回访记录（可不填）" onChange={setNote} />
      <Btn onClick={() => work.followUp(i, true, note)}>业主满意</Btn>
      <Btn kind="danger" onClick={() => work.followUp(i, false, note)}>
        不满意，退回重做
      </Btn>
    </View>
  )
})

/** Service staff call owners back after a repair until the owner is satisfied. */
function FollowUpPage() {
  useDidShow(() => void work.loadFollowUps())
  return (
    <View className="page">
      <Back />
      <View className="card">
        <Text className="card-title">{`等回访的业主报修（${work.followUps.length}）`}</Text>
        {work.followUps.length === 0 && <Text className="muted">没有要回访的</Text>}
        {work.followUps.map((i) => (
          <Row key={i.id} i={i} />
        ))}
      </View>
      {work.error && <Text className="error-text">{work.error}</Text>}
      <PrivacyDialog />
    </View>
  )
}

export default observer(FollowUpPage)
