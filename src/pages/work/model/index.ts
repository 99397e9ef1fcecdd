/**
 * The work subpackage's one place that makes its store: the class (./work.ts) takes its services
 * and clock injected, and this wires them to the app's.
 */
import { rootStore } from '../../../stores'
import { storage } from '../../../services/storage'
import { currentPosition } from '../../../services/location'
import { WorkStore } from './work'

/** The clock the store reads: pages take the time from here, never from Date.now(). */
export const now = rootStore.now

export const work = new WorkStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  staffId: () => rootStore.session.staff?.id,
  now,
  newId: rootStore.newId,
  place: () => rootStore.home.shift?.post,
  position: () => currentPosition()
})
