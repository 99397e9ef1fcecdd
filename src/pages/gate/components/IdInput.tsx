import { Input, Text, View } from '@tarojs/components'
import type { IdType } from '../../../domain/gate/idtypes'
import { Chips } from './Toggle'

export const ID_CHOICES: { v: IdType; label: string }[] = [
  { v: 'idcard', label: '身份证' },
  { v: 'driving', label: '驾驶证' },
  { v: 'passport', label: '护照' },
  { v: 'hkmo', label: '港澳通行证' },
  { v: 'other', label: '其他' },
  { v: 'none', label: '未出示' }
]

/** Document type and number: the number stays on this screen; only its last four and a hash are kept. */
export function IdInput({
  type,
  number,
  onType,
  onNumber,
  problem
}: {
  type: IdType
  number: string
  onType: (t: IdType) => void
  onNumber: (n: string) => void
  problem?: string
}) {
  return (
    <View className="field">
      <Text className="field-label">证件</Text>
      <Chips options={ID_CHOICES} value={type} onPick={onType} />
      {type !== 'none' && (
        <Input
          className="input"
          type={type === 'idcard' ? 'idcard' : 'text'}
          maxlength={20}
          value={number}
          placeholder={type === 'idcard' ? '身份证号（18位）' : '证件号码'}
          onInput={(e) => onNumber(e.detail.value)}
        />
      )}
      {type !== 'none' && <Text className="muted">手机只保留后四位和加密摘要，不保存完整证件号</Text>}
      {problem && <Text className="error-text">{problem}</Text>}
    </View>
  )
}
