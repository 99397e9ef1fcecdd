/**
 * The gate subpackage's one place that makes its store: the class (./gate.ts) takes its services
 * and clock injected, and this wires them to the app's. Only gate pages import it.
 */
import { rootStore } from '../../../stores'
import { storage } from '../../../services/storage'
import { GateStore } from './gate'

/** The clock the store reads: pages take the time from here, never from Date.now(). */
export const now = rootStore.now

export const gate = new GateStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  staffName: () => rootStore.session.staff?.name,
  shiftPost: () => rootStore.home.shift?.post,
  now,
  newId: rootStore.newId
})

export const GATE_URLS = {
  home: '/pages/gate/index',
  visitor: '/pages/gate/visitor/index',
  pass: '/pages/gate/pass/index',
  vehicle: '/pages/gate/vehicle/index',
  goods: '/pages/gate/goods/index'
}

export type { VehicleRow, VisitorRow } from './gate'
