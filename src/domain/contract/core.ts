/**
 * The part of the contract the main package needs: signing in, the home page (shift, inbox),
 * the staff list, guided scripts and photos. The mini program's main package imports only
 * this (through src/stores/api.ts); each subpackage brings its own area's actions (gate.ts,
 * patrol.ts, work.ts) and hands them to the client with `loadActions`. The cloud and the tests
 * read the whole registry in index.ts.
 */
import * as v from 'valibot'
import { ROLES, MANAGER_ROLES, type Role } from '../roles'
import { CN_MOBILE } from '../privacy'
import { action, epochMs, id, text } from './define'
import type { Shift } from '../entities'

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
/** A finished guided-script run as the server stored it. */
export interface ScriptRunOut {
  id: string
  scriptId: string
  version: number
  outcome: string
  at: number
}
/** A read receipt: the newest version of a script the person has confirmed reading. */
export interface ScriptAckOut {
  scriptId: string
  version: number
  at: number
}
export interface ScriptAckStatus {
  staffId: string
  name: string
  roles: Role[]
  /** scripts for this person's roles whose current version they have not confirmed */
  outdated: { scriptId: string; title: string; version: number; ackedVersion?: number }[]
}
export interface ScriptRunItem {
  id: string
  staffId: string
  staffName: string
  scriptId: string
  title: string
  version: number
  outcome: string
  outcomeLabel: string
  durationMs: number
  /** server time the run was recorded */
  at: number
}
export interface FileOut {
  id: string
  fileId: string
  staffId: string
  estateId: string
  takenAt: number
  at: number
}
export interface InboxOut {
  id: string
  kind: string
  title: string
  refId: string
  at: number
}

const roleSchema = v.picklist(ROLES, '岗位不正确')

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

/** The actions the main package's pages and stores call. */
export const CORE_ACTIONS = {
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
  'auth.setup': action<SessionOut>()({
    name: 'auth.setup',
    fn: 'auth',
    input: v.strictObject({
      setupToken: text(200),
      company: text(40),
      estateName: text(40),
      estateAddress: v.optional(text(100, 0), ''),
      adminName: text(20),
      adminPhone: v.pipe(v.string(), v.trim(), v.regex(CN_MOBILE, '请填写11位手机号')),
      wxCode: v.optional(text(128))
    }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '首次部署：用 SETUP_TOKEN 建第一个小区和第一位管理员（绑定调用者的微信），只能用一次'
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
  'scripts.recordRun': action<ScriptRunOut>()({
    name: 'scripts.recordRun',
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
    name: 'scripts.ack',
    fn: 'staff',
    input: v.strictObject({ scriptId: scriptKey('话术编号'), version: scriptVersion() }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '话术：确认已阅读新版本'
  }),
  'scripts.myAcks': action<ScriptAckOut[]>()({
    name: 'scripts.myAcks',
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '话术：我确认过的版本'
  }),
  'scripts.ackStatus': action<ScriptAckStatus[]>()({
    name: 'scripts.ackStatus',
    fn: 'staff',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '话术：本小区员工未确认的新版本'
  }),
  'scripts.runs': action<ScriptRunItem[]>()({
    name: 'scripts.runs',
    fn: 'staff',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '话术：本小区最近的话术使用记录'
  }),
  'files.register': action<FileOut>()({
    name: 'files.register',
    fn: 'staff',
    // fileId: a cloud storage id (cloud://…) or our server's (local:<id>)
    input: v.strictObject({
      id: id(),
      fileId: v.pipe(v.string(), v.regex(/^(cloud:\/\/|local:)[^\s]{1,300}$/, '文件编号格式不正确')),
      takenAt: epochMs()
    }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '登记已上传的照片'
  }),
  'work.inbox': action<InboxOut[]>()({
    name: 'work.inbox',
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '新消息：派给我的、超时的、已处理的'
  }),
  'work.inboxRead': action<{ read: number }>()({
    name: 'work.inboxRead',
    fn: 'staff',
    input: v.strictObject({ ids: v.pipe(v.array(id()), v.maxLength(100)) }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '新消息：标为已读'
  })
} as const
