/**
 * The script library lives in this subpackage only. Loading any scripts page hands it to the
 * stores (src/pages/scripts/model, which import only its types; the supervisor's overview
 * uses them without the library), so the main package carries neither.
 */
import * as library from '../../domain/scripts'
import { catalog, type DepartmentFilter } from './model'

catalog.use(library)

export { library }

const SHORT: Record<library.Department, string> = {
  security: '保安',
  service: '客服',
  housekeeping: '管家',
  engineering: '工程',
  cleaning: '保洁',
  greening: '绿化',
  general: '通用'
}

/** The department chips (short names of DEPARTMENT_LABELS), in the library's order. */
export const DEPARTMENT_CHIPS: { v: DepartmentFilter; label: string }[] = [
  { v: 'all', label: '全部' },
  ...library.DEPARTMENTS.map((d) => ({ v: d, label: SHORT[d] }))
]

export function runUrl(scriptId: string): string {
  return `/pages/scripts/run/index?id=${encodeURIComponent(scriptId)}`
}
export function quizUrl(scriptId: string): string {
  return `/pages/scripts/quiz/index?id=${encodeURIComponent(scriptId)}`
}
