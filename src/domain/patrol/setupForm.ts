/**
 * The supervisor's patrol setup forms on the phone: the checkpoint form and the question it
 * asks at the point, the route and plan forms, and the lines that describe what is set up.
 * Pure: the page passes what it holds. Tested in test/unit/domain/patrol/setupForm.test.ts.
 * (The server's checks of the same saves are in setup.ts.)
 */
import type { InputOf } from '../contract'
import type { Role } from '../roles'
import type { Question, QuestionKind } from './model'
import { splitList } from '../work/rules'

export interface CheckpointForm {
  name: string
  building: string
  floor: string
  area: string
  /** the one question asked at the point ('' for none) */
  question: string
  kind: QuestionKind
  /** number: the normal range, as typed */
  min: string
  max: string
  /** choice: the options as typed in one box, and the one that is an anomaly */
  options: string
  bad: string
  nfcTagId: string
}

export const EMPTY_CHECKPOINT_FORM: CheckpointForm = {
  name: '',
  building: '',
  floor: '',
  area: '',
  question: '是否正常',
  kind: 'yesno',
  min: '',
  max: '',
  options: '',
  bad: '',
  nfcTagId: ''
}

export const QUESTION_KIND_CHOICES: readonly (readonly [QuestionKind, string])[] = [
  ['yesno', '是/否（否为异常）'],
  ['number', '读数（超出范围为异常）'],
  ['choice', '选一项'],
  ['note', '备注']
]

/** A number typed in a box, or nothing when blank or not a number. */
export function typedNumber(x: string): number | undefined {
  return x.trim() === '' || Number.isNaN(Number(x)) ? undefined : Number(x)
}

/** The question the point asks: a reading's normal range, a choice's bad option; none when blank. */
export function checkpointQuestion(f: CheckpointForm): Question | undefined {
  const label = f.question.trim()
  if (!label) return undefined
  if (f.kind === 'number')
    return {
      key: 'q1',
      label,
      kind: 'number',
      anomalyWhen: { min: typedNumber(f.min), max: typedNumber(f.max) }
    }
  if (f.kind === 'choice') {
    const bad = f.bad.trim()
    return {
      key: 'q1',
      label,
      kind: 'choice',
      options: splitList(f.options),
      anomalyWhen: bad ? { equals: bad } : undefined
    }
  }
  return { key: 'q1', label, kind: f.kind }
}

export type CheckpointDraft = Omit<InputOf<'patrol.checkpointSave'>, 'id'>

/** The checkpoint to save, or nothing while it has no name. */
export function checkpointDraft(
  f: CheckpointForm,
  position?: { lat: number; lng: number; radiusM: number }
): CheckpointDraft | undefined {
  const name = f.name.trim()
  if (!name) return undefined
  const question = checkpointQuestion(f)
  return {
    name,
    building: f.building.trim() || undefined,
    floor: f.floor.trim() || undefined,
    area: f.area.trim() || undefined,
    position,
    nfcTagId: f.nfcTagId.trim() || undefined,
    questions: question ? [question] : []
  }
}

/** How far from a point a scan still counts: twice the fix's accuracy, between 20 and 100 metres. */
export function radiusFromAccuracy(accuracyM: number): number {
  return Math.max(20, Math.min(100, Math.round(accuracyM * 2)))
}

/** Tapping an item in a multiple choice: off if it was on, else on (appended, so order is the tap order). */
export function toggled<T>(list: readonly T[], x: T): T[] {
  return list.includes(x) ? list.filter((y) => y !== x) : [...list, x]
}

/** A route can be saved once it has a name and a point. */
export function routeReady(name: string, checkpointIds: readonly string[]): boolean {
  return !!name.trim() && checkpointIds.length > 0
}

export interface PlanForm {
  name: string
  routeId: string
  days: number[]
  start: string
  end: string
  everyMinutes: number
  minMinutes: number
  maxMinutes: number
  roles: Role[]
}

export const NEW_PLAN_FORM: PlanForm = {
  name: '',
  routeId: '',
  days: [0, 1, 2, 3, 4, 5, 6],
  start: '20:00',
  end: '06:00',
  everyMinutes: 120,
  minMinutes: 10,
  maxMinutes: 60,
  roles: ['patrol']
}

/** A new plan's form, its times from the estate's patrol settings when it has them. */
export function newPlanForm(
  defaults?: Pick<PlanForm, 'everyMinutes' | 'minMinutes' | 'maxMinutes'>
): PlanForm {
  return defaults
    ? {
        ...NEW_PLAN_FORM,
        everyMinutes: defaults.everyMinutes,
        minMinutes: defaults.minMinutes,
        maxMinutes: defaults.maxMinutes
      }
    : NEW_PLAN_FORM
}

/** A plan can be saved once it has a name and a route. */
export function planReady(f: Pick<PlanForm, 'name' | 'routeId'>): boolean {
  return !planProblem(f)
}

/** Why 添加计划 cannot go yet, in Chinese (a tap that did nothing left people guessing). */
export function planProblem(f: Pick<PlanForm, 'name' | 'routeId'>): string | undefined {
  if (!f.name.trim()) return '先写计划名称，如 夜巡'
  if (!f.routeId) return '先选一条路线'
  return undefined
}

export const WEEKDAY_NAMES = ['日', '一', '二', '三', '四', '五', '六'] as const

/** A plan in one line: 「夜巡 · 20:00–06:00 每120分钟 · 周日一二 · 10–60分钟」. */
export function planLine(
  pl: Pick<PlanForm, 'start' | 'end' | 'everyMinutes' | 'days' | 'minMinutes' | 'maxMinutes'>,
  routeName: string
): string {
  return `${routeName} · ${pl.start}–${pl.end} 每${pl.everyMinutes}分钟 · 周${pl.days.map((d) => WEEKDAY_NAMES[d]).join('')} · ${pl.minMinutes}–${pl.maxMinutes}分钟`
}

/** A route in the list: its name (按顺序 when the order counts) and its points by name, in order. */
export function routeLines(
  r: { name: string; ordered: boolean; checkpointIds: readonly string[] },
  nameOf: (checkpointId: string) => string | undefined
): { title: string; detail: string } {
  return {
    title: `${r.name}${r.ordered ? '（按顺序）' : ''}`,
    detail: r.checkpointIds.map((id) => nameOf(id) ?? '?').join(' → ')
  }
}

/** A checkpoint under its name: where, what it asks, whether it is located and tagged. */
export function checkpointLine(c: {
  place: string
  questions: readonly { label: string }[]
  hasPosition?: boolean
  nfcTagId?: string
}): string {
  return `${c.place}${c.questions.length ? ' · ' + c.questions.map((q) => q.label).join('、') : ''}${c.hasPosition ? ' · 已定位' : ''}${c.nfcTagId ? ' · NFC' : ''}`
}

// ---- editing a route or a plan ----
/** The route form: its name, its points in walking order, whether the order counts. */
export interface RouteForm {
  name: string
  checkpointIds: string[]
  ordered: boolean
}
export const NEW_ROUTE_FORM: RouteForm = { name: '', checkpointIds: [], ordered: true }

/** The record being edited and the version it was read at (none: a new one). */
export interface Editing {
  id: string
  v: number
}

/** A saved route in its form, to edit it. */
export function routeFormOf(r: RouteForm): RouteForm {
  return { name: r.name, checkpointIds: [...r.checkpointIds], ordered: r.ordered }
}

/** A saved plan in its form, to edit it. */
export function planFormOf(pl: PlanForm): PlanForm {
  return {
    name: pl.name,
    routeId: pl.routeId,
    days: [...pl.days],
    start: pl.start,
    end: pl.end,
    everyMinutes: pl.everyMinutes,
    minMinutes: pl.minMinutes,
    maxMinutes: pl.maxMinutes,
    roles: [...pl.roles]
  }
}

/** Why 保存 / 添加路线 cannot go yet, in Chinese. */
export function routeFormProblem(f: Pick<RouteForm, 'name' | 'checkpointIds'>): string | undefined {
  if (!f.name.trim()) return '先写路线名称，如 夜间主路线'
  if (!f.checkpointIds.length) return '至少选一个巡更点'
  return undefined
}

/** The intervals offered as chips: the usual ones, and the plan's own when it is another. */
export function intervalChoices(current: number): number[] {
  const usual = [60, 120, 180, 240]
  return usual.includes(current) ? usual : [...usual, current].sort((a, b) => a - b)
}

/** An interval chip's label: 每2小时, 每1.5小时, 每45分钟. */
export function intervalLabel(minutes: number): string {
  return minutes % 30 === 0 && minutes >= 60 ? `每${minutes / 60}小时` : `每${minutes}分钟`
}
