/**
 * The desk subpackage's one place that makes its store: the class (./desk.ts) takes its services
 * and clock injected, and this wires them to the app's.
 */
import { rootStore } from '../../../stores'
import { storage } from '../../../services/storage'
import { DeskStore } from './desk'

/** The clock the store reads: pages take the time from here, never from Date.now(). */
export const now = rootStore.now

export const desk = new DeskStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  now,
  newId: rootStore.newId
})
