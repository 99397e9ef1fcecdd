/**
 * The report subpackage's one place that makes its stores: the classes (./report.ts) take their
 * services and clock injected, and this wires them to the app's.
 */
import { rootStore } from '../../../stores'
import { createApi } from '../../../stores/api'
import { transport } from '../../../services/transport'
import { storage } from '../../../services/storage'
import { CompareStore, ReportStore } from './report'

/** The clock the stores read: pages take the time from here, never from Date.now(). */
export const now = rootStore.now

export const report = new ReportStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  estateId: () => rootStore.session.estate?.id,
  staffName: () => rootStore.session.staff?.name ?? '',
  now
})

/** The api for one of the person's estates (the trend is asked estate by estate). */
function apiFor(estateId: string) {
  return createApi({
    transport,
    token: () => rootStore.session.token,
    estateId: () => estateId,
    now,
    newId: rootStore.newId
  })
}

export const compare = new CompareStore({ api: () => rootStore.api, apiFor, now })

export const REPORT_URL = '/pages/report/index'
export const COMPARE_URL = '/pages/report/compare/index'

/** The person has more than one estate: the side-by-side is offered. */
export const severalEstates = () => (rootStore.session.staff?.estates.length ?? 0) > 1
