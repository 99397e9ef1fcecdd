import { View } from '@tarojs/components'

export interface ChipsProps<T extends string> {
  options: readonly { v: T; label: string }[]
  /** the chosen option; '' is a valid option too (e.g. 全部) */
  value?: T
  onPick: (v: T) => void
}

/**
 * One choice from a few, as large chips; the chosen one is filled. Styles: ./index.scss,
 * imported by the stylesheets of the pages that show it (a weapp page's wxss is its own).
 */
export function Chips<T extends string>({ options, value, onPick }: ChipsProps<T>) {
  return (
    <View className="chips">
      {options.map((o) => (
        <View
          key={o.v || '__all'}
          className={`chip ${value === o.v ? 'chip-on' : ''}`}
          hoverClass="chip-hover"
          onClick={() => onPick(o.v)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
