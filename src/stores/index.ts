import { configure } from 'mobx'
import { createIdFactory } from '../domain/ids'
import { storage } from '../services/storage'
import { transport } from '../services/transport'
import { wxLoginCode } from '../services/wechat'
import { ui } from '../services/ui'
import { createApi, type Api } from './api'
import { HomeStore } from './home'
import { SessionStore } from './session'
import { StaffAdminStore } from './staffAdmin'

configure({ enforceActions: 'observed' })

/** Wires the stores to the real services; tests build stores with fakes instead. */
class RootStore {
  readonly newId = createIdFactory({ now: () => Date.now(), random: Math.random })
  readonly session: SessionStore
  readonly home: HomeStore
  readonly staffAdmin: StaffAdminStore
  readonly api: Api

  constructor() {
    this.session = new SessionStore({ storage, api: () => this.api, now: () => Date.now(), wxCode: wxLoginCode })
    this.api = createApi({
      transport,
      token: () => this.session.token,
      estateId: () => this.session.estate?.id,
      now: () => Date.now(),
      newId: this.newId,
      onAuthLost: () => {
        this.session.clear()
        void ui.relaunch('/pages/login/index')
      }
    })
    this.home = new HomeStore(() => this.api)
    this.staffAdmin = new StaffAdminStore(() => this.api)
  }
}

export const rootStore = new RootStore()
