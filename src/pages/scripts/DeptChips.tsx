import { observer } from 'mobx-react-lite'
import { Chips } from '../../components/Chips'
import { DEPARTMENT_CHIPS } from './lib'
import { catalog } from './model'

/** The department chips (two rows on a phone); the current one is filled. */
function DeptChipsView() {
  return (
    <Chips options={DEPARTMENT_CHIPS} value={catalog.department} onPick={(d) => catalog.setDepartment(d)} />
  )
}

export const DeptChips = observer(DeptChipsView)
