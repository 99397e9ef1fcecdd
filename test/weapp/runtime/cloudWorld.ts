/**
 * The cloud world: the mini program built for WeChat cloud (TARO_APP_CLOUD_ENV, the product's
 * mode) on phones whose wx.cloud reaches the BUILT cloud functions (`build-cloud.mjs` output,
 * loaded with Node's own require as CloudBase loads them) through the unmodified wx-server-sdk
 * pointed at the CloudBase test engine, with the secrets the README's deployment steps set.
 * Nothing is seeded: the company is set up from nothing as README "WeChat CloudBase from
 * nothing" says (auth.setup from the admin's WeChat, then people bound by bind code).
 *
 * Each phone is its own WeChat user (its own OPENID). wx-server-sdk's getWXContext() reads the
 * caller from process.env (WX_CONTEXT_KEYS → WX_OPENID), so function invocations run one at a
 * time, whichever phone made them: two calls never see each other's caller.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pointSdkAt, startEngine, type Engine } from '../../cloudbase/engine'
import { Phone, type CloudBackend } from './host'

const root = resolve(__dirname, '../../..')
/** The cloud build of the mini program and the cloud functions the weapp global setup made. */
export const CLOUD_WEAPP_DIR = resolve(root, process.env.WEAPP_CLOUD_DIR ?? 'dist/weapp-cloud-test')
export const CLOUD_FUNCTIONS_DIR = resolve(root, process.env.WEAPP_CLOUD_FNS ?? 'dist/weapp-cloud-test-fns')
/** The env id the cloud build was made with (TARO_APP_CLOUD_ENV). */
export const CLOUD_ENV_ID = process.env.WEAPP_CLOUD_ENV ?? 'gwt-weapp-test'

/** The functions' environment variables (云函数 → 版本与配置), as README step 4 sets them. */
export const CLOUD_SECRETS = {
  ID_SALT: 'weapp-cloud-world-id-salt-0123456789',
  SETUP_TOKEN: 'weapp-cloud-world-setup-token-42'
}
const APP_ID = 'wxtesthost00000000'
const CONTEXT = { function_name: '', request_id: '', memory_limit_in_mb: 256, time_limit_in_ms: 5000 }

type Main = (event: unknown, context: unknown) => Promise<unknown>

export interface CloudWorld {
  engine: Engine
  backend: CloudBackend
  /** What the functions wrote to their log (console.error, as CloudBase's function log shows it). */
  logged: string[]
  /** A new phone (a WeChat user of its own) with the cloud build installed (not started). */
  phone(name: string, platform?: 'android' | 'ios'): Phone
  close(): Promise<void>
}

export async function startCloudWorld(): Promise<CloudWorld> {
  for (const f of ['auth', 'staff', 'admin', 'cron'])
    if (!existsSync(join(CLOUD_FUNCTIONS_DIR, f, 'index.js')))
      throw new Error(
        `${CLOUD_FUNCTIONS_DIR}/${f}/index.js is missing: run the weapp project (its global setup builds it)`
      )
  const engine = await startEngine({ unref: true })
  const restoreSdk = pointSdkAt(engine, CLOUD_ENV_ID)
  const keys = [...Object.keys(CLOUD_SECRETS), 'WX_CONTEXT_KEYS', 'WX_OPENID', 'WX_APPID']
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]))
  Object.assign(process.env, CLOUD_SECRETS)

  const logged: string[] = []
  const realError = console.error
  console.error = (...a: unknown[]) => void logged.push(a.map(String).join(' '))

  // Node's own require (not jest's registry), as the cloud loads index.js
  const nodeRequire = createRequire(__filename)
  const loaded = new Map<string, Main>()
  const mainOf = (name: string): Main => {
    let m = loaded.get(name)
    if (!m) {
      m = (nodeRequire(join(CLOUD_FUNCTIONS_DIR, name, 'index.js')) as { main: Main }).main
      loaded.set(name, m)
    }
    return m
  }

  let queue: Promise<unknown> = Promise.resolve()
  const backend: CloudBackend = {
    appId: APP_ID,
    hasEnv: (env) => env === CLOUD_ENV_ID,
    hasFunction: (_env, name) =>
      /^[a-z]+$/.test(name) && existsSync(join(CLOUD_FUNCTIONS_DIR, name, 'index.js')),
    invoke(_env, name, event, openid) {
      const run = async () => {
        process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
        process.env.WX_OPENID = openid
        process.env.WX_APPID = APP_ID
        try {
          return await mainOf(name)(event, { ...CONTEXT, function_name: name })
        } finally {
          delete process.env.WX_CONTEXT_KEYS
          delete process.env.WX_OPENID
          delete process.env.WX_APPID
        }
      }
      const p = queue.then(run, run)
      queue = p.catch(() => undefined)
      return p
    },
    putFile: (env, cloudPath, bytes) => engine.putFile(env, cloudPath, bytes)
  }

  const dir = mkdtempSync(join(tmpdir(), 'gwt-weapp-cloud-'))
  const phones: Phone[] = []
  let seq = 0
  return {
    engine,
    backend,
    logged,
    phone(name, platform = 'android') {
      const p = new Phone({
        dir: CLOUD_WEAPP_DIR,
        tmp: mkdtempSync(join(dir, 'phone-')),
        platform,
        name,
        // an OPENID as WeChat gives one per user and mini program: 28 characters starting with o
        cloud: { backend, openid: `oWeapp${String(++seq).padStart(4, '0')}${'x'.repeat(18)}` }
      })
      phones.push(p)
      return p
    },
    async close() {
      for (const p of phones) await p.close()
      await queue.catch(() => undefined)
      console.error = realError
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k]
        else process.env[k] = v
      }
      for (const f of loaded.keys())
        delete nodeRequire.cache[nodeRequire.resolve(join(CLOUD_FUNCTIONS_DIR, f, 'index.js'))]
      restoreSdk()
      await engine.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/**
 * README step 6: the first admin, set up from DevTools' console of the running mini program,
 * signed in with the WeChat that becomes the admin: `wx.cloud.callFunction({ name: 'auth', data:
 * { action: 'auth.setup', input } })`. Answers the function's envelope.
 */
export async function setupFromConsole(
  phone: Phone,
  input: {
    company: string
    estateName: string
    estateAddress?: string
    adminName: string
    adminPhone: string
  },
  setupToken = CLOUD_SECRETS.SETUP_TOKEN
): Promise<{ ok: boolean; code?: string; data?: unknown }> {
  const r = (await phone.wx.cloud.callFunction({
    name: 'auth',
    data: { action: 'auth.setup', input: { setupToken, ...input } }
  })) as { result: { ok: boolean; code?: string; data?: unknown }; errMsg: string }
  if (r.errMsg !== 'cloud.callFunction:ok') throw new Error(r.errMsg)
  return r.result
}

/** Waits until the button reading `text` can be tapped (not disabled, not loading). */
export async function waitForButton(phone: Phone, text: string | RegExp): Promise<void> {
  await phone.waitFor(() =>
    phone.find(text).some((el) => {
      for (let e: typeof el | undefined = el; e; e = e.parent)
        if (e.tag === 'button') return e.attrs.disabled !== true && e.attrs.loading !== true
      return false
    })
  )
}
