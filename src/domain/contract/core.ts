/**
 * The part of the contract the main package needs: signing in, the home page (shift, inbox) and
 * photos. The mini program's main package imports only this (through src/stores/api.ts); the
 * subpackages bring their own areas' actions (gate.ts, patrol.ts, work.ts, staff.ts, scripts.ts)
 * and hand them to the client with `loadActions`. The cloud and the tests read the whole
 * registry in index.ts.
 */
import * as v from 'valibot'
import type { Role } from '../roles'
import { CN_MOBILE } from '../privacy'
import { action, defineActions, devicePosition, epochMs, id, rawText, text } from './define'
import type { Estate, SessionDoc, SessionVia, Shift, Staff } from '../entities'
import type { InboxItem } from '../work/model'

// ---- output shapes ----
export interface SessionOut {
  token?: string
  expiresAt?: number
  staff: StaffSelf
  via: SessionVia
}
/** The first setup: in WeChat a session; on our own server without WeChat, the admin's bind code. */
export interface SetupOut extends SessionOut {
  bindCode?: { code: string; staffId: string; expiresAt: number }
}
/** A live sign-in of a person: where and when it was made. */
export interface SessionItem extends Pick<SessionDoc, 'via' | 'createdAt' | 'expiresAt'> {
  id: string
  device: string
  /** the session this request came with */
  current: boolean
}
export interface EstateBrief extends Pick<Estate, 'name' | 'company'> {
  id: string
}
export interface StaffSelf extends Pick<Staff, 'name' | 'phone' | 'roles'> {
  id: string
  estates: EstateBrief[]
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
  /** `flags`: the clock-in's attendance flags in words (不在岗位范围内…), when it has any */
  shift: (Pick<Shift, '_id' | 'post' | 'startedAt' | 'status'> & { flags?: string }) | null
  /** Today's last shift, when it has ended and none is open. */
  lastOff?: { post: string; endedAt: number }
  /** Where the person can clock in today. */
  posts: string[]
  cards: { key: string; title: string; value: number; unit: string; tone: 'normal' | 'warn' | 'alert' }[]
  /** Handovers waiting at the person's posts (交接班), oldest first. */
  handovers?: { id: string; post: string; fromName: string; at: number }[]
  /** Lone-worker alerts nobody acknowledged yet (managers and guards): the red banner, newest first. */
  safety?: { id: string; title: string; lines: string[]; at: number }[]
  /** Emergencies nobody has taken (managers and the department sent to): red banners too, oldest first; `url` opens it. */
  emergencies?: { id: string; title: string; lines: string[]; at: number; url: string }[]
}
export interface FileOut {
  id: string
  fileId: string
  staffId: string
  estateId: string
  takenAt: number
  at: number
}
/** A photo's place in cloud storage, reserved before its bytes go up (`files.reserve`). */
export interface FileReserveOut {
  /** where to upload it (`wx.cloud.uploadFile({ cloudPath })`) */
  cloudPath: string
  /** register it (`files.register`) before this, or the hourly sweep deletes it */
  expiresAt: number
}
/** The largest photo a phone may reserve cloud storage for. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024
const PHOTO_SIZE_MSG = '照片大小不对（最大10MB）'
export interface InboxOut extends Pick<InboxItem, 'kind' | 'title' | 'refId' | 'at'> {
  id: string
}

/**
 * Where the phone was at a clock-in or clock-out (attendance): its position and the BSSID of
 * its Wi-Fi, or why there was no position. The server checks them against the post and flags.
 */
const clockWhere = () =>
  v.strictObject({
    position: v.optional(devicePosition()),
    bssid: v.optional(v.pipe(v.string(), v.maxLength(32))),
    noPositionReason: v.optional(v.pipe(v.string(), v.maxLength(60)))
  })

/** The actions the main package's pages and stores call. */
export const CORE_ACTIONS = defineActions({
  'auth.demoAccounts': action<DemoAccount[]>()({
    fn: 'auth',
    input: v.strictObject({}),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '演示模式：可一键登录的员工'
  }),
  'auth.demoLogin': action<SessionOut>()({
    fn: 'auth',
    input: v.strictObject({ staffId: id() }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '演示模式：以某位演示员工登录'
  }),
  'auth.wxLogin': action<SessionOut>()({
    fn: 'auth',
    input: v.strictObject({ wxCode: v.optional(rawText(128)) }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '微信登录：按 OPENID 找到已绑定的员工'
  }),
  'auth.bind': action<SessionOut>()({
    fn: 'auth',
    input: v.strictObject({
      code: v.pipe(v.string(), v.trim(), v.regex(/^[A-Z0-9]{8}$/i, '绑定码是8位字母或数字')),
      wxCode: v.optional(rawText(128))
    }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '用主管给的绑定码把微信绑定到员工账号'
  }),
  'auth.setup': action<SetupOut>()({
    fn: 'auth',
    input: v.strictObject({
      setupToken: rawText(200),
      company: text(40),
      estateName: text(40),
      estateAddress: v.optional(text(100, 0), ''),
      adminName: text(20),
      adminPhone: v.pipe(v.string(), v.trim(), v.regex(CN_MOBILE, '请填写11位手机号')),
      wxCode: v.optional(rawText(128))
    }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '首次部署：用 SETUP_TOKEN 建第一个小区和第一位管理员（绑定调用者的微信），只能用一次'
  }),
  'auth.codeLogin': action<SessionOut>()({
    fn: 'auth',
    input: v.strictObject({
      code: v.pipe(v.string(), v.trim(), v.regex(/^[A-Z0-9]{8}$/i, '绑定码是8位字母或数字')),
      device: v.optional(v.pipe(v.string(), v.maxLength(400)))
    }),
    access: 'public',
    scope: 'none',
    write: false,
    summary: '网页版：用绑定码登录这台设备'
  }),
  'auth.logout': action<{ done: true }>()({
    fn: 'auth',
    input: v.strictObject({}),
    access: 'any',
    scope: 'none',
    write: false,
    summary: '退出登录'
  }),
  'me.profile': action<StaffSelf>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'none',
    write: false,
    summary: '我的资料与任职小区'
  }),
  'me.sessions': action<SessionItem[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'none',
    write: false,
    summary: '我的登录设备'
  }),
  'home.today': action<HomeToday>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '首页：今天的工作'
  }),
  'shift.start': action<Shift>()({
    fn: 'staff',
    input: v.strictObject({ id: id(), post: text(32), where: v.optional(clockWhere()) }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '上岗打卡'
  }),
  'shift.end': action<Shift>()({
    fn: 'staff',
    input: v.strictObject({ shiftId: id(), where: v.optional(clockWhere()) }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '下岗'
  }),
  'files.register': action<FileOut>()({
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
  // before a photo goes to cloud storage: its uploader, estates and declared size are recorded
  // first (quota, outstanding cap); the answer is where to upload it
  'files.reserve': action<FileReserveOut>()({
    fn: 'staff',
    input: v.strictObject({
      id: id(),
      size: v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1, PHOTO_SIZE_MSG),
        v.maxValue(PHOTO_MAX_BYTES, PHOTO_SIZE_MSG)
      )
    }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '预约照片上传'
  }),
  'work.inbox': action<InboxOut[]>()({
    fn: 'staff',
    input: v.strictObject({}),
    access: 'any',
    scope: 'estate',
    write: false,
    summary: '新消息：派给我的、超时的、已处理的'
  }),
  'work.inboxRead': action<{ read: number }>()({
    fn: 'staff',
    input: v.strictObject({ ids: v.pipe(v.array(id()), v.maxLength(100)) }),
    access: 'any',
    scope: 'estate',
    write: true,
    summary: '新消息：标为已读'
  })
})
