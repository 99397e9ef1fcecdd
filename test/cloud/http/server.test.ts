/**
 * The local server as a site runs it: the host names it answers to (DNS rebinding), production
 * without demo data (and what an earlier demo run left), and the first setup by bind code.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { allowedHosts, hostOf, startServer, type Running } from '../../../src/cloud/http/server'
import type { Envelope } from '../../../src/domain/errors'
import type { SessionOut, SetupOut } from '../../../src/domain/contract'

interface Answer {
  status: number
  body: Envelope<unknown>
}

/** A POST with a Host header of our choosing (fetch cannot set Host). */
function post(
  srv: Running,
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<Answer> {
  const url = new URL(srv.url)
  return new Promise((res, rej) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers }
      },
      (r) => {
        const chunks: Buffer[] = []
        r.on('data', (c: Buffer) => chunks.push(c))
        r.on('end', () =>
          res({ status: r.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) })
        )
      }
    )
    req.on('error', rej)
    req.end(JSON.stringify(body))
  })
}
const call = (srv: Running, fn: string, action: string, input: unknown, token?: string) =>
  post(srv, `/api/${fn}`, { action, input }, token ? { authorization: `Bearer ${token}` } : {})
const data = <T>(a: Answer): T => {
  if (!a.body.ok) throw new Error(`${a.body.code}: ${a.body.message}`)
  return a.body.data as T
}
const codeOf = (a: Answer) => (a.body.ok ? 'OK' : a.body.code)

const dirs: string[] = []
const running: Running[] = []
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gwt-srv-'))
  dirs.push(d)
  return d
}
async function start(dir: string, opts: Partial<Parameters<typeof startServer>[0]> = {}): Promise<Running> {
  const srv = await startServer({
    port: 0,
    dataDir: dir,
    h5Dir: join(dir, 'none'),
    demo: true,
    quiet: true,
    ...opts
  })
  running.push(srv)
  return srv
}
async function stop(srv: Running) {
  running.splice(running.indexOf(srv), 1)
  await srv.close()
}
afterAll(async () => {
  for (const s of running) await s.close()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

describe('host names (DNS rebinding)', () => {
  it('hostOf reads the name of a Host header; allowedHosts has loopback and the configured names', () => {
    expect(hostOf('127.0.0.1:8620')).toBe('127.0.0.1')
    expect(hostOf('GWT.Site.LAN')).toBe('gwt.site.lan')
    expect(hostOf('[::1]:8620')).toBe('[::1]')
    expect(hostOf('evil.example:80/x')).toBeUndefined()
    expect(hostOf(undefined)).toBeUndefined()
    expect([...allowedHosts([' gwt.site.lan ', ''])]).toEqual([
      '127.0.0.1',
      'localhost',
      '[::1]',
      'gwt.site.lan'
    ])
  })

  it('answers 127.0.0.1, localhost and the configured names; any other host gets 421 with a typed error', async () => {
    const srv = await start(dataDir(), { hosts: ['gwt.site.lan'] })
    const port = new URL(srv.url).port
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'gwt.site.lan', `GWT.SITE.LAN:${port}`])
      expect(
        (await post(srv, '/api/auth', { action: 'auth.demoAccounts', input: {} }, { host })).status
      ).toBe(200)
    for (const host of ['evil.example', `evil.example:${port}`, 'gwt.site.lan.evil.example', '10.0.0.5'])
      expect(
        await post(srv, '/api/auth', { action: 'auth.demoAccounts', input: {} }, { host })
      ).toMatchObject({
        status: 421,
        body: { ok: false, code: 'HOST_NOT_ALLOWED' }
      })
    // pages and files too, not only the API
    const page = await new Promise<number>((res) =>
      request({ host: '127.0.0.1', port, path: '/', headers: { host: 'evil.example' } }, (r) => {
        r.resume()
        res(r.statusCode ?? 0)
      }).end()
    )
    expect(page).toBe(421)
    // no Host header at all is refused as well (by Node's own parser: 400, before our check)
    const bare = await new Promise<number>((res) =>
      request({ host: '127.0.0.1', port, path: '/healthz', setHost: false }, (r) => {
        r.resume()
        res(r.statusCode ?? 0)
      }).end()
    )
    expect([400, 421]).toContain(bare)
  })
})

describe('production (DEMO=0)', () => {
  it('creates no demo estate or people and refuses demo sign-in', async () => {
    const srv = await start(dataDir(), { demo: false })
    expect(srv.demoLeft).toEqual({ estate: false, staff: 0 })
    expect(await srv.runtime.store.count('staff')).toBe(0)
    expect(await srv.runtime.store.count('estates')).toBe(0)
    expect(data(await call(srv, 'auth', 'auth.demoAccounts', {}))).toEqual([])
    expect(codeOf(await call(srv, 'auth', 'auth.demoLogin', { staffId: 'demo-guard' }))).toBe('DEMO_DISABLED')
  })

  it('on a folder a demo run used: says so, refuses the demo session and people, and removes the demo data when asked', async () => {
    const dir = dataDir()
    const demo = await start(dir)
    const s = data<SessionOut>(await call(demo, 'auth', 'auth.demoLogin', { staffId: 'demo-admin' }))
    expect(codeOf(await call(demo, 'staff', 'me.profile', {}, s.token))).toBe('OK')
    await stop(demo)

    const prod = await start(dir, { demo: false })
    expect(prod.demoLeft).toEqual({ estate: true, staff: 8 })
    expect(codeOf(await call(prod, 'staff', 'me.profile', {}, s.token))).toBe('DEMO_DISABLED')
    expect(await prod.removeDemo()).toBeGreaterThan(90)
    expect(prod.demoLeft).toEqual({ estate: false, staff: 0 })
    for (const coll of ['staff', 'estates', 'sessions', 'rooms', 'gates', 'checkpoints'])
      expect(await prod.runtime.store.count(coll)).toBe(0)
    await stop(prod)

    // the flag form: a demo folder started in production with removeDemo
    const dir2 = dataDir()
    await stop(await start(dir2))
    const prod2 = await start(dir2, { demo: false, removeDemo: true })
    expect(prod2.removedDemo).toBeGreaterThan(90)
    expect(prod2.demoLeft).toEqual({ estate: false, staff: 0 })
  })

  it('setup: the first estate and admin with a bind code; the admin signs in by code in a browser; once only', async () => {
    const srv = await start(dataDir(), { demo: false, setupToken: 'site-setup-token-0123456789' })
    const input = {
      setupToken: 'site-setup-token-0123456789',
      company: '新物业',
      estateName: '新小区',
      adminName: '吴经理',
      adminPhone: '13800000008'
    }
    expect(codeOf(await call(srv, 'auth', 'auth.setup', { ...input, setupToken: 'wrong-token-000' }))).toBe(
      'SETUP_TOKEN_INVALID'
    )
    const out = data<SetupOut>(await call(srv, 'auth', 'auth.setup', input))
    expect(out.token).toBeUndefined()
    expect(out.bindCode!.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(codeOf(await call(srv, 'auth', 'auth.setup', input))).toBe('SETUP_DONE')
    const s = data<SessionOut>(
      await call(srv, 'auth', 'auth.codeLogin', {
        code: out.bindCode!.code,
        device: 'Mozilla/5.0 (X11; Linux) Chrome/120'
      })
    )
    expect(s.staff).toMatchObject({
      name: '吴经理',
      roles: ['admin'],
      estates: [{ name: '新小区', company: '新物业' }]
    })
    // the admin adds a guard, who signs in with their own code
    const estateId = s.staff.estates[0].id
    const made = await post(
      srv,
      '/api/admin',
      {
        action: 'staff.create',
        input: { name: '张门岗', phone: '13900000001', roles: ['guard'] },
        estateId,
        op: { id: 'op-setup-guard-1', deviceTime: Date.now() }
      },
      { authorization: `Bearer ${s.token}` }
    )
    const guardCode = data<{ bindCode: { code: string } }>(made).bindCode.code
    const g = data<SessionOut>(await call(srv, 'auth', 'auth.codeLogin', { code: guardCode }))
    expect(g.staff.roles).toEqual(['guard'])
    expect(codeOf(await call(srv, 'auth', 'auth.codeLogin', { code: guardCode }))).toBe('BIND_CODE_USED')
  })
})
