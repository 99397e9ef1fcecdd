/**
 * The patrol subpackage's one place that makes its store: the class (./patrol.ts) takes its
 * services and clock injected, and this wires them to the app's.
 */
import { rootStore } from '../../../stores'
import { storage } from '../../../services/storage'
import { currentPosition } from '../../../services/location'
import { PatrolStore } from './patrol'
import { CheckInStore } from './safety'
import { buzz } from '../../../services/alarm'

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

/** Lone-worker check-ins (我安全) and the panic button of the round being walked. */
export const safety = new CheckInStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  now,
  newId: rootStore.newId,
  position: () => currentPosition(3000),
  round: () => {
    const a = patrol.active
    if (!a) return undefined
    const card = patrol.cards.find((c) => c.round?.id === a.id)
    const queued = rootStore.outbox.mine.find(
      (e) => e.action === 'patrol.start' && (e.input as { id: string }).id === a.id
    )
    return { id: a.id, startedAt: card?.round?.startedAt ?? queued?.deviceTime ?? now() }
  },
  buzz
})
