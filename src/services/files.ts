import Taro from '@tarojs/taro'
import { isWeapp, useCloud } from './env'

/**
 * Cloud mode: a place in cloud storage reserved for one photo before its bytes go up
 * (`files.reserve`, which refuses over the person's daily quota); the photo is uploaded to the
 * `cloudPath` it answers.
 */
export type ReservePhoto = (input: {
  id: string
  size: number
}) => Promise<{ cloudPath: string; expiresAt: number }>

/**
 * Photos on the device until they are uploaded. weapp temp files can vanish, so a photo is
 * copied into the app's own user-data folder at once; on H5 the bytes go to IndexedDB. The
 * outbox itself never holds image bytes.
 */
export interface PhotoFiles {
  /** Moves a just-taken photo to persistent space; returns where it now lives. */
  keep(id: string, tempPath: string): Promise<string>
  /** A path or URL the <Image> component can show. */
  displayUrl(path: string): Promise<string>
  remove(path: string): Promise<void>
  /**
   * Uploads and returns the server's file id; a photo the server already has is a success.
   * In the cloud the photo goes where `reserve` says (`photos/<staffId>/<id>.jpg`: the path names
   * its uploader, and the server registers it only for them); a refusal of the reservation
   * (`UPLOAD_QUOTA`…) rejects with its code and message before any byte is sent.
   */
  upload(
    id: string,
    path: string,
    token: string | undefined,
    staffId: string,
    reserve?: ReservePhoto
  ): Promise<{ fileId: string; size?: number }>
}

// ---- H5: IndexedDB ----
const DB = 'gwt-photos'
const STORE = 'photos'
function idb(): Promise<IDBDatabase> {
  return new Promise((res, rej) => {
    const r = indexedDB.open(DB, 1)
    r.onupgradeneeded = () => r.result.createObjectStore(STORE)
    r.onsuccess = () => res(r.result)
    r.onerror = () => rej(r.error)
  })
}
async function idbDo<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await idb()
  return new Promise<T>((res, rej) => {
    const tx = db.transaction(STORE, mode)
    const req = f(tx.objectStore(STORE))
    tx.oncomplete = () => res(req.result as T)
    tx.onerror = () => rej(tx.error)
  })
}

const web: PhotoFiles = {
  async keep(id, tempPath) {
    const blob = await (await fetch(tempPath)).blob()
    await idbDo('readwrite', (s) => s.put(blob, id))
    return `idb:${id}`
  },
  async displayUrl(path) {
    if (!path.startsWith('idb:')) return path
    const blob = await idbDo<Blob | undefined>('readonly', (s) => s.get(path.slice(4)))
    return blob ? URL.createObjectURL(blob) : ''
  },
  async remove(path) {
    if (path.startsWith('idb:')) await idbDo('readwrite', (s) => s.delete(path.slice(4)))
  },
  async upload(id, path, token) {
    const blob = await idbDo<Blob | undefined>('readonly', (s) => s.get(path.slice(4)))
    if (!blob) throw new Error('照片已不在手机上')
    const r = await fetch(`${API_BASE}/api/upload/${encodeURIComponent(id)}`, {
      method: 'POST',
      body: blob,
      headers: {
        'content-type': blob.type || 'image/jpeg',
        ...(token ? { authorization: `Bearer ${token}` } : {})
      }
    })
    const env = (await r.json()) as {
      ok: boolean
      data?: { fileId: string; size?: number }
      code?: string
      message?: string
    }
    if (!env.ok || !env.data) throw Object.assign(new Error(env.message ?? '上传失败'), { code: env.code })
    return env.data
  }
}

// ---- weapp: user data folder, then cloud storage or our server ----
const weapp: PhotoFiles = {
  async keep(id, tempPath) {
    const fs = Taro.getFileSystemManager()
    const dir = `${Taro.env.USER_DATA_PATH}/photos`
    try {
      fs.accessSync(dir)
    } catch {
      fs.mkdirSync(dir, true)
    }
    const to = `${dir}/${id}.jpg`
    fs.copyFileSync(tempPath, to)
    return to
  },
  async displayUrl(path) {
    return path
  },
  async remove(path) {
    try {
      Taro.getFileSystemManager().unlinkSync(path)
    } catch {
      // already gone
    }
  },
  async upload(id, path, token, _staffId, reserve) {
    if (useCloud) {
      if (!reserve) throw new Error('files.upload in cloud mode needs files.reserve')
      const size = Taro.getFileSystemManager().statSync(path).size as number
      // A retry of the same photo gets the same path: a second upload overwrites, never duplicates.
      const { cloudPath } = await reserve({ id, size })
      const r = await Taro.cloud.uploadFile({ cloudPath, filePath: path })
      return { fileId: r.fileID, size }
    }
    const r = await Taro.uploadFile({
      url: `${API_BASE}/api/upload/${encodeURIComponent(id)}`,
      filePath: path,
      name: 'file',
      header: token ? { Authorization: `Bearer ${token}` } : {}
    })
    const env = JSON.parse(r.data) as {
      ok: boolean
      data?: { fileId: string; size?: number }
      code?: string
      message?: string
    }
    if (!env.ok || !env.data) throw Object.assign(new Error(env.message ?? '上传失败'), { code: env.code })
    return env.data
  }
}

export const photoFiles: PhotoFiles = isWeapp ? weapp : web

/** Take a photo (camera first, album allowed); undefined when the person cancels. */
export async function takePhoto(): Promise<string | undefined> {
  try {
    const r = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sourceType: ['camera', 'album'],
      sizeType: ['compressed']
    })
    return r.tempFiles[0]?.tempFilePath
  } catch {
    return undefined
  }
}

/**
 * Where the app can show a photo the server has: a cloud file id is an image source in the
 * mini program as it is; a photo on our own server comes from the short-lived signed path the
 * server gave with the record (no session token in the URL). Undefined: not shown (yet).
 */
export function serverPhotoUrl(file: { fileId: string; url?: string } | undefined): string | undefined {
  if (!file) return undefined
  if (file.fileId.startsWith('cloud://')) return file.fileId
  if (useCloud || !file.url || !file.url.startsWith('/files/')) return undefined
  return `${API_BASE}${file.url}`
}
