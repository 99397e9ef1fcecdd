/**
 * The guided-scripts store wired to the app. Only the scripts and supervisor subpackages import
 * this module, so the store travels with them and not in the main package (the main package's
 * pages never show a script).
 */
import { storage } from '../services/storage'
import { rootStore } from '../stores'
import { ScriptsStore } from './scripts'

export const scripts = new ScriptsStore({
  api: () => rootStore.api,
  outbox: rootStore.outbox,
  storage,
  staff: () => rootStore.session.staff,
  estate: () => rootStore.session.estate,
  now: () => Date.now(),
  newId: rootStore.newId
})
