import type { ActionName, OutputOf, ParsedInputOf } from '../../domain/contract'
import type { Ctx } from '../context'
import * as auth from './auth'
import * as cron from './cron'
import * as files from './files'
import * as home from './home'
import * as scripts from './scripts'
import * as shift from './shift'
import * as staff from './staff'

export type Handler<A extends ActionName> = (input: ParsedInputOf<A>, ctx: Ctx) => Promise<OutputOf<A>>

/** Every action in the contract must have exactly one handler: the type enforces it. */
export const HANDLERS: { [A in ActionName]: Handler<A> } = {
  'auth.demoAccounts': auth.demoAccounts,
  'auth.demoLogin': auth.demoLogin,
  'auth.wxLogin': auth.wxLogin,
  'auth.bind': auth.bind,
  'auth.logout': auth.logout,
  'me.profile': staff.profile,
  'home.today': home.today,
  'shift.start': shift.start,
  'shift.end': shift.end,
  'staff.list': staff.list,
  'staff.create': staff.create,
  'staff.bindCode': staff.bindCode,
  'scripts.recordRun': scripts.recordRun,
  'scripts.ack': scripts.ack,
  'scripts.myAcks': scripts.myAcks,
  'scripts.ackStatus': scripts.ackStatus,
  'scripts.runs': scripts.runs,
  'files.register': files.register,
  'cron.sweep': cron.sweep
}
