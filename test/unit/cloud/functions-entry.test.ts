/** The cloud function entry (src/cloud/functions/entry.ts) with a stand-in for wx-server-sdk. */
import { createServer } from 'node:http'
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createMain, type WxCloud } from '../../../src/cloud/functions/entry'
import { FUNCTION_SPECS, missingEnv } from '../../../src/cloud/functions/spec'
import { indexManifest, MAX_INDEXES_PER_COLLECTION } from '../../../src/cloud/functions/indexes'
import { COLLECTIONS } from '../../../src/cloud/data/schema'
import { SqliteAdapter } from '../../../src/cloud/data/sqlite'
import { seedDemo } from '../../../src/cloud/seed'
import type { Envelope } from '../../../src/domain/errors'

const SALT = 'a-long-random-id-salt-for-tests'

function fakeCloud(openid?: string) {
  const created: string[] = []
  const sent: unknown[] = []
  const cloud: WxCloud & { openid?: string } = {
    DYNAMIC_CURRENT_ENV: Symbol('current'),
    openid,
    init: () => undefined,
    database: () => ({
      createCollection: async (name: string) => {
        created.push(name)
      }
    }),
    getWXContext() {
      return this.openid ? { OPENID: this.openid } : {}
    },
    openapi: {
      subscribeMessage: {
        send: async (req: unknown) => {
          sent.push(req)
        }
      }
    }
  }
  return { cloud, created, sent }
}

const codeOf = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.code)

describe('secrets fail closed', () => {
  it('a function that needs ID_SALT refuses every call without it, with one log line naming it', async () => {
    for (const env of [{}, { ID_SALT: 'short' }]) {
      const logs: string[] = []
      const { cloud } = fakeCloud('oid-demo-guard')
      const main = createMain('staff', { cloud, env, log: (m) => logs.push(m) })
      for (const event of [{ action: 'me.profile', input: {} }, { Type: 'Timer' }, null]) {
        const r = await main(event)
        expect(codeOf(r)).toBe('SERVER_MISCONFIGURED')
        if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fa5]/)
      }
      expect(logs).toHaveLength(3)
      expect(logs[0]).toMatch(/ID_SALT (is not set|is shorter than 16)/)
    }
  })

  it('knows which function needs what', () => {
    expect(missingEnv('staff', {})).toEqual(['ID_SALT is not set'])
    expect(missingEnv('admin', { ID_SALT: SALT })).toEqual([])
    expect(missingEnv('auth', {})).toEqual([])
    expect(FUNCTION_SPECS.cron.requiredEnv).toEqual([])
  })
})

describe('entry', () => {
  async function withStore() {
    const store = new SqliteAdapter({ file: ':memory:' })
    await seedDemo(store, Date.now() - 1000)
    const s = await store.get<{ _id: string; _v: number }>('staff', 'demo-guard')
    // the cloud runs in production, where seeded demo people are refused: this one is made a real person
    await store.update('staff', 'demo-guard', s!._v, { openid: 'oid-demo-guard', demo: undefined })
    return store
  }

  it('identity comes from the WeChat context; a bad event gets a typed error; a timer event sweeps', async () => {
    const store = await withStore()
    const { cloud } = fakeCloud('oid-demo-guard')
    const staff = createMain('staff', { cloud, env: { ID_SALT: SALT }, store })
    const me = await staff({ action: 'me.profile', input: {} })
    expect(me).toMatchObject({ ok: true, data: { id: 'demo-guard' } })
    for (const bad of [null, 'x', 42, {}, { action: 'nope' }, { action: 'me.profile', input: 'x' }]) {
      const r = await staff(bad)
      expect(['UNKNOWN_ACTION', 'INVALID_INPUT']).toContain(codeOf(r))
    }
    cloud.openid = 'oid-stranger'
    expect(codeOf(await staff({ action: 'me.profile', input: {} }))).toBe('NOT_BOUND')
    const timer = fakeCloud()
    const cron = createMain('cron', { cloud: timer.cloud, env: {}, store })
    const swept = await cron({
      Type: 'Timer',
      TriggerName: 'hourly',
      Time: new Date().toISOString(),
      Message: ''
    })
    expect(swept).toMatchObject({ ok: true, data: { expiredBindCodes: 0 } })
  })

  it('creates every collection once per cold start, outside any call', async () => {
    const { cloud, created } = fakeCloud()
    const main = createMain('auth', { cloud, env: {} })
    expect(codeOf(await main({ action: 'nope' }))).toBe('UNKNOWN_ACTION')
    expect(codeOf(await main({ action: 'nope' }))).toBe('UNKNOWN_ACTION')
    expect(created.sort()).toEqual(Object.keys(COLLECTIONS).sort())
  })

  it('declares the subscribe permission where messages are sent', () => {
    expect(FUNCTION_SPECS.staff.openapi).toContain('subscribeMessage.send')
    expect(FUNCTION_SPECS.admin.openapi).toContain('subscribeMessage.send')
    expect(FUNCTION_SPECS.cron.triggers[0]).toMatchObject({ type: 'timer' })
  })
})

describe('index manifest', () => {
  it('lists every schema index in the updateindex shape, within CloudBase limits', () => {
    const m = indexManifest()
    expect(m.collections.map((c) => c.collection_name)).toEqual(Object.keys(COLLECTIONS))
    for (const c of m.collections) {
      const spec = (COLLECTIONS as Record<string, { indexes: readonly (readonly string[])[] }>)[
        c.collection_name
      ]
      expect(c.create_indexes.map((ix) => ix.keys.map((k) => k.name))).toEqual(
        spec.indexes.map((f) => [...f])
      )
      expect(c.create_indexes.length).toBeLessThanOrEqual(MAX_INDEXES_PER_COLLECTION)
      for (const ix of c.create_indexes) expect(ix.name.length).toBeLessThanOrEqual(64)
    }
  })

  it('npm run cloud:indexes sends the manifest to WeChat’s tcb APIs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'h2-indexes-'))
    writeFileSync(join(dir, 'indexes.json'), JSON.stringify(indexManifest()))
    const seen: { path: string; body: Record<string, unknown> }[] = []
    const server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x')
        seen.push({
          path: url.pathname,
          body: body ? JSON.parse(body) : Object.fromEntries(url.searchParams)
        })
        res.setHeader('content-type', 'application/json')
        res.end(
          JSON.stringify(
            url.pathname === '/cgi-bin/token'
              ? { access_token: 'T', expires_in: 7200 }
              : { errcode: 0, errmsg: 'ok' }
          )
        )
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port
    const out = await new Promise<string>((res, rej) =>
      execFile(
        process.execPath,
        [resolve(__dirname, '../../../config/scripts/cloud-indexes.mjs')],
        {
          env: {
            ...process.env,
            CLOUD_OUT: dir,
            WX_APPID: 'wxappid',
            WX_SECRET: 'sec',
            CLOUD_ENV: 'env-1',
            WX_API_BASE: `http://127.0.0.1:${port}`
          }
        },
        (e, stdout, stderr) => (e ? rej(new Error(stderr)) : res(stdout))
      )
    )
    server.close()
    expect(seen[0]).toMatchObject({
      path: '/cgi-bin/token',
      body: { grant_type: 'client_credential', appid: 'wxappid', secret: 'sec' }
    })
    const total = indexManifest().collections.reduce((n, c) => n + c.create_indexes.length, 0)
    expect(seen.filter((s) => s.path === '/tcb/databasecollectionadd')).toHaveLength(
      Object.keys(COLLECTIONS).length
    )
    const ix = seen.filter((s) => s.path === '/tcb/updateindex')
    expect(ix).toHaveLength(total)
    expect(ix[0].body).toMatchObject({
      env: 'env-1',
      collection_name: 'gates',
      drop_indexes: [],
      create_indexes: [{ name: 'ix_estateId_name', unique: false }]
    })
    expect(out).toContain('ix_estateId_name: created')
  })
})
