import { defineHandlers } from '../kit'
import { register } from './register'
import { reserve } from './reserve'

/**
 * Photos: an area of its own because the gate, patrol and work areas all attach them, and the
 * local server's upload endpoint (src/cloud/http/uploads.ts) serves what is registered here.
 * In CloudBase the phone reserves a photo's place (`files.reserve`), uploads it to cloud
 * storage, then registers it.
 */
export const FILES_HANDLERS = defineHandlers({
  'files.register': register,
  'files.reserve': reserve
})
