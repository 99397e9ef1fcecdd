import { configure, reaction } from 'mobx'
import { createIdFactory } from '../domain/ids'
import { storage } from '../services/storage'
import { transport } from '../services/transport'
import { wxLoginCode } from '../services/wechat'
import { network } from '../services/network'
import { photoFiles } from '../services/files'
import { ui } from '../services/ui'
import { clockWhere } from '../services/wifi'
import { createApi, type Api } from './api'
import { HomeStore } from './home'
import { OutboxStore } from './outbox'
import { PhotoStore } from './photos'
import { SessionStore } from './session'

configure({ enforceActions: 'observed' })

/** How often the outbox looks for operations whose backoff has passed. */
const SYNC_TICK_MS = 10_000

/** Wires the stores to the real services; tests build stores with fakes instead. */
class RootStore {
  /** The one clock: every store gets it injected (tests pass their own), pages read it through their area's model. */
  readonly now = (): number => Date.now()
  readonly newId = createIdFactory({ now: this.now, random: Math.random })
  readonly session: SessionStore
  readonly outbox: OutboxStore
  readonly photos: PhotoStore
  readonly home: HomeStore
  readonly api: Api
  private started = false

  constructor() {
    this.session = new SessionStore({ storage, api: () => this.api, now: this.now, wxCode: wxLoginCode })
    const authLost = () => {
      this.session.clear()
      void ui.relaunch('/pages/login/index')
    }
    this.api = createApi({
      transport,
      token: () => this.session.token,
      estateId: () => this.session.estate?.id,
      now: this.now,
      newId: this.newId,
      onAuthLost: authLost
    })
    this.outbox = new OutboxStore({
      storage,
      transport,
      session: () => ({
        staffId: this.session.staff?.id,
        token: this.session.token,
        estateId: this.session.estate?.id
      }),
      now: this.now,
      random: Math.random,
      newId: this.newId,
      onApplied: (e) => {
        if (e.action.startsWith('shift.')) void this.home.load()
      },
      onAuthLost: authLost
    })
    this.photos = new PhotoStore({
      storage,
      files: photoFiles,
      outbox: this.outbox,
      reserve: (input) => this.api('files.reserve', input),
      session: () => ({ staffId: this.session.staff?.id, token: this.session.token }),
      now: this.now,
      random: Math.random,
      newId: this.newId
    })
    this.home = new HomeStore({
      api: () => this.api,
      outbox: this.outbox,
      storage,
      staffId: () => this.session.staff?.id,
      newId: this.newId,
      locate: clockWhere,
      now: this.now
    })
    // Each subpackage makes its own stores in src/pages/<area>/model/index.ts, from these, so the
    // main package does not carry them.
  }

  /** After launch: restore the session and the outbox, and keep syncing in the background. */
  start(): void {
    if (this.started) return
    this.started = true
    this.session.restore()
    this.outbox.load()
    this.photos.load()
    const kick = () => {
      void this.outbox.sync()
      void this.photos.sync()
    }
    network.onChange((online) => {
      this.outbox.setOnline(online)
      if (!online) return
      void this.outbox.sync({ force: true })
      void this.photos.sync({ force: true })
    })
    network.onForeground(kick)
    setInterval(() => {
      const due = this.outbox.dueAt
      if (due !== undefined && due <= this.now()) void this.outbox.sync()
      void this.photos.sync()
    }, SYNC_TICK_MS)
    // A new sign-in (or the same person again) lets waiting operations go.
    reaction(
      () => this.session.staff?.id,
      (id) => {
        if (!id) return
        this.outbox.resume()
        kick()
      }
    )
    kick()
  }
}

export const rootStore = new RootStore()
