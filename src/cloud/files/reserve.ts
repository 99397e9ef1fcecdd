import { AppError } from '../../domain/errors'
import type { FileReserveOut, ParsedInputOf } from '../../domain/contract'
import { dayStart } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { Repo } from '../kit'
import { FILES } from './repo'
import {
  cloudPhotoPath,
  outstandingSince,
  quotaError,
  UPLOAD_BYTES_PER_DAY,
  UPLOAD_TTL_MS,
  uploadedSince,
  uploadKey,
  UPLOADS,
  UPLOADS_OUTSTANDING_MAX
} from './uploads'
import { notYours } from './register'

/**
 * A place in cloud storage for one photo, reserved before any byte goes up: the upload is
 * recorded with its uploader, the estates they work in and the size the phone declares, so the
 * daily quota and the cap on unregistered uploads hold before the bytes exist, and only this
 * person can register it. Asking again for the same photo answers the same place.
 */
export async function reserve(input: ParsedInputOf<'files.reserve'>, ctx: Ctx): Promise<FileReserveOut> {
  requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  // our own server takes photos at its upload endpoint; only a CloudBase function hands out places
  if (!ctx.config.cloudEnv || !ctx.config.storage)
    throw new AppError('INVALID_INPUT', '本服务器不使用云存储，照片请直接上传')
  const repo = new Repo(ctx)
  const key = uploadKey(staff._id, input.id)
  const have = await repo.get(UPLOADS, key)
  if (have) {
    if (have.kind !== 'cloud' || !have.cloudPath)
      throw new AppError('CONFLICT', '这张照片的编号已被占用，请重新拍摄')
    return { cloudPath: have.cloudPath, expiresAt: have.at + UPLOAD_TTL_MS }
  }
  // a photo id someone else has registered tells nothing more than register would
  const registered = await repo.get(FILES, input.id)
  if (registered && registered.staffId !== staff._id) throw notYours()
  if (registered) throw new AppError('CONFLICT', '这张照片的编号已被占用，请重新拍摄')
  const [used, outstanding] = await Promise.all([
    uploadedSince(ctx.store, staff._id, dayStart(ctx.now)),
    outstandingSince(ctx.store, staff._id, ctx.now - UPLOAD_TTL_MS)
  ])
  if (used + input.size > UPLOAD_BYTES_PER_DAY) throw quotaError()
  if (outstanding >= UPLOADS_OUTSTANDING_MAX)
    throw new AppError(
      'UPLOAD_QUOTA',
      `还有${outstanding}张照片上传后没有登记完成（最多${UPLOADS_OUTSTANDING_MAX}张），请联网等待它们登记后再传`
    )
  const cloudPath = cloudPhotoPath(staff._id, input.id)
  await repo.insert(UPLOADS, {
    _id: key,
    id: input.id,
    staffId: staff._id,
    estateIds: staff.estateIds,
    size: input.size,
    at: ctx.now,
    registered: false,
    kind: 'cloud',
    cloudPath
  })
  return { cloudPath, expiresAt: ctx.now + UPLOAD_TTL_MS }
}
