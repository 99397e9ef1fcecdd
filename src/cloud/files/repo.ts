import type { FileOut } from '../../domain/contract'
import type { Doc } from '../../domain/entities'
import { coll } from '../kit'

/** A registered photo: the client's id of it, the stored file, who took it where and when. */
export type FileDoc = Doc & FileOut
export const FILES = coll<FileDoc>('files')

/** What the app gets back of a registered photo. */
export function fileOut(d: FileOut): FileOut {
  return {
    id: d.id,
    fileId: d.fileId,
    staffId: d.staffId,
    estateId: d.estateId,
    takenAt: d.takenAt,
    at: d.at
  }
}
