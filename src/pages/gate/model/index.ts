/** The gate subpackage's store, wired to the app's services; only gate pages import it. */
import { rootStore } from '../../stores'
import { storage } from '../../services/storage'
import { GateStore } from './store'

export const gate = new GateStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  staffName: () => rootStore.session.staff?.name,
  shiftPost: () => rootStore.home.shift?.post,
  now: () => Date.now(),
  newId: rootStore.newId
})

export const GATE_URLS = {
  home: '/pages/gate/index',
  visitor: '/pages/gate/visitor/index',
  pass: '/pages/gate/pass/index',
  vehicle: '/pages/gate/vehicle/index',
  goods: '/pages/gate/goods/index'
}
