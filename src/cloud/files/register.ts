import { AppError } from '../../domain/errors'
import type { FileOut, ParsedInputOf } from '../../domain/contract'
import { dayStart } from '../../domain/time'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { Repo } from '../kit'
import { FILES, fileOut } from './repo'
import {
  parseFileId,
  quotaError,
  UPLOAD_BYTES_PER_DAY,
  UPLOAD_SIZE_TOLERANCE,
  UPLOAD_TTL_MS,
  uploadedSince,
  uploadKey,
  UPLOADS,
  type UploadDoc
} from './uploads'

/** One answer for every file that is not the caller's own upload: it tells nothing more. */
export const notYours = () => new AppError('NOT_FOUND', '没有找到您上传的这张照片，请重新拍摄')

/**
 * Links an uploaded photo to its client id. Only the uploader can, in an estate they worked in
 * when the upload was recorded (the bytes arrived at our server, or the phone reserved the cloud
 * place with `files.reserve`). A cloud file must be of this environment, in the uploader's
 * folder, reserved and not expired, and really there: its size is measured in storage, and a
 * file bigger than declared (beyond a small tolerance) or over the day's quota is deleted and
 * refused. Registering the same photo again (a retry) is answered with what is already there;
 * the same id with another file is a conflict.
 */
export async function register(input: ParsedInputOf<'files.register'>, ctx: Ctx): Promise<FileOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const repo = new Repo(ctx)
  const have = await repo.get(FILES, input.id)
  if (have) {
    if (have.fileId === input.fileId && have.staffId === staff._id) return fileOut(have)
    throw new AppError('CONFLICT', '这张照片的编号已被占用，请重新拍摄')
  }
  const f = parseFileId(input.fileId)
  if (!f || f.staffId !== staff._id || f.id !== input.id) throw notYours()
  const up = await repo.get(UPLOADS, uploadKey(staff._id, input.id))
  if (!up || !up.estateIds.includes(estate._id)) throw notYours()
  if (f.kind === 'cloud') {
    if (!ctx.config.cloudEnv || f.env !== ctx.config.cloudEnv) throw notYours()
    // reserved for the cloud and not yet given up to the sweep
    if (up.kind !== 'cloud' || up.at < ctx.now - UPLOAD_TTL_MS) throw notYours()
    const size = await measure(ctx, up, input.fileId)
    await repo.update(UPLOADS, up, { registered: true, size, fileId: input.fileId })
  } else {
    if (up.kind === 'cloud') throw notYours()
    await repo.update(UPLOADS, up, { registered: true })
  }
  const doc = await repo.insert(FILES, {
    _id: input.id,
    id: input.id,
    fileId: input.fileId,
    staffId: staff._id,
    estateId: estate._id,
    takenAt: input.takenAt,
    at: ctx.now
  })
  await ctx.audit('files', input.id)
  return fileOut(doc)
}

/**
 * The stored size of a reserved cloud upload. No file: the not-yours answer. Bigger than
 * declared, or past the day's quota once counted at its real size: the file is deleted and
 * the register refused (the reservation stays until the sweep).
 */
async function measure(ctx: Ctx, up: UploadDoc, fileId: string): Promise<number> {
  const storage = ctx.config.storage
  if (!storage) throw new Error('files.register of a cloud file needs config.storage')
  const st = await storage.stat(fileId)
  if (!st) throw notYours()
  const refuse = async (e: AppError) => {
    const { failed } = await storage.remove([fileId])
    if (failed.length) ctx.config.log('[files] could not delete a refused upload; the sweep will', fileId)
    return e
  }
  if (st.size > up.size + UPLOAD_SIZE_TOLERANCE)
    throw await refuse(
      new AppError(
        'INVALID_INPUT',
        `上传的照片（${kb(st.size)}）比上传前报的大小（${kb(up.size)}）大，已删除，请重新拍摄`
      )
    )
  if (st.size > up.size) {
    // within the tolerance, but the quota counts what is really stored
    const today = dayStart(ctx.now)
    const used = await uploadedSince(ctx.store, up.staffId, today)
    const before = up.at >= today ? used - up.size : used
    if (before + st.size > UPLOAD_BYTES_PER_DAY) throw await refuse(quotaError())
  }
  return st.size
}

const kb = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)}MB` : `${Math.ceil(n / 1024)}KB`
