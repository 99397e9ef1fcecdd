import { makeAutoObservable, runInAction } from 'mobx'
import type {
  EstateDetail,
  EstateItem,
  ImportCommitOut,
  ImportPreview,
  RoomItem
} from '../../../domain/contract'
import { filterRooms, pickStep } from '../../../domain/estates/roomPick'
import { settingsForm, settingsFromForm, type SettingsForm } from '../../../domain/estates/settings'
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

/** Rooms drawn at once on the rooms screen (a search or a building narrows the rest). */
export const ROOMS_SHOWN = 200

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
  /** the settings screen as typed */
  settings: SettingsForm | undefined = undefined
  saved = false
  /** the rooms screen: every room of the estate (owners' phones masked), narrowed on the phone */
  roomList: RoomItem[] = []
  roomsLoaded = false
  roomBuilding = ''
  roomUnit: string | undefined = undefined
  roomQuery = ''

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

  // ---- settings ----
  /** The estate's settings into the form (from estates.detail). */
  async loadSettings(): Promise<void> {
    await this.loadDetail()
    runInAction(() => {
      this.saved = false
      if (this.detail) this.settings = settingsForm(this.detail.estate.settings)
    })
  }

  setSetting(path: string, v: string): void {
    if (!this.settings) return
    // overstayHours, responseMinutes.urgent, patrol.everyMinutes: the server's names
    const [a, b] = path.split('.')
    if (a === 'responseMinutes') this.settings.responseMinutes[b as keyof SettingsForm['responseMinutes']] = v
    else this.settings[(b ?? a) as 'overstayHours' | 'everyMinutes' | 'minMinutes' | 'maxMinutes'] = v
    // a message may be about two fields (最长应不少于最短): any change clears it; saving checks again
    this.fieldErrors = {}
    this.error = ''
    this.saved = false
  }

  /** Checked on the phone with the domain's rules (the server checks again), then saved. */
  async saveSettings(): Promise<boolean> {
    if (!this.settings) return false
    const s = settingsFromForm(this.settings)
    if ('field' in s) {
      this.fieldErrors = { [s.field.split('.').pop()!]: s.message }
      this.error = s.message
      return false
    }
    const e = await this.run(() => this.deps.api()('estates.update', { settings: s }))
    if (!e) return false
    runInAction(() => {
      if (this.detail) this.detail.estate = e
      this.settings = settingsForm(e.settings)
      this.saved = true
    })
    return true
  }

  // ---- rooms ----
  /** Every page of rooms.list (a 5,000-room estate is 50 pages). */
  async loadRooms(): Promise<void> {
    await this.run(async () => {
      const all: RoomItem[] = []
      let after: string | undefined
      for (let i = 0; i < 200; i++) {
        const page = await this.deps.api()('rooms.list', after ? { after } : {})
        all.push(...page.items)
        after = page.next
        if (!after) break
      }
      runInAction(() => {
        this.roomList = all
        this.roomsLoaded = true
      })
    })
  }

  chooseBuilding(b: string): void {
    this.roomBuilding = this.roomBuilding === b ? '' : b
    this.roomUnit = undefined
  }
  chooseUnit(u: string): void {
    this.roomUnit = this.roomUnit === u ? undefined : u
  }

  /** The keys for building and unit, and the rooms shown (at most ROOMS_SHOWN), with the count found. */
  get roomView() {
    const triples = this.roomList.map((r) => [r.building, r.unit, r.no] as const)
    const step = pickStep(triples, { building: this.roomBuilding, unit: this.roomUnit })
    const found = filterRooms(this.roomList, {
      building: this.roomBuilding || undefined,
      unit: this.roomUnit,
      q: this.roomQuery
    })
    return {
      buildings: step.buildings,
      units: this.roomBuilding ? step.units : [],
      count: found.length,
      items: found.slice(0, ROOMS_SHOWN)
    }
  }

  cancelImport(): void {
    this.file = undefined
    this.preview = undefined
  }
}
