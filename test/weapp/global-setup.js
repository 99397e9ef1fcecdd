// Builds, once per run, when missing or older than the sources:
// - the mini program for HTTP mode (production, against an absolute HTTPS base that the runtime
//   test maps to the local server), WEAPP_DIR (default dist/weapp-test);
// - the mini program for WeChat cloud mode (production, TARO_APP_CLOUD_ENV = the test env id),
//   WEAPP_CLOUD_DIR (default dist/weapp-cloud-test), and the cloud functions it calls
//   (config/scripts/build-cloud.mjs), WEAPP_CLOUD_FNS (default dist/weapp-cloud-test-fns): the
//   runtime test's cloud world (test/weapp/runtime/cloudWorld.ts) runs them on the CloudBase
//   test engine.
const { spawnSync } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join, resolve } = require('node:path')
const { buildIfStale } = require('../kit/build-if-stale')

const root = resolve(__dirname, '../..')
const WEAPP_API_BASE = 'https://api.gangweitong.test'
const WEAPP_CLOUD_ENV = 'gwt-weapp-test'

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

module.exports = async () => {
  const out = process.env.WEAPP_DIR ?? 'dist/weapp-test'
  process.env.WEAPP_DIR = out
  process.env.WEAPP_API_BASE = WEAPP_API_BASE
  buildIfStale({
    type: 'weapp',
    out,
    marker: 'app.json',
    also: ['package.json'],
    what: 'the mini program for the weapp tests',
    maxBuffer: 64 * 1024 * 1024,
    env: { TARO_ENV: 'weapp', TARO_APP_API_BASE: WEAPP_API_BASE }
  })

  const cloudOut = process.env.WEAPP_CLOUD_DIR ?? 'dist/weapp-cloud-test'
  process.env.WEAPP_CLOUD_DIR = cloudOut
  process.env.WEAPP_CLOUD_ENV = WEAPP_CLOUD_ENV
  buildIfStale({
    type: 'weapp',
    out: cloudOut,
    marker: 'app.json',
    also: ['package.json'],
    what: 'the mini program in cloud mode for the weapp tests',
    maxBuffer: 64 * 1024 * 1024,
    // TARO_APP_API_BASE must not leak in from the caller's shell: a cloud build has no HTTP base
    env: { TARO_ENV: 'weapp', TARO_APP_CLOUD_ENV: WEAPP_CLOUD_ENV, TARO_APP_API_BASE: '' }
  })

  const fns = process.env.WEAPP_CLOUD_FNS ?? 'dist/weapp-cloud-test-fns'
  process.env.WEAPP_CLOUD_FNS = fns
  const marker = join(root, fns, 'staff', 'index.js')
  const src = Math.max(newest(join(root, 'src')), newest(join(root, 'config')))
  if (existsSync(marker) && statSync(marker).mtimeMs >= src) return
  const r = spawnSync(process.execPath, [join(root, 'config/scripts/build-cloud.mjs')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, CLOUD_OUT: fns }
  })
  if (r.status !== 0) {
    console.error(r.stdout?.slice(-4000), r.stderr?.slice(-4000))
    throw new Error('cloud functions build failed')
  }
}
