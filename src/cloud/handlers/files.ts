import { AppError } from '../../domain/errors'
import type { FileOut } from '../../domain/contract'
import { requireCaller, requireEstate, type Ctx } from '../context'
import type { D } from './common'

type FileDoc = D<FileOut & { _id: string; _v: number; createdAt: number; updatedAt: number }>

/**
 * Links an uploaded photo to its client id. Registering the same photo again (a retry) is
 * answered with what is already there; the same id with another file is a conflict.
 */
export async function register(input: { id: string; fileId: string; takenAt: number }, ctx: Ctx): Promise<FileOut> {
  const estate = requireEstate(ctx)
  const { staff } = requireCaller(ctx)
  const have = await ctx.db.get<FileDoc>('files', input.id)
  if (have) {
    if (have.fileId === input.fileId && have.staffId === staff._id) return strip(have)
    throw new AppError('CONFLICT', '这张照片的编号已被占用，请重新拍摄')
  }
  const doc = await ctx.db.insert<FileDoc>('files', {
    _id: input.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    id: input.id,
    fileId: input.fileId,
    staffId: staff._id,
    estateId: estate._id,
    takenAt: input.takenAt,
    at: ctx.now
  })
  await ctx.audit('files', input.id)
  return strip(doc)
}

function strip(d: FileOut): FileOut {
  return { id: d.id, fileId: d.fileId, staffId: d.staffId, estateId: d.estateId, takenAt: d.takenAt, at: d.at }
}
