import { makeMain } from './entry'

export const main = makeMain('auth')
