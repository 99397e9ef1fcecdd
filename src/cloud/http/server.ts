import {
  chmodSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createHash, randomBytes } from 'node:crypto'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Identity, ServerConfig } from '../context'
import { AppError, errorEnvelope, isAppError } from '../../domain/errors'
import { SqliteAdapter } from '../data/sqlite'
import { createRuntime, FUNCTIONS, type Runtime } from '../runtime'
import { COLLECTIONS } from '../data/schema'
import { demoDataIn, removeDemoData, seedDemo } from '../seed'
import { handleFile, handleUpload } from './uploads'
import { localFileStorage } from '../data/storage'

const MAX_BODY = 256 * 1024
/** Past this much of an oversized body the connection is dropped instead of read to its end. */
const MAX_DRAIN = 4 * 1024 * 1024

/**
 * The policy every answer carries. Pages get it with the hashes of their own inline scripts
 * (Taro's H5 page sizes its root font inline); styles inline (components set style attributes);
 * images also from data: (QR codes) and blob: (photos kept on the device); nothing may frame us.
 */
function csp(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` 'sha256-${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // fetch(blob:) reads a just-taken photo before it is kept in IndexedDB
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'"
  ].join('; ')
}
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': csp(),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer'
}

/** The SHA-256 (base64) of each inline <script> of a page: what its CSP allows to run. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi))
    if (m[1]) out.push(createHash('sha256').update(m[1], 'utf8').digest('base64'))
  return out
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export interface ServerOptions {
  port: number
  host?: string
  dataDir: string
  /** ':memory:' for tests. */
  dbFile?: string
  h5Dir?: string
  demo: boolean
  wx?: { appid: string; secret: string }
  quiet?: boolean
  /**
   * Host names the server answers to besides 127.0.0.1 and localhost (the `HOSTS` setting):
   * a request naming any other host gets 421, so a page of another site whose name is made to
   * point here (DNS rebinding) cannot call the API.
   */
  hosts?: readonly string[]
  /** Production only: remove demo data found in the data folder before serving. */
  removeDemo?: boolean
  /** The one-time setup token (`npm run setup` passes its own). */
  setupToken?: string
  /**
   * Behind a reverse proxy (`TRUST_PROXY=1`): the caller's address is the last one the proxy
   * appended to `X-Forwarded-For`, not the proxy's own. Off: the socket's address.
   */
  trustProxy?: boolean
}

/** Where an anonymous call came from, for the bind-code guessing limits (`ip:<address>`). */
export function sourceOf(
  req: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trustProxy = false
): string {
  const fwd = req.headers['x-forwarded-for']
  const last = trustProxy && typeof fwd === 'string' ? fwd.split(',').pop()?.trim() : undefined
  return `ip:${last || req.socket.remoteAddress || 'unknown'}`
}

/** The names the server answers to: loopback always, plus the configured ones (lower case, no port). */
export function allowedHosts(extra: readonly string[] = []): Set<string> {
  return new Set([
    '127.0.0.1',
    'localhost',
    '[::1]',
    ...extra.map((h) => h.trim().toLowerCase()).filter(Boolean)
  ])
}

/** The host name of a Host header (no port); `[v6]` kept in brackets. Undefined when malformed. */
export function hostOf(header: string | undefined): string | undefined {
  if (!header) return undefined
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header.trim())
  return m ? m[1].toLowerCase() : undefined
}

function secretIn(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET
  const f = join(dataDir, 'secret')
  if (existsSync(f)) return readFileSync(f, 'utf8').trim()
  const s = randomBytes(32).toString('hex')
  writeFileSync(f, s, { mode: 0o600 })
  return s
}

function wxExchanger(wx: { appid: string; secret: string }) {
  return async (code: string): Promise<string> => {
    const url =
      `https://api.weixin.qq.com/sns/jscode2session?appid=${encodeURIComponent(wx.appid)}` +
      `&secret=${encodeURIComponent(wx.secret)}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`
    const r = await fetch(url)
    const j = (await r.json()) as { openid?: string; errcode?: number; errmsg?: string }
    if (!j.openid) throw new Error(`jscode2session: ${j.errcode} ${j.errmsg}`)
    return j.openid
  }
}

/**
 * The body as text. One over the limit is read to its end and thrown away (so the client gets
 * the typed 413, not a reset), up to MAX_DRAIN; beyond that the connection is dropped.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((res, rej) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
      else if (size > MAX_DRAIN) {
        rej(new AppError('PAYLOAD_TOO_LARGE'))
        req.destroy()
      }
    })
    req.on('end', () =>
      size > MAX_BODY
        ? rej(new AppError('PAYLOAD_TOO_LARGE', `请求太大（最多${MAX_BODY / 1024}KB），请减少内容后重试`))
        : res(Buffer.concat(chunks).toString('utf8'))
    )
    req.on('error', rej)
  })
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const s = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(s)
}

const hashCache = new Map<string, { mtime: number; hashes: string[] }>()
function pageHashes(file: string): string[] {
  const mtime = statSync(file).mtimeMs
  const have = hashCache.get(file)
  if (have && have.mtime === mtime) return have.hashes
  const hashes = inlineScriptHashes(readFileSync(file, 'utf8'))
  hashCache.set(file, { mtime, hashes })
  return hashes
}

/** A webpack `[contenthash:8]` name (`app.75dbf679.js`): its bytes never change, so it may be cached for good. */
const HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/
/** What the H5 build precompresses (config/h5Shell.ts). */
const COMPRESSED_TYPES = new Set(['.html', '.js', '.css', '.svg', '.json'])

/** The encoding to send `file` in: brotli, then gzip, as the client accepts them and a copy exists. */
export function pickEncoding(
  acceptEncoding: string | undefined,
  has: (encoded: string) => boolean,
  file: string
): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean)
    accepted.set(name.trim(), q ? Number(q[1]) : 1)
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  if (ok('br') && has(`${file}.br`)) return 'br'
  if (ok('gzip') && has(`${file}.gz`)) return 'gzip'
  return undefined
}

/**
 * The H5 build. A request for a file sends it, precompressed when the client accepts it (with
 * `Vary: Accept-Encoding`); hashed files are cached for a year, everything else (index.html,
 * the service worker sw.js) is revalidated on each load (`no-cache`, with an ETag). A path
 * without a file extension is the app (index.html); a missing file with one is 404.
 */
function serveStatic(h5Dir: string, req: IncomingMessage, res: ServerResponse): void {
  let rel: string
  try {
    rel = decodeURIComponent((req.url ?? '/').split('?')[0])
  } catch {
    rel = '/'
  }
  if (rel === '/' || rel === '') rel = '/index.html'
  const root = resolve(h5Dir)
  const file = normalize(join(root, rel))
  const inside = file.startsWith(root + sep)
  const found = inside && existsSync(file) && statSync(file).isFile()
  if (!found && inside && extname(file) !== '' && extname(file) !== '.html') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' })
    res.end('没有这个文件')
    return
  }
  const target = found ? file : join(root, 'index.html')
  if (!existsSync(target)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('H5 版本尚未构建：请先运行 npm run build:h5')
    return
  }
  const ext = extname(target)
  if (ext === '.html') res.setHeader('content-security-policy', csp(pageHashes(target)))
  const encoding = COMPRESSED_TYPES.has(ext)
    ? pickEncoding(req.headers['accept-encoding'], (f) => existsSync(f), target)
    : undefined
  const sent = encoding ? `${target}.${encoding === 'br' ? 'br' : 'gz'}` : target
  const st = statSync(sent)
  const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`
  const headers: Record<string, string | number> = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': HASHED.test(target) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag
  }
  if (COMPRESSED_TYPES.has(ext)) headers.vary = 'Accept-Encoding'
  if (encoding) headers['content-encoding'] = encoding
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  headers['content-length'] = st.size
  res.writeHead(200, headers)
  if (req.method === 'HEAD') res.end()
  else createReadStream(sent).pipe(res)
}

export interface Running {
  server: Server
  runtime: Runtime
  url: string
  /** In production: the demo data still in the data folder (none once removed). */
  demoLeft: { estate: boolean; staff: number }
  /** How many demo records `removeDemo` (the option) removed at the start. */
  removedDemo: number
  /** Removes the demo data (production only); how many records went. */
  removeDemo(): Promise<number>
  close(): Promise<void>
}

export async function startServer(opts: ServerOptions): Promise<Running> {
  // the data folder (database, session key, photos) is the server user's alone
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 })
  chmodSync(opts.dataDir, 0o700)
  const store = new SqliteAdapter({ file: opts.dbFile ?? join(opts.dataDir, 'gangweitong.db') })
  const config: ServerConfig = {
    demo: opts.demo,
    sessionSecret: secretIn(opts.dataDir),
    idSalt: process.env.ID_SALT ?? secretIn(opts.dataDir).slice(0, 16),
    exchangeWxCode: opts.wx ? wxExchanger(opts.wx) : undefined,
    // the one-time setup of a server without the demo estate (auth.setup with a wx code)
    setupToken: opts.setupToken ?? (process.env.SETUP_TOKEN || undefined),
    now: () => Date.now(),
    random: Math.random,
    log: (msg, extra) => console.error(msg, extra),
    timeoutMs: 10000,
    storage: localFileStorage(join(opts.dataDir, 'files'))
  }
  // Demo data only in demo mode; in production, what an earlier demo run left is reported
  // (and removed when asked), never added to.
  const seeded = opts.demo ? await seedDemo(store, Date.now()) : { created: 0 }
  const removeDemo = () => removeDemoData(store, Object.keys(COLLECTIONS))
  const removedDemo = !opts.demo && opts.removeDemo ? await removeDemo() : 0
  let demoLeft = opts.demo ? { estate: false, staff: 0 } : await demoDataIn(store)
  const bound = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? [opts.host] : []
  const hosts = allowedHosts([...(opts.hosts ?? []), ...bound])
  const runtime = createRuntime(store, config)
  const h5Dir = resolve(opts.h5Dir ?? 'dist/h5')
  const files = { store, config, dir: join(opts.dataDir, 'files') }

  const server = createServer(async (req, res) => {
    for (const [k, val] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, val)
    try {
      const host = hostOf(req.headers.host)
      if (!host || !hosts.has(host)) {
        res.writeHead(421, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        res.end(JSON.stringify(errorEnvelope(new AppError('HOST_NOT_ALLOWED'), Date.now())))
        return
      }
      const url = req.url ?? '/'
      const path = url.split('?')[0]
      const auth = req.headers.authorization
      const bearer: Identity =
        auth && auth.startsWith('Bearer ')
          ? { kind: 'token', token: auth.slice(7) }
          : { kind: 'none', source: sourceOf(req, opts.trustProxy) }
      const up = /^\/api\/upload\/([^/]+)$/.exec(path)
      if (up && req.method === 'POST') return await handleUpload(files, up[1], bearer, req, res)
      const fm = /^\/files\/([^/]+)\/([^/]+)$/.exec(path)
      if (fm && req.method === 'GET')
        return await handleFile(files, fm[1], fm[2], new URL(url, 'http://x').searchParams, res)
      if (path.startsWith('/files/'))
        return send(res, 404, errorEnvelope(new AppError('NOT_FOUND', '没有找到这张照片'), Date.now()))
      const m = /^\/api\/([a-z]+)\/?$/.exec(path)
      if (m && req.method === 'POST') {
        // our own function names only: `/api/constructor` is no route
        if (!(FUNCTIONS as readonly string[]).includes(m[1]))
          return send(res, 404, errorEnvelope(new AppError('UNKNOWN_ACTION', '没有这个云函数'), Date.now()))
        let text: string
        try {
          text = await readBody(req)
        } catch (e) {
          if (isAppError(e) && e.code === 'PAYLOAD_TOO_LARGE') {
            res.setHeader('connection', 'close')
            return send(res, 413, errorEnvelope(e, Date.now()))
          }
          throw e
        }
        let body: unknown
        try {
          body = JSON.parse(text)
        } catch {
          return send(res, 400, { ok: false, code: 'INVALID_INPUT', message: '请求格式不正确' })
        }
        // The timer identity is never reachable over HTTP: cron runs in-process below.
        const out = await runtime.call(m[1], body as object, bearer)
        return send(res, 200, out)
      }
      if (url === '/healthz') return send(res, 200, { ok: true })
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(h5Dir, req, res)
      send(res, 405, { ok: false, code: 'UNKNOWN_ACTION', message: '不支持的请求' })
    } catch (e) {
      console.error(e)
      if (!res.headersSent) send(res, 500, { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后重试' })
    }
  })
  // The local stand-in for the cron function's timer trigger.
  const sweep = setInterval(
    () => void runtime.call('cron', { action: 'cron.sweep', input: {} }, { kind: 'timer' }),
    3600_000
  )
  sweep.unref()
  // ... and for its minute trigger (`safety`): due patrol check-ins raise their alerts
  const safety = setInterval(
    () => void runtime.call('cron', { action: 'cron.safety', input: {} }, { kind: 'timer' }),
    60_000
  )
  safety.unref()

  await new Promise<void>((res) => server.listen(opts.port, opts.host ?? '127.0.0.1', res))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : opts.port
  const url = `http://127.0.0.1:${port}/`
  if (!opts.quiet && seeded.created > 0) console.log(`已创建演示小区（${seeded.created} 条记录）`)
  return {
    server,
    runtime,
    url,
    removedDemo,
    get demoLeft() {
      return demoLeft
    },
    async removeDemo() {
      if (opts.demo) return 0
      const n = await removeDemo()
      demoLeft = await demoDataIn(store)
      return n
    },
    close: () =>
      new Promise<void>((res) => {
        clearInterval(sweep)
        clearInterval(safety)
        server.close(() => {
          store.close()
          res()
        })
        server.closeAllConnections()
      })
  }
}
