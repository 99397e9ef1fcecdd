import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'

export interface LeaveRowProps {
  /** stayed too long: the row is marked */
  overstay?: boolean
  title: ReactNode
  sub: ReactNode
  /** tags under the line (待上传, 黑名单…) */
  tags?: ReactNode
  /** the row's button: 离开, 出场 */
  action: string
  /** said when the panel opens */
  heading?: string
  /** the panel's button: 确认离开 */
  confirm: string
  /** true when recorded: the panel closes */
  onConfirm: () => boolean
  /** what to check before letting go (toggles) */
  children?: ReactNode
}

/** Someone or something inside, as a board row; its button opens the checks before it leaves. */
export function LeaveRow({
  overstay,
  title,
  sub,
  tags,
  action,
  heading,
  confirm,
  onConfirm,
  children
}: LeaveRowProps) {
  const [open, setOpen] = useState(false)
  return (
    <View className={overstay ? 'row-overstay' : ''}>
      <View className="row">
        <View className="row-main">
          <Text className="row-title">{title}</Text>
          <Text className="row-sub">{sub}</Text>
          {tags}
        </View>
        {!open && (
          <Btn kind="ghost" className="row-btn" onClick={() => setOpen(true)}>
            {action}
          </Btn>
        )}
      </View>
      {open && (
        <View className="card">
          {heading && <Text className="block-title">{heading}</Text>}
          {children}
          <Btn onClick={() => onConfirm() && setOpen(false)}>{confirm}</Btn>
          <Btn kind="ghost" onClick={() => setOpen(false)}>
            取消
          </Btn>
        </View>
      )}
    </View>
  )
}
