import { View } from '@tarojs/components'

/** One choice from a few, as large chips (`value` '' is a valid option, e.g. 全部). */
export function Chips<T extends string>({ options, value, onPick }: { options: { v: T; label: string }[]; value?: T; onPick: (v: T) => void }) {
  return (
    <View className="chips">
      {options.map((o) => (
        <View key={o.v || '__all'} className={`chip ${value === o.v ? 'chip-on' : ''}`} hoverClass="chip-hover" onClick={() => onPick(o.v)}>
          {o.label}
        </View>
      ))}
    </View>
  )
}
