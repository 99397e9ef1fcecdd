import { makeAutoObservable, observableRef } from 'mobx'
import type * as Library from '../../../domain/scripts'
import type { Department, Script } from '../../../domain/scripts/model'
import type { Role } from '../../../domain/roles'

/**
 * The script library module (src/domain/scripts). It is large (every SOP of the company): the
 * scripts pages hand it over with `use()` (src/pages/scripts/lib.ts), and the model imports
 * only its types, so a package that shows only the supervisor's overview never carries it.
 */
export type ScriptsLibrary = typeof Library

export type DepartmentFilter = Department | 'all'

/** Where each role's scripts are, for the list's first filter. */
const ROLE_DEPARTMENT: Partial<Record<Role, Department>> = {
  guard: 'security',
  patrol: 'security',
  service: 'service',
  housekeeper: 'housekeeping',
  engineer: 'engineering',
  cleaner: 'cleaning'
}

export function defaultDepartment(roles: readonly Role[]): DepartmentFilter {
  if (roles.includes('supervisor') || roles.includes('admin')) return 'all'
  const deps = [...new Set(roles.map((r) => ROLE_DEPARTMENT[r]).filter((d): d is Department => !!d))]
  return deps.length === 1 ? deps[0] : 'all'
}

export interface ScriptCatalogDeps {
  roles: () => readonly Role[]
  /** tests pass it here; the app's pages call `use()` */
  lib?: ScriptsLibrary
}

/** The library once loaded, and the list: search and the department filter. */
export class ScriptCatalogStore {
  lib: ScriptsLibrary | undefined = undefined
  query = ''
  /** undefined until the person picks one: then the default for their roles applies */
  pickedDepartment: DepartmentFilter | undefined = undefined

  constructor(private deps: ScriptCatalogDeps) {
    makeAutoObservable<ScriptCatalogStore, 'deps'>(this, { deps: false, lib: observableRef })
    if (deps.lib) this.lib = deps.lib
  }

  /** Called by the scripts subpackage when it loads. */
  use(lib: ScriptsLibrary): void {
    if (this.lib !== lib) this.lib = lib
  }

  /** The library, for code that only runs on the scripts pages. */
  get L(): ScriptsLibrary {
    if (!this.lib)
      throw new Error('scripts: the script library is not loaded (call use() from the scripts pages)')
    return this.lib
  }

  get department(): DepartmentFilter {
    return this.pickedDepartment ?? defaultDepartment(this.deps.roles())
  }
  /** The department as a search filter. */
  get filter(): { department?: Department } {
    return this.department === 'all' ? {} : { department: this.department }
  }
  setQuery(q: string): void {
    this.query = q
  }
  setDepartment(d: DepartmentFilter): void {
    this.pickedDepartment = d
  }
  get list(): Script[] {
    return this.lib ? this.lib.searchScripts(this.query, this.filter) : []
  }
  getScript(id: string): Script | undefined {
    return this.lib?.getScript(id)
  }
}
