import { makeAutoObservable, runInAction } from 'mobx'
import type { EstateDetail, EstateItem, ImportCommitOut, ImportPreview } from '../../../domain/contract'
import { ESTATES_ACTIONS } from '../../../domain/contract/estates'
import { AppError } from '../../../domain/errors'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'

// This store's part of the contract travels in the admin subpackage.
loadActions(ESTATES_ACTIONS)

export interface EstateForm {
  name: string
  company: string
  address: string
  overstayHours: string
}
export interface SheetFile {
  name: string
  data: string
  size: number
}
export interface EstatesAdminDeps {
  api: () => Api
  newId: () => string
  pickSheet: () => Promise<SheetFile | undefined>
  /** After an estate is created: the session learns of it and works in it. */
  enterEstate: (id: string) => Promise<void>
}

const EMPTY: EstateForm = { name: '', company: '', address: '', overstayHours: '4' }

/** Admin: estates, the current estate's gates and posts, and the room import. */
export class EstatesAdminStore {
  estates: EstateItem[] = []
  detail: EstateDetail | undefined = undefined
  form: EstateForm = { ...EMPTY }
  gateName = ''
  gateKind: 'gate' | 'post' = 'gate'
  file: SheetFile | undefined = undefined
  preview: ImportPreview | undefined = undefined
  result: ImportCommitOut | undefined = undefined
  /** rooms written so far by the running commit */
  progress = 0
  busy = false
  error = ''
  fieldErrors: Record<string, string> = {}

  constructor(private deps: EstatesAdminDeps) {
    makeAutoObservable<EstatesAdminStore, 'deps'>(this, { deps: false })
  }

  private async run<T>(f: () => Promise<T>): Promise<T | undefined> {
    this.busy = true
    this.error = ''
    this.fieldErrors = {}
    try {
      return await f()
    } catch (e) {
      runInAction(() => {
        this.error = messageOf(e)
        if (e instanceof AppError)
          for (const d of e.details ?? [])
            if (d.field) this.fieldErrors[d.field.split('.').pop()!] = d.message
      })
      return undefined
    } finally {
      runInAction(() => (this.busy = false))
    }
  }

  setField<K extends keyof EstateForm>(k: K, v: string): void {
    this.form[k] = v
    delete this.fieldErrors[k]
  }

  async loadList(): Promise<void> {
    await this.run(async () => {
      const l = await this.deps.api()('estates.list', {})
      runInAction(() => (this.estates = l))
    })
  }

  async create(): Promise<EstateItem | undefined> {
    const hours = Number(this.form.overstayHours)
    return this.run(async () => {
      const e = await this.deps.api()('estates.create', {
        id: this.deps.newId(),
        name: this.form.name,
        company: this.form.company,
        address: this.form.address,
        settings: { overstayHours: Number.isFinite(hours) ? hours : 0 }
      })
      await this.deps.enterEstate(e.id)
      runInAction(() => {
        this.estates = [...this.estates, e]
        this.form = { ...EMPTY }
      })
      return e
    })
  }

  async loadDetail(): Promise<void> {
    await this.run(async () => {
      const d = await this.deps.api()('estates.detail', {})
      runInAction(() => (this.detail = d))
    })
  }

  async addGate(): Promise<void> {
    const ok = await this.run(() =>
      this.deps.api()('estates.gateSave', { id: this.deps.newId(), name: this.gateName, kind: this.gateKind })
    )
    if (ok) {
      runInAction(() => (this.gateName = ''))
      await this.loadDetail()
    }
  }

  async removeGate(id: string): Promise<void> {
    if (await this.run(() => this.deps.api()('estates.gateRemove', { id }))) await this.loadDetail()
  }

  /** Picks a file and previews it: nothing is stored yet. */
  async pickAndPreview(): Promise<void> {
    const file = await this.deps.pickSheet()
    if (!file) return
    runInAction(() => {
      this.file = file
      this.preview = undefined
      this.result = undefined
    })
    const p = await this.run(() =>
      this.deps.api()('rooms.importPreview', { file: { name: file.name, data: file.data } })
    )
    if (p) runInAction(() => (this.preview = p))
  }

  /** Confirms: commits batch after batch with the same file until no room remains. */
  async commit(): Promise<void> {
    const file = this.file
    if (!file || !this.preview) return
    this.progress = 0
    const out = await this.run(async () => {
      const sum: ImportCommitOut = { created: 0, updated: 0, unchanged: 0, errors: 0, remaining: 0 }
      for (let i = 0; i < 100; i++) {
        const r = await this.deps.api()('rooms.importCommit', { file: { name: file.name, data: file.data } })
        sum.created += r.created
        sum.updated += r.updated
        sum.unchanged = r.unchanged
        sum.errors = r.errors
        sum.remaining = r.remaining
        runInAction(() => (this.progress = sum.created + sum.updated))
        if (!r.remaining) break
      }
      return sum
    })
    if (out)
      runInAction(() => {
        this.result = out
        this.preview = undefined
        this.file = undefined
      })
    await this.loadDetail()
  }

  cancelImport(): void {
    this.file = undefined
    this.preview = undefined
  }
}
