import type { ActionName } from '../../src/domain/contract'
import type { Harness } from './harness'

/**
 * A valid input for every action, typed over the contract: adding an action without an
 * example here fails the typecheck, so the matrix and bad-input suites always cover it.
 */
let seq = 0

export const EXAMPLES: { [A in ActionName]: (h: Harness) => Promise<Record<string, unknown>> | Record<string, unknown> } = {
  'auth.demoAccounts': () => ({}),
  'auth.demoLogin': () => ({ staffId: 'demo-guard' }),
  'auth.wxLogin': () => ({}),
  'auth.bind': () => ({ code: 'ABCDEFGH' }),
  'auth.logout': () => ({}),
  'me.profile': () => ({}),
  'home.today': () => ({}),
  'shift.start': () => ({ id: `shift-${++seq}`, post: '东门岗' }),
  'shift.end': () => ({ shiftId: 'no-such-shift' }),
  'staff.list': () => ({}),
  'staff.create': () => ({ name: '新员工', phone: '13912345678', roles: ['cleaner'] }),
  'staff.bindCode': () => ({ staffId: 'demo-cleaner' }),
  'cron.sweep': () => ({})
}
