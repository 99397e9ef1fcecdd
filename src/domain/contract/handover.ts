/**
 * The shift handover (交接班): the outgoing guard's list at 下岗, the incoming guard's check at
 * 上岗, and the supervisor's view of a day. The handover subpackage loads these actions
 * (src/pages/handover/model); the supervisor's page loads them too.
 */
import * as v from 'valibot'
import type { Role } from '../roles'
import { MANAGER_ROLES } from '../roles'
import { HANDOVER_KEYS, ITEM_LINES_MAX, LINE_MAX } from '../handover/rules'
import type { Difference, HandoverItem, ItemCheck } from '../handover/rules'
import { action, defineActions, id, localDay, optText, text } from './define'

/** Who hands over and takes over a post: the gate's people (a supervisor may stand in). */
export const HANDOVER_ROLES: readonly Role[] = ['guard', 'supervisor', 'admin']

/** A handover as the app shows it. */
export interface HandoverOut {
  id: string
  post: string
  day: string
  fromName: string
  at: number
  items: HandoverItem[]
  note?: string
  status: 'open' | 'accepted'
  toName?: string
  acceptedAt?: number
  checks?: ItemCheck[]
  acceptNote?: string
  differences: Difference[]
}
/** The list the server builds for a post now (the outgoing guard edits only the note). */
export interface HandoverDraft {
  post: string
  gate?: string
  since: number
  items: HandoverItem[]
  at: number
}

const key = () => v.picklist(HANDOVER_KEYS, '交班事项不正确')
const count = () => v.pipe(v.number(), v.integer(), v.minValue(0, '数量不能为负'), v.maxValue(100_000))
const items = () =>
  v.pipe(
    v.array(
      v.strictObject({
        key: key(),
        count: count(),
        lines: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LINE_MAX))), v.maxLength(ITEM_LINES_MAX))
      })
    ),
    v.maxLength(HANDOVER_KEYS.length),
    v.check((xs) => new Set(xs.map((x) => x.key)).size === xs.length, '交班事项重复')
  )
const checks = () =>
  v.pipe(
    v.array(v.strictObject({ key: key(), found: v.optional(count()), note: optText(60) })),
    v.maxLength(HANDOVER_KEYS.length),
    v.check((xs) => new Set(xs.map((x) => x.key)).size === xs.length, '交班事项重复')
  )

export const HANDOVER_ACTIONS = defineActions({
  'handover.draft': action<HandoverDraft>()({
    fn: 'staff',
    input: v.strictObject({ post: text(32) }),
    access: HANDOVER_ROLES,
    scope: 'estate',
    write: false,
    summary: '交接班：本岗位现在要交的事项'
  }),
  'handover.submit': action<HandoverOut>()({
    fn: 'staff',
    input: v.strictObject({ id: id(), post: text(32), items: items(), note: optText(200) }),
    access: HANDOVER_ROLES,
    scope: 'estate',
    write: true,
    summary: '交接班：下岗交班（事项与备注）'
  }),
  'handover.pending': action<HandoverOut | null>()({
    fn: 'staff',
    input: v.strictObject({ post: text(32) }),
    access: HANDOVER_ROLES,
    scope: 'estate',
    write: false,
    summary: '交接班：本岗位待接的交班（最早的一份）'
  }),
  'handover.accept': action<HandoverOut>()({
    fn: 'staff',
    input: v.strictObject({ handoverId: id(), checks: checks(), note: optText(200) }),
    access: HANDOVER_ROLES,
    scope: 'estate',
    write: true,
    summary: '交接班：接班，逐项确认或注明差异'
  }),
  'handover.day': action<HandoverOut[]>()({
    fn: 'admin',
    input: v.strictObject({ date: localDay() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '主管：某天各岗位的交接班与差异'
  })
})
