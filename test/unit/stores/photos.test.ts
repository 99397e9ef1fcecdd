import { makeBackend, MemoryStorage, type Backend } from './backend'
import { tokenOf } from '../../kit/session'
import { OutboxStore } from '../../../src/stores/outbox'
import { PhotoStore } from '../../../src/stores/photos'
import { createIdFactory } from '../../../src/domain/ids'
import type { PhotoFiles } from '../../../src/services/files'
import { localFileId, uploadKey } from '../../../src/cloud/files/uploads'

let b: Backend
let token: string
beforeEach(async () => {
  b = await makeBackend()
  token = await tokenOf(b, 'guard')
})

/** A phone's file space and a server's photo folder, in memory. */
function fakeFiles() {
  const device = new Map<string, string>()
  const server = new Map<string, string>()
  const f = {
    device,
    server,
    fail: 0 as number,
    invalid: false,
    async keep(id: string, temp: string) {
      device.set(`user://${id}`, temp)
      return `user://${id}`
    },
    async displayUrl(p: string) {
      return p
    },
    async remove(p: string) {
      device.delete(p)
    },
    async upload(id: string, p: string, _token: string | undefined, staffId: string) {
      if (f.invalid)
        throw Object.assign(new Error('只能上传 JPG、PNG 或 WEBP 照片'), { code: 'INVALID_INPUT' })
      if (f.fail > 0) {
        f.fail--
        throw new Error('uploadFile:fail')
      }
      server.set(id, device.get(p) ?? '')
      // what the upload endpoint records as the bytes arrive: the uploader and their estates
      await b.h.db
        .insert('uploads', {
          _id: uploadKey(staffId, id),
          createdAt: 0,
          updatedAt: 0,
          id,
          staffId,
          estateIds: ['demo-estate'],
          size: 1,
          at: b.h.clock.now,
          registered: false
        })
        .catch(() => undefined)
      return { fileId: localFileId(staffId, id) }
    }
  }
  return f satisfies PhotoFiles & Record<string, unknown>
}

function make(files = fakeFiles(), storage = new MemoryStorage()) {
  const common = {
    storage,
    session: () => ({ staffId: 'demo-guard', token, estateId: 'demo-estate' }),
    now: () => b.h.clock.now,
    random: () => 0.5,
    newId: createIdFactory({ now: () => b.h.clock.now, random: Math.random })
  }
  const outbox = new OutboxStore({ ...common, transport: b.transport })
  outbox.load()
  const photos = new PhotoStore({ ...common, files, outbox })
  photos.load()
  return { outbox, photos, files, storage }
}

describe('PhotoStore', () => {
  it('keeps the photo on the device, uploads it, and links it on the server through the outbox', async () => {
    const { outbox, photos, files, storage } = make()
    const id = await photos.add('tmp://camera/1.jpg')
    await photos.sync()
    await outbox.sync()
    // What reached the server is what was kept from the camera.
    expect(files.server.get(id)).toBe('tmp://camera/1.jpg')
    expect(files.device.size).toBe(0)
    expect(photos.entries).toHaveLength(0)
    expect(outbox.entries).toHaveLength(0)
    expect(await b.h.db.get('files', id)).toMatchObject({
      fileId: `local:demo-guard/${id}`,
      staffId: 'demo-guard'
    })
    // No image bytes in key-value storage, ever.
    for (const v of storage.data.values()) expect(v).not.toContain('tmp://camera')
  })

  it('retries a failed upload with backoff, and the photo stays on the phone meanwhile', async () => {
    const files = fakeFiles()
    files.fail = 1
    const { photos } = make(files)
    const id = await photos.add('tmp://camera/2.jpg')
    await photos.sync()
    expect(photos.entries[0]).toMatchObject({ id, status: 'pending', attempts: 1 })
    expect(photos.isLocal(id)).toBe(true)
    await photos.sync()
    expect(photos.entries).toHaveLength(1) // not due yet
    b.h.clock.now += 2000
    await photos.sync()
    expect(photos.entries).toHaveLength(0)
  })

  it('survives a restart: waiting photos are read back and uploaded', async () => {
    const files = fakeFiles()
    files.fail = 1
    const storage = new MemoryStorage()
    const first = make(files, storage)
    const id = await first.photos.add('tmp://camera/3.jpg')
    await first.photos.sync()
    const again = make(files, storage)
    expect(again.photos.entries.map((e) => e.id)).toEqual([id])
    await again.photos.sync({ force: true })
    await again.outbox.sync()
    expect(await b.h.db.get('files', id)).not.toBeNull()
  })

  it('a photo the server refuses is kept aside with the reason, and can be discarded', async () => {
    const files = fakeFiles()
    files.invalid = true
    const { photos } = make(files)
    const id = await photos.add('tmp://camera/4.gif')
    await photos.sync()
    expect(photos.entries[0]).toMatchObject({ status: 'refused', lastError: expect.stringContaining('JPG') })
    await photos.discard(id)
    expect(photos.entries).toHaveLength(0)
    expect(files.device.size).toBe(0)
  })

  it('when the photo cannot be kept, says so and records nothing', async () => {
    const files = fakeFiles()
    files.keep = async () => {
      throw new Error('disk full')
    }
    const { photos } = make(files)
    await expect(photos.add('tmp://x.jpg')).rejects.toMatchObject({ code: 'STORAGE_FULL' })
    expect(photos.entries).toHaveLength(0)
  })
})
