import { makeAutoObservable, runInAction } from 'mobx'
import type { DemoAccount, EstateBrief, SessionOut, StaffSelf } from '../domain/contract'
import { AppError } from '../domain/errors'
import type { SessionVia } from '../domain/entities'
import { areasFor, type Area } from '../domain/areas'
import type { KeyValueStorage } from '../services/storage'
import type { Api } from './api'
import { messageOf } from './api'

const KEY = 'gwt.session'

interface Saved {
  token?: string
  expiresAt?: number
  staff: StaffSelf
  via: SessionVia
  estateId?: string
}

export interface SessionDeps {
  storage: KeyValueStorage
  api: () => Api
  now: () => number
  wxCode: () => Promise<string | undefined>
}

/** Who is signed in, in which estate; persisted so a restart keeps the person signed in. */
export class SessionStore {
  token: string | undefined = undefined
  expiresAt: number | undefined = undefined
  staff: StaffSelf | undefined = undefined
  via: SessionVia | undefined = undefined
  estateId: string | undefined = undefined
  demoAccounts: DemoAccount[] = []
  busy = false
  error = ''

  constructor(private deps: SessionDeps) {
    makeAutoObservable<SessionStore, 'deps'>(this, { deps: false })
  }

  get signedIn(): boolean {
    return !!this.staff
  }
  get estate(): EstateBrief | undefined {
    const list = this.staff?.estates ?? []
    return list.find((e) => e.id === this.estateId) ?? list[0]
  }
  get areas(): Area[] {
    return this.staff ? areasFor(this.staff.roles) : []
  }
  get isDemo(): boolean {
    return this.via === 'demo'
  }

  restore(): void {
    const s = this.deps.storage.get<Saved>(KEY)
    if (!s?.staff) return
    if (s.expiresAt && s.expiresAt <= this.deps.now()) {
      this.deps.storage.remove(KEY)
      return
    }
    this.token = s.token
    this.expiresAt = s.expiresAt
    this.staff = s.staff
    this.via = s.via
    this.estateId = s.estateId ?? s.staff.estates[0]?.id
  }

  private apply(out: SessionOut): void {
    this.token = out.token
    this.expiresAt = out.expiresAt
    this.staff = out.staff
    this.via = out.via
    if (!this.estateId || !out.staff.estates.some((e) => e.id === this.estateId))
      this.estateId = out.staff.estates[0]?.id
    this.save()
  }

  private save(): void {
    if (!this.staff || !this.via) return
    const s: Saved = {
      token: this.token,
      expiresAt: this.expiresAt,
      staff: this.staff,
      via: this.via,
      estateId: this.estateId
    }
    this.deps.storage.set(KEY, s)
  }

  private async run<T>(f: () => Promise<T>): Promise<T | undefined> {
    this.busy = true
    this.error = ''
    try {
      return await f()
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return undefined
    } finally {
      runInAction(() => (this.busy = false))
    }
  }

  /** The demo people to tap (none on a production server). */
  async loadDemoAccounts(): Promise<void> {
    await this.run(async () => {
      const list = await this.deps.api()('auth.demoAccounts', {})
      runInAction(() => (this.demoAccounts = list))
    })
  }

  /**
   * A sign-in through `call` (the browser's bind code: `api('auth.codeLogin', …)`, made by the
   * H5 login page so the weapp package does not carry it): its session becomes this device's.
   */
  signInWith(call: (api: Api) => Promise<SessionOut>): Promise<boolean> {
    return this.open(() => call(this.deps.api()))
  }

  private async open(f: () => Promise<SessionOut>): Promise<boolean> {
    const out = await this.run(f)
    if (out) this.apply(out)
    return !!out
  }

  signInDemo(staffId: string): Promise<boolean> {
    return this.open(() => this.deps.api()('auth.demoLogin', { staffId }))
  }

  /** WeChat: the OPENID decides who this is; NOT_BOUND means a bind code is needed. */
  async signInWechat(): Promise<'ok' | 'not-bound' | 'failed'> {
    let notBound = false
    const out = await this.run(async () => {
      try {
        return await this.deps.api()('auth.wxLogin', { wxCode: await this.deps.wxCode() })
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_BOUND') notBound = true
        throw e
      }
    })
    if (out) this.apply(out)
    return out ? 'ok' : notBound ? 'not-bound' : 'failed'
  }

  bind(code: string): Promise<boolean> {
    return this.open(async () =>
      this.deps.api()('auth.bind', { code: code.trim(), wxCode: await this.deps.wxCode() })
    )
  }

  async refreshProfile(): Promise<void> {
    await this.run(async () => {
      const staff = await this.deps.api()('me.profile', {})
      runInAction(() => {
        this.staff = staff
        this.save()
      })
    })
  }

  setEstate(id: string): void {
    if (this.staff?.estates.some((e) => e.id === id)) {
      this.estateId = id
      this.save()
    }
  }

  /** Ends the session here; the server revokes the token (best effort when offline). */
  async signOut(): Promise<void> {
    // The request takes the token with it before the local session is cleared.
    const pending = this.token ? this.deps.api()('auth.logout', {}) : undefined
    this.clear()
    await pending?.catch(() => undefined)
  }

  clear(): void {
    this.token = undefined
    this.expiresAt = undefined
    this.staff = undefined
    this.via = undefined
    this.deps.storage.remove(KEY)
  }
}
