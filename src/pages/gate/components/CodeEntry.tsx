import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'
import { parseQr, type QrKind } from '../../../domain/gate/qr'
import { canScan, scanQr } from '../../../services/scanner'

/**
 * Scan the pass's QR code (camera only) or type its six digits; both end in `onCode`. The box
 * has the keyboard up when the page opens, and the sixth digit looks the code up by itself
 * (查询 stays for trying the same code again).
 */
export function CodeEntry({
  kind,
  label,
  onCode,
  busy
}: {
  kind: QrKind
  label: string
  onCode: (code: string) => void
  busy?: boolean
}) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState('')
  const take = (raw: string) => {
    const r = parseQr(raw, kind)
    if ('problem' in r) return setProblem(r.problem)
    setProblem('')
    onCode(r.code)
  }
  return (
    <View className="card">
      {canScan && (
        <Btn
          onClick={() =>
            void scanQr().then((t) => {
              if (t) take(t)
            })
          }
        >
          扫码
        </Btn>
      )}
      <Text className="field-label">{label}</Text>
      <Input
        className="input big-code"
        type="number"
        maxlength={6}
        value={text}
        focus
        placeholder="6位数字"
        onInput={(e) => {
          const t = e.detail.value
          setText(t)
          setProblem('')
          if (t.length === 6 && t !== text) take(t)
        }}
      />
      {problem && <Text className="error-text">{problem}</Text>}
      <Btn
        kind={canScan ? 'ghost' : 'primary'}
        loading={busy}
        disabled={text.length !== 6}
        onClick={() => take(text)}
      >
        查询
      </Btn>
    </View>
  )
}
