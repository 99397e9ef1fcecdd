import { makeAutoObservable, runInAction } from 'mobx'
import type { BindCodeOut, StaffListItem } from '../../../domain/contract'
import { STAFF_ACTIONS } from '../../../domain/contract/staff'
import { AppError } from '../../../domain/errors'
import type { Role } from '../../../domain/roles'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(STAFF_ACTIONS)

export interface NewStaffForm {
  name: string
  phone: string
  roles: Role[]
}

export interface StaffAdminDeps {
  api: () => Api
}

/** Supervisor: the estate's staff, adding a person, and their bind code. */
export class StaffAdminStore {
  list: StaffListItem[] = []
  loading = false
  saving = false
  error = ''
  fieldErrors: Record<string, string> = {}
  form: NewStaffForm = { name: '', phone: '', roles: [] }
  created: { staff: StaffListItem; bindCode: BindCodeOut } | undefined = undefined

  constructor(private deps: StaffAdminDeps) {
    makeAutoObservable<StaffAdminStore, 'deps'>(this, { deps: false })
  }

  setField<K extends keyof NewStaffForm>(k: K, v: NewStaffForm[K]): void {
    this.form[k] = v
    delete this.fieldErrors[k]
  }

  toggleRole(r: Role): void {
    this.setField(
      'roles',
      this.form.roles.includes(r) ? this.form.roles.filter((x) => x !== r) : [...this.form.roles, r]
    )
  }

  async load(): Promise<void> {
    this.loading = true
    try {
      const l = await this.deps.api()('staff.list', {})
      runInAction(() => (this.list = l))
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async create(): Promise<boolean> {
    this.saving = true
    this.error = ''
    this.fieldErrors = {}
    try {
      const out = await this.deps.api()('staff.create', { ...this.form, roles: [...this.form.roles] })
      runInAction(() => {
        this.created = out
        this.list = [...this.list, out.staff]
        this.form = { name: '', phone: '', roles: [] }
      })
      return true
    } catch (e) {
      runInAction(() => {
        this.error = messageOf(e)
        if (e instanceof AppError)
          for (const d of e.details ?? []) if (d.field) this.fieldErrors[d.field.split('.')[0]] = d.message
      })
      return false
    } finally {
      runInAction(() => (this.saving = false))
    }
  }

  async reissue(staffId: string): Promise<BindCodeOut | undefined> {
    try {
      const code = await this.deps.api()('staff.bindCode', { staffId })
      const staff = this.list.find((s) => s.id === staffId)
      runInAction(() => {
        if (staff) this.created = { staff, bindCode: code }
      })
      return code
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return undefined
    }
  }

  dismissCreated(): void {
    this.created = undefined
  }
}
