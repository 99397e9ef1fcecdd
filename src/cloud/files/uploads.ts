/**
 * Uploads owned from the first byte. An upload is recorded with its uploader (and the estates
 * they work in) when its bytes arrive at our server, or, for cloud storage, when the phone
 * reserves its place before uploading (`files.reserve`, with the size it declares); only the
 * uploader can register it, in one of those estates; each person may upload
 * UPLOAD_BYTES_PER_DAY a day and hold UPLOADS_OUTSTANDING_MAX unregistered ones; what is never
 * registered is swept after UPLOAD_TTL_MS, bytes and record. File ids name their uploader, so a
 * register can check it:
 * - our server's: `local:<staffId>/<id>` (the bytes at `<files dir>/<staffId>/<id>`);
 * - cloud storage: `cloud://<env>.<bucket>/photos/<staffId>/<id>.jpg` (the path the app uploads
 *   to), accepted only for this environment.
 * Photos are shown through short-lived signed URLs (`/files/<staffId>/<id>?exp=…&sig=…`,
 * HMAC-SHA256 with the server's secret), never with the session token in the URL.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { DataPort } from '../data/port'
import { AppError } from '../../domain/errors'
import type { Doc } from '../../domain/entities'
import { coll } from '../kit'

/** What one person may upload in a day (China day): about 120 phone photos. */
export const UPLOAD_BYTES_PER_DAY = 60 * 1024 * 1024
/** An upload nobody registered within this long is deleted by the hourly sweep. */
export const UPLOAD_TTL_MS = 24 * 3600_000
/** Unregistered uploads (reserved or arrived, younger than UPLOAD_TTL_MS) one person may hold. */
export const UPLOADS_OUTSTANDING_MAX = 40
/** How much bigger than declared a cloud upload may be (the phone declares its temp file's size). */
export const UPLOAD_SIZE_TOLERANCE = 16 * 1024
/** How long a signed photo URL works. */
export const FILE_URL_TTL_MS = 15 * 60_000

const ID = /^[0-9A-Za-z_-]{1,64}$/

export interface UploadDoc extends Doc {
  /** the client's id of the photo */
  id: string
  staffId: string
  /** where the uploader worked when the bytes arrived: the photo can be registered only there */
  estateIds: string[]
  /** bytes: what arrived (local), or what the phone declared until the registered file is measured (cloud) */
  size: number
  at: number
  registered: boolean
  /** where the bytes go: our server's files folder (absent on older records) or cloud storage */
  kind?: 'local' | 'cloud'
  /** cloud: the reserved path, `photos/<staffId>/<id>.jpg` */
  cloudPath?: string
  /** cloud: the file id, once registered */
  fileId?: string
}
export const UPLOADS = coll<UploadDoc>('uploads')

export const uploadKey = (staffId: string, id: string) => `${staffId}~${id}`
export const localFileId = (staffId: string, id: string) => `local:${staffId}/${id}`
export const cloudPhotoPath = (staffId: string, id: string) => `photos/${staffId}/${id}.jpg`

/** The uploader and photo id a file id names, or undefined when it names none of ours. */
export function parseFileId(
  fileId: string
): { kind: 'local' | 'cloud'; staffId: string; id: string; env?: string } | undefined {
  const local = /^local:([^/]+)\/([^/]+)$/.exec(fileId)
  if (local) {
    return ID.test(local[1]) && ID.test(local[2])
      ? { kind: 'local', staffId: local[1], id: local[2] }
      : undefined
  }
  // cloud://<env>.<bucket>/photos/<staffId>/<id>.jpg
  const cloud = /^cloud:\/\/([a-z0-9-]+)\.[A-Za-z0-9-]+\/photos\/([^/]+)\/([^/]+)\.jpg$/.exec(fileId)
  if (cloud && ID.test(cloud[2]) && ID.test(cloud[3]))
    return { kind: 'cloud', env: cloud[1], staffId: cloud[2], id: cloud[3] }
  return undefined
}

/** Unregistered uploads of this person since `since` (reserved or arrived, not yet expired). */
export function outstandingSince(store: DataPort, staffId: string, since: number): Promise<number> {
  return store.count('uploads', { staffId, registered: false, at: { gte: since } })
}

/** The quota refusal, the same for our server's upload endpoint and for a cloud reservation. */
export function quotaError(): AppError {
  return new AppError(
    'UPLOAD_QUOTA',
    `今天上传的照片已达上限（每人每天${UPLOAD_BYTES_PER_DAY / 1024 / 1024}MB），请明天再传或联系主管`
  )
}

/** Bytes this person uploaded since `since`. */
export async function uploadedSince(store: DataPort, staffId: string, since: number): Promise<number> {
  let total = 0
  let after: string | undefined
  do {
    const page = await store.find<UploadDoc & { [k: string]: unknown }>('uploads', {
      where: { staffId, at: { gte: since } },
      orderBy: [['at', 'asc']],
      limit: 100,
      after
    })
    for (const u of page.items) total += u.size
    after = page.next
  } while (after)
  return total
}

function mac(secret: string, staffId: string, id: string, exp: number): string {
  return createHmac('sha256', secret).update(`file:${staffId}/${id}:${exp}`).digest('base64url')
}

/** The path and query of a signed URL for a photo on our server. */
export function signedFilePath(secret: string, fileId: string, now: number): string | undefined {
  const f = parseFileId(fileId)
  if (!f || f.kind !== 'local') return undefined
  const exp = now + FILE_URL_TTL_MS
  return `/files/${f.staffId}/${f.id}?exp=${exp}&sig=${mac(secret, f.staffId, f.id, exp)}`
}

/** Whether a signed URL's parts are ours and not expired. */
export function checkFileSignature(
  secret: string,
  staffId: string,
  id: string,
  exp: string | null,
  sig: string | null,
  now: number
): boolean {
  if (!exp || !sig || !/^\d{1,15}$/.test(exp)) return false
  const e = Number(exp)
  if (e < now || e > now + FILE_URL_TTL_MS) return false
  const want = Buffer.from(mac(secret, staffId, id, e))
  const got = Buffer.from(sig)
  return want.length === got.length && timingSafeEqual(want, got)
}
