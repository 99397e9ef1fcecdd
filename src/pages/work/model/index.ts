import { rootStore } from '../../stores'
import { storage } from '../../services/storage'
import { currentPosition } from '../../services/location'
import { WorkStore } from './store'

export const work = new WorkStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  staffId: () => rootStore.session.staff?.id,
  now: () => Date.now(),
  newId: rootStore.newId,
  place: () => rootStore.home.shift?.post,
  position: () => currentPosition()
})
