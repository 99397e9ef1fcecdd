import { defineHandlers } from '../kit'
import * as estates from './estates'
import { gateRemove, gateSave } from './gates'
import * as rooms from './rooms'

/** Company set-up: estates, their gates and posts, their rooms and the room import. */
export const ESTATES_HANDLERS = defineHandlers({
  'estates.list': estates.list,
  'estates.create': estates.create,
  'estates.update': estates.update,
  'estates.detail': estates.detail,
  'estates.gateSave': gateSave,
  'estates.gateRemove': gateRemove,
  'rooms.list': rooms.list,
  'rooms.importPreview': rooms.importPreview,
  'rooms.importCommit': rooms.importCommit
})
