/**
 * The supervisor subpackage's one place that makes its stores: each class (gate.ts, patrol.ts,
 * work.ts, staff.ts) takes its services and clock injected, and this wires them to the app's.
 * None of it is in the main package.
 */
import { rootStore } from '../../../stores'
import { exportText } from '../../../services/export'
import { GateAdminStore } from './gate'
import { PatrolAdminStore } from './patrol'
import { StaffAdminStore } from './staff'
import { WorkAdminStore } from './work'

/** The clock the stores read: pages take the time from here, never from Date.now(). */
export const now = rootStore.now

const app = { api: () => rootStore.api, outbox: rootStore.outbox, now, newId: rootStore.newId }

export const gateAdmin = new GateAdminStore({ ...app, exportText: (name, text) => exportText(name, text) })
export const patrolAdmin = new PatrolAdminStore(app)
export const workAdmin = new WorkAdminStore(app)
export const staffAdmin = new StaffAdminStore({ api: app.api })

export { SHIFTS } from './gate'
