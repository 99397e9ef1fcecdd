import { makeAutoObservable, runInAction } from 'mobx'
import { AppError } from '../domain/errors'
import { backoffMs } from '../domain/outbox'
import type { KeyValueStorage } from '../services/storage'
import type { PhotoFiles, ReservePhoto } from '../services/files'
import type { OutboxStore } from './outbox'

const KEY = 'gwt.photos'

export interface PhotoEntry {
  /** Client id: the record refers to the photo by it, before and after upload. */
  id: string
  /** Where the bytes are kept on the device until uploaded. */
  path: string
  staffId: string
  takenAt: number
  status: 'pending' | 'uploading' | 'refused'
  attempts: number
  nextAt: number
  lastError?: string
  /** the code of the last refusal by the server (`UPLOAD_QUOTA`: kept, retried later, shown on the photo) */
  lastCode?: string
}

export interface PhotoDeps {
  storage: KeyValueStorage
  files: PhotoFiles
  outbox: OutboxStore
  /** cloud mode: reserves the photo's place in cloud storage before the upload (`files.reserve`) */
  reserve?: ReservePhoto
  session: () => { staffId?: string; token?: string }
  now: () => number
  random: () => number
  newId: () => string
}

/**
 * Photos go separately from the records that show them: a record is saved at once with the
 * photo's id, and the photo uploads in the background with retries. When the server has
 * the bytes, a small `files.register` operation goes through the outbox to link them.
 */
export class PhotoStore {
  entries: PhotoEntry[] = []
  syncing = false
  private running: Promise<void> | undefined = undefined

  constructor(private deps: PhotoDeps) {
    makeAutoObservable<PhotoStore, 'deps' | 'running'>(this, { deps: false, running: false })
  }

  load(): void {
    this.entries = (this.deps.storage.get<PhotoEntry[]>(KEY) ?? []).map((e) =>
      e.status === 'uploading' ? { ...e, status: 'pending' } : e
    )
  }

  private save(): void {
    this.deps.storage.set(
      KEY,
      this.entries.map((e) => ({ ...e }))
    )
  }

  get mine(): PhotoEntry[] {
    const id = this.deps.session().staffId
    return this.entries.filter((e) => e.staffId === id)
  }

  /** Still on this phone (not uploaded yet)? */
  isLocal(id: string): boolean {
    return this.entries.some((e) => e.id === id)
  }

  /** Keeps a just-taken photo; returns its id for the record. */
  async add(tempPath: string): Promise<string> {
    const staffId = this.deps.session().staffId
    if (!staffId) throw new AppError('UNAUTHENTICATED')
    const id = this.deps.newId()
    let path: string
    try {
      path = await this.deps.files.keep(id, tempPath)
    } catch {
      throw new AppError('STORAGE_FULL', '照片没有保存成功：手机存储空间可能不足，请清理后重拍')
    }
    const now = this.deps.now()
    runInAction(() => {
      this.entries.push({ id, path, staffId, takenAt: now, status: 'pending', attempts: 0, nextAt: now })
      this.save()
    })
    void this.sync()
    return id
  }

  /** A path or URL to show a photo that is still on the phone. */
  async localUrl(id: string): Promise<string | undefined> {
    const e = this.entries.find((x) => x.id === id)
    return e ? this.deps.files.displayUrl(e.path) : undefined
  }

  sync(opts: { force?: boolean } = {}): Promise<void> {
    if (this.running) return this.running
    this.running = this.drain(!!opts.force).finally(() => {
      this.running = undefined
    })
    return this.running
  }

  private async drain(force: boolean): Promise<void> {
    const { staffId, token } = this.deps.session()
    if (!staffId) return
    runInAction(() => (this.syncing = true))
    try {
      for (const e of this.mine) {
        if (e.status !== 'pending' || (!force && e.nextAt > this.deps.now())) continue
        runInAction(() => (e.status = 'uploading'))
        try {
          const out = await this.deps.files.upload(e.id, e.path, token, e.staffId, this.deps.reserve)
          runInAction(() => {
            this.deps.outbox.enqueue(
              'files.register',
              { id: e.id, fileId: out.fileId, takenAt: e.takenAt },
              { record: `photo:${e.id}`, summary: '照片' }
            )
            this.entries = this.entries.filter((x) => x !== e)
            this.save()
          })
          await this.deps.files.remove(e.path)
        } catch (err) {
          const code = (err as { code?: string }).code
          runInAction(() => {
            if (code === 'INVALID_INPUT') {
              e.status = 'refused'
              e.lastError = (err as Error).message
            } else {
              e.status = 'pending'
              e.attempts++
              e.nextAt = this.deps.now() + backoffMs(e.attempts, this.deps.random)
              e.lastError = (err as Error)?.message
              e.lastCode = code
            }
            this.save()
          })
          if (code !== 'INVALID_INPUT') break
        }
      }
    } finally {
      runInAction(() => (this.syncing = false))
      if (this.deps.outbox.waiting.length > 0) void this.deps.outbox.sync()
    }
  }

  /** Gives up a photo the server will not take (after the person confirms). */
  async discard(id: string): Promise<void> {
    const e = this.entries.find((x) => x.id === id)
    if (!e) return
    runInAction(() => {
      this.entries = this.entries.filter((x) => x !== e)
      this.save()
    })
    await this.deps.files.remove(e.path)
  }
}
