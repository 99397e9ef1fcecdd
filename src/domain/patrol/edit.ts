/**
 * Editing a route or a plan that is in use: each save names the version it was made on, and a
 * save on a version that moved on is refused with who changed it and when. Pure (time passed
 * in); tested in test/unit/domain/patrol/edit.test.ts.
 */
import { localClock, localDate } from '../time'
import type { Plan } from './model'

export type EditedKind = 'route' | 'plan'
const KIND_NAMES: Record<EditedKind, string> = { route: '路线', plan: '计划' }

/** 「12月1日 09:05」 in estate time. */
export function editedAt(at: number): string {
  const [, m, d] = localDate(at).split('-')
  return `${Number(m)}月${Number(d)}日 ${localClock(at)}`
}

/**
 * The refusal of a stale save: who saved the record since it was read, and when; the page then
 * loads the current version for the person to redo their change on.
 */
export function editConflictMessage(
  kind: EditedKind,
  name: string,
  current: { byName?: string; updatedAt: number } | undefined
): string {
  const what = `${KIND_NAMES[kind]}「${name}」`
  if (!current) return `${what}刚被别人修改过，请刷新后重新修改`
  return `${what}已被${current.byName ?? '别人'}在${editedAt(current.updatedAt)}修改，已载入最新内容，请在此基础上重新修改`
}

/** The fields of a plan that decide its slots: a change of one of them starts a new schedule. */
const SCHEDULE_FIELDS = ['start', 'end', 'everyMinutes'] as const

/** Whether a plan's edit changes when its rounds are due (days, window or interval). */
export function scheduleChanged(
  before: Pick<Plan, 'days' | 'start' | 'end' | 'everyMinutes'>,
  after: Pick<Plan, 'days' | 'start' | 'end' | 'everyMinutes'>
): boolean {
  const days = (x: readonly number[]) => [...new Set(x)].sort().join(',')
  return SCHEDULE_FIELDS.some((k) => before[k] !== after[k]) || days(before.days) !== days(after.days)
}

/**
 * Moving a route's point up (-1) or down (+1) in its order: the list with the two swapped, or the
 * same list at either end. What the large up/down buttons of the route form do.
 */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const j = index + by
  if (index < 0 || index >= list.length || j < 0 || j >= list.length) return [...list]
  const out = [...list]
  ;[out[index], out[j]] = [out[j], out[index]]
  return out
}
