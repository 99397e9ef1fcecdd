import { makeAutoObservable, runInAction } from 'mobx'
import type { HomeToday } from '../domain/contract'
import type { Api } from './api'
import { messageOf } from './api'

/** The home page: today's work for the signed-in person, and clocking in and out. */
export class HomeStore {
  today: HomeToday | undefined = undefined
  loading = false
  acting = false
  error = ''

  constructor(private api: () => Api) {
    makeAutoObservable<HomeStore, 'api'>(this, { api: false })
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = ''
    try {
      const t = await this.api()('home.today', {})
      runInAction(() => (this.today = t))
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
    } finally {
      runInAction(() => (this.loading = false))
    }
  }

  async startShift(post: string): Promise<boolean> {
    return this.act(async () => {
      await this.api()('shift.start', { post })
    })
  }

  async endShift(): Promise<boolean> {
    const id = this.today?.shift?._id
    if (!id) return false
    return this.act(async () => {
      await this.api()('shift.end', { shiftId: id })
    })
  }

  private async act(f: () => Promise<void>): Promise<boolean> {
    this.acting = true
    this.error = ''
    try {
      await f()
      await this.load()
      return true
    } catch (e) {
      runInAction(() => (this.error = messageOf(e)))
      return false
    } finally {
      runInAction(() => (this.acting = false))
    }
  }
}
