import { Text, View } from '@tarojs/components'

/** The top of an area's entry page: what it is for and who is on duty. */
export function AreaHeader({ title, desc, who }: { title: string; desc: string; who?: string }) {
  return (
    <View className="card">
      <Text className="card-title">{title}</Text>
      <Text className="muted">{desc}</Text>
      {who && <Text className="muted">{`\n当前账号：${who}`}</Text>}
    </View>
  )
}
