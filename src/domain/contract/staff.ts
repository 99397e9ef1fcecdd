/** The staff list and bind codes (the supervisor's staff page; gate and task boards read the list). */
import * as v from 'valibot'
import { ROLES, MANAGER_ROLES } from '../roles'
import { CN_MOBILE } from '../privacy'
import type { BindCode, Staff } from '../entities'
import { action, defineActions, id, text } from './define'

export interface StaffListItem extends Pick<Staff, 'name' | 'roles' | 'active'> {
  id: string
  /** masked: 138****5678 */
  phone: string
  bound: boolean
}
export interface BindCodeOut extends Pick<BindCode, 'staffId' | 'expiresAt'> {
  code: string
}

const roleSchema = v.picklist(ROLES, '岗位不正确')

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
      phone: v.pipe(v.string(), v.trim(), v.regex(CN_MOBILE, '请填写11位手机号')),
      roles: v.pipe(v.array(roleSchema), v.minLength(1, '至少选择一个岗位'), v.maxLength(ROLES.length))
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
    summary: '为员工重新生成绑定码'
  })
})
