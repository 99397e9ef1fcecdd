import { rootStore } from '../../stores'
import { PatrolAdminStore } from './patrolStore'

export const patrolAdmin = new PatrolAdminStore({ api: () => rootStore.api, outbox: rootStore.outbox, now: () => Date.now(), newId: rootStore.newId })
