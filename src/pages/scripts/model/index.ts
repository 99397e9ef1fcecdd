/**
 * 话术 on the phone: the one place that makes the scripts stores. The scripts pages use all of
 * them (and hand over the library, src/pages/scripts/lib.ts); the supervisor's board uses only
 * `overview`. Both are subpackages, so none of this is in the main package (the read receipts'
 * class is in src/stores, ready for it, and imports nothing it would have to carry).
 */
import { SCRIPTS_ACTIONS } from '../../../domain/contract/scripts'
import { storage } from '../../../services/storage'
import { rootStore } from '../../../stores'
import { loadActions } from '../../../stores/api'
import { ScriptAcksStore } from '../../../stores/scriptAcks'
import { ScriptCatalogStore } from './catalog'
import { ScriptsOverviewStore } from './overview'
import { PhrasebookStore } from './phrasebook'
import { QuizStore } from './quiz'
import { ScriptRunStore } from './run'

// This area's part of the contract: its schemas travel in the subpackages that use it.
loadActions(SCRIPTS_ACTIONS)

/** The app's one clock (rootStore.now), injected into every store here. */
const now = rootStore.now
const staff = () => rootStore.session.staff
const estate = () => rootStore.session.estate
const staffName = () => rootStore.session.staff?.name

export const catalog = new ScriptCatalogStore({ roles: () => staff()?.roles ?? [] })
export const acks = new ScriptAcksStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  staff,
  now
})
export const phrasebook = new PhrasebookStore({ catalog, estate, staffName, now })
export const run = new ScriptRunStore({
  catalog,
  outbox: rootStore.outbox,
  staffName,
  estate,
  now,
  newId: rootStore.newId
})
export const quiz = new QuizStore({ catalog, context: () => run.fillContext, now })
export const overview = new ScriptsOverviewStore({ api: () => rootStore.api })

export { defaultDepartment, type DepartmentFilter, type ScriptsLibrary } from './catalog'
