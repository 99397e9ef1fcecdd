import { AppError } from '../../domain/errors'
import type { FileOut, ParsedInputOf } from '../../domain/contract'
import { requireCaller, requireEstate, type Ctx } from '../context'
import { Repo } from '../kit'
import { FILES, fileOut } from './repo'

/**
 * Links an uploaded photo to its client id. Registering the same photo again (a retry) is
 * answered with what is already there; the same id with another file is a conflict.
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
