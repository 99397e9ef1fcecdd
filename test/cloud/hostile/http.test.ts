/**
 * Hostile client, HTTP: the local server's own surface (issue 16, point 7). Each test here
 * failed before its fix: no security headers, a reset for an oversized body, a prototype key
 * answered as a route, malformed cursors as INTERNAL with a stack trace, `input: []` taken as `{}`.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type Running } from '../../../src/cloud/http/server'
import { ACTIONS, ACTION_NAMES } from '../../../src/domain/contract'
import type { Envelope } from '../../../src/domain/errors'
import { makeHarness, DEMO_ESTATE_ID, type Harness } from '../harness'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

function send(
  srv: Running,
  method: string,
  path: string,
  body?: Buffer | string,
  headers = {}
): Promise<Answer> {
  const url = new URL(srv.url)
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port: url.port, path, method, headers }, (r) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () =>
        res({ status: r.statusCode ?? 0, headers: r.headers, text: Buffer.concat(chunks).toString('utf8') })
      )
    })
    req.on('error', rej)
    req.end(body)
  })
}
const json = (a: Answer) => JSON.parse(a.text) as Envelope<unknown>

let srv: Running
let dir: string
let token: string
const logged: unknown[][] = []
let spy: jest.SpyInstance
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gwt-hostile-http-'))
  mkdirSync(join(dir, 'h5'))
  writeFileSync(
    join(dir, 'h5', 'index.html'),
    '<!doctype html><title>岗位通</title><script>document.title="x"</script>'
  )
  spy = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logged.push(a))
  srv = await startServer({ port: 0, dataDir: dir, h5Dir: join(dir, 'h5'), demo: true, quiet: true })
  const r = await send(
    srv,
    'POST',
    '/api/auth',
    JSON.stringify({ action: 'auth.demoLogin', input: { staffId: 'demo-admin' } })
  )
  token = (json(r) as { data: { token: string } }).data.token
})
afterAll(async () => {
  spy.mockRestore()
  await srv.close()
  rmSync(dir, { recursive: true, force: true })
})
const api = (fn: string, body: unknown) =>
  send(srv, 'POST', `/api/${fn}`, JSON.stringify(body), {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`
  })

describe('security headers', () => {
  it('every answer (page, API, error, file) carries CSP, nosniff, frame-ancestors none and no-referrer', async () => {
    const answers = [
      await send(srv, 'GET', '/'),
      await send(srv, 'GET', '/healthz'),
      await api('auth', { action: 'auth.demoAccounts', input: {} }),
      await send(srv, 'POST', '/api/nosuch', '{}'),
      await send(srv, 'GET', '/files/demo-guard/photo-nonexistent1')
    ]
    for (const a of answers) {
      expect(a.headers['x-content-type-options']).toBe('nosniff')
      expect(a.headers['referrer-policy']).toBe('no-referrer')
      expect(a.headers['x-frame-options']).toBe('DENY')
      const csp = String(a.headers['content-security-policy'])
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(eval|inline)'/)
    }
    // the page's own inline script is allowed by its hash, nothing else inline
    const hash = createHash('sha256').update('document.title="x"').digest('base64')
    expect(answers[0].headers['content-security-policy']).toContain(`'sha256-${hash}'`)
  })
})

describe('bodies over the limit', () => {
  it('a body over 256 KB gets a typed 413 PAYLOAD_TOO_LARGE in Chinese, not a connection reset', async () => {
    const big = JSON.stringify({ action: 'auth.demoAccounts', input: { x: 'a'.repeat(300 * 1024) } })
    const a = await send(srv, 'POST', '/api/auth', big, { 'content-type': 'application/json' })
    expect(a.status).toBe(413)
    expect(json(a)).toMatchObject({
      ok: false,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/[\u4e00-\u9fa5]/)
    })
    // and the server still answers afterwards
    expect((await send(srv, 'GET', '/healthz')).status).toBe(200)
  })
})

describe('routes only among our own names', () => {
  it.each(['constructor', 'tostring', 'valueof', 'hasownproperty', 'proto'])(
    'POST /api/%s is a typed 404, never an echo',
    async (name) => {
      const a = await send(srv, 'POST', `/api/${name}`, JSON.stringify({ action: 'x', secret: 'echo-me' }))
      expect(a.status).toBe(404)
      expect(a.text).not.toContain('echo-me')
      expect(json(a)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    }
  )
  it('the runtime itself looks functions up only among its own', async () => {
    const env = await srv.runtime.call('constructor', { action: 'x', input: { a: 1 } } as never, {
      kind: 'none'
    })
    expect(env).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  })
})

describe('malformed day-log cursors', () => {
  const cursors = [
    'garbage!!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('[{"$gt":0},"x"]').toString('base64url'),
    Buffer.from('[[1],"x"]').toString('base64url'),
    Buffer.from('[1,{"a":1}]').toString('base64url'),
    Buffer.from('[1,2,3,4]').toString('base64url')
  ]
  it('each is a typed INVALID_INPUT, and nothing with a stack trace is logged', async () => {
    logged.length = 0
    for (const after of cursors) {
      const a = await api('admin', {
        action: 'gate.dayLog',
        estateId: DEMO_ESTATE_ID,
        input: { date: '2026-11-23', after }
      })
      expect([after, json(a)]).toMatchObject([after, { ok: false, code: 'INVALID_INPUT' }])
    }
    const stacks = logged.flat().filter((x) => x instanceof Error || /\n\s+at /.test(String(x)))
    expect(stacks).toEqual([])
  })
})

describe('an array where an object belongs', () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness()
  })
  it('input: [] (and [{}]) is INVALID_INPUT for every action, never read as {}', async () => {
    const accepted: string[] = []
    for (const name of ACTION_NAMES) {
      const def = ACTIONS[name]
      if (def.access === 'system') continue
      for (const input of [[], [{}]]) {
        const env = await h.as('demo-admin', name, input as never)
        if (env.ok || env.code !== 'INVALID_INPUT')
          accepted.push(`${name} ${JSON.stringify(input)}: ${env.ok ? 'OK' : env.code}`)
      }
    }
    expect(accepted).toEqual([])
  })
})
