/** The safety subpackage's one place that makes its store, wired to the app's services. */
import { rootStore } from '../../../stores'
import { AlertsStore } from './alerts'

export const alerts = new AlertsStore({ api: () => rootStore.api, outbox: rootStore.outbox })
