import { observer } from 'mobx-react-lite'
import { Text, View } from '@tarojs/components'
import { QrCode } from '../QrCode'

export interface QrSheetEntry {
  checkpointId: string
  qr: string
  name: string
  place: string
  code: string
}

/**
 * Printable: every checkpoint's QR code with its name and typed code. Lives here, not in a
 * page module: on weapp Taro keeps only a page's default export, so a component imported from
 * another page would be undefined (React error #130).
 */
export const QrSheet = observer(function QrSheet({ items }: { items: readonly QrSheetEntry[] }) {
  return (
    <View className="qr-sheet">
      {items.map((s) => (
        <View key={s.checkpointId} className="qr-item">
          <QrCode text={s.qr} size={300} />
          <Text className="qr-name">{s.name}</Text>
          <Text className="muted">{`${s.place} · 编号 ${s.code}`}</Text>
        </View>
      ))}
    </View>
  )
})
