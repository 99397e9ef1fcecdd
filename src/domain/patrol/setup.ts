/**
 * A supervisor's patrol setup: the checks of the checkpoint, route and plan forms (each gives the
 * field and the message in Chinese, or nothing), where a point is, what an early end must say.
 * Pure and tested (test/unit/domain/patrol/setup.test.ts).
 */
import type { Checkpoint, Plan, Question } from './model'

export interface Problem {
  field: string
  message: string
}

/** A value with its unit, unless the person already typed one (「2栋」, 「A座」, 「顶层」 stay as typed). */
function withUnit(value: string | undefined, unit: string, typed: RegExp): string | undefined {
  const v = value?.trim()
  return v ? (typed.test(v) ? v : `${v}${unit}`) : undefined
}

/** Where a checkpoint is, as a person reads it: 「2栋 3层 电梯厅」, whether 2 or 2栋 was typed. */
export function placeOf(c: Pick<Checkpoint, 'place'>): string {
  return [
    withUnit(c.place.building, '栋', /[栋幢座楼]$/),
    withUnit(c.place.floor, '层', /[层楼]$/),
    c.place.area
  ]
    .filter(Boolean)
    .join(' ')
}

/** A checkpoint's questions: keys unique, every choice with its options. */
export function questionsProblem(
  questions: readonly Pick<Question, 'key' | 'label' | 'kind' | 'options'>[]
): Problem | undefined {
  const keys = questions.map((q) => q.key)
  if (new Set(keys).size !== keys.length) return { field: 'questions', message: '问题：编号重复' }
  for (const q of questions)
    if (q.kind === 'choice' && !(q.options ?? []).length)
      return { field: 'questions', message: `问题：「${q.label}」要给出选项` }
  return undefined
}

/** A route's points: no point twice, every point known (`known`: the estate's active points). */
export function routeProblem(
  checkpointIds: readonly string[],
  known: (id: string) => boolean
): Problem | undefined {
  if (new Set(checkpointIds).size !== checkpointIds.length)
    return { field: 'checkpointIds', message: '巡更点：有重复' }
  const unknown = checkpointIds.filter((id) => !known(id))
  if (unknown.length) return { field: 'checkpointIds', message: `巡更点：${unknown.length} 个不存在或已删除` }
  return undefined
}

/** A plan's times: the longest round not shorter than the shortest, a window that starts and ends apart. */
export function planProblem(
  p: Pick<Plan, 'minMinutes' | 'maxMinutes' | 'start' | 'end'>
): Problem | undefined {
  if (p.maxMinutes < p.minMinutes) return { field: 'maxMinutes', message: '用时：最长应不少于最短' }
  if (p.start === p.end) return { field: 'end', message: '时间：开始和结束不能相同' }
  return undefined
}

/** The route's points not scanned yet, in route order. */
export function missingPoints(
  routePoints: readonly string[],
  scanned: readonly { checkpointId: string }[]
): string[] {
  return routePoints.filter((id) => !scanned.some((s) => s.checkpointId === id))
}

/** Ending a round with points left needs a reason, which names them. */
export function endProblem(missingNames: readonly string[], reason: string | undefined): Problem | undefined {
  if (!missingNames.length || reason) return undefined
  return {
    field: 'reason',
    message: `还有 ${missingNames.length} 个点没巡（${missingNames.join('、')}），提前结束请写明原因`
  }
}
