/**
 * Where a home-page message leads: a resolved report to my reports, an emergency or an
 * escalation to the supervisor's board, a task given or sent back to my tasks.
 * Pure. Tested in test/unit/domain/work/inbox.test.ts.
 */
import type { InboxItem } from './model'

export function inboxPage(kind: InboxItem['kind']): string {
  switch (kind) {
    case 'resolved':
      return '/pages/work/report/index'
    case 'emergency':
    case 'escalated':
      return '/pages/supervisor/work/index'
    case 'assigned':
    case 'rejected':
      return '/pages/work/tasks/index'
    case 'safety':
      return '/pages/safety/index'
  }
}
