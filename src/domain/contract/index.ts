import * as v from 'valibot'
import { ROLES, MANAGER_ROLES, type Role } from '../roles'
import { CN_MOBILE } from '../privacy'
import { action, id, text, type ActionDef, type AnySchema } from './define'
import type { Shift } from '../entities'

export * from './define'

// ---- output shapes ----
export interface SessionOut {
  token?: string
  expiresAt?: number
  staff: StaffSelf
  via: 'demo' | 'wechat'
}
export interface EstateBrief {
  id: string
  name: string
  company: string
}
export interface StaffSelf {
  id: string
  name: string
  phone: string
  roles: Role[]
  estates: EstateBrief[]
}
export interface StaffListItem {
  id: string
  name: string
  /** masked: 138****5678 */
  phone: string
  roles: Role[]
  bound: boolean
  active: boolean
}
export interface BindCodeOut {
  code: string
  staffId: string
  expiresAt: number
}
export interface DemoAccount {
  staffId: string
  name: string
  roles: Role[]
  estateName: string
}
export interface HomeToday {
  estate: EstateBrief
  date: string
  shift: Pick<Shift, '_id' | 'post' | 'startedAt' | 'status'> | null
  /** Where the person can clock in today. */
  posts: string[]
  cards: { key: string; title: string; value: number; unit: string; tone: 'normal' | 'warn' | 'alert' }[]
}
export interface SweepOut {
  expiredBindCodes: number
  prunedOps: number
}

const roleSchema = v.picklist(ROLES, '岗位不正确')

/**
 * The whole API, each action declared once. The dispatcher, the typed client and the
 * authorization and bad-input tests all read this object.
 */
export const ACTIONS = {
  'auth.demoAccounts': action<DemoAccount[]>()({
    name: 'auth.demoAccounts',
    fn: 'auth',
    input: v.strictObject({}),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '演示模式：可一键登录的员工'
  }),
  'auth.demoLogin': action<SessionOut>()({
    name: 'auth.demoLogin',
    fn: 'auth',
    input: v.strictObject({ staffId: id() }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '演示模式：以某位演示员工登录'
  }),
  'auth.wxLogin': action<SessionOut>()({
    name: 'auth.wxLogin',
    fn: 'auth',
    input: v.strictObject({ wxCode: v.optional(text(128)) }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '微信登录：按 OPENID 找到已绑定的员工'
  }),
  'auth.bind': action<SessionOut>()({
    name: 'auth.bind',
    fn: 'auth',
    input: v.strictObject({
      code: v.pipe(v.string(), v.trim(), v.regex(/^[A-Z0-9]{8}$/i, '绑定码是8位字母或数字')),
      wxCode: v.optional(text(128))
    }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '用主管给的绑定码把微信绑定到员工账号'
  }),
  'auth.logout': action<{ done: true }>()({
    name: 'auth.logout',
    fn: 'auth',
    input: v.strictObject({}),
    access: 'any',
    scope: 'none',
    write: false,
    summary: '退出登录'
  }),
  'me.profile': action<StaffSelf>()({
    name: 'me.profile',
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'none',
    write: false,
    summary: '我的资料与任职小区'
  }),
  'home.today': action<HomeToday>()({
    name: 'home.today',
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '首页：今天的工作'
  }),
  'shift.start': action<Shift>()({
    name: 'shift.start',
    fn: 'staff',
    input: v.strictObject({ id: id(), post: text(32) }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '上岗打卡'
  }),
  'shift.end': action<Shift>()({
    name: 'shift.end',
    fn: 'staff',
    input: v.strictObject({ shiftId: id() }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '下岗'
  }),
  'staff.list': action<StaffListItem[]>()({
    name: 'staff.list',
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '本小区员工名单'
  }),
  'staff.create': action<{ staff: StaffListItem; bindCode: BindCodeOut }>()({
    name: 'staff.create',
    fn: 'admin',
    input: v.strictObject({
      name: text(20),
      phone: v.pipe(v.string(), v.trim(), v.regex(CN_MOBILE, '请填写11位手机号')),
      roles: v.pipe(v.array(roleSchema), v.minLength(1, '至少选择一个岗位'), v.maxLength(ROLES.length))
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '新增员工并生成绑定码'
  }),
  'staff.bindCode': action<BindCodeOut>()({
    name: 'staff.bindCode',
    fn: 'admin',
    input: v.strictObject({ staffId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '为员工重新生成绑定码'
  }),
  'cron.sweep': action<SweepOut>()({
    name: 'cron.sweep',
    fn: 'cron',
    input: v.strictObject({}),
    access: 'system',
    scope: 'none',
    write: false,
    summary: '定时清理：过期绑定码、旧的幂等记录'
  })
} as const

export type Actions = typeof ACTIONS
export type ActionName = keyof Actions
export type InputOf<A extends ActionName> = v.InferInput<Actions[A]['input']>
export type ParsedInputOf<A extends ActionName> = v.InferOutput<Actions[A]['input']>
export type OutputOf<A extends ActionName> = Actions[A] extends ActionDef<string, AnySchema, infer O> ? O : never

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[]

export function isActionName(name: unknown): name is ActionName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ACTIONS, name)
}

/** Roles that pass an action's access rule, for UI gating; the server decides for real. */
export function rolesFor(name: ActionName): readonly Role[] {
  const a = ACTIONS[name].access
  if (a === 'public' || a === 'any') return ROLES
  if (a === 'system') return []
  return a
}

/** The request every transport carries. */
export interface Request<A extends ActionName = ActionName> {
  action: A
  input: InputOf<A>
  estateId?: string
  /** For writes: the client's operation id (the idempotency key) and its device time. */
  op?: { id: string; deviceTime: number }
  token?: string
}
