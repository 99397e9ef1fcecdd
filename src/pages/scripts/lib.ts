/**
 * The script library lives in this subpackage only. Loading any scripts page hands it to the
 * store (src/stores/scriptsWired.ts, which imports only its types; the supervisor's overview
 * uses the same store without the library), so the main package carries neither.
 */
import * as library from '../../domain/scripts'
import { scripts } from '../../stores/scriptsWired'
import type { DepartmentFilter } from '../../stores/scripts'

scripts.use(library)

export { library, scripts }

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
export const DEPARTMENT_CHIPS: { key: DepartmentFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  ...library.DEPARTMENTS.map((d) => ({ key: d, label: SHORT[d] }))
]

export function runUrl(scriptId: string): string {
  return `/pages/scripts/run/index?id=${encodeURIComponent(scriptId)}`
}
export function quizUrl(scriptId: string): string {
  return `/pages/scripts/quiz/index?id=${encodeURIComponent(scriptId)}`
}
