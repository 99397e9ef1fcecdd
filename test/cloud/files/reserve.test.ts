/**
 * Cloud uploads reserved before any byte (issue 16, point 3): `files.reserve` records the
 * upload with its uploader, estates and declared size; `files.register` takes only a reserved,
 * really stored file no bigger than declared; the sweep deletes what nobody registered, files
 * from storage (the CloudBase test engine, through wx-server-sdk) and then records. Both engines.
 */
import type { SweepOut } from '../../../src/domain/contract'
import {
  UPLOAD_BYTES_PER_DAY,
  UPLOAD_SIZE_TOLERANCE,
  UPLOAD_TTL_MS,
  UPLOADS_OUTSTANDING_MAX,
  uploadKey
} from '../../../src/cloud/files/uploads'
import type { Envelope } from '../../../src/domain/errors'
import { code, DEMO_ESTATE_ID, makeHarness, ok, sharedEngine, T0, type Harness } from '../harness'
import { cloudFileId, cloudPhoto, JPEG } from './photos'

let envs = 0
let h: Harness
let env: string
beforeEach(async () => {
  env = `rsv-${process.pid}-${++envs}`
  h = await makeHarness({ cloudEnv: env })
})

const reserve = (who: string, id: string, size: number = JPEG.length, estateId?: string) =>
  h.as(who, 'files.reserve', { id, size }, estateId ? { estateId } : {})
const register = (who: string, id: string, fileId = cloudFileId(h, who, id)) =>
  h.as(who, 'files.register', { id, fileId, takenAt: T0 })
const put = async (who: string, id: string, bytes: Buffer = JPEG) =>
  (await sharedEngine()).putFile(env, `photos/${who}/${id}.jpg`, bytes)
const stored = async () => (await sharedEngine()).files(env).map((f) => f.cloudPath)
const msg = (e: Envelope<unknown>) => (e.ok ? '' : e.message)
const sweep = async () =>
  ok<SweepOut>(await h.raw('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }))
const upload = (id: string) => h.stored<Record<string, unknown>>('uploads', uploadKey('demo-guard', id))

describe('files.reserve', () => {
  it('records the upload before any byte and answers where to put it; asking again answers the same', async () => {
    const r = ok<{ cloudPath: string; expiresAt: number }>(await reserve('demo-guard', 'ph-a', 123_456))
    expect(r).toEqual({ cloudPath: 'photos/demo-guard/ph-a.jpg', expiresAt: T0 + UPLOAD_TTL_MS })
    expect(await upload('ph-a')).toMatchObject({
      id: 'ph-a',
      staffId: 'demo-guard',
      estateIds: [DEMO_ESTATE_ID],
      size: 123_456,
      at: T0,
      registered: false,
      kind: 'cloud',
      cloudPath: 'photos/demo-guard/ph-a.jpg'
    })
    h.clock.now += 60_000
    expect(ok(await reserve('demo-guard', 'ph-a', 123_456))).toEqual(r)
    expect(await h.count('uploads')).toBe(1)
    // then the phone uploads and registers: the stored size is what the record keeps
    await put('demo-guard', 'ph-a', JPEG)
    ok(await register('demo-guard', 'ph-a'))
    expect(await upload('ph-a')).toMatchObject({
      registered: true,
      size: JPEG.length,
      fileId: cloudFileId(h, 'demo-guard', 'ph-a')
    })
    // a retry of the reservation after the register still answers the same place
    expect(ok(await reserve('demo-guard', 'ph-a', 123_456))).toEqual(r)
  })

  it('refuses bad sizes and ids with INVALID_INPUT, storing nothing', async () => {
    for (const input of [
      { id: 'ph-b', size: 0 },
      { id: 'ph-b', size: -5 },
      { id: 'ph-b', size: 1.5 },
      { id: 'ph-b', size: 10 * 1024 * 1024 + 1 },
      { id: 'ph-b', size: '2000' },
      { id: 'ph-b' },
      { id: '../ph', size: 2000 },
      { id: 'ph-b', size: 2000, cloudPath: 'photos/demo-patrol/x.jpg' }
    ])
      expect([input, code(await h.as('demo-guard', 'files.reserve', input as never))]).toEqual([
        input,
        'INVALID_INPUT'
      ])
    const big = await reserve('demo-guard', 'ph-b', 10 * 1024 * 1024 + 1)
    expect(msg(big)).toContain('照片大小不对（最大10MB）')
    expect(await h.count('uploads')).toBe(0)
    // 10 MB itself is allowed
    ok(await reserve('demo-guard', 'ph-b', 10 * 1024 * 1024))
  })

  it('is refused without an identity, outside the caller’s estates, and on a server without cloud storage', async () => {
    const none = await h.raw(
      'staff',
      { action: 'files.reserve', input: { id: 'ph-c', size: 10 }, estateId: DEMO_ESTATE_ID, op: h.opSeq() },
      { kind: 'none' }
    )
    expect(code(none)).toBe('UNAUTHENTICATED')
    await h.addEstate('e2', '别的小区')
    await h.addStaff('guard-e2', ['guard'], ['e2'])
    expect(code(await reserve('guard-e2', 'ph-c', 10, DEMO_ESTATE_ID))).toBe('FORBIDDEN_ESTATE')
    expect(code(await reserve('demo-guard', 'ph-c', 10, 'e2'))).toBe('FORBIDDEN_ESTATE')
    const local = await makeHarness()
    const r = await local.as('demo-guard', 'files.reserve', { id: 'ph-c', size: 10 })
    expect(code(r)).toBe('INVALID_INPUT')
    expect(msg(r)).toContain('不使用云存储')
    expect(await h.count('uploads')).toBe(0)
  })

  it('another person’s photo id: NOT_FOUND with register’s not-yours answer; nothing recorded', async () => {
    ok(await cloudPhoto(h, 'demo-guard', 'ph-d'))
    const r = await reserve('demo-patrol', 'ph-d')
    expect(code(r)).toBe('NOT_FOUND')
    expect(msg(r)).toBe('没有找到您上传的这张照片，请重新拍摄')
    expect(await h.stored('uploads', uploadKey('demo-patrol', 'ph-d'))).toBeUndefined()
    // a reservation a colleague holds does not stop another person reserving their own photo of that id
    ok(await reserve('demo-guard', 'ph-e'))
    ok(await reserve('demo-patrol', 'ph-e'))
    ok(await cloudPhoto(h, 'demo-guard', 'ph-e'))
    // but only one of them can register that id
    await put('demo-patrol', 'ph-e')
    expect(code(await register('demo-patrol', 'ph-e'))).toBe('CONFLICT')
  })

  it('refuses past the person’s daily quota with the upload endpoint’s message; others are not held back', async () => {
    await h.db.insert('uploads', {
      _id: uploadKey('demo-patrol', 'bulk'),
      createdAt: T0,
      updatedAt: T0,
      id: 'bulk',
      staffId: 'demo-patrol',
      estateIds: [DEMO_ESTATE_ID],
      size: UPLOAD_BYTES_PER_DAY - 1000,
      at: T0,
      registered: true
    })
    const r = await reserve('demo-patrol', 'ph-f', 1001)
    expect(code(r)).toBe('UPLOAD_QUOTA')
    expect(msg(r)).toBe('今天上传的照片已达上限（每人每天60MB），请明天再传或联系主管')
    ok(await reserve('demo-patrol', 'ph-f', 1000))
    ok(await reserve('demo-guard', 'ph-f', 5_000_000))
  })

  it(`caps the unregistered uploads one person holds at ${UPLOADS_OUTSTANDING_MAX}; registered or expired ones do not count`, async () => {
    for (let i = 0; i < UPLOADS_OUTSTANDING_MAX - 1; i++) ok(await reserve('demo-guard', `cap-${i}`, 100))
    ok(await cloudPhoto(h, 'demo-guard', 'cap-done'))
    ok(await reserve('demo-guard', 'cap-last', 100))
    const r = await reserve('demo-guard', 'cap-over', 100)
    expect(code(r)).toBe('UPLOAD_QUOTA')
    expect(msg(r)).toContain(`最多${UPLOADS_OUTSTANDING_MAX}张`)
    // a colleague is not affected
    ok(await reserve('demo-patrol', 'cap-over', 100))
    // once the reservations are past their time they no longer count (the sweep removes them)
    h.clock.now += UPLOAD_TTL_MS + 1
    ok(await reserve('demo-guard', 'cap-over', 100))
  })
})

describe('files.register of a cloud file', () => {
  it('without a reservation: NOT_FOUND, even for a file really in the caller’s folder', async () => {
    const fileId = await put('demo-guard', 'ph-g')
    expect(code(await register('demo-guard', 'ph-g', fileId))).toBe('NOT_FOUND')
    expect(await h.count('files')).toBe(0)
  })

  it('reserved but not uploaded: NOT_FOUND; once the bytes are there it registers', async () => {
    ok(await reserve('demo-guard', 'ph-h'))
    const r = await register('demo-guard', 'ph-h')
    expect(code(r)).toBe('NOT_FOUND')
    expect(msg(r)).toBe('没有找到您上传的这张照片，请重新拍摄')
    await put('demo-guard', 'ph-h')
    ok(await register('demo-guard', 'ph-h'))
  })

  it('bigger than declared beyond the tolerance: refused with the sizes, and the file deleted', async () => {
    ok(await reserve('demo-guard', 'ph-i', 2000))
    await put('demo-guard', 'ph-i', Buffer.alloc(2000 + UPLOAD_SIZE_TOLERANCE + 1, 1))
    const r = await register('demo-guard', 'ph-i')
    expect(code(r)).toBe('INVALID_INPUT')
    expect(msg(r)).toBe('上传的照片（18KB）比上传前报的大小（2KB）大，已删除，请重新拍摄')
    expect(await stored()).toEqual([])
    expect(await upload('ph-i')).toMatchObject({ registered: false, size: 2000 })
    expect(await h.count('files')).toBe(0)
    // within the tolerance it is taken, at its real size
    ok(await reserve('demo-guard', 'ph-j', 2000))
    await put('demo-guard', 'ph-j', Buffer.alloc(2100, 1))
    ok(await register('demo-guard', 'ph-j'))
    expect(await upload('ph-j')).toMatchObject({ registered: true, size: 2100 })
  })

  it('over the daily quota at its real size: refused and deleted', async () => {
    ok(await reserve('demo-guard', 'ph-k', 2000))
    await h.db.insert('uploads', {
      _id: uploadKey('demo-guard', 'bulk'),
      createdAt: T0,
      updatedAt: T0,
      id: 'bulk',
      staffId: 'demo-guard',
      estateIds: [DEMO_ESTATE_ID],
      size: UPLOAD_BYTES_PER_DAY - 2000,
      at: T0,
      registered: true
    })
    await put('demo-guard', 'ph-k', Buffer.alloc(2500, 1))
    const r = await register('demo-guard', 'ph-k')
    expect(code(r)).toBe('UPLOAD_QUOTA')
    expect(await stored()).toEqual([])
  })

  it('only in an estate the uploader worked in when reserving, and not once the reservation expired', async () => {
    await h.addEstate('e2', '别的小区')
    ok(await reserve('demo-guard', 'ph-l'))
    await put('demo-guard', 'ph-l')
    // the guard is given a second estate afterwards: the photo still belongs to the first
    const g = await h.db.get<{ _id: string; _v: number }>('staff', 'demo-guard')
    await h.db.update('staff', 'demo-guard', g!._v, { estateIds: [DEMO_ESTATE_ID, 'e2'] })
    const inE2 = await h.as(
      'demo-guard',
      'files.register',
      { id: 'ph-l', fileId: cloudFileId(h, 'demo-guard', 'ph-l'), takenAt: T0 },
      { estateId: 'e2' }
    )
    expect(code(inE2)).toBe('NOT_FOUND')
    ok(await register('demo-guard', 'ph-l'))
    ok(await reserve('demo-guard', 'ph-m'))
    await put('demo-guard', 'ph-m')
    h.clock.now += UPLOAD_TTL_MS + 1
    expect(code(await register('demo-guard', 'ph-m'))).toBe('NOT_FOUND')
  })
})

describe('the sweep and cloud uploads', () => {
  it('deletes what nobody registered within a day, files then records; keeps registered and young ones', async () => {
    ok(await cloudPhoto(h, 'demo-guard', 'sw-kept'))
    ok(await reserve('demo-guard', 'sw-up'))
    await put('demo-guard', 'sw-up')
    ok(await reserve('demo-guard', 'sw-never')) // reserved, never uploaded
    h.clock.now += UPLOAD_TTL_MS - 60_000
    ok(await reserve('demo-guard', 'sw-young'))
    await put('demo-guard', 'sw-young')
    h.clock.now += 120_000
    expect(await sweep()).toMatchObject({ expiredUploads: 2 })
    expect(await stored()).toEqual(['photos/demo-guard/sw-kept.jpg', 'photos/demo-guard/sw-young.jpg'])
    expect(await upload('sw-up')).toBeUndefined()
    expect(await upload('sw-never')).toBeUndefined()
    expect(await upload('sw-kept')).toMatchObject({ registered: true })
    expect(await upload('sw-young')).toMatchObject({ registered: false })
    expect(await h.stored('files', 'sw-kept')).toBeDefined()
    // a second run finds nothing more
    expect((await sweep()).expiredUploads ?? 0).toBe(0)
  })

  it('a file storage would not delete keeps its record; the next sweep deletes both', async () => {
    const engine = await sharedEngine()
    ok(await cloudPhoto(h, 'demo-guard', 'sw-a'))
    ok(await reserve('demo-guard', 'sw-b'))
    await put('demo-guard', 'sw-b')
    h.clock.now += UPLOAD_TTL_MS + 1
    engine.failNext('storage.batchDeleteFile')
    expect((await sweep()).expiredUploads ?? 0).toBe(0)
    expect(await upload('sw-b')).toMatchObject({ registered: false })
    expect(await stored()).toContain('photos/demo-guard/sw-b.jpg')
    expect(h.logs.some((l) => String((l as unknown[])[0]).includes('could not be deleted'))).toBe(true)
    expect(await sweep()).toMatchObject({ expiredUploads: 1 })
    expect(await upload('sw-b')).toBeUndefined()
    expect(await stored()).toEqual(['photos/demo-guard/sw-a.jpg'])
  })

  it('deletes more than one storage call’s worth (50) in one run', async () => {
    ok(await cloudPhoto(h, 'demo-guard', 'many-kept'))
    for (let i = 0; i < 60; i++) {
      const who = i % 2 ? 'demo-guard' : 'demo-patrol'
      ok(await reserve(who, `many-${i}`, 100))
      await put(who, `many-${i}`, Buffer.alloc(100))
    }
    h.clock.now += UPLOAD_TTL_MS + 1
    expect(await sweep()).toMatchObject({ expiredUploads: 60 })
    expect(await stored()).toEqual(['photos/demo-guard/many-kept.jpg'])
    expect(await h.count('uploads')).toBe(1)
  })

  it('before any photo of the environment was registered, expired reservations wait (no bucket is known)', async () => {
    ok(await reserve('demo-guard', 'sw-wait'))
    await put('demo-guard', 'sw-wait')
    h.clock.now += UPLOAD_TTL_MS + 1
    expect((await sweep()).expiredUploads ?? 0).toBe(0)
    expect(await upload('sw-wait')).toMatchObject({ registered: false })
    expect(h.logs.some((l) => String((l as unknown[])[0]).includes('wait'))).toBe(true)
    // once one photo is registered, the next sweep knows the bucket
    ok(await cloudPhoto(h, 'demo-patrol', 'sw-first'))
    expect(await sweep()).toMatchObject({ expiredUploads: 1 })
    expect(await stored()).toEqual(['photos/demo-patrol/sw-first.jpg'])
  })
})
