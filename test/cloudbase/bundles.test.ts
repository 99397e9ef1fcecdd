/**
 * The built cloud functions end to end, as WeChat runs them: `dist/…/<fn>/index.js` loaded
 * with Node's own `require`, `main(event, context)` called with real event shapes, the
 * unmodified wx-server-sdk (from the repository's node_modules) pointed at the CloudBase
 * test engine. OPENID reaches the function the way wx-server-sdk's getWXContext() reads it:
 * the environment variables named in WX_CONTEXT_KEYS (WX_OPENID → OPENID).
 * An empty environment goes from nothing to a bound admin, a bound guard and that guard's
 * first check-in through the bundles only.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { startEngine, useEngineForSdk, type Engine } from './engine'

const root = resolve(__dirname, '../..')
const OUT = 'dist/cloudfunctions-bundletest'
const nodeRequire = createRequire(__filename)
type Main = (
  event: unknown,
  context?: unknown
) => Promise<{ ok: boolean; code?: string; message?: string; data?: any }> // eslint-disable-line @typescript-eslint/no-explicit-any

const ENV_ID = `bundles-${process.pid}`
const SECRETS = { ID_SALT: 'bundle-test-id-salt-0123456789', SETUP_TOKEN: 'bundle-test-setup-token-42' }
const CONTEXT = { function_name: 'x', request_id: 'r', memory_limit_in_mb: 256, time_limit_in_ms: 5000 }

let engine: Engine
/** What the functions log (console.error, as in CloudBase's function log). */
const logged: string[] = []
let logSpy: jest.SpyInstance
let restoreSdk: () => void
const saved: Record<string, string | undefined> = {}

/** A fresh instance of a function (a cold start): the bundle copied under another name, then required. */
function load(fn: string, as = fn): Main {
  const dir = resolve(root, OUT, as)
  if (as !== fn) {
    mkdirSync(dir, { recursive: true })
    copyFileSync(resolve(root, OUT, fn, 'index.js'), resolve(dir, 'index.js'))
  }
  return (nodeRequire(resolve(dir, 'index.js')) as { main: Main }).main
}

/** One call as WeChat makes it: the caller's OPENID in the function's environment for this invocation. */
async function call(fn: Main, event: unknown, openid?: string) {
  if (openid) {
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
    process.env.WX_OPENID = openid
    process.env.WX_APPID = 'wx-test-appid'
  } else {
    delete process.env.WX_CONTEXT_KEYS
    delete process.env.WX_OPENID
    delete process.env.WX_APPID
  }
  return fn(event, CONTEXT)
}

let seq = 0
const op = () => ({ id: `op-bundle-${String(++seq).padStart(6, '0')}`, deviceTime: Date.now() })

beforeAll(async () => {
  execFileSync(process.execPath, [resolve(root, 'config/scripts/build-cloud.mjs')], {
    cwd: root,
    env: { ...process.env, CLOUD_OUT: OUT },
    stdio: 'pipe'
  })
  logSpy = jest
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void logged.push(a.map(String).join(' ')))
  engine = await startEngine({ unref: true })
  restoreSdk = useEngineForSdk(engine, ENV_ID)
  for (const k of ['ID_SALT', 'SETUP_TOKEN', 'SESSION_SECRET', 'WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID'])
    saved[k] = process.env[k]
}, 60_000)

afterAll(async () => {
  logSpy?.mockRestore()
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  restoreSdk?.()
  await engine?.close()
})

describe('built bundles', () => {
  it('each function ships its config: timeout, timer trigger, subscribe permission', () => {
    const cfg = (fn: string) => JSON.parse(readFileSync(resolve(root, OUT, fn, 'config.json'), 'utf8'))
    expect(cfg('cron')).toMatchObject({
      timeout: 60,
      triggers: [
        { name: 'hourly', type: 'timer' },
        { name: 'safety', type: 'timer', config: '0 * * * * * *' }
      ],
      permissions: { openapi: ['subscribeMessage.send'] }
    })
    expect(cfg('staff').permissions.openapi).toEqual(['subscribeMessage.send'])
    expect(cfg('admin').permissions.openapi).toEqual(['subscribeMessage.send'])
    expect(
      JSON.parse(readFileSync(resolve(root, OUT, 'indexes.json'), 'utf8')).collections.length
    ).toBeGreaterThan(30)
  })

  it('missing secrets: the function refuses to serve', async () => {
    delete process.env.ID_SALT
    const staff = load('staff', 'staff-without-salt')
    for (const event of [{ action: 'me.profile', input: {} }, { Type: 'Timer' }]) {
      const r = await call(staff, event, 'oid-anyone')
      expect(r).toMatchObject({ ok: false, code: 'SERVER_MISCONFIGURED' })
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(logged.filter((l) => l.includes('ID_SALT is not set'))).toHaveLength(2)
  })

  it('from an empty environment: setup, a guard created and bound, the guard’s first check-in; a timer sweeps; a bad event is refused', async () => {
    Object.assign(process.env, SECRETS)
    const [auth, staff, admin, cron] = ['auth', 'staff', 'admin', 'cron'].map((f) => load(f))
    expect(engine.env(ENV_ID).collectionNames()).toEqual([])

    // the first admin, bound to the caller's WeChat
    expect(
      await call(
        auth,
        {
          action: 'auth.setup',
          input: {
            setupToken: 'wrong-token-000000',
            company: '利海物业',
            estateName: '翠湖花园',
            adminName: '吴经理',
            adminPhone: '13800000008'
          }
        },
        'oid-admin'
      )
    ).toMatchObject({ ok: false, code: 'SETUP_TOKEN_INVALID' })
    const setup = await call(
      auth,
      {
        action: 'auth.setup',
        input: {
          setupToken: SECRETS.SETUP_TOKEN,
          company: '利海物业',
          estateName: '翠湖花园',
          adminName: '吴经理',
          adminPhone: '13800000008'
        }
      },
      'oid-admin'
    )
    expect(setup).toMatchObject({ ok: true, data: { via: 'wechat', staff: { roles: ['admin'] } } })
    const estateId = setup.data.staff.estates[0].id as string
    expect(
      await call(
        auth,
        {
          action: 'auth.setup',
          input: {
            setupToken: SECRETS.SETUP_TOKEN,
            company: '利海物业',
            estateName: '另一个',
            adminName: '某人',
            adminPhone: '13800000009'
          }
        },
        'oid-other'
      )
    ).toMatchObject({ ok: false, code: 'SETUP_DONE' })
    expect(await call(auth, { action: 'auth.wxLogin', input: {} }, 'oid-admin')).toMatchObject({
      ok: true,
      data: { staff: { name: '吴经理' } }
    })

    // the admin adds a guard; the guard binds with the code
    const made = await call(
      admin,
      {
        action: 'staff.create',
        input: { name: '张卫国', phone: '13800000001', roles: ['guard'] },
        estateId,
        op: op()
      },
      'oid-admin'
    )
    expect(made).toMatchObject({ ok: true })
    const bindCode = made.data.bindCode.code as string
    expect(await call(staff, { action: 'me.profile', input: {} }, 'oid-guard')).toMatchObject({
      ok: false,
      code: 'NOT_BOUND'
    })
    expect(await call(auth, { action: 'auth.bind', input: { code: bindCode } }, 'oid-guard')).toMatchObject({
      ok: true,
      data: { staff: { name: '张卫国' } }
    })
    expect(
      await call(auth, { action: 'auth.bind', input: { code: bindCode } }, 'oid-someone-else')
    ).toMatchObject({ ok: false, code: 'BIND_CODE_USED' })

    // the guard's first check-in: on shift, then a visitor logged in at the gate
    const shift = await call(
      staff,
      { action: 'shift.start', input: { id: 'shift-first', post: '东门岗' }, estateId, op: op() },
      'oid-guard'
    )
    expect(shift).toMatchObject({ ok: true, data: { status: 'on' } })
    const visitor = {
      id: 'v-first',
      gate: '东门',
      source: 'walkin',
      case: 'ownerGuest',
      name: '王小明',
      idDoc: { type: 'none', last4: '' },
      idDeposited: false,
      people: 1,
      room: '1-1-101',
      result: 'admitted'
    }
    const first = op()
    const checkIn = await call(
      staff,
      { action: 'gate.checkIn', input: visitor, estateId, op: first },
      'oid-guard'
    )
    expect(checkIn).toMatchObject({ ok: true })
    expect(
      await call(staff, { action: 'gate.checkIn', input: visitor, estateId, op: first }, 'oid-guard')
    ).toMatchObject({ ok: true, replayed: true })
    expect(await call(staff, { action: 'gate.board', input: {}, estateId }, 'oid-guard')).toMatchObject({
      ok: true
    })

    // a timer trigger, no OPENID: the hourly sweep
    const swept = await call(cron, {
      Type: 'Timer',
      TriggerName: 'hourly',
      Time: new Date().toISOString(),
      Message: ''
    })
    expect(swept).toMatchObject({ ok: true, data: { expiredBindCodes: 0 } })
    // the same event from a person is not the sweep
    expect(
      await call(
        cron,
        { Type: 'Timer', TriggerName: 'hourly', Time: new Date().toISOString(), Message: '' },
        'oid-admin'
      )
    ).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })

    // bad events get typed errors, with Chinese messages
    for (const bad of [
      null,
      undefined,
      'x',
      [],
      {},
      { action: 'cron.sweep', input: {} },
      { action: 'me.profile', input: { extra: 1 } }
    ]) {
      const r = await call(staff, bad, 'oid-guard')
      expect(r.ok).toBe(false)
      expect(['UNKNOWN_ACTION', 'INVALID_INPUT']).toContain(r.code)
      expect(r.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await call(staff, { action: 'me.profile', input: {} })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED'
    })
  }, 60_000)
})
