import { rootStore } from '../../stores'
import { WorkAdminStore } from './workStore'

export const workAdmin = new WorkAdminStore({ api: () => rootStore.api, outbox: rootStore.outbox, now: () => Date.now(), newId: rootStore.newId })
