// The e2e and weapp suites' global setups: build the app with Taro (a production build) into
// `out` unless `marker` there is newer than every file under src/ and config/ (and `also`).
const { spawnSync } = require('node:child_process')
const { existsSync, readdirSync, statSync } = require('node:fs')
const { join, resolve } = require('node:path')

const root = resolve(__dirname, '../..')

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

/**
 * @param {{ type: 'h5' | 'weapp', out: string, marker: string, also?: string[], env?: Record<string, string>,
 *   what: string, maxBuffer?: number }} o
 */
function buildIfStale(o) {
  const marker = join(root, o.out, o.marker)
  const src = Math.max(
    newest(join(root, 'src')),
    newest(join(root, 'config')),
    ...(o.also ?? []).map((f) => statSync(join(root, f)).mtimeMs)
  )
  if (existsSync(marker) && statSync(marker).mtimeMs >= src) return
  console.log(`\nbuilding ${o.what}…`)
  // jest sets NODE_ENV=test; the build must be the production one (no react-refresh)
  const r = spawnSync('npx', ['taro', 'build', '--type', o.type], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: o.maxBuffer,
    env: { ...process.env, NODE_ENV: 'production', TARO_OUT: o.out, ...o.env }
  })
  if (r.status !== 0) {
    console.error(r.stdout?.slice(-4000), r.stderr?.slice(-4000))
    throw new Error(`${o.type === 'h5' ? 'H5' : o.type} build failed`)
  }
}

module.exports = { buildIfStale }
