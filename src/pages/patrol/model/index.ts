import { rootStore } from '../../stores'
import { storage } from '../../services/storage'
import { currentPosition } from '../../services/location'
import { PatrolStore } from './store'

export const patrol = new PatrolStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  staffName: () => rootStore.session.staff?.name,
  now: () => Date.now(),
  newId: rootStore.newId,
  position: () => currentPosition()
})
