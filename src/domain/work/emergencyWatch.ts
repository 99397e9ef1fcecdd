/**
 * Whose home re-reads itself every 30 s for emergencies nobody has taken: the managers and the
 * people of the departments emergency categories go to (保安部: guard, patrol; 工程部: engineer).
 * Its own file so the home page (main package) carries only this list; the unit test checks it
 * against the categories (domain/work/emergency.ts EMERGENCY_DEPTS).
 */
import type { Role } from '../roles'

export const EMERGENCY_WATCH_ROLES: readonly Role[] = ['supervisor', 'admin', 'guard', 'patrol', 'engineer']
