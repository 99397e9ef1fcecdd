import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { Field } from '../../../components/Field'

export interface BlockDecisionProps {
  /** the matches, as the guard reads them: ⚠ 黑名单（车牌相符）：欠费车辆 */
  lines: string[]
  /** let in anyway: only with the reason written (it goes to the supervisor) */
  onAdmit: (reason: string) => void
  /** turned away: recorded as 未放行 so the supervisor's day log shows it */
  onRefuse: () => void
  busy?: boolean
}

/**
 * 禁止入场 by default: a block-list match is let in only by an explicit decision with its
 * reason, and turning them away is recorded too.
 */
export function BlockDecision({ lines, onAdmit, onRefuse, busy }: BlockDecisionProps) {
  const [reason, setReason] = useState('')
  const why = reason.trim()
  return (
    <View className="card block-decision">
      <View className="warn-box">
        <Text className="block-title">禁止入场</Text>
        {lines.map((l, i) => (
          <Text key={i} className="do-line">
            {l}
          </Text>
        ))}
      </View>
      <Btn kind="primary" loading={busy} onClick={onRefuse}>
        不放行（记录并报主管）
      </Btn>
      <View className="field">
        <Text className="field-label">确需放行时，写明原因（报主管）</Text>
        <Field value={reason} maxlength={100} placeholder="放行原因，如 主管电话同意" onChange={setReason} />
      </View>
      <Btn kind="danger" disabled={!why || busy} onClick={() => onAdmit(why)}>
        写明原因后放行
      </Btn>
    </View>
  )
}
