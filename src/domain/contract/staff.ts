/** The staff list and bind codes (the supervisor's staff page; gate and task boards read the list). */
import * as v from 'valibot'
import { ROLES, MANAGER_ROLES } from '../roles'
import { CN_MOBILE } from '../privacy'
import type { BindCode, Staff } from '../entities'
import { action, defineActions, id, text } from './define'
import type { SessionItem } from './core'

export interface StaffListItem extends Pick<Staff, 'name' | 'roles' | 'active'> {
  id: string
  /** masked: 138****5678 */
  phone: string
  bound: boolean
  /** the estates the person works in (ids; the page names the ones the manager holds) */
  estateIds: string[]
  /** waiting for their first bind: a code was issued and the person never bound */
  pending: boolean
}
export interface StaffDisabledOut {
  staff: StaffListItem
  /** held tasks sent back to their pool */
  releasedTasks: number
  /** sessions ended */
  endedSessions: number
}
export interface BindCodeOut extends Pick<BindCode, 'staffId' | 'expiresAt'> {
  code: string
}

const roleSchema = v.picklist(ROLES, '岗位不正确')
const phoneSchema = v.pipe(v.string(), v.trim(), v.regex(CN_MOBILE, '请填写11位手机号'))
const rolesSchema = v.pipe(v.array(roleSchema), v.minLength(1, '至少选择一个岗位'), v.maxLength(ROLES.length))

export const STAFF_ACTIONS = defineActions({
  'staff.list': action<StaffListItem[]>()({
    fn: 'admin',
    input: v.strictObject({}),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '本小区员工名单'
  }),
  'staff.create': action<{ staff: StaffListItem; bindCode: BindCodeOut }>()({
    fn: 'admin',
    input: v.strictObject({
      name: text(20),
      phone: phoneSchema,
      roles: rolesSchema
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '新增员工并生成绑定码'
  }),
  'staff.bindCode': action<BindCodeOut>()({
    fn: 'admin',
    input: v.strictObject({ staffId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '为员工重新生成绑定码（手机丢了：原来的绑定和登录随即失效，之前的绑定码作废）'
  }),
  'staff.update': action<StaffListItem>()({
    fn: 'admin',
    input: v.strictObject({
      staffId: id(),
      name: v.optional(text(20)),
      phone: v.optional(phoneSchema),
      roles: v.optional(rolesSchema),
      estateIds: v.optional(v.pipe(v.array(id()), v.minLength(1, '至少选择一个小区'), v.maxLength(50)))
    }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '修改员工的姓名、手机号、岗位、任职小区'
  }),
  'staff.disable': action<StaffDisabledOut>()({
    fn: 'admin',
    input: v.strictObject({ staffId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '停用员工：登录立即失效、解绑微信、未完成的任务退回任务池'
  }),
  'staff.sessions': action<SessionItem[]>()({
    fn: 'admin',
    input: v.strictObject({ staffId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: false,
    summary: '员工在用的登录设备'
  }),
  'staff.revokeSession': action<{ revoked: boolean }>()({
    fn: 'admin',
    input: v.strictObject({ staffId: id(), sessionId: id() }),
    access: MANAGER_ROLES,
    scope: 'estate',
    write: true,
    summary: '让员工的某台设备退出登录'
  })
})
