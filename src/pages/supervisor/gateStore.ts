/**
 * The supervisor's side of the gate: who overstays now, the day's gate log with filters and
 * its CSV, and the reference lists guards work from (block list, owner cars, permits).
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type { GateBoard, GateLogItem, GateRefs, InputOf, StaffListItem } from '../../domain/contract'
import type { GateLogType } from '../../domain/gate/entities'
import { hashIdNumber, idCardProblem } from '../../domain/gate/idcard'
import { localDate } from '../../domain/time'
import type { Api } from '../../stores/api'
import { messageOf } from '../../stores/api'
import type { OutboxStore } from '../../stores/outbox'

export interface GateAdminDeps {
  api: () => Api
  outbox: OutboxStore
  now: () => number
  newId: () => string
  /** hands the CSV to the person (download on H5, share in WeChat) */
  exportText: (filename: string, text: string) => Promise<void>
}

export type Shift = 'all' | 'night' | 'day' | 'evening'
export const SHIFTS: { v: Shift; label: string; from?: string; to?: string }[] = [
  { v: 'all', label: '全天' },
  { v: 'night', label: '夜班 0–8点', from: '00:00', to: '07:59' },
  { v: 'day', label: '白班 8–16点', from: '08:00', to: '15:59' },
  { v: 'evening', label: '中班 16–24点', from: '16:00', to: '23:59' }
]

const DAY = 86_400_000

export class GateAdminStore {
  board: GateBoard | undefined = undefined
  refs: GateRefs | undefined = undefined
  guards: StaffListItem[] = []
  // day log
  date: string
  gate = ''
  type: GateLogType | '' = ''
  guardId = ''
  shift: Shift = 'all'
  items: GateLogItem[] = []
  hours: number[] = []
  total = 0
  next: string | undefined = undefined
  loading = false
  exporting = false
  error = ''
  message = ''

  constructor(private deps: GateAdminDeps) {
    this.date = localDate(deps.now())
    makeAutoObservable<GateAdminStore, 'deps'>(this, { deps: false })
  }

  async loadBoard(): Promise<void> {
    try {
      const b = await this.deps.api()('gate.board', {})
      runInAction(() => (this.board = b))
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    }
  }

  get overstaying() {
    return (this.board?.visitors ?? []).filter((v) => v.overstay)
  }

  async loadRefs(): Promise<void> {
    try {
      const [r, staff] = await Promise.all([
        this.deps.api()('gate.refs', {}),
        this.deps.api()('staff.list', {})
      ])
      runInAction(() => {
        this.refs = r
        this.guards = staff.filter((s) => s.roles.includes('guard'))
      })
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    }
  }

  // ---- day log ----
  private get filter() {
    const s = SHIFTS.find((x) => x.v === this.shift)
    return {
      date: this.date,
      gate: this.gate || undefined,
      type: this.type || undefined,
      guardId: this.guardId || undefined,
      from: s?.from,
      to: s?.to
    }
  }

  set<K extends 'gate' | 'type' | 'guardId' | 'shift'>(k: K, v: GateAdminStore[K]): void {
    ;(this as GateAdminStore)[k] = v
    void this.loadLog()
  }

  moveDay(days: number): void {
    const t = Date.parse(`${this.date}T12:00:00+08:00`) + days * DAY
    if (t > this.deps.now() + DAY) return
    this.date = localDate(t)
    void this.loadLog()
  }

  get isToday(): boolean {
    return this.date === localDate(this.deps.now())
  }

  async loadLog(more = false): Promise<void> {
    if (more && !this.next) return
    this.loading = true
    this.error = ''
    try {
      const page = await this.deps.api()('gate.dayLog', {
        ...this.filter,
        after: more ? this.next : undefined
      })
      runInAction(() => {
        this.items = more ? [...this.items, ...page.items] : page.items
        this.next = page.next
        if (!more) {
          this.hours = page.hours ?? []
          this.total = page.total ?? page.items.length
        }
      })
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async exportCsv(): Promise<boolean> {
    this.exporting = true
    this.message = ''
    try {
      const out = await this.deps.api()('gate.dayLogCsv', this.filter)
      await this.deps.exportText(out.filename, out.csv)
      runInAction(
        () => (this.message = `已导出 ${out.rows} 条${out.truncated ? '（超过上限，只导出了前面部分）' : ''}`)
      )
      return true
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return false
    } finally {
      runInAction(() => (this.exporting = false))
    }
  }

  // ---- reference lists (writes through the outbox, then reload) ----
  private async save<
    A extends
      | 'gate.blockSave'
      | 'gate.blockRemove'
      | 'gate.ownerVehicleSave'
      | 'gate.ownerVehicleRemove'
      | 'gate.permitSave'
  >(action: A, input: InputOf<A>, summary: string): Promise<boolean> {
    this.error = ''
    try {
      this.deps.outbox.enqueue(action, input, { record: `gateref:${this.deps.newId()}`, summary })
    } catch (e) {
      this.error = messageOf(e)
      return false
    }
    await this.deps.outbox.sync()
    const refused = this.deps.outbox.refused.find((e) => e.action === action)
    if (refused) runInAction(() => (this.error = refused.lastError?.message ?? '服务器未接收'))
    await this.loadRefs()
    return !refused
  }

  /** A person on the block list: a whole ID number is hashed here and never sent. */
  addBlockPerson(f: {
    name: string
    phone: string
    idNumber: string
    idLast4: string
    reason: string
  }): Promise<boolean> | false {
    const salt = this.refs?.idSalt
    let idHash: string | undefined
    let idLast4 = f.idLast4.trim().toUpperCase() || undefined
    const whole = f.idNumber.replace(/\s+/g, '').toUpperCase()
    if (whole) {
      const p = idCardProblem(whole)
      if (p) {
        this.error = p
        return false
      }
      if (!salt) {
        this.error = '请联网后再添加证件号'
        return false
      }
      idHash = hashIdNumber(whole, salt)
      idLast4 = whole.slice(-4)
    }
    return this.save(
      'gate.blockSave',
      {
        id: this.deps.newId(),
        kind: 'person',
        name: f.name.trim() || undefined,
        phone: f.phone.trim() || undefined,
        idLast4,
        idHash,
        reason: f.reason.trim()
      },
      `黑名单：${f.name || f.phone || idLast4 || ''}`
    )
  }
  addBlockPlate(plate: string, reason: string): Promise<boolean> {
    return this.save(
      'gate.blockSave',
      { id: this.deps.newId(), kind: 'plate', plate, reason: reason.trim() },
      `黑名单车辆：${plate}`
    )
  }
  removeBlock(id: string): Promise<boolean> {
    return this.save('gate.blockRemove', { entryId: id }, '移出黑名单')
  }
  saveOwnerVehicle(plate: string, room: string, ownerName: string): Promise<boolean> {
    return this.save(
      'gate.ownerVehicleSave',
      { id: this.deps.newId(), plate, room: room.trim(), ownerName: ownerName.trim() || undefined },
      `业主车辆：${plate}`
    )
  }
  removeOwnerVehicle(id: string): Promise<boolean> {
    return this.save('gate.ownerVehicleRemove', { vehicleId: id }, '删除业主车辆')
  }
  savePermit(f: {
    no: string
    holderName: string
    idLast4: string
    company: string
    room: string
    days: number
  }): Promise<boolean> {
    const now = this.deps.now()
    return this.save(
      'gate.permitSave',
      {
        id: this.deps.newId(),
        no: f.no.trim(),
        holderName: f.holderName.trim(),
        idLast4: f.idLast4.trim().toUpperCase(),
        company: f.company.trim(),
        room: f.room.trim(),
        validFrom: now,
        validTo: now + f.days * DAY
      },
      `施工证：${f.no}`
    )
  }
}
