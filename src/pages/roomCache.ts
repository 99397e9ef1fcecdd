/**
 * The estate's rooms on the phone, for the room keys at the gate and the desk (they work
 * offline). Only building, unit and room are kept (no owner, no phone), fetched page by page
 * from `rooms.list` when the copy is missing or older than ROOMS_FRESH_MS, and kept under one
 * key per estate that both subpackages read. The stores own an instance; this holds no Taro.
 */
import { makeAutoObservable, runInAction } from 'mobx'
import { ESTATES_ACTIONS } from '../domain/contract/estates'
import { ROOMS_FRESH_MS, type RoomTriple } from '../domain/estates/roomPick'
import type { KeyValueStorage } from '../services/storage'
import { loadActions, type Api } from '../stores/api'

loadActions(ESTATES_ACTIONS)

/** Pages fetched at most (100 rooms each): a 10,000-room estate. */
const MAX_PAGES = 100

export interface CachedRooms {
  at: number
  rooms: RoomTriple[]
}

export interface RoomCacheDeps {
  api: () => Api
  storage: KeyValueStorage
  now: () => number
}

export const roomsKey = (estate: string) => `gwt.rooms.${estate}`

export class RoomCache {
  rooms: RoomTriple[] = []
  /** when the copy was fetched (0: never) */
  at = 0
  private estate = ''
  private loading: Promise<void> | undefined

  constructor(private deps: RoomCacheDeps) {
    makeAutoObservable<RoomCache, 'deps' | 'loading'>(this, { deps: false, loading: false })
  }

  /** The phone's copy for this estate at once, then the server's when the copy is old (offline: the copy stays). */
  load(estate: string): Promise<void> {
    if (estate !== this.estate) {
      const c = this.deps.storage.get<CachedRooms>(roomsKey(estate))
      this.estate = estate
      this.rooms = c?.rooms ?? []
      this.at = c?.at ?? 0
      this.loading = undefined
    }
    if (this.at && this.deps.now() - this.at < ROOMS_FRESH_MS) return Promise.resolve()
    this.loading ??= this.fetch(estate).finally(() => (this.loading = undefined))
    return this.loading
  }

  private async fetch(estate: string): Promise<void> {
    const out: RoomTriple[] = []
    let after: string | undefined
    try {
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await this.deps.api()('rooms.list', after ? { after } : {})
        for (const r of page.items) out.push([r.building, r.unit, r.no])
        after = page.next
        if (!after) break
      }
    } catch {
      return // offline or refused: keep the copy
    }
    if (estate !== this.estate) return
    const at = this.deps.now()
    runInAction(() => {
      this.rooms = out
      this.at = at
    })
    try {
      this.deps.storage.set(roomsKey(estate), { at, rooms: out } satisfies CachedRooms)
    } catch {
      // storage full: the keys still work until the app closes
    }
  }
}
