/**
 * Hostile client, uploads (issue 16, point 3). Before the fix another estate's guard could
 * register someone's upload id and read it, the upload endpoint told whether an id existed, one
 * guard could fill the disk, unregistered files stayed for ever, and `files.register` took any
 * `cloud://` id; photos were read with the session token in the URL.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Running } from '../../../src/cloud/http/server'
import {
  signedFilePath,
  UPLOAD_BYTES_PER_DAY,
  UPLOAD_TTL_MS,
  uploadKey
} from '../../../src/cloud/files/uploads'
import type { Envelope } from '../../../src/domain/errors'
import { makeHarness, code, ok, sharedEngine, DEMO_ESTATE_ID } from '../harness'

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)])

let srv: Running
let dir: string
const tokens: Record<string, string> = {}
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gwt-hostile-up-'))
  srv = await startServer({ port: 0, dataDir: dir, h5Dir: join(dir, 'none'), demo: true, quiet: true })
  const now = Date.now()
  const db = srv.runtime.store
  await db.insert('estates', {
    _id: 'e2',
    createdAt: now,
    updatedAt: now,
    name: '别的小区',
    company: '利海物业',
    address: '',
    settings: { overstayHours: 4 }
  })
  await db.insert('staff', {
    _id: 'guard-e2',
    createdAt: now,
    updatedAt: now,
    name: '外区门岗',
    phone: '13900000001',
    roles: ['guard'],
    estateIds: ['e2'],
    active: true,
    demo: true
  })
  for (const who of ['demo-guard', 'demo-patrol', 'guard-e2']) {
    const r = await api('auth', { action: 'auth.demoLogin', input: { staffId: who } })
    tokens[who] = ok<{ token: string }>(r).token
  }
})
afterAll(async () => {
  await srv.close()
  rmSync(dir, { recursive: true, force: true })
})

let seq = 0
async function api(fn: string, body: Record<string, unknown>, who?: string): Promise<Envelope<unknown>> {
  const r = await fetch(`${srv.url}api/${fn}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      ...(who ? { authorization: `Bearer ${tokens[who]}` } : {})
    }
  })
  return (await r.json()) as Envelope<unknown>
}
const register = (who: string, id: string, fileId: string, estateId = DEMO_ESTATE_ID) =>
  api(
    'staff',
    {
      action: 'files.register',
      estateId,
      input: { id, fileId, takenAt: Date.now() },
      op: { id: `op-up-${++seq}-${Date.now()}`, deviceTime: Date.now() },
      sentAt: Date.now()
    },
    who
  )
async function upload(who: string, id: string, body = JPEG) {
  const r = await fetch(`${srv.url}api/upload/${id}`, {
    method: 'POST',
    body: new Uint8Array(body),
    headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${tokens[who]}` }
  })
  return {
    status: r.status,
    body: (await r.json()) as Envelope<{ fileId: string; existing: boolean; size: number }>
  }
}
const codeOf = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.code)

describe('an upload belongs to its uploader and estate from the first byte', () => {
  it('another estate’s guard, or a colleague, cannot register someone’s upload; the uploader can', async () => {
    const up = await upload('demo-guard', 'photo-own00001')
    expect(up.body).toMatchObject({ ok: true, data: { existing: false } })
    const fileId = ok<{ fileId: string }>(up.body).fileId
    expect(fileId).toBe('local:demo-guard/photo-own00001')
    // the other estate's guard, in their own estate, with the uploader's id or the old short form
    for (const f of [fileId, 'local:photo-own00001', 'local:guard-e2/photo-own00001'])
      expect(codeOf(await register('guard-e2', 'photo-own00001', f, 'e2'))).toBe('NOT_FOUND')
    // a colleague in the same estate
    expect(codeOf(await register('demo-patrol', 'photo-own00001', fileId))).toBe('NOT_FOUND')
    // nothing was linked by any of them
    expect(await srv.runtime.store.get('files', 'photo-own00001')).toBeNull()
    expect(await register('demo-guard', 'photo-own00001', fileId)).toMatchObject({ ok: true })
  })

  it('an upload is registrable only in an estate its uploader worked in when the bytes arrived', async () => {
    const up = await upload('guard-e2', 'photo-e2000001')
    const fileId = ok<{ fileId: string }>(up.body).fileId
    // guard-e2 is not in the demo estate: the dispatcher refuses before the file is even looked at
    expect(codeOf(await register('guard-e2', 'photo-e2000001', fileId))).toBe('FORBIDDEN_ESTATE')
    expect(await register('guard-e2', 'photo-e2000001', fileId, 'e2')).toMatchObject({ ok: true })
  })

  it('the upload endpoint tells nothing about another person’s upload of the same id', async () => {
    await upload('demo-guard', 'photo-seen0001')
    const other = await upload('guard-e2', 'photo-seen0001')
    const fresh = await upload('guard-e2', 'photo-new00001')
    expect(other.status).toBe(fresh.status)
    expect(other.body).toMatchObject({ ok: true, data: { existing: false, size: JPEG.length } })
    expect(Object.keys(ok<object>(other.body)).sort()).toEqual(Object.keys(ok<object>(fresh.body)).sort())
    // and the uploader's own bytes are untouched
    expect(readFileSync(join(dir, 'files', 'demo-guard', 'photo-seen0001')).equals(JPEG)).toBe(true)
  })

  it('a person’s uploads per day are capped (UPLOAD_BYTES_PER_DAY) with a typed Chinese error', async () => {
    const now = Date.now()
    await srv.runtime.store.insert('uploads', {
      _id: uploadKey('demo-patrol', 'photo-bulk0001'),
      createdAt: now,
      updatedAt: now,
      id: 'photo-bulk0001',
      staffId: 'demo-patrol',
      estateIds: [DEMO_ESTATE_ID],
      size: UPLOAD_BYTES_PER_DAY - 100,
      at: now,
      registered: false
    })
    const r = await upload('demo-patrol', 'photo-over0001')
    expect(r.status).toBe(429)
    expect(r.body).toMatchObject({
      ok: false,
      code: 'UPLOAD_QUOTA',
      message: expect.stringContaining('上限')
    })
    expect(existsSync(join(dir, 'files', 'demo-patrol', 'photo-over0001'))).toBe(false)
    // others are not held back by one person's quota
    expect((await upload('demo-guard', 'photo-after001')).status).toBe(200)
  })

  it('the hourly sweep deletes uploads nobody registered within a day, bytes and record', async () => {
    const now = Date.now()
    const old = await upload('demo-guard', 'photo-old00001')
    expect(old.status).toBe(200)
    await upload('demo-guard', 'photo-kept0001')
    const doc = await srv.runtime.store.get<{ _id: string; _v: number }>(
      'uploads',
      uploadKey('demo-guard', 'photo-old00001')
    )
    await srv.runtime.store.update('uploads', doc!._id, doc!._v, { at: now - UPLOAD_TTL_MS - 60_000 })
    // registered long ago: kept
    const reg = await srv.runtime.store.get<{ _id: string; _v: number }>(
      'uploads',
      uploadKey('demo-guard', 'photo-own00001')
    )
    await srv.runtime.store.update('uploads', reg!._id, reg!._v, { at: now - 3 * UPLOAD_TTL_MS })
    const swept = await srv.runtime.call('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' })
    expect(swept).toMatchObject({ ok: true, data: { expiredUploads: 1 } })
    expect(existsSync(join(dir, 'files', 'demo-guard', 'photo-old00001'))).toBe(false)
    expect(existsSync(join(dir, 'files', 'demo-guard', 'photo-kept0001'))).toBe(true)
    expect(existsSync(join(dir, 'files', 'demo-guard', 'photo-own00001'))).toBe(true)
    expect(codeOf(await register('demo-guard', 'photo-old00001', 'local:demo-guard/photo-old00001'))).toBe(
      'NOT_FOUND'
    )
  })
})

describe('photos are read through short-lived signed URLs, not the session token', () => {
  it('the session token opens nothing; a signed URL does until it expires; a forged one never', async () => {
    const secret = readFileSync(join(dir, 'secret'), 'utf8').trim()
    const get = async (path: string) => (await fetch(`${srv.url}${path.slice(1)}`)).status
    // the old way: the token in the URL
    expect(await get(`/files/photo-own00001?t=${tokens['demo-guard']}`)).toBe(404)
    expect(await get(`/files/demo-guard/photo-own00001?t=${tokens['demo-guard']}`)).toBe(404)
    const signed = signedFilePath(secret, 'local:demo-guard/photo-own00001', Date.now())!
    expect(await get(signed)).toBe(200)
    expect(await get(signed.replace(/sig=./, (m) => (m.endsWith('A') ? 'sig=B' : 'sig=A')))).toBe(404)
    // another photo's signature does not open this one
    const other = signedFilePath(secret, 'local:guard-e2/photo-e2000001', Date.now())!
    expect(await get(`/files/demo-guard/photo-own00001?${other.split('?')[1]}`)).toBe(404)
    // expired
    expect(await get(signedFilePath(secret, 'local:demo-guard/photo-own00001', Date.now() - 3600_000)!)).toBe(
      404
    )
    // an upload nobody registered is not served even with a valid signature
    expect(await get(signedFilePath(secret, 'local:demo-guard/photo-kept0001', Date.now())!)).toBe(404)
  })
})

describe('files.register with a cloud file id (both engines)', () => {
  it('accepts only this environment’s files in the caller’s own folder, reserved before the upload', async () => {
    const h = await makeHarness({ cloudEnv: 'prod-1a2b' })
    const engine = await sharedEngine()
    const reg = (who: string, id: string, fileId: string) =>
      h.as(who, 'files.register', { id, fileId, takenAt: 5 })
    // what a hostile phone may put into storage: its own folder, someone else's, or no reservation
    ok(await h.as('demo-guard', 'files.reserve', { id: 'p1', size: JPEG.length }))
    const mine = engine.putFile('prod-1a2b', 'photos/demo-guard/p1.jpg', JPEG)
    const bucket = mine.slice(0, mine.indexOf('/photos/'))
    const refused = [
      ['demo-guard', 'p1', 'cloud://x/y.jpg'],
      ['demo-guard', 'p1', engine.putFile('other-env', 'photos/demo-guard/p1.jpg', JPEG)],
      ['demo-guard', 'p1', engine.putFile('prod-1a2b', 'photos/demo-patrol/p1.jpg', JPEG)],
      ['demo-guard', 'p1', engine.putFile('prod-1a2b', 'photos/demo-guard/p2.jpg', JPEG)],
      ['demo-guard', 'p1', engine.putFile('prod-1a2b', 'photos/p1.jpg', JPEG)],
      ['demo-guard', 'p1', `${bucket}/photos/demo-guard/../demo-patrol/p1.jpg`],
      // uploaded without a reservation: a colleague's own folder, the id never reserved
      ['demo-patrol', 'p1', engine.putFile('prod-1a2b', 'photos/demo-patrol/p1.jpg', JPEG)],
      // a colleague naming the uploader's file
      ['demo-patrol', 'p1', mine]
    ]
    for (const [who, id, f] of refused) expect([f, code(await reg(who, id, f))]).toEqual([f, 'NOT_FOUND'])
    expect(await h.count('files')).toBe(0)
    ok(await reg('demo-guard', 'p1', mine))
    // without a configured environment (the local server) no cloud id is taken
    const local = await makeHarness()
    expect(code(await local.as('demo-guard', 'files.register', { id: 'p1', fileId: mine, takenAt: 5 }))).toBe(
      'NOT_FOUND'
    )
  })
})
