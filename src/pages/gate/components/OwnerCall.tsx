import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import type { OwnerPhoneOut } from '../../../domain/contract'
import { maskPhone } from '../../../domain/privacy'
import { ui } from '../../../services/ui'

/**
 * The script's 打电话给业主: the room's owner and a call button. The whole number is fetched
 * for this one room (each read is audited) and goes only to the dialler; the screen shows it
 * masked.
 */
export function OwnerCall({
  room,
  find
}: {
  room: string
  find: (room: string) => Promise<OwnerPhoneOut | string>
}) {
  const [owner, setOwner] = useState<OwnerPhoneOut | string | undefined>(undefined)
  useEffect(() => {
    setOwner(undefined)
    if (room) void find(room).then(setOwner)
  }, [room, find])
  if (!room) return null
  if (owner === undefined) return <Text className="muted">{`正在查 ${room} 的业主电话…`}</Text>
  if (typeof owner === 'string') return <View className="warn-box">{owner}</View>
  return (
    <View className="card owner-call">
      <Text className="block-title">{`${owner.room} 业主${owner.ownerName ? ' ' + owner.ownerName : ''}`}</Text>
      <Text className="do-line">{maskPhone(owner.phone)}</Text>
      <Btn onClick={() => void ui.call(owner.phone)}>拨打业主电话</Btn>
    </View>
  )
}
