// Builds the mini program (production, HTTP mode against an absolute HTTPS base that the
// runtime test maps to the local server) when it is missing or older than the sources,
// once per run. WEAPP_DIR chooses the folder (default dist/weapp-test).
const { spawnSync } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join, resolve } = require('node:path')

const root = resolve(__dirname, '../..')
const WEAPP_API_BASE = 'https://api.gangweitong.test'
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
  const marker = join(root, out, 'app.json')
  const src = Math.max(newest(join(root, 'src')), newest(join(root, 'config')), statSync(join(root, 'package.json')).mtimeMs)
  if (existsSync(marker) && statSync(marker).mtimeMs >= src) return
  console.log('\nbuilding the mini program for the weapp tests…')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production', TARO_ENV: 'weapp', TARO_OUT: out, TARO_APP_API_BASE: WEAPP_API_BASE }
  })
  if (r.status !== 0) {
    console.error(r.stdout?.slice(-4000), r.stderr?.slice(-4000))
    throw new Error('weapp build failed')
  }
}
