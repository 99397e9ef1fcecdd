import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { PANIC_HINT, PANIC_HOLD_MS } from '../../domain/safety/rules'
import './index.scss'

export interface PanicProps {
  /** called once the button has been held PANIC_HOLD_MS */
  onFire: () => void
  /** after a panic was sent: what the button says under its title */
  sent?: string
}

/**
 * The patrol's panic button (求助): it fires only when held 1.5 s, so a pocket or a brush does
 * not raise an alert; a short tap says how to use it. Touch on phones, the mouse in a browser.
 */
export function Panic({ onFire, sent }: PanicProps) {
  const [holding, setHolding] = useState(false)
  const [hint, setHint] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // a touch is followed by emulated mouse events in a browser: those are not a second press
  const touchedAt = useRef(0)
  useEffect(() => () => timer.current && clearTimeout(timer.current), [])

  const start = () => {
    if (timer.current) return
    setHolding(true)
    setHint(false)
    timer.current = setTimeout(() => {
      timer.current = undefined
      setHolding(false)
      onFire()
    }, PANIC_HOLD_MS)
  }
  const stop = () => {
    if (!timer.current) return
    clearTimeout(timer.current)
    timer.current = undefined
    setHolding(false)
    setHint(true)
  }
  const fromMouse = (f: () => void) => () => {
    if (Date.now() - touchedAt.current > 1000) f()
  }
  const touch = (f: () => void) => () => {
    touchedAt.current = Date.now()
    f()
  }
  const mouse =
    process.env.TARO_ENV === 'h5'
      ? { onMouseDown: fromMouse(start), onMouseUp: fromMouse(stop), onMouseLeave: fromMouse(stop) }
      : {}
  return (
    <View
      className={`panic ${holding ? 'panic-holding' : ''}`}
      onTouchStart={touch(start)}
      onTouchEnd={touch(stop)}
      onTouchCancel={touch(stop)}
      {...(mouse as Record<string, unknown>)}
    >
      <Text className="panic-title">{holding ? '继续按住…' : '求助'}</Text>
      <Text className="panic-sub">{hint ? PANIC_HINT : (sent ?? '遇到危险，长按此处通知主管和门岗')}</Text>
    </View>
  )
}
