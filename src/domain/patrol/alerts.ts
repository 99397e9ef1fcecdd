/**
 * The patrol line on the supervisor's first screen: today's missed and late rounds and
 * suspicious scans, or nothing when there are none. Pure. Tested in test/unit/domain/patrol/alerts.test.ts.
 */
import type { PatrolDay } from '../contract'

export function patrolAlert(
  c: Pick<PatrolDay['counts'], 'missed' | 'late' | 'suspicious'>
): string | undefined {
  if (!c.missed && !c.late && !c.suspicious) return undefined
  return `巡更：今天漏巡 ${c.missed} 轮，迟到 ${c.late} 轮${c.suspicious ? `，可疑打点 ${c.suspicious} 个` : ''}`
}
