/**
 * A photo as the mini program sends it in CloudBase mode: `files.reserve`, the bytes into the
 * test engine's storage where the phone's `wx.cloud.uploadFile` puts them (`engine.putFile`),
 * then `files.register`. The harness must have a `cloudEnv`.
 */
import { cloudPhotoPath } from '../../../src/cloud/files/uploads'
import type { Envelope } from '../../../src/domain/errors'
import { fileIdOf } from '../../cloudbase/engine'
import { ok, sharedEngine, T0, type Harness } from '../harness'

// Every file that takes photos this way starts the engine and loads wx-server-sdk once, before its
// tests, with room for a loaded machine (a test's own 5 s would otherwise pay for it).
beforeAll(() => sharedEngine(), 60_000)

/** The first bytes of a JPEG and some more: what a phone's photo starts with. */
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])

function envOf(h: Harness): string {
  const env = h.rt.config.cloudEnv
  if (!env) throw new Error('this harness has no cloudEnv')
  return env
}

/** The file id the engine's storage gives a person's photo in this harness's environment. */
export function cloudFileId(h: Harness, staffId: string, id: string): string {
  return fileIdOf(envOf(h), cloudPhotoPath(staffId, id))
}

/** Reserve, upload, register: the register's envelope. `upload` replaces the bytes that really go up. */
export async function cloudPhoto(
  h: Harness,
  staffId: string,
  id: string,
  opts: { bytes?: Buffer; upload?: Buffer; takenAt?: number } = {}
): Promise<Envelope<unknown>> {
  const bytes = opts.bytes ?? JPEG
  const { cloudPath } = ok<{ cloudPath: string }>(
    await h.as(staffId, 'files.reserve', { id, size: bytes.length })
  )
  const fileId = (await sharedEngine()).putFile(envOf(h), cloudPath, opts.upload ?? bytes)
  return h.as(staffId, 'files.register', { id, fileId, takenAt: opts.takenAt ?? T0 })
}
