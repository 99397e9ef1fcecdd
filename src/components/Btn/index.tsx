import type { ReactNode } from 'react'
import { Button } from '@tarojs/components'

export interface BtnProps {
  kind?: 'primary' | 'ghost' | 'danger'
  disabled?: boolean
  loading?: boolean
  className?: string
  onClick?: () => void
  children: ReactNode
}

/**
 * The one button: big (96rpx), high contrast. `disabled` is only set when true: Taro H5
 * renders `disabled="false"` as an attribute, which every [disabled] style would match.
 */
export function Btn({ kind = 'primary', disabled, loading, className, onClick, children }: BtnProps) {
  const off = !!(disabled || loading)
  return (
    <Button
      className={`btn btn-${kind} ${off ? 'btn-off' : ''} ${className ?? ''}`}
      {...(off ? { disabled: true } : {})}
      {...(loading ? { loading: true } : {})}
      onClick={off ? undefined : onClick}
    >
      {children}
    </Button>
  )
}
