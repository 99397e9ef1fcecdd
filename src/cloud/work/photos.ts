/**
 * What a task list carries besides the tasks: the report each task was made from (the reporter's
 * note and photos, for the worker) and the stored after-photos (for the supervisor's review).
 * Read for the whole list at once: one `in` query for the incidents, one for the files.
 */
import type { PhotoFile, TaskOut } from '../../domain/contract'
import type { Task } from '../../domain/work/model'
import type { FileDoc } from '../files/repo'
import { signedFilePath } from '../files/uploads'
import type { Ctx } from '../context'
import type { WorkRepo } from './repo'

function photoFile(ctx: Ctx, f: FileDoc): PhotoFile {
  // a photo on our server comes with a short-lived signed URL (no session in the URL)
  return { id: f._id, fileId: f.fileId, url: signedFilePath(ctx.config.sessionSecret, f.fileId, ctx.now) }
}

/** The tasks' outputs with their report and after-photos filled in. */
export async function withReportsAndPhotos(
  repo: WorkRepo,
  ctx: Ctx,
  estateId: string,
  tasks: readonly Task[],
  out: TaskOut[]
): Promise<TaskOut[]> {
  const incidentIds = [...new Set(tasks.map((t) => t.incidentId).filter((x): x is string => !!x))]
  const incidents = incidentIds.length ? await repo.incidentsWithIds(incidentIds) : []
  const byId = new Map(incidents.filter((i) => i.estateId === estateId).map((i) => [i._id, i]))
  const photoIds = [
    ...incidents.flatMap((i) => i.photoIds ?? []),
    ...tasks.flatMap((t) => t.completionPhotoIds ?? [])
  ]
  const files = new Map((await repo.filesWithIds(estateId, photoIds)).map((f) => [f._id, f]))
  const stored = (ids: readonly string[] | undefined) =>
    (ids ?? []).flatMap((id) => {
      const f = files.get(id)
      return f ? [photoFile(ctx, f)] : []
    })
  return out.map((o, k) => {
    const t = tasks[k]!
    const i = t.incidentId ? byId.get(t.incidentId) : undefined
    const after = stored(t.completionPhotoIds)
    return {
      ...o,
      report: i ? { reporterName: i.reporterName, note: i.note, photoFiles: stored(i.photoIds) } : undefined,
      completionPhotoFiles: after.length ? after : undefined
    }
  })
}
