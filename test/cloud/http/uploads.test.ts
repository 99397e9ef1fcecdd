import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Running } from '../../../src/cloud/http/server'
import { fileFromBody, sniffImage } from '../../../src/cloud/http/uploads'
import { signedFilePath } from '../../../src/cloud/files/uploads'
import type { Envelope } from '../../../src/domain/errors'

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)])
const ok = (e: Envelope<unknown>) => {
  if (!e.ok) throw new Error(`${e.code} ${e.message}`)
  return e.data as Record<string, unknown>
}

describe('photo upload endpoint of the local server', () => {
  let srv: Running
  let dir: string
  let token: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gwt-files-'))
    srv = await startServer({ port: 0, dataDir: dir, h5Dir: join(dir, 'none'), demo: true, quiet: true })
    const r = await fetch(`${srv.url}api/auth`, {
      method: 'POST',
      body: JSON.stringify({ action: 'auth.demoLogin', input: { staffId: 'demo-guard' } })
    })
    token = ((await r.json()) as { data: { token: string } }).data.token
  })
  afterAll(async () => {
    await srv.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const upload = (
    id: string,
    body: Buffer,
    headers: Record<string, string> = {},
    tok: string | null = token
  ) =>
    fetch(`${srv.url}api/upload/${id}`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: {
        'content-type': 'image/jpeg',
        ...(tok ? { authorization: `Bearer ${tok}` } : {}),
        ...headers
      }
    })

  it('stores a photo once; a second upload of the same photo succeeds as "already have it"', async () => {
    const a = await upload('photo-aaaa1111', JPEG)
    expect(a.status).toBe(200)
    expect(await a.json()).toMatchObject({
      ok: true,
      data: { fileId: 'local:demo-guard/photo-aaaa1111', existing: false, size: JPEG.length }
    })
    const b = await upload('photo-aaaa1111', JPEG)
    expect(await b.json()).toMatchObject({ ok: true, data: { existing: true } })
  })

  it('takes what wx.uploadFile sends (multipart)', async () => {
    const boundary = '----wxb123'
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`
      ),
      JPEG,
      Buffer.from(`\r\n--${boundary}--\r\n`)
    ])
    const r = await upload('photo-mmmm2222', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`
    })
    expect(await r.json()).toMatchObject({ ok: true, data: { size: JPEG.length } })
  })

  it('refuses what is not a photo, too large, or without a session, and keeps nothing', async () => {
    const bad = await upload('photo-bbbb3333', Buffer.from('<script>alert(1)</script>'))
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('JPG')
    })
    const big = await upload('photo-cccc4444', Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]))
    expect(((await big.json()) as { code: string }).code).toBe('INVALID_INPUT')
    const anon = await upload('photo-dddd5555', JPEG, {}, null)
    expect(anon.status).toBe(401)
    const weird = await upload('..%2F..%2Fetc', JPEG)
    expect(((await weird.json()) as { code: string }).code).toBe('INVALID_INPUT')
    // None of them reached the photo folder.
    for (const id of ['photo-bbbb3333', 'photo-cccc4444', 'photo-dddd5555'])
      expect(existsSync(join(dir, 'files', 'demo-guard', id))).toBe(false)
  })

  it('serves a registered photo to staff of the same estate only', async () => {
    await upload('photo-eeee6666', JPEG)
    const call = (action: string, input: unknown, tok: string) =>
      fetch(`${srv.url}api/staff`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tok}` },
        body: JSON.stringify({
          action,
          input,
          estateId: 'demo-estate',
          op: { id: `op-${Date.now()}-abc`, deviceTime: Date.now() },
          sentAt: Date.now()
        })
      }).then((r) => r.json() as Promise<Envelope<unknown>>)
    ok(
      await call(
        'files.register',
        { id: 'photo-eeee6666', fileId: 'local:demo-guard/photo-eeee6666', takenAt: Date.now() },
        token
      )
    )
    // through a signed URL (see test/cloud/hostile/uploads.test.ts), not the session token
    const secret = readFileSync(join(dir, 'secret'), 'utf8').trim()
    const signed = signedFilePath(secret, 'local:demo-guard/photo-eeee6666', Date.now())!
    const img = await fetch(`${srv.url}${signed.slice(1)}`)
    expect(img.status).toBe(200)
    expect(img.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await img.arrayBuffer()).equals(JPEG)).toBe(true)
    expect((await fetch(`${srv.url}files/demo-guard/photo-eeee6666`)).status).toBe(404)
    expect((await fetch(`${srv.url}files/photo-eeee6666?t=${encodeURIComponent(token)}`)).status).toBe(404)
  })
})

describe('upload helpers', () => {
  it('recognises images by their bytes', () => {
    expect(sniffImage(JPEG)).toBe('image/jpeg')
    expect(sniffImage(Buffer.from('89504e470d0a1a0a0000000000', 'hex'))).toBe('image/png')
    expect(sniffImage(Buffer.from('RIFF0000WEBPVP8 '))).toBe('image/webp')
    expect(sniffImage(Buffer.from('GIF89a'))).toBeUndefined()
  })
  it('finds the file part of a multipart body and refuses one without a file', () => {
    const b = Buffer.from('--X\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--X--\r\n')
    expect(() => fileFromBody(b, 'multipart/form-data; boundary=X')).toThrow('没有收到照片文件')
    expect(fileFromBody(JPEG, 'image/jpeg')).toBe(JPEG)
  })
})
