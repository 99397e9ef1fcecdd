import type { ActionName } from '../../src/domain/contract'
import type { Harness } from './harness'
import { T0 } from './harness'
import { outcome, requireScript, walk } from '../../src/domain/scripts'

/** A finished run of the visitor script, case B (an owner's guest, admitted). */
export function visitorRunB(id: string, at = T0) {
  const script = requireScript('gate.visitor')
  const state = walk(script, ['B 访客找业主', '已约好', 'next', '业主同意', '已登记、发来访卡'], at, { room: '1-1-101' })
  const o = outcome(script, state, at + 60_000)
  return {
    id,
    scriptId: o.scriptId,
    version: o.version,
    path: o.path,
    answers: o.answers,
    outcome: o.kind,
    startedAt: o.startedAt,
    finishedAt: o.finishedAt,
    durationMs: o.durationMs
  }
}

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
  'scripts.recordRun': () => visitorRunB(`run-${++seq}`),
  'scripts.ack': () => ({ scriptId: 'gate.visitor', version: 1 }),
  'scripts.myAcks': () => ({}),
  'scripts.ackStatus': () => ({}),
  'scripts.runs': () => ({}),
  'files.register': () => ({ id: `photo-${++seq}-abcdefgh`, fileId: 'local:abc', takenAt: 1_700_000_000_000 }),
  'cron.sweep': () => ({})
}
