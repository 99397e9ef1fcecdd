/**
 * The handover subpackage's one place that makes its store: the class (./handover.ts) takes its
 * services and clock injected, and this wires them to the app's.
 */
import { rootStore } from '../../../stores'
import { storage } from '../../../services/storage'
import { HandoverDayStore, HandoverStore } from './handover'

/** The clock the store reads: pages take the time from here, never from Date.now(). */
export const now = rootStore.now

export const handover = new HandoverStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  shift: () => rootStore.home.shift,
  endShift: () => rootStore.home.endShift(),
  now,
  newId: rootStore.newId
})

export const HANDOVER_URL = '/pages/handover/index'

/** The supervisor's day of handovers (shown as a section of the supervisor's page). */
export const handoverDay = new HandoverDayStore({ api: () => rootStore.api, now })
