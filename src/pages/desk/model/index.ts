import { rootStore } from '../../stores'
import { storage } from '../../services/storage'
import { DeskStore } from './store'

export const desk = new DeskStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  now: () => Date.now(),
  newId: rootStore.newId
})
