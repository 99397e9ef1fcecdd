import { Text, View } from '@tarojs/components'

/** A yes/no the guard confirms with one tap: the whole row is the target. */
export function Toggle({ label, on, onChange }: { label: string; on: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className={`toggle ${on ? 'toggle-on' : ''}`} hoverClass="toggle-hover" onClick={() => onChange(!on)}>
      <View className={`check-box ${on ? 'check-box-on' : ''}`}>{on ? '✓' : ''}</View>
      <Text>{label}</Text>
    </View>
  )
}

/** One choice from a few, as chips. */
export function Chips<T extends string>({ options, value, onPick }: { options: { v: T; label: string }[]; value?: T; onPick: (v: T) => void }) {
  return (
    <View className="chips">
      {options.map((o) => (
        <View key={o.v} className={`chip ${value === o.v ? 'chip-on' : ''}`} hoverClass="chip-hover" onClick={() => onPick(o.v)}>
          {o.label}
        </View>
      ))}
    </View>
  )
}
