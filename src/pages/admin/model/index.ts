/** The admin subpackage's one place that makes its store, wired to the app's services. */
import { rootStore } from '../../../stores'
import { pickSheet } from '../../../services/sheets'
import { EstatesAdminStore } from './estates'

export const estatesAdmin = new EstatesAdminStore({
  api: () => rootStore.api,
  newId: rootStore.newId,
  pickSheet,
  enterEstate: async (id) => {
    await rootStore.session.refreshProfile()
    rootStore.session.setEstate(id)
  }
})
export { ROOMS_SHOWN } from './estates'
