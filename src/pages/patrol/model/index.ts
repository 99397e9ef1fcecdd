/**
 * The patrol subpackage's one place that makes its store: the class (./patrol.ts) takes its
 * services and clock injected, and this wires them to the app's.
 */
import { rootStore } from '../../../stores'
import { storage } from '../../../services/storage'
import { currentPosition } from '../../../services/location'
import { PatrolStore } from './patrol'

/** The clock the store reads: pages take the time from here, never from Date.now(). */
export const now = rootStore.now

export const patrol = new PatrolStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  staffName: () => rootStore.session.staff?.name,
  now,
  newId: rootStore.newId,
  position: () => currentPosition()
})
