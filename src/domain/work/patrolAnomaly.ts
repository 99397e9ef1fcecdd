/**
 * Where a patrol anomaly goes. A guard who finds something wrong at a checkpoint reports it in one
 * tap; the report names no category (其他), so the question's topic decides the department: a leak
 * to 工程部 as 漏水, rubbish to 清洁部, a blocked exit to 保安部, fire equipment and other plant to 工程部.
 * Only what matches no topic stays 其他 with 客服部.
 */
import { categoryOf, type Category, type Dept } from './model'

interface Topic {
  match: RegExp
  category: string
  /** when the category's own department is not the one (equipment reported as 其他) */
  dept?: Dept
}

/** Checked in order against each anomaly line (the question's label and the answer): the first that matches wins. */
const TOPICS: readonly Topic[] = [
  { match: /漏水|渗水|积水|水浸|滴水|水管|爆管/, category: 'leak' },
  { match: /电梯/, category: 'elevator' },
  { match: /消防通道|安全出口|疏散|楼梯间堵/, category: 'fireExit' },
  { match: /消防车道/, category: 'fireLane' },
  { match: /可疑|陌生人|闲杂人/, category: 'suspicious' },
  { match: /门|锁|窗/, category: 'door' },
  { match: /灯|照明/, category: 'light' },
  { match: /垃圾|卫生|清洁|污渍|杂物|异味/, category: 'rubbish' },
  { match: /噪音|吵/, category: 'noise' },
  { match: /消防|灭火器|设施|设备|配电|水泵|电箱|监控|摄像/, category: 'other', dept: 'engineering' }
]

export interface AnomalyRoute {
  category: Category
  dept: Dept
}

/** The category and department of a patrol anomaly from its lines (`标签：回答`); 其他/客服部 when none matches. */
export function anomalyRoute(lines: readonly string[]): AnomalyRoute {
  for (const line of lines)
    for (const t of TOPICS)
      if (t.match.test(line)) {
        const category = categoryOf(t.category)!
        return { category, dept: t.dept ?? category.dept }
      }
  const other = categoryOf('other')!
  return { category: other, dept: other.dept }
}

/** The phone's note on a patrol anomaly report: 巡更发现：line；line. */
export const PATROL_NOTE_PREFIX = '巡更发现：'

/** The anomaly lines of a patrol report's note, or none when the note is not one. */
export function anomalyLinesOf(note: string | undefined): string[] {
  if (!note?.startsWith(PATROL_NOTE_PREFIX)) return []
  return note
    .slice(PATROL_NOTE_PREFIX.length)
    .split('；')
    .map((s) => s.trim())
    .filter(Boolean)
}
