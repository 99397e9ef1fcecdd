import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Btn } from '../Btn'

export interface DayNavProps {
  /** the day shown, YYYY-MM-DD */
  date: string
  isToday: boolean
  /** -1: the day before, 1: the day after (not offered on today) */
  onMove: (days: -1 | 1) => void
  /** wraps the day's label, e.g. in a date picker */
  wrap?: (label: ReactNode) => ReactNode
}

/**
 * 前一天 · the day · 后一天, for the supervisor's day views. Styles (.day-nav, .day-btn,
 * .day-text) are in the stylesheet of the pages that show it.
 */
export function DayNav({ date, isToday, onMove, wrap }: DayNavProps) {
  const label = <Text className="day-text">{isToday ? `今天 ${date}` : date}</Text>
  return (
    <View className="day-nav">
      <Btn kind="ghost" className="day-btn" onClick={() => onMove(-1)}>
        前一天
      </Btn>
      {wrap ? wrap(label) : label}
      {isToday ? (
        <View className="day-btn" />
      ) : (
        <Btn kind="ghost" className="day-btn" onClick={() => onMove(1)}>
          后一天
        </Btn>
      )}
    </View>
  )
}
