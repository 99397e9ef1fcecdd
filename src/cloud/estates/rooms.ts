/**
 * Rooms: the list (any staff of the estate, owners' phones masked) and the import from a
 * spreadsheet. Preview and commit take the same file and run the same parse; the preview
 * stores nothing. A commit writes at most IMPORT_BATCH rooms in its transaction and says how
 * many remain: the app calls again with the same file until none do. Each room's id comes
 * from its estate and building+unit+room, so a repeated or re-run import updates, never
 * duplicates.
 */
import { AppError } from '../../domain/errors'
import type {
  ImportCommitOut,
  ImportPreview,
  ImportRowOut,
  ParsedInputOf,
  RoomsPage
} from '../../domain/contract'
import type { Room } from '../../domain/entities'
import {
  IMPORT_BATCH,
  MAX_IMPORT_BYTES,
  parseRoomTable,
  planImport,
  roomChange,
  roomKey,
  roomLabel,
  type ImportPlan,
  type ParsedRooms
} from '../../domain/estates/rooms'
import { maskPhone } from '../../domain/privacy'
import { requireEstate, type Ctx } from '../context'
import type { Patch } from '../kit'
import { roomOut } from './out'
import { EstatesRepo, ROOMS, roomId } from './repo'
import { fileBytes, readTable } from './sheet'

type FileIn = ParsedInputOf<'rooms.importPreview'>['file']

export async function list(input: ParsedInputOf<'rooms.list'>, ctx: Ctx): Promise<RoomsPage> {
  const estate = requireEstate(ctx)
  let page
  try {
    page = await new EstatesRepo(ctx).roomsPage(estate._id, input.building, input.unit, input.after)
  } catch (e) {
    if (input.after && e instanceof Error && /cursor/.test(e.message)) throw new AppError('INVALID_INPUT')
    throw e
  }
  return { items: page.items.map(roomOut), ...(page.next ? { next: page.next } : {}) }
}

/** The file read and checked, and compared with the estate's rooms. */
async function plan(
  file: FileIn,
  ctx: Ctx
): Promise<{ parsed: ParsedRooms; plan: ImportPlan; stored: Map<string, Room> }> {
  const bytes = fileBytes(file.data)
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new AppError(
      'INVALID_INPUT',
      `文件太大（最大${MAX_IMPORT_BYTES / 1024}KB），请按楼栋分成几个文件导入`
    )
  const [table, rooms] = await Promise.all([
    readTable(file.name, bytes),
    new EstatesRepo(ctx).rooms(requireEstate(ctx)._id)
  ])
  const parsed = parseRoomTable(table)
  if ('problem' in parsed) throw new AppError('INVALID_INPUT', parsed.problem)
  const stored = new Map(rooms.map((r) => [roomKey(r), r]))
  return { parsed, plan: planImport(parsed.rows, stored), stored }
}

export async function importPreview(
  input: ParsedInputOf<'rooms.importPreview'>,
  ctx: Ctx
): Promise<ImportPreview> {
  const { parsed, plan: p, stored } = await plan(input.file, ctx)
  const rows: ImportRowOut[] = parsed.rows.slice(0, 100).map((r) => ({
    row: r.row,
    label: roomLabel(r),
    ...(r.ownerName ? { ownerName: r.ownerName } : {}),
    ...(r.ownerPhone ? { ownerPhone: maskPhone(r.ownerPhone) } : {}),
    change: roomChange(r, stored.get(roomKey(r)))
  }))
  return {
    total: parsed.rows.length + parsed.errors.length,
    counts: { ...p.counts, errors: parsed.errors.length },
    rows,
    errors: parsed.errors.slice(0, 500)
  }
}

export async function importCommit(
  input: ParsedInputOf<'rooms.importCommit'>,
  ctx: Ctx
): Promise<ImportCommitOut> {
  const estate = requireEstate(ctx)
  const { parsed, plan: p, stored } = await plan(input.file, ctx)
  const repo = new EstatesRepo(ctx)
  const batch = p.writes.slice(0, IMPORT_BATCH)
  let created = 0
  let updated = 0
  await Promise.all(
    batch.map(async ({ row, change }) => {
      const owner = {
        ...(row.ownerName ? { ownerName: row.ownerName } : {}),
        ...(row.ownerPhone ? { ownerPhone: row.ownerPhone } : {})
      }
      if (change === 'new') {
        created++
        await repo.insert(
          ROOMS,
          {
            _id: roomId(estate._id, row),
            estateId: estate._id,
            building: row.building,
            unit: row.unit,
            no: row.no,
            label: roomLabel(row),
            ...owner
          },
          { fresh: true }
        )
      } else {
        updated++
        const have = stored.get(roomKey(row))!
        await repo.update(ROOMS, have, owner as Patch<Room>, '房间刚被别人导入过，请重新预览后再导入')
      }
    })
  )
  if (batch.length) await ctx.audit('rooms', `import:${estate._id}`)
  return {
    created,
    updated,
    unchanged: p.counts.unchanged,
    errors: parsed.errors.length,
    remaining: p.writes.length - batch.length
  }
}
