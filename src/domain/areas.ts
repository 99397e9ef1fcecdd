import type { Role } from './roles'

/** The work areas (one subpackage each) and who uses them. */
export interface Area {
  key: 'gate' | 'desk' | 'patrol' | 'tasks' | 'supervisor' | 'report' | 'attendance' | 'scripts'
  title: string
  desc: string
  url: string
  roles: readonly Role[]
}

export const AREAS: readonly Area[] = [
  {
    key: 'gate',
    title: '门岗',
    desc: '访客、车辆、物品放行',
    url: '/pages/gate/index',
    roles: ['guard', 'supervisor', 'admin']
  },
  {
    key: 'desk',
    title: '前台',
    desc: '访客通行证、物品放行条',
    url: '/pages/desk/index',
    roles: ['service', 'supervisor', 'admin']
  },
  {
    key: 'patrol',
    title: '巡逻',
    desc: '巡更路线与打点',
    url: '/pages/patrol/index',
    roles: ['patrol', 'guard', 'supervisor', 'admin']
  },
  {
    key: 'tasks',
    title: '任务',
    desc: '今日任务与报事处理',
    url: '/pages/work/tasks/index',
    // 门岗 and 巡逻 are 保安部: its pool tasks and emergencies reach them here
    roles: ['housekeeper', 'cleaner', 'engineer', 'service', 'guard', 'patrol', 'supervisor', 'admin']
  },
  {
    key: 'supervisor',
    title: '主管',
    desc: '员工、派单、日报',
    url: '/pages/supervisor/index',
    roles: ['supervisor', 'admin']
  },
  {
    key: 'report',
    title: '日报',
    desc: '昨天的日报、分享图片、各小区对比',
    url: '/pages/report/index',
    roles: ['supervisor', 'admin']
  },
  {
    key: 'attendance',
    title: '考勤',
    desc: '今日考勤、排班、月度考勤表',
    url: '/pages/attendance/index',
    roles: ['supervisor', 'admin']
  },
  {
    key: 'scripts',
    title: '话术',
    desc: '服务规范与标准用语',
    url: '/pages/scripts/index',
    roles: ['guard', 'patrol', 'housekeeper', 'cleaner', 'engineer', 'service', 'supervisor', 'admin']
  }
]

/** Areas for a person, their own role's areas first. */
export function areasFor(roles: readonly Role[]): Area[] {
  return AREAS.filter((a) => a.roles.some((r) => roles.includes(r)))
}

/** Where a person stands today: gates for guards, otherwise their role. */
export function postsFor(
  roles: readonly Role[],
  gates: readonly string[],
  labels: Record<Role, string>
): string[] {
  const out: string[] = []
  // a gate is clocked in at as 东门岗; a post (岗亭) already says what it is: 地库岗亭, 监控室
  if (roles.includes('guard')) out.push(...gates.map((g) => (/(岗|岗亭|室)$/.test(g) ? g : `${g}岗`)))
  for (const r of roles) if (r !== 'guard' && r !== 'admin') out.push(labels[r])
  if (!out.length) out.push(labels[roles[0]] ?? '值班')
  return [...new Set(out)]
}
