import { defineHandlers } from '../kit'
import * as auth from './auth'
import * as home from './home'
import * as people from './people'
import * as shift from './shift'

/** The staff area: sign-in, the person's own record and home page, shifts, the staff list. */
export const STAFF_HANDLERS = defineHandlers({
  'auth.demoAccounts': auth.demoAccounts,
  'auth.demoLogin': auth.demoLogin,
  'auth.wxLogin': auth.wxLogin,
  'auth.bind': auth.bind,
  'auth.setup': auth.setup,
  'auth.codeLogin': auth.codeLogin,
  'auth.logout': auth.logout,
  'me.profile': people.profile,
  'me.sessions': people.mySessions,
  'home.today': home.today,
  'shift.start': shift.start,
  'shift.end': shift.end,
  'staff.list': people.list,
  'staff.create': people.create,
  'staff.bindCode': people.bindCode,
  'staff.update': people.update,
  'staff.disable': people.disable,
  'staff.sessions': people.sessions,
  'staff.revokeSession': people.revokeSession
})
