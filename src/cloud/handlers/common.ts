/** Moved to src/cloud/kit (and staff rules to src/domain/staff); kept while handlers here still import `D`. */
export type { D } from '../kit'
