import { defineHandlers } from '../kit'
import { sweep } from './sweep'

export { OP_RETENTION_MS } from './sweep'

/** The timer's function: one action, the hourly sweep over every area. */
export const CRON_HANDLERS = defineHandlers({ 'cron.sweep': sweep })
