import { makeAutoObservable, runInAction } from 'mobx'
import type { BindCodeOut, SessionItem, StaffListItem } from '../../../domain/contract'
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

/** The edit form of one person: what the manager may change. */
export interface EditForm {
  staffId: string
  name: string
  /** empty: unchanged (the list shows the phone masked) */
  phone: string
  roles: Role[]
  estateIds: string[]
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
  /** the person whose actions are open in the list */
  openId: string | undefined = undefined
  edit: EditForm | undefined = undefined
  editErrors: Record<string, string> = {}
  /** devices each person is signed in on, loaded when asked */
  devices: Record<string, SessionItem[]> = {}
  /** what the last action did, in words (已停用…) */
  notice = ''

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

  /** People waiting for their first sign-in, first; then the others; disabled ones last. */
  get sorted(): StaffListItem[] {
    const rank = (p: StaffListItem) => (!p.active ? 2 : p.pending ? 0 : 1)
    return [...this.list].sort((a, b) => rank(a) - rank(b))
  }
  get pendingCount(): number {
    return this.list.filter((p) => p.pending).length
  }

  private replace(item: StaffListItem): void {
    this.list = this.list.map((p) => (p.id === item.id ? item : p))
  }

  private async act<T>(f: () => Promise<T>): Promise<T | undefined> {
    this.error = ''
    this.notice = ''
    this.saving = true
    try {
      return await f()
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return undefined
    } finally {
      runInAction(() => (this.saving = false))
    }
  }

  toggleOpen(staffId: string): void {
    this.openId = this.openId === staffId ? undefined : staffId
    this.edit = undefined
    this.editErrors = {}
  }

  /**
   * A new bind code (the first again, or after a lost phone): for someone signed in already,
   * the server ends their WeChat binding and sessions, so the page asks first.
   */
  async reissue(staffId: string): Promise<BindCodeOut | undefined> {
    const code = await this.act(() => this.deps.api()('staff.bindCode', { staffId }))
    if (!code) return undefined
    runInAction(() => {
      const staff = this.list.find((s) => s.id === staffId)
      if (staff) {
        const now = { ...staff, bound: false, pending: true }
        this.replace(now)
        this.created = { staff: now, bindCode: code }
      }
      delete this.devices[staffId]
    })
    return code
  }

  startEdit(p: StaffListItem): void {
    this.openId = p.id
    this.edit = { staffId: p.id, name: p.name, phone: '', roles: [...p.roles], estateIds: [...p.estateIds] }
    this.editErrors = {}
  }
  cancelEdit(): void {
    this.edit = undefined
    this.editErrors = {}
  }
  setEdit<K extends 'name' | 'phone'>(k: K, v: string): void {
    if (!this.edit) return
    this.edit[k] = v
    delete this.editErrors[k]
  }
  toggleEditRole(r: Role): void {
    if (!this.edit) return
    const roles = this.edit.roles
    this.edit.roles = roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r]
    delete this.editErrors.roles
  }
  toggleEditEstate(id: string): void {
    if (!this.edit) return
    const ids = this.edit.estateIds
    this.edit.estateIds = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]
    delete this.editErrors.estateIds
  }

  /** Sends what changed; the server checks who may grant what. */
  async saveEdit(): Promise<boolean> {
    const f = this.edit
    if (!f) return false
    this.editErrors = {}
    const was = this.list.find((p) => p.id === f.staffId)
    const same = (a: readonly string[], b: readonly string[]) =>
      a.length === b.length && a.every((x) => b.includes(x))
    const input = {
      staffId: f.staffId,
      ...(was && f.name.trim() === was.name ? {} : { name: f.name }),
      ...(f.phone.trim() ? { phone: f.phone } : {}),
      ...(was && same(f.roles, was.roles) ? {} : { roles: [...f.roles] }),
      ...(was && same(f.estateIds, was.estateIds) ? {} : { estateIds: [...f.estateIds] })
    }
    try {
      this.saving = true
      this.error = ''
      const item = await this.deps.api()('staff.update', input)
      runInAction(() => {
        this.replace(item)
        this.edit = undefined
        this.notice = `已保存 ${item.name} 的资料`
      })
      return true
    } catch (e) {
      runInAction(() => {
        this.error = messageOf(e)
        if (e instanceof AppError)
          for (const d of e.details ?? []) if (d.field) this.editErrors[d.field.split('.')[0]] = d.message
      })
      return false
    } finally {
      runInAction(() => (this.saving = false))
    }
  }

  /** Disables a person: signed out at once, WeChat unbound, their open tasks back to the pool. */
  async disable(staffId: string): Promise<boolean> {
    const out = await this.act(() => this.deps.api()('staff.disable', { staffId }))
    if (!out) return false
    runInAction(() => {
      this.replace(out.staff)
      this.openId = undefined
      this.notice =
        `已停用 ${out.staff.name}：已退出 ${out.endedSessions} 台设备` +
        (out.releasedTasks ? `，${out.releasedTasks} 项任务退回任务池` : '')
    })
    return true
  }

  async loadDevices(staffId: string): Promise<void> {
    const list = await this.act(() => this.deps.api()('staff.sessions', { staffId }))
    if (list) runInAction(() => (this.devices[staffId] = list))
  }

  async revokeDevice(staffId: string, sessionId: string): Promise<boolean> {
    const out = await this.act(() => this.deps.api()('staff.revokeSession', { staffId, sessionId }))
    if (!out) return false
    runInAction(() => {
      this.devices[staffId] = (this.devices[staffId] ?? []).filter((d) => d.id !== sessionId)
      this.notice = '这台设备已退出登录'
    })
    return true
  }

  dismissCreated(): void {
    this.created = undefined
  }
}
