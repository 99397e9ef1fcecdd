/**
 * The storage port: the photo files, next to the data port's documents. The cloud code asks
 * only two things of it: how big a stored file is (or that there is none), and to delete files.
 * Two adapters:
 * - our server's files folder (`local:<staffId>/<id>` ids, the bytes at `<dir>/<staffId>/<id>`);
 * - CloudBase storage through wx-server-sdk (`cloud://…` ids): `getTempFileURL` then a GET of
 *   the link whose `content-length` is read and the body left unread; `deleteFile` in calls of at
 *   most 50 files (Cloud.deleteFile and Cloud.getTempFileURL: "一次最多 50 个").
 */
import { stat, unlink } from 'node:fs/promises'
import { get as httpGet, type IncomingMessage } from 'node:http'
import { get as httpsGet } from 'node:https'
import { join } from 'node:path'

export interface StoragePort {
  /** The size in bytes of a stored file; undefined when there is no such file. Throws when storage cannot be asked. */
  stat(fileId: string): Promise<{ size: number } | undefined>
  /**
   * Deletes files. `removed`: gone now (deleted, or not there at all); `failed`: still there as far
   * as we know (a refused or failed call): try again later.
   */
  remove(fileIds: readonly string[]): Promise<{ removed: string[]; failed: string[] }>
}

/** Most files one CloudBase storage call may name. */
export const STORAGE_CALL_MAX = 50

const ID = /^[0-9A-Za-z_-]{1,64}$/

/** Our server's files folder. */
export function localFileStorage(dir: string): StoragePort {
  const pathOf = (fileId: string) => {
    const m = /^local:([^/]+)\/([^/]+)$/.exec(fileId)
    return m && ID.test(m[1]) && ID.test(m[2]) ? join(dir, m[1], m[2]) : undefined
  }
  return {
    async stat(fileId) {
      const p = pathOf(fileId)
      if (!p) return undefined
      try {
        const s = await stat(p)
        return s.isFile() ? { size: s.size } : undefined
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw e
      }
    },
    async remove(fileIds) {
      const removed: string[] = []
      const failed: string[] = []
      for (const id of fileIds) {
        const p = pathOf(id)
        if (!p) {
          failed.push(id)
          continue
        }
        try {
          await unlink(p)
          removed.push(id)
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') removed.push(id)
          else failed.push(id)
        }
      }
      return { removed, failed }
    }
  }
}

/** The slice of wx-server-sdk the CloudBase storage adapter uses. */
export interface WxStorage {
  getTempFileURL(opts: {
    fileList: { fileID: string; maxAge: number }[]
    config?: { env: string }
  }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[] }>
  deleteFile(opts: {
    fileList: string[]
    config?: { env: string }
  }): Promise<{ fileList: { fileID: string; status: number; errMsg: string }[] }>
}

/** wx-server-sdk's status for a file that is not there (TCB_ERR_CODE.STORAGE_FILE_NONEXIST). */
export const STORAGE_FILE_NONEXIST = -503003

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}

/**
 * The size of what a temporary link serves: its `content-length` (the body is not read), or
 * undefined for a 404; counted from the body when no length is given.
 */
function sizeAt(url: string, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet
    const req = get(url, { timeout: timeoutMs }, (res: IncomingMessage) => {
      const status = res.statusCode ?? 0
      if (status === 404) {
        res.resume()
        return resolve(undefined)
      }
      if (status !== 200) {
        res.resume()
        return reject(new Error(`storage download answered HTTP ${status}`))
      }
      const length = Number(res.headers['content-length'])
      if (Number.isFinite(length) && res.headers['content-length'] !== undefined) {
        res.destroy()
        return resolve(length)
      }
      let n = 0
      res.on('data', (c: Buffer) => (n += c.length))
      res.on('end', () => resolve(n))
      res.on('error', reject)
    })
    req.on('timeout', () => req.destroy(new Error('storage download timed out')))
    req.on('error', reject)
  })
}

/**
 * CloudBase storage through wx-server-sdk. `env`: the environment to address (the function's
 * own when absent, as `cloud.init({ env: DYNAMIC_CURRENT_ENV })` set it).
 */
export function cloudbaseStorage(
  cloud: WxStorage,
  opts: { env?: string; timeoutMs?: number } = {}
): StoragePort {
  const config = opts.env ? { config: { env: opts.env } } : {}
  const timeoutMs = opts.timeoutMs ?? 3000
  return {
    async stat(fileId) {
      const r = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: 600 }], ...config })
      const f = r.fileList[0]
      if (!f || f.status === STORAGE_FILE_NONEXIST) return undefined
      if (f.status !== 0 || !f.tempFileURL)
        throw new Error(`getTempFileURL of ${fileId}: ${f.status} ${f.errMsg}`)
      const size = await sizeAt(f.tempFileURL, timeoutMs)
      return size === undefined ? undefined : { size }
    },
    async remove(fileIds) {
      const removed: string[] = []
      const failed: string[] = []
      for (const part of chunks(fileIds, STORAGE_CALL_MAX)) {
        try {
          const r = await cloud.deleteFile({ fileList: part, ...config })
          const answered = new Map(r.fileList.map((f) => [f.fileID, f.status]))
          for (const id of part) {
            const s = answered.get(id)
            if (s === 0 || s === STORAGE_FILE_NONEXIST) removed.push(id)
            else failed.push(id)
          }
        } catch {
          failed.push(...part)
        }
      }
      return { removed, failed }
    }
  }
}
