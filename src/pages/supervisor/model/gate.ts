/**
 * The supervisor's side of the gate: who overstays now, the day's gate log with filters and
 * its CSV, and the reference lists guards work from (block list, owner cars, permits).
 */
import { makeAutoObservable, runInAction } from 'mobx'
import type {
  GateBoard,
  GateLogItem,
  GateRefs,
  InputOf,
  LockoutOut,
  StaffListItem
} from '../../../domain/contract'
import type { GateLogType } from '../../../domain/gate/entities'
import { hashIdNumber, idCardProblem } from '../../../domain/gate/idcard'
import { permitWindow, type PermitForm } from '../../../domain/gate/refs'
import { localDate, stepDay } from '../../../domain/time'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { GATE_ACTIONS } from '../../../domain/contract/gate'
import { STAFF_ACTIONS } from '../../../domain/contract/staff'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(GATE_ACTIONS)
loadActions(STAFF_ACTIONS)

export interface GateAdminDeps {
  api: () => Api
  outbox: OutboxStore
  now: () => number
  newId: () => string
  /** hands the CSV to the person (download on H5, share in WeChat) */
  exportText: (filename: string, text: string) => Promise<void>
}

export type Shift = 'all' | 'night' | 'day' | 'evening'
/** Quick time ranges: the three shifts of a 24-hour post (from/to inclusive, HH:mm). */
export const SHIFTS: { v: Shift; label: string; from: string; to: string }[] = [
  { v: 'all', label: '全天', from: '', to: '' },
  { v: 'night', label: '夜班 0–8点', from: '', to: '07:59' },
  { v: 'day', label: '白班 8–16点', from: '08:00', to: '15:59' },
  { v: 'evening', label: '中班 16–24点', from: '16:00', to: '' }
]
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/

export class GateAdminStore {
  board: GateBoard | undefined = undefined
  /** lockouts after too many wrong codes, running now */
  lockouts: LockoutOut[] = []
  refs: GateRefs | undefined = undefined
  guards: StaffListItem[] = []
  // day log
  date: string
  gate = ''
  type: GateLogType | '' = ''
  by = ''
  /** time range within the day, HH:mm inclusive; '' = from midnight / to the day's end */
  from = ''
  to = ''
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

  /** The last error, handed to the form that caused it (and no longer shown at the top). */
  takeError(): string {
    const e = this.error
    this.error = ''
    return e
  }

  async loadLockouts(): Promise<void> {
    try {
      const list = await this.deps.api()('gate.lockouts', {})
      runInAction(() => (this.lockouts = list))
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    }
  }

  /** Lifts a lockout (recorded in the audit log) and drops it from the list. */
  async liftLockout(id: string): Promise<boolean> {
    try {
      await this.deps.api()('gate.lockoutLift', { lockoutId: id })
      runInAction(() => (this.lockouts = this.lockouts.filter((l) => l.id !== id)))
      return true
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return false
    }
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
    return {
      date: this.date,
      gate: this.gate || undefined,
      type: this.type || undefined,
      by: this.by || undefined,
      from: this.from || undefined,
      to: this.to || undefined
    }
  }

  set<K extends 'gate' | 'type' | 'by'>(k: K, v: GateAdminStore[K]): void {
    ;(this as GateAdminStore)[k] = v
    void this.loadLog()
  }

  /** The shift chip that matches the range, or undefined for a range picked by hand. */
  get shift(): Shift | undefined {
    return SHIFTS.find((s) => s.from === this.from && s.to === this.to)?.v
  }
  setShift(v: Shift): void {
    const s = SHIFTS.find((x) => x.v === v)!
    this.setRange(s.from, s.to)
  }
  /** A range picked by hand; a start after the end is swapped rather than refused. */
  setRange(from: string, to: string): void {
    if ((from && !CLOCK.test(from)) || (to && !CLOCK.test(to))) {
      this.error = '时间格式应为 HH:mm'
      return
    }
    if (from && to && from > to) [from, to] = [to, from]
    // the day's own bounds are the same as no bound
    this.from = from === '00:00' ? '' : from
    this.to = to === '23:59' ? '' : to
    void this.loadLog()
  }

  /** A day picked from the calendar (YYYY-MM-DD); not after today. */
  setDate(date: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > localDate(this.deps.now())) return
    this.date = date
    void this.loadLog()
  }

  /** Earlier days freely; never past today (there is nothing there yet). */
  moveDay(days: number): void {
    const d = stepDay(this.date, days, this.deps.now())
    if (!d) return
    this.date = d
    void this.loadLog()
  }

  get isToday(): boolean {
    return this.date === localDate(this.deps.now())
  }

  private logSeq = 0

  async loadLog(more = false): Promise<void> {
    if (more && (!this.next || this.loading)) return
    // Filters change faster than answers come back: only the latest request may fill the list.
    const seq = ++this.logSeq
    this.loading = true
    this.error = ''
    try {
      const page = await this.deps.api()('gate.dayLog', {
        ...this.filter,
        after: more ? this.next : undefined
      })
      if (seq !== this.logSeq) return
      runInAction(() => {
        this.items = more ? [...this.items, ...page.items] : page.items
        this.next = page.next
        if (!more) {
          this.hours = page.hours ?? []
          this.total = page.total ?? page.items.length
        }
      })
    } catch (e) {
      if (seq === this.logSeq) runInAction(() => (this.error = messageOf(e)))
    } finally {
      if (seq === this.logSeq) runInAction(() => (this.loading = false))
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
      | 'gate.permitRemove'
  >(action: A, input: InputOf<A>, summary: string): Promise<boolean> {
    this.error = ''
    const r = await this.deps.outbox.submit(action, input, {
      record: `gateref:${this.deps.newId()}`,
      summary
    })
    // Refused while the form is still filled in: say why there and keep nothing in the queue.
    if (r.status === 'refused' && r.opId) this.deps.outbox.discard(r.opId)
    if (r.status !== 'refused' || r.opId) await this.loadRefs()
    if (r.status === 'refused') runInAction(() => (this.error = r.message))
    return r.status !== 'refused'
  }

  /** Reference changes made offline, not on the server yet. */
  get waitingRefs(): number {
    return this.deps.outbox.mine.filter(
      (e) => e.action.startsWith('gate.') && e.record.startsWith('gateref:') && e.status !== 'refused'
    ).length
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
  removePermit(id: string): Promise<boolean> {
    return this.save('gate.permitRemove', { permitId: id }, '注销施工许可证')
  }
  /** from/to are estate dates (YYYY-MM-DD); the permit holds from the first day's start to the last day's end. */
  savePermit(f: PermitForm & { from: string; to: string }): Promise<boolean> | false {
    const w = permitWindow(f.from, f.to, localDate(this.deps.now()))
    if (!w.ok) {
      this.error = w.problem
      return false
    }
    const { validFrom, validTo } = w
    return this.save(
      'gate.permitSave',
      {
        id: this.deps.newId(),
        no: f.no.trim(),
        holderName: f.holderName.trim(),
        idLast4: f.idLast4.trim().toUpperCase(),
        company: f.company.trim(),
        room: f.room.trim(),
        validFrom,
        validTo
      },
      `施工证：${f.no}`
    )
  }
}
