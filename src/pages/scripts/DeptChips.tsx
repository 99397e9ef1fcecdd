import { observer } from 'mobx-react-lite'
import { View } from '@tarojs/components'
import { DEPARTMENT_CHIPS, scripts } from './lib'

/** The department chips (two rows on a phone); the current one is filled. */
function DeptChipsView() {
  return (
    <View className="chips">
      {DEPARTMENT_CHIPS.map((c) => (
        <View
          key={c.key}
          className={`chip ${scripts.department === c.key ? 'chip-on' : ''}`}
          hoverClass="chip-hover"
          onClick={() => scripts.setDepartment(c.key)}
        >
          {c.label}
        </View>
      ))}
    </View>
  )
}

export const DeptChips = observer(DeptChipsView)
