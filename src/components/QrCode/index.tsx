import { useMemo } from 'react'
import { View } from '@tarojs/components'
import qrcode from 'qrcode-generator'
import { ui } from '../../services/ui'

/**
 * A QR code drawn with plain views (no canvas, no image file), so it looks the same in the
 * mini program and on H5 and a screenshot of it scans.
 */
export function QrCode({ text, size = 400 }: { text: string; size?: number }) {
  const rows = useMemo(() => {
    const qr = qrcode(0, 'M')
    qr.addData(text)
    qr.make()
    const n = qr.getModuleCount()
    return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
  }, [text])
  const n = Math.floor(size / (rows.length + 8))
  const cell = ui.px(n)
  return (
    <View
      className="qr"
      style={{ padding: ui.px(n * 4), background: '#fff', display: 'inline-block' }}
      data-qr={text}
    >
      {rows.map((row, r) => (
        <View key={r} style={{ display: 'flex', height: cell }}>
          {row.map((dark, c) => (
            <View key={c} style={{ width: cell, height: cell, background: dark ? '#000' : '#fff' }} />
          ))}
        </View>
      ))}
    </View>
  )
}
