/**
 * The guard's gate: reference data and the board (cached for offline), and every record
 * (check-in, check-out, vehicle in/out, goods check) saved through the outbox first. The
 * lists show the server's board with this phone's waiting operations laid over it, marked
 * 待上传, so a record is visible the moment it is tapped.
 */
import { makeAutoObservable, reaction, runInAction } from 'mobx'
import type {
  GateBoard,
  GateRefs,
  GoodsSlipCheckOut,
  InputOf,
  OwnerPhoneOut,
  PassCheckOut,
  VehicleItem,
  VisitorItem,
  VisitorRecallOut
} from '../../../domain/contract'
import { isAppError } from '../../../domain/errors'
import { blockMatches, type BlockCandidate, type BlockMatch } from '../../../domain/gate/block'
import { describeId } from '../../../domain/gate/idtypes'
import { isOverstay } from '../../../domain/gate/machines'
import { normalizePlate } from '../../../domain/gate/plates'
import { visitorCaseOf } from '../../../domain/gate/entities'
import { maskPhone } from '../../../domain/privacy'
import type { OutboxEntry } from '../../../domain/outbox'
import type { KeyValueStorage } from '../../../services/storage'
import type { Api } from '../../../stores/api'
import { loadActions, messageOf } from '../../../stores/api'
import type { OutboxStore } from '../../../stores/outbox'
import { queueAndSend } from '../../send'
import { RoomCache } from '../../roomCache'
import { roomLabels } from '../../../domain/estates/roomPick'
import { GATE_ACTIONS } from '../../../domain/contract/gate'
import { SCRIPTS_ACTIONS } from '../../../domain/contract/scripts'

// This store's part of the contract: its schemas travel in this subpackage, not in the main package.
loadActions(GATE_ACTIONS)
loadActions(SCRIPTS_ACTIONS)

export interface GateDeps {
  api: () => Api
  outbox: OutboxStore
  storage: KeyValueStorage
  estateId: () => string | undefined
  staffName: () => string | undefined
  /** the post of the open shift, e.g. 东门岗 */
  shiftPost: () => string | undefined
  now: () => number
  newId: () => string
}

export interface VisitorRow extends VisitorItem {
  pending: boolean
}
export interface VehicleRow extends VehicleItem {
  pending: boolean
}

type CheckInInput = InputOf<'gate.checkIn'>
type VehicleInInput = InputOf<'gate.vehicleIn'>
type VehicleOutExtra = Pick<
  InputOf<'gate.vehicleOut'>,
  'visitId' | 'idReturned' | 'cardCollected' | 'driver' | 'passengers'
>

const refsKey = (estate: string) => `gwt.gate.refs.${estate}`
const boardKey = (estate: string) => `gwt.gate.board.${estate}`
const gateKey = (estate: string) => `gwt.gate.post.${estate}`

export class GateStore {
  refs: GateRefs | undefined = undefined
  board: GateBoard | undefined = undefined
  loading = false
  /** why the lists may be old (offline) */
  note = ''
  error = ''
  private chosenGate = ''
  /** the estate the lists above belong to: a switch in 我的 starts over from that estate's cache */
  private loadedFor = ''
  /** the estate's rooms on the phone, for the room keys */
  readonly roomCache: RoomCache

  constructor(private deps: GateDeps) {
    this.roomCache = new RoomCache(deps)
    makeAutoObservable<GateStore, 'deps'>(this, { deps: false, roomCache: false })
    // An operation reached the server (it left the outbox) or was refused there (another
    // guard was first): either way the board is stale.
    reaction(
      () =>
        this.deps.outbox.mine.filter((e) => e.action.startsWith('gate.') && e.status !== 'refused').length,
      (n, before) => {
        if (n < before) void this.loadBoard()
      }
    )
  }

  private get estate(): string {
    return this.deps.estateId() ?? ''
  }

  /** Cached first (works offline after a restart), then the server's. */
  async load(): Promise<void> {
    const e = this.estate
    if (!e) return
    if (this.loadedFor !== e) {
      this.refs = undefined
      this.board = undefined
      this.chosenGate = ''
      this.loadedFor = e
    }
    if (!this.refs) this.refs = this.deps.storage.get<GateRefs>(refsKey(e))
    if (!this.board) this.board = this.deps.storage.get<GateBoard>(boardKey(e))
    if (!this.chosenGate) this.chosenGate = this.deps.storage.get<string>(gateKey(e)) ?? ''
    const rooms = this.roomCache.load(e)
    this.loading = true
    try {
      const refs = await this.deps.api()('gate.refs', {})
      runInAction(() => (this.refs = refs))
      this.deps.storage.set(refsKey(e), refs)
    } catch (err) {
      runInAction(
        () =>
          (this.note = this.refs
            ? `离线：使用 ${new Date(this.refs.at).toLocaleString()} 的资料`
            : messageOf(err))
      )
    }
    await Promise.all([this.loadBoard(), rooms])
    runInAction(() => (this.loading = false))
  }

  /** The estate's rooms for the room keys ([] when none were imported: the room is typed). */
  get rooms() {
    return this.roomCache.rooms
  }
  /** Their labels (1-1-101), to check a room before it is queued. */
  get roomLabels(): Set<string> {
    return roomLabels(this.roomCache.rooms)
  }

  async loadBoard(): Promise<void> {
    const e = this.estate
    if (!e) return
    try {
      const board = await this.deps.api()('gate.board', {})
      runInAction(() => {
        this.board = board
        this.note = ''
      })
      this.deps.storage.set(boardKey(e), board)
    } catch (err) {
      runInAction(
        () =>
          (this.note = this.board ? '网络不通：名单是上次同步的，新登记的记录已保存在手机上' : messageOf(err))
      )
    }
  }

  // ---- which gate ----
  get gates(): string[] {
    return this.refs?.gates ?? []
  }
  /** Chosen, else the open shift's post (东门岗 → 东门), else the first gate. */
  get gate(): string {
    if (this.chosenGate) return this.chosenGate
    const post = this.deps.shiftPost()
    const fromShift = this.gates.find((g) => post === g || post === `${g}岗`)
    return fromShift ?? this.gates[0] ?? '门岗'
  }
  chooseGate(g: string): void {
    this.chosenGate = g
    this.deps.storage.set(gateKey(this.estate), g)
  }

  // ---- lists: the board with this phone's waiting operations applied ----
  private get gateOps(): OutboxEntry[] {
    return this.deps.outbox.mine.filter((e) => e.action.startsWith('gate.'))
  }
  /** Still to reach the server; a refused one changed nothing there and is shown apart. */
  private get waitingOps(): OutboxEntry[] {
    return this.gateOps.filter((e) => e.status !== 'refused')
  }

  get limitMs(): number {
    return (this.refs?.overstayHours ?? this.board?.overstayHours ?? 4) * 3600_000
  }

  get visitorsInside(): VisitorRow[] {
    const now = this.deps.now()
    const rows = new Map<string, VisitorRow>()
    for (const v of this.board?.visitors ?? []) rows.set(v.id, { ...v, pending: false })
    for (const e of this.waitingOps) {
      if (e.action === 'gate.checkIn') {
        const i = e.input as CheckInInput
        if (i.result !== 'admitted' || rows.has(i.id)) continue
        rows.set(i.id, {
          id: i.id,
          name: i.name,
          phone: maskPhone(i.phone),
          case: visitorCaseOf(i.case),
          room: i.room,
          company: i.company,
          people: i.people,
          plate: i.plate,
          cardNo: i.cardNo,
          idDeposited: i.idDeposited,
          idDesc: describeId(i.idDoc as never),
          status: 'inside',
          gate: i.gate,
          inAt: e.deviceTime,
          byName: this.deps.staffName() ?? '',
          overstay: isOverstay(e.deviceTime, now, this.limitMs),
          pending: true
        })
      } else if (e.action === 'gate.checkOut') rows.delete((e.input as { visitorId: string }).visitorId)
    }
    return [...rows.values()]
      .map((r) => ({ ...r, overstay: isOverstay(r.inAt, now, this.limitMs) }))
      .sort((a, b) => a.inAt - b.inAt)
  }

  get vehiclesInside(): VehicleRow[] {
    const now = this.deps.now()
    const rows = new Map<string, VehicleRow>()
    for (const v of this.board?.vehicles ?? []) rows.set(v.id, { ...v, pending: false })
    for (const e of this.waitingOps) {
      if (e.action === 'gate.vehicleIn') {
        const i = e.input as VehicleInInput
        if (i.result !== 'admitted' || i.case === 'owner' || rows.has(i.id)) continue
        rows.set(i.id, {
          id: i.id,
          plate: normalizePlate(i.plate),
          kind: 'outside',
          case: i.case,
          driver: i.driver,
          deliverTo: i.deliverTo,
          idDeposited: i.idDeposited,
          icCardNo: i.icCardNo,
          status: 'inside',
          gate: i.gate,
          inAt: e.deviceTime,
          byName: this.deps.staffName() ?? '',
          overstay: false,
          pending: true
        })
      } else if (e.action === 'gate.vehicleOut') {
        const i = e.input as InputOf<'gate.vehicleOut'>
        for (const [id, r] of rows)
          if (id === i.visitId || r.plate === normalizePlate(i.plate)) rows.delete(id)
      }
    }
    return [...rows.values()]
      .map((r) => ({ ...r, overstay: r.inAt !== undefined && isOverstay(r.inAt, now, this.limitMs) }))
      .sort((a, b) => (a.inAt ?? 0) - (b.inAt ?? 0))
  }

  /** Today's counts with this phone's waiting records added. */
  get counts() {
    const c = this.board?.counts
    const pendingIn = this.waitingOps.filter(
      (e) => e.action === 'gate.checkIn' && (e.input as CheckInInput).result === 'admitted'
    ).length
    const pendingOut = this.waitingOps.filter((e) => e.action === 'gate.checkOut').length
    const inside = this.visitorsInside
    return {
      visitorsIn: (c?.visitorsIn ?? 0) + pendingIn,
      visitorsOut: (c?.visitorsOut ?? 0) + pendingOut,
      insideNow: inside.length,
      overstay: inside.filter((v) => v.overstay).length,
      vehiclesInside: this.vehiclesInside.length,
      passesChecked: c?.passesChecked ?? 0
    }
  }

  /** Refused by the server: shown on the list so nobody believes it was recorded. */
  get refused(): OutboxEntry[] {
    return this.gateOps.filter((e) => e.status === 'refused')
  }

  ownerCar(plate: string) {
    const p = normalizePlate(plate)
    return this.refs?.ownerVehicles.find((o) => o.plate === p)
  }

  /**
   * An owner car on record as inside (the board's, with this phone's waiting entries and
   * exits laid over it): its entry time, or undefined when it is out.
   */
  ownerCarInside(plate: string): { inAt?: number; pending: boolean } | undefined {
    const p = normalizePlate(plate)
    const onBoard = this.board?.ownerCarsInside?.find((c) => c.plate === p)
    let inside: { inAt?: number; pending: boolean } | undefined = onBoard
      ? { inAt: onBoard.inAt, pending: false }
      : undefined
    for (const e of this.waitingOps) {
      if (e.action === 'gate.vehicleIn') {
        const i = e.input as VehicleInInput
        if (normalizePlate(i.plate) === p && i.result === 'admitted')
          inside = { inAt: e.deviceTime, pending: true }
      } else if (e.action === 'gate.vehicleOut' && normalizePlate((e.input as { plate: string }).plate) === p)
        inside = undefined
    }
    return inside
  }

  // ---- block list ----
  /** Against the list on the phone (works offline; phones there are masked). */
  localBlockHits(c: BlockCandidate): BlockMatch[] {
    const rules = (this.refs?.blocklist ?? []).map((b) => ({
      id: b.id,
      kind: b.kind,
      name: b.name,
      phone: b.phone,
      idLast4: b.idLast4,
      plate: b.plate,
      reason: b.reason
    }))
    return blockMatches(rules, c)
  }
  /** Online: the server also compares the ID hash and whole phone numbers. */
  async blockHits(c: BlockCandidate): Promise<BlockMatch[]> {
    const local = this.localBlockHits(c)
    try {
      const remote = await this.deps.api()('gate.blockCheck', {
        name: c.name || undefined,
        phone: c.phone || undefined,
        idLast4: c.idLast4 || undefined,
        idHash: c.idHash,
        plate: c.plate || undefined
      })
      const seen = new Set(remote.map((r) => r.entryId))
      return [...remote, ...local.filter((l) => !seen.has(l.entryId))]
    } catch {
      return local
    }
  }

  // ---- records (all through the outbox) ----
  private save<A extends Parameters<OutboxStore['enqueue']>[0]>(
    action: A,
    input: InputOf<A>,
    record: string,
    summary: string
  ): boolean {
    const refused = queueAndSend(this.deps.outbox, action, input, { record, summary })
    this.error = refused ?? ''
    return refused === undefined
  }

  checkIn(input: Omit<CheckInInput, 'id' | 'gate'>, run?: InputOf<'scripts.recordRun'>): string | undefined {
    const id = this.deps.newId()
    const full = { ...input, id, gate: this.gate, scriptRunId: run?.id } as CheckInInput
    const what = input.result === 'admitted' ? '访客进入' : '访客未放行'
    if (!this.save('gate.checkIn', full, `visitor:${id}`, `${what}：${input.name}`)) return undefined
    if (run) this.save('scripts.recordRun', run, `run:${run.id}`, `话术：访客检查（${input.name}）`)
    return id
  }

  checkOut(v: VisitorRow, idReturned: boolean, cardCollected: boolean): boolean {
    return this.save(
      'gate.checkOut',
      { visitorId: v.id, gate: this.gate, idReturned, cardCollected },
      `visitor:${v.id}`,
      `访客离开：${v.name}`
    )
  }

  vehicleIn(input: Omit<VehicleInInput, 'id' | 'gate'>): string | undefined {
    const id = this.deps.newId()
    const plate = normalizePlate(input.plate)
    const ok = this.save(
      'gate.vehicleIn',
      { ...input, id, gate: this.gate, plate } as VehicleInInput,
      `vehicle:${plate}`,
      `车辆入场：${plate}`
    )
    return ok ? id : undefined
  }

  vehicleOut(plate: string, extra: VehicleOutExtra = {}): boolean {
    return this.vehicleLeaves(plate, extra) !== undefined
  }

  /** vehicleOut answering the exit record's id (to follow its upload), undefined when the phone refused it. */
  vehicleLeaves(plate: string, extra: VehicleOutExtra = {}): string | undefined {
    const p = normalizePlate(plate)
    const id = this.deps.newId()
    const ok = this.save(
      'gate.vehicleOut',
      { id, gate: this.gate, plate: p, ...extra },
      `vehicle:${p}`,
      `车辆出场：${p}`
    )
    return ok ? id : undefined
  }

  /**
   * Where a record made on this phone is (by its id): on its way now, waiting on the phone
   * (offline, or behind an earlier record), refused by the server, or on the server (gone from the outbox).
   */
  recordState(id: string): 'sending' | 'waiting' | 'refused' | 'sent' {
    const e = this.gateOps.find((x) => (x.input as { id?: unknown } | null)?.id === id)
    if (!e) return 'sent'
    return e.status === 'refused' ? 'refused' : e.status === 'sending' ? 'sending' : 'waiting'
  }

  goodsCheck(input: Omit<InputOf<'gate.goodsCheck'>, 'id' | 'gate'>): boolean {
    const id = this.deps.newId()
    const what = input.result === 'released' ? '物品放行' : '物品拒绝放行'
    return this.save(
      'gate.goodsCheck',
      { ...input, id, gate: this.gate },
      `goods:${input.passId ?? id}`,
      `${what}：${input.holderName ?? input.slipNo ?? '无放行条'}`
    )
  }

  // ---- lookups (need the network) ----
  /** The room owner's whole number, to dial (audited on the server; lists stay masked). */
  ownerPhone = async (room: string): Promise<OwnerPhoneOut | string> => {
    try {
      return await this.deps.api()('gate.ownerPhone', { room })
    } catch (e) {
      return messageOf(e)
    }
  }
  /**
   * A returning visitor by phone (online only: offline, or refused, the guard just types the
   * name). undefined: nothing known; a string: why the look-up could not be made.
   */
  visitorRecall = async (phone: string): Promise<VisitorRecallOut | undefined | string> => {
    try {
      return (await this.deps.api()('gate.visitorRecall', { phone })) ?? undefined
    } catch (e) {
      return isAppError(e) && e.code === 'GUESS_LOCKED' ? messageOf(e) : undefined
    }
  }
  async passCheck(code: string): Promise<PassCheckOut | string> {
    try {
      return await this.deps.api()('gate.passCheck', { code })
    } catch (e) {
      return messageOf(e)
    }
  }
  async goodsSlipCheck(code: string): Promise<GoodsSlipCheckOut | string> {
    try {
      return await this.deps.api()('gate.goodsSlipCheck', { code })
    } catch (e) {
      return messageOf(e)
    }
  }
}
