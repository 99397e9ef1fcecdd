import { AppError } from '../../domain/errors'
import type { FileOut, ParsedInputOf } from '../../domain/contract'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { Repo } from '../kit'
import { FILES, fileOut } from './repo'
import { parseFileId, uploadKey, UPLOADS } from './uploads'

/** One answer for every file that is not the caller's own upload: it tells nothing more. */
const notYours = () => new AppError('NOT_FOUND', '没有找到您上传的这张照片，请重新拍摄')

/**
 * Links an uploaded photo to its client id. Only the uploader can, in an estate they worked in
 * when the bytes arrived; a cloud file must be of this environment, in the uploader's folder.
 * Registering the same photo again (a retry) is answered with what is already there; the same
 * id with another file is a conflict.
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
  if (f.kind === 'cloud') {
    if (!ctx.config.cloudEnv || f.env !== ctx.config.cloudEnv) throw notYours()
  } else {
    const up = await repo.get(UPLOADS, uploadKey(staff._id, input.id))
    if (!up || !up.estateIds.includes(estate._id)) throw notYours()
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
