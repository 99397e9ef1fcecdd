/** Guided scripts (话术): recorded runs, read receipts and the supervisor's overview. */
import * as v from 'valibot'
import { MANAGER_ROLES, type Role } from '../roles'
import type { ScriptAck, ScriptRun } from '../entities'
import { action, defineActions, epochMs, id } from './define'

/** A finished guided-script run as the server stored it. */
export interface ScriptRunOut extends Pick<ScriptRun, 'scriptId' | 'version' | 'outcome' | 'at'> {
  id: string
}
/** A read receipt: the newest version of a script the person has confirmed reading. */
export type ScriptAckOut = Pick<ScriptAck, 'scriptId' | 'version' | 'at'>
export interface ScriptAckStatus {
  staffId: string
  name: string
  roles: Role[]
  /** scripts for this person's roles whose current version they have not confirmed */
  outdated: { scriptId: string; title: string; version: number; ackedVersion?: number }[]
}
export interface ScriptRunItem extends Pick<
  ScriptRun,
  | 'staffId'
  | 'staffName'
  | 'scriptId'
  | 'title'
  | 'version'
  | 'outcome'
  | 'outcomeLabel'
  | 'durationMs'
  | 'at'
> {
  id: string
}
/** Script, step and outcome ids of the script library ('gate.visitor', 'b.call', 'visitor.admitted'). */
const scriptKey = (what: string) =>
  v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, `${what}格式不正确`))
const scriptVersion = () =>
  v.pipe(
    v.number(),
    v.integer('版本应为整数'),
    v.minValue(1, '版本不正确'),
    v.maxValue(1_000_000, '版本不正确')
  )
/** Limits of a recorded run: long enough for any script, small enough for one outbox entry. */
export const RUN_LIMITS = {
  pathSteps: 200,
  answers: 60,
  answerChars: 500,
  maxDurationMs: 24 * 3600_000
} as const
const answersSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, '记录项名称不正确')),
    v.pipe(v.string(), v.maxLength(RUN_LIMITS.answerChars, `最多 ${RUN_LIMITS.answerChars} 个字`))
  ),
  v.check((o) => Object.keys(o).length <= RUN_LIMITS.answers, `最多 ${RUN_LIMITS.answers} 项`)
)

export const SCRIPTS_ACTIONS = defineActions({
  'scripts.recordRun': action<ScriptRunOut>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      scriptId: scriptKey('话术编号'),
      version: scriptVersion(),
      path: v.pipe(
        v.array(scriptKey('步骤编号')),
        v.minLength(1, '至少一步'),
        v.maxLength(RUN_LIMITS.pathSteps, `最多 ${RUN_LIMITS.pathSteps} 步`)
      ),
      answers: answersSchema,
      outcome: scriptKey('结果'),
      startedAt: epochMs(),
      finishedAt: epochMs(),
      durationMs: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(0, '用时不正确'),
        v.maxValue(RUN_LIMITS.maxDurationMs, '用时不正确')
      )
    }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '话术：记录一次按话术完成的服务'
  }),
  'scripts.ack': action<ScriptAckOut>()({
    fn: 'staff',
    input: v.strictObject({ scriptId: scriptKey('话术编号'), version: scriptVersion() }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '话术：确认已阅读新版本'
  }),
  'scripts.myAcks': action<ScriptAckOut[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '话术：我确认过的版本'
  }),
  'scripts.ackStatus': action<ScriptAckStatus[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '话术：本小区员工未确认的新版本'
  }),
  'scripts.runs': action<ScriptRunItem[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '话术：本小区最近的话术使用记录'
  })
})
