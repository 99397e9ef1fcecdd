import { Text } from '@tarojs/components'

export function DemoBadge({ show }: { show: boolean }) {
  if (!show) return null
  return <Text className="tag tag-demo">演示</Text>
}
