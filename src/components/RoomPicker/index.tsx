import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { labelParts, pickStep, type RoomTriple } from '../../domain/estates/roomPick'
import { Field } from '../Field'

export interface RoomPickerProps {
  /** the estate's rooms on the phone; none: a text box instead */
  rooms: readonly RoomTriple[]
  /** the room chosen (1-1-101) or typed */
  value: string
  onChange: (label: string) => void
  placeholder?: string
}

/**
 * A room by taps: building, unit and room as three rows of large keys, one tap each (a row
 * with a single key is chosen already; a building without units has no unit row), so a room
 * is at most three taps with one thumb. Without imported rooms it is a text box. Styles:
 * ./index.scss, imported by the stylesheets of the pages that show it.
 */
export function RoomPicker({ rooms, value, onChange, placeholder }: RoomPickerProps) {
  const start = labelParts(value).find((p) => rooms.some((r) => r[0] === p.building && r[1] === p.unit))
  const [building, setBuilding] = useState(start?.building ?? '')
  const [unit, setUnit] = useState(start?.unit)
  // a room filled in from outside (a returning visitor's last room) lights its keys up too
  const [seen, setSeen] = useState(value)
  if (value !== seen) {
    setSeen(value)
    if (start && (start.building !== building || start.unit !== unit)) {
      setBuilding(start.building)
      setUnit(start.unit)
    }
  }
  if (!rooms.length)
    return (
      <Field value={value} maxlength={32} placeholder={placeholder ?? '如 1-1-101'} onChange={onChange} />
    )
  const step = pickStep(rooms, { building, unit, no: start?.no })
  const chosenNo = value && step.label === value ? start?.no : undefined
  const keys = (title: string, list: string[], on: string | undefined, pick: (k: string) => void) => (
    <View className="room-keys-row">
      <Text className="room-keys-title">{title}</Text>
      <View className="room-keys">
        {list.map((k) => (
          <View
            key={k}
            className={`room-key ${on === k ? 'room-key-on' : ''}`}
            hoverClass="room-key-hover"
            onClick={() => pick(k)}
          >
            {k}
          </View>
        ))}
      </View>
    </View>
  )
  return (
    <View className="room-picker">
      {keys('楼栋', step.buildings, step.building, (b) => {
        setBuilding(b)
        setUnit(undefined)
        onChange('')
      })}
      {step.building &&
        step.units.length > 0 &&
        keys('单元', step.units, step.unit || undefined, (u) => {
          setUnit(u)
          onChange('')
        })}
      {step.rooms.length > 0 &&
        keys('房号', step.rooms, chosenNo, (no) => {
          const s = pickStep(rooms, { building: step.building, unit: step.unit, no })
          if (s.label) onChange(s.label)
        })}
      <Text className={value ? 'room-chosen' : 'muted'}>
        {value ? `房号 ${value}` : '请依次点楼栋、单元、房号'}
      </Text>
    </View>
  )
}
