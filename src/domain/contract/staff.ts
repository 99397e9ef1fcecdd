/** The staff list and bind codes (the supervisor's staff page; gate and task boards read the list). */
import * as v from 'valibot'
import { ROLES, MANAGER_ROLES, type Role } from '../roles'
import { CN_MOBILE } from '../privacy'
import { action, id, text } from './define'

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

const roleSchema = v.picklist(ROLES, '岗位不正确')

export const STAFF_ACTIONS = {
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
  })
} as const
