import { Text, View } from '@tarojs/components'

export interface StepperProps {
  value: number
  onChange: (n: number) => void
  /** lowest value (default 1) */
  min?: number
  /** highest value (default 50) */
  max?: number
}

/**
 * A small count (people, pieces) with big － and ＋ targets instead of a keyboard. Styles:
 * ./index.scss, imported by the stylesheets of the pages that show it.
 */
export function Stepper({ value, onChange, min = 1, max = 50 }: StepperProps) {
  return (
    <View className="stepper">
      <View className="btn btn-ghost" onClick={() => onChange(Math.max(min, value - 1))}>
        －
      </View>
      <Text className="stepper-value">{value}</Text>
      <View className="btn btn-ghost" onClick={() => onChange(Math.min(max, value + 1))}>
        ＋
      </View>
    </View>
  )
}
