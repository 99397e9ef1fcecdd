/**
 * Cloud mode: the photo store hands the upload its `files.reserve`; a quota refusal keeps the
 * photo on the phone with the server's Chinese reason (shown on the 我的 page), retried later;
 * once a place is given, the photo goes up and is registered through the outbox.
 */
import { MemoryStorage } from './backend'
import { OutboxStore } from '../../../src/stores/outbox'
import { PhotoStore } from '../../../src/stores/photos'
import { AppError } from '../../../src/domain/errors'
import type { PhotoFiles, ReservePhoto } from '../../../src/services/files'
import type { Transport } from '../../../src/services/transport'

const QUOTA = '今天上传的照片已达上限（每人每天60MB），请明天再传或联系主管'

function make() {
  let now = 1_800_000_000_000
  const sent: string[] = []
  const transport: Transport = async (_fn, payload) => {
    for (const p of payload.batch ?? [payload]) sent.push(String(p.action))
    return {
      ok: true,
      data: (payload.batch ?? []).map(() => ({ ok: true, data: {}, serverTime: now })),
      serverTime: now
    } as never
  }
  const uploaded: { id: string; cloudPath: string }[] = []
  let full = true
  const reserve: ReservePhoto = async ({ id, size }) => {
    expect(size).toBe(1234)
    if (full) throw new AppError('UPLOAD_QUOTA', QUOTA)
    return { cloudPath: `photos/s1/${id}.jpg`, expiresAt: now + 86_400_000 }
  }
  const files: PhotoFiles = {
    keep: async (id) => `wxfile://usr/photos/${id}.jpg`,
    displayUrl: async (p) => p,
    remove: async () => undefined,
    async upload(id, _path, _token, _staffId, r) {
      if (!r) throw new Error('no reserve given')
      const { cloudPath } = await r({ id, size: 1234 })
      uploaded.push({ id, cloudPath })
      return { fileId: `cloud://env-a.6465-env-a-1300000000/${cloudPath}` }
    }
  }
  const common = {
    storage: new MemoryStorage(),
    session: () => ({ staffId: 's1', estateId: 'e1' }),
    now: () => now,
    random: () => 0.5,
    newId: (() => {
      let n = 0
      return () => `id-${String(++n).padStart(8, '0')}`
    })()
  }
  const outbox = new OutboxStore({ ...common, transport })
  outbox.load()
  const photos = new PhotoStore({ ...common, files, outbox, reserve })
  photos.load()
  return {
    photos,
    outbox,
    uploaded,
    sent,
    open: () => (full = false),
    later: (ms: number) => (now += ms)
  }
}

describe('PhotoStore with reserved cloud uploads', () => {
  it('over the quota: kept with the reason, nothing uploaded or registered; uploaded and registered once a place is given', async () => {
    const w = make()
    const id = await w.photos.add('http://tmp/photo-1.png')
    await w.photos.sync()
    expect(w.photos.entries).toEqual([
      expect.objectContaining({ id, status: 'pending', lastCode: 'UPLOAD_QUOTA', lastError: QUOTA })
    ])
    expect(w.uploaded).toEqual([])
    expect(w.outbox.entries.filter((e) => e.action === 'files.register')).toEqual([])

    w.open()
    w.later(24 * 3600_000)
    await w.photos.sync()
    expect(w.uploaded).toEqual([{ id, cloudPath: `photos/s1/${id}.jpg` }])
    expect(w.photos.entries).toEqual([])
    await w.outbox.sync({ force: true })
    expect(w.sent).toContain('files.register')
  })
})
