import { Text, View } from '@tarojs/components'

/** A yes/no the guard confirms with one tap: the whole row is the target. */
export function Toggle({
  label,
  on,
  onChange
}: {
  label: string
  on: boolean
  onChange: (on: boolean) => void
}) {
  return (
    <View
      className={`toggle ${on ? 'toggle-on' : ''}`}
      hoverClass="toggle-hover"
      onClick={() => onChange(!on)}
    >
      <View className={`check-box ${on ? 'check-box-on' : ''}`}>{on ? '✓' : ''}</View>
      <Text>{label}</Text>
    </View>
  )
}

export { Chips } from '../../../components/Chips'
