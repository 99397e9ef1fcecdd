/**
 * 删除巡更点 under a checkpoint of patrol setup: asks first; a point still on a route is refused
 * by the server, which names the routes, and that reason shows right here under the point.
 */
import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { ui } from '../../../services/ui'
import { patrolAdmin as p } from '../model'

export function RemovePoint(props: { id: string; name: string }) {
  const [why, setWhy] = useState('')
  const remove = async () => {
    if (!(await ui.confirm('删除巡更点', `删除「${props.name}」？已有的打点记录保留。`, '删除'))) return
    setWhy('')
    const out = await p.removeCheckpoint(props.id, props.name)
    if (!out.ok) setWhy(out.message)
  }
  return (
    <View>
      <View className="row-act point-del" hoverClass="order-btn-hover" onClick={() => void remove()}>
        删除巡更点
      </View>
      {why && <Text className="error-text form-why">{why}</Text>}
    </View>
  )
}
