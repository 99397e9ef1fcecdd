export const ROLES = [
  'guard',
  'patrol',
  'housekeeper',
  'cleaner',
  'engineer',
  'service',
  'supervisor',
  'admin'
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  guard: '门岗',
  patrol: '巡逻',
  housekeeper: '管家',
  cleaner: '保洁',
  engineer: '工程',
  service: '客服',
  supervisor: '主管',
  admin: '管理员'
}

/** Roles that may manage staff of an estate (create staff, issue bind codes). */
export const MANAGER_ROLES: readonly Role[] = ['supervisor', 'admin']

/** Everyone who works on site. */
export const ALL_ROLES: readonly Role[] = ROLES

export function hasAnyRole(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return roles.some((r) => allowed.includes(r))
}

export function roleNames(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join('、')
}
