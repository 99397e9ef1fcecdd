/**
 * The H5 build as the local server sends it: the build's precompressed copies (config/h5Shell.ts
 * `precompress`, real zlib) chosen by Accept-Encoding with `Vary`, a year's caching for hashed
 * files and revalidation (`no-cache`, ETag) for index.html and the service worker.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { pickEncoding, startServer, type Running } from '../../../src/cloud/http/server'
import { precompress } from '../../../config/h5Shell'

interface Got {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function get(srv: Running, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Got> {
  const url = new URL(srv.url)
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port: url.port, path, method, headers }, (r) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () => res({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', rej)
    req.end()
  })
}

const JS = `console.log(${JSON.stringify('岗位通'.repeat(2000))})\n`
const HTML =
  '<!doctype html><html><head><script>document.documentElement.style.fontSize="20px"</script>' +
  '<script defer src="/js/app.0a1b2c3d.js"></script><link href="/css/app.89abcdef.css" rel="stylesheet"></head>' +
  '<body><div id="app"></div></body></html>'
const CSS = `.page{padding:24rpx}\n`.repeat(200)
const SW = `self.addEventListener('fetch',()=>{})\n`.repeat(50)

let dir: string
let h5: string
let srv: Running
let compressed: ReturnType<typeof precompress>
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gwt-static-'))
  h5 = join(dir, 'h5')
  mkdirSync(join(h5, 'js'), { recursive: true })
  mkdirSync(join(h5, 'css'))
  writeFileSync(join(h5, 'index.html'), HTML)
  writeFileSync(join(h5, 'js/app.0a1b2c3d.js'), JS)
  writeFileSync(join(h5, 'js/app.0a1b2c3d.js.LICENSE.txt'), 'MIT')
  writeFileSync(join(h5, 'css/app.89abcdef.css'), CSS)
  writeFileSync(join(h5, 'sw.js'), SW)
  writeFileSync(join(h5, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  compressed = precompress(h5)
  srv = await startServer({
    port: 0,
    dataDir: join(dir, 'data'),
    dbFile: ':memory:',
    h5Dir: h5,
    demo: false,
    quiet: true
  })
})
afterAll(async () => {
  await srv?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the build step', () => {
  it('writes a .br and a .gz beside each html, js and css file, and leaves images and licences alone', () => {
    expect(compressed.files).toBe(4)
    for (const f of ['index.html', 'js/app.0a1b2c3d.js', 'css/app.89abcdef.css', 'sw.js']) {
      const raw = readFileSync(join(h5, f))
      expect(brotliDecompressSync(readFileSync(join(h5, `${f}.br`)))).toEqual(raw)
      expect(gunzipSync(readFileSync(join(h5, `${f}.gz`)))).toEqual(raw)
    }
    expect(() => readFileSync(join(h5, 'logo.png.gz'))).toThrow()
    expect(() => readFileSync(join(h5, 'js/app.0a1b2c3d.js.LICENSE.txt.br'))).toThrow()
    expect(compressed.br).toBeLessThan(compressed.raw / 4)
  })
})

describe('the encoding sent', () => {
  it('brotli to a browser that takes it, with Vary, the compressed length and a year of caching', async () => {
    const r = await get(srv, '/js/app.0a1b2c3d.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBe('br')
    expect(r.headers.vary).toBe('Accept-Encoding')
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    expect(r.body.length).toBeLessThan(Buffer.byteLength(JS) / 4)
    expect(brotliDecompressSync(r.body).toString('utf8')).toBe(JS)
  })

  it('gzip when brotli is not accepted (or refused with q=0)', async () => {
    for (const ae of ['gzip, deflate', 'br;q=0, gzip;q=0.8']) {
      const r = await get(srv, '/css/app.89abcdef.css', { 'accept-encoding': ae })
      expect(r.headers['content-encoding']).toBe('gzip')
      expect(r.headers.vary).toBe('Accept-Encoding')
      expect(gunzipSync(r.body).toString('utf8')).toBe(CSS)
    }
  })

  it('the plain file to a client that accepts neither', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const r = await get(srv, '/js/app.0a1b2c3d.js', headers)
      expect(r.headers['content-encoding']).toBeUndefined()
      expect(r.headers.vary).toBe('Accept-Encoding')
      expect(r.body.toString('utf8')).toBe(JS)
    }
  })

  it('images as they are, without Vary', async () => {
    const r = await get(srv, '/logo.png', { 'accept-encoding': 'br, gzip' })
    expect(r.headers['content-encoding']).toBeUndefined()
    expect(r.headers.vary).toBeUndefined()
    expect(r.headers['content-type']).toBe('image/png')
    // not a hashed name: revalidated
    expect(r.headers['cache-control']).toBe('no-cache')
  })
})

describe('caching of the page and the service worker', () => {
  it('index.html: no-cache, compressed, with the CSP of its inline script', async () => {
    for (const path of ['/', '/index.html', '/pages/home/index']) {
      const r = await get(srv, path, { 'accept-encoding': 'br' })
      expect(r.status).toBe(200)
      expect(r.headers['cache-control']).toBe('no-cache')
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(r.headers['content-encoding']).toBe('br')
      expect(brotliDecompressSync(r.body).toString('utf8')).toBe(HTML)
      expect(r.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
    }
  })

  it('sw.js: no-cache, so a new build is found on the next load', async () => {
    const r = await get(srv, '/sw.js', { 'accept-encoding': 'gzip' })
    expect(r.headers['cache-control']).toBe('no-cache')
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(gunzipSync(r.body).toString('utf8')).toBe(SW)
  })

  it('a revalidation with the same ETag gets 304 and no body; the ETag differs per encoding', async () => {
    const first = await get(srv, '/index.html', { 'accept-encoding': 'gzip' })
    const etag = String(first.headers.etag)
    const again = await get(srv, '/index.html', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers['cache-control']).toBe('no-cache')
    const plain = await get(srv, '/index.html', { 'if-none-match': etag })
    expect(plain.status).toBe(200)
    expect(plain.headers.etag).not.toBe(etag)
  })

  it('HEAD: the headers of GET and no body', async () => {
    const r = await get(srv, '/js/app.0a1b2c3d.js', { 'accept-encoding': 'br' }, 'HEAD')
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBe('br')
    expect(Number(r.headers['content-length'])).toBeGreaterThan(0)
    expect(r.body.length).toBe(0)
  })
})

describe('what is not there', () => {
  it('a missing hashed file is 404, not the page (a stale cache must not keep HTML as script)', async () => {
    const r = await get(srv, '/js/app.ffffffff.js', { 'accept-encoding': 'br' })
    expect(r.status).toBe(404)
    expect(r.headers['cache-control']).toBe('no-cache')
  })

  it('nothing outside the build folder', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'no')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/js/..%2f..%2fsecret.txt', '/%E0%A4%A']) {
      const r = await get(srv, path)
      expect(r.body.toString('utf8')).not.toBe('no')
      expect(r.status === 404 || r.headers['content-type'] === 'text/html; charset=utf-8').toBe(true)
    }
  })
})

describe('pickEncoding', () => {
  const all = () => true
  it('follows the q values and the copies that exist', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', all, 'a.js')).toBe('br')
    expect(pickEncoding('gzip', all, 'a.js')).toBe('gzip')
    expect(pickEncoding('br;q=0,gzip', all, 'a.js')).toBe('gzip')
    expect(pickEncoding('*', all, 'a.js')).toBe('br')
    expect(pickEncoding('*;q=0', all, 'a.js')).toBeUndefined()
    expect(pickEncoding(undefined, all, 'a.js')).toBeUndefined()
    expect(pickEncoding('br, gzip', (f) => f.endsWith('.gz'), 'a.js')).toBe('gzip')
    expect(pickEncoding('br, gzip', () => false, 'a.js')).toBeUndefined()
  })
})
