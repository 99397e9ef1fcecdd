import { Text, View } from '@tarojs/components'
import { Btn } from '../../../components/Btn'

/** A versioned form's reason and buttons: 保存 / 取消 while editing, else the add button. */
export function EditButtons(props: {
  why: string
  editing: boolean
  busy: boolean
  save: () => Promise<void>
  reset: () => void
  addLabel: string
}) {
  const { why, editing, busy, save, reset, addLabel } = props
  return (
    <View>
      {why && <Text className="error-text form-why">{why}</Text>}
      {editing ? (
        <View className="form-btns">
          <Btn className="form-btn" loading={busy} onClick={() => void save()}>
            保存
          </Btn>
          <Btn className="form-btn" kind="ghost" onClick={reset}>
            取消
          </Btn>
        </View>
      ) : (
        <Btn loading={busy} onClick={() => void save()}>
          {addLabel}
        </Btn>
      )}
    </View>
  )
}
