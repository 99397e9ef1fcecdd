import { rootStore } from '../../stores'
import { exportText } from '../../services/export'
import { GateAdminStore } from './gateStore'

export const gateAdmin = new GateAdminStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  now: () => Date.now(),
  newId: rootStore.newId,
  exportText: (name, text) => exportText(name, text)
})
