/**
 * Photo uploads for the local server (in WeChat the app uploads to cloud storage instead).
 * A photo is stored under its uploader and client id (`files/<staffId>/<id>`) and recorded in
 * `uploads` as its bytes arrive (src/cloud/files/uploads.ts), so uploading it again (after a
 * timeout, say) is answered "already have it", never an error, and someone else's upload of
 * the same id is a file of their own: the answer tells nothing about anybody else's.
 */
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync
} from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { AppError, errorEnvelope, isAppError } from '../../domain/errors'
import { dayStart } from '../../domain/time'
import {
  checkFileSignature,
  localFileId,
  quotaError,
  UPLOAD_BYTES_PER_DAY,
  uploadedSince,
  uploadKey,
  type UploadDoc
} from '../files/uploads'
import type { Identity, ServerConfig } from '../context'
import { DuplicateKeyError, type DataPort } from '../data/port'
import { resolveCaller } from '../dispatcher'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
const ID = /^[0-9A-Za-z_-]{8,64}$/

/** What the bytes are, from their first bytes (the content-type header is not trusted). */
export function sniffImage(b: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png'
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp'
  return undefined
}

/**
 * The first file in a multipart/form-data body (what wx.uploadFile sends); the raw body
 * otherwise (what the H5 app sends).
 */
export function fileFromBody(body: Buffer, contentType: string | undefined): Buffer {
  const m = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType ?? '')
  if (!m) return body
  const delim = Buffer.from(`--${m[1]}`)
  let at = body.indexOf(delim)
  while (at >= 0) {
    const headStart = at + delim.length + 2
    const headEnd = body.indexOf('\r\n\r\n', headStart)
    if (headEnd < 0) break
    const next = body.indexOf(delim, headEnd)
    if (next < 0) break
    const head = body.toString('utf8', headStart, headEnd)
    if (/filename=/i.test(head)) return body.subarray(headEnd + 4, next - 2)
    at = next
  }
  throw new AppError('INVALID_INPUT', '没有收到照片文件')
}

function readBytes(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((res, rej) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        rej(new AppError('INVALID_INPUT', `照片太大（最大${max / 1024 / 1024}MB），请重新拍摄`))
        req.resume()
      } else chunks.push(c)
    })
    req.on('end', () => res(Buffer.concat(chunks)))
    req.on('error', rej)
  })
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export interface UploadDeps {
  store: DataPort
  config: ServerConfig
  dir: string
}

async function callerOf(deps: UploadDeps, identity: Identity) {
  const caller = await resolveCaller(deps.store, deps.config, identity, deps.config.now())
  if (!caller) throw new AppError('UNAUTHENTICATED')
  return caller
}

/** POST /api/upload/<id>: the photo's bytes as the body. */
export async function handleUpload(
  deps: UploadDeps,
  id: string,
  identity: Identity,
  req: IncomingMessage,
  res: ServerResponse
) {
  const now = deps.config.now()
  try {
    if (!ID.test(id)) throw new AppError('INVALID_INPUT', '照片编号格式不正确')
    const { staff } = await callerOf(deps, identity)
    const dir = join(deps.dir, staff._id)
    mkdirSync(dir, { recursive: true })
    const file = join(dir, id)
    const fileId = localFileId(staff._id, id)
    const bytes = fileFromBody(await readBytes(req, MAX_PHOTO_BYTES + 64 * 1024), req.headers['content-type'])
    if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('INVALID_INPUT', '照片太大（最大5MB），请重新拍摄')
    const key = uploadKey(staff._id, id)
    if (existsSync(file) && (await deps.store.get<UploadDoc & { [k: string]: unknown }>('uploads', key)))
      return json(res, 200, {
        ok: true,
        data: { fileId, existing: true, size: statSync(file).size },
        serverTime: now
      })
    if (!sniffImage(bytes)) throw new AppError('INVALID_INPUT', '只能上传 JPG、PNG 或 WEBP 照片')
    const used = await uploadedSince(deps.store, staff._id, dayStart(now))
    if (used + bytes.length > UPLOAD_BYTES_PER_DAY) throw quotaError()
    // Recorded with its uploader and their estates as the bytes arrive, then written whole or not at all.
    await deps.store
      .insert<UploadDoc & { [k: string]: unknown }>('uploads', {
        _id: key,
        createdAt: now,
        updatedAt: now,
        id,
        staffId: staff._id,
        estateIds: staff.estateIds,
        size: bytes.length,
        at: now,
        registered: false
      })
      .catch((e: unknown) => {
        // a second upload of the same photo at the same time: the first one's record stands
        if (!(e instanceof DuplicateKeyError)) throw e
      })
    const tmp = `${file}.${process.pid}.${now}.part`
    writeFileSync(tmp, bytes)
    renameSync(tmp, file)
    json(res, 200, {
      ok: true,
      data: { fileId, existing: false, size: bytes.length },
      serverTime: now
    })
  } catch (e) {
    if (isAppError(e))
      return json(
        res,
        e.code === 'UNAUTHENTICATED' || e.code === 'SESSION_EXPIRED'
          ? 401
          : e.code === 'UPLOAD_QUOTA'
            ? 429
            : 400,
        errorEnvelope(e, now)
      )
    deps.config.log('upload failed', e)
    json(res, 500, errorEnvelope(new AppError('INTERNAL'), now))
  }
}

/**
 * GET /files/<staffId>/<id>?exp=…&sig=…: a registered photo through the short-lived signed URL
 * the server gave with the record (src/cloud/files/uploads.ts); no session in the URL.
 */
export async function handleFile(
  deps: UploadDeps,
  staffId: string,
  id: string,
  query: URLSearchParams,
  res: ServerResponse
) {
  const now = deps.config.now()
  try {
    if (!ID.test(id) || !ID.test(staffId)) throw new AppError('NOT_FOUND', '没有找到这张照片')
    if (!checkFileSignature(deps.config.sessionSecret, staffId, id, query.get('exp'), query.get('sig'), now))
      throw new AppError('NOT_FOUND', '照片链接已过期，请刷新后再看')
    const doc = await deps.store.get<{ _id: string; _v: number; fileId: string }>('files', id)
    if (!doc || doc.fileId !== localFileId(staffId, id)) throw new AppError('NOT_FOUND', '没有找到这张照片')
    const file = join(deps.dir, staffId, id)
    if (!existsSync(file)) throw new AppError('NOT_FOUND', '照片还没有上传完成')
    const head = Buffer.alloc(16)
    const fd = openSync(file, 'r')
    readSync(fd, head, 0, 16, 0)
    closeSync(fd)
    res.writeHead(200, {
      'content-type': sniffImage(head) ?? 'application/octet-stream',
      'cache-control': 'private, max-age=86400'
    })
    createReadStream(file).pipe(res)
  } catch (e) {
    if (isAppError(e)) return json(res, e.code === 'NOT_FOUND' ? 404 : 401, errorEnvelope(e, now))
    json(res, 500, errorEnvelope(new AppError('INTERNAL'), now))
  }
}
