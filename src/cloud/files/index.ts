import { defineHandlers } from '../kit'
import { register } from './register'

/**
 * Photos: an area of its own because the gate, patrol and work areas all attach them, and the
 * local server's upload endpoint (src/cloud/http/uploads.ts) serves what is registered here.
 */
export const FILES_HANDLERS = defineHandlers({
  'files.register': register
})
