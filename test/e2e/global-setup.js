// Builds the H5 app when it is missing or older than the sources, once per e2e run.
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

module.exports = async () => {
  const out = process.env.H5_DIR ?? 'dist/h5'
  const index = join(root, out, 'index.html')
  const src = Math.max(newest(join(root, 'src')), newest(join(root, 'config')))
  if (existsSync(index) && statSync(index).mtimeMs >= src) return
  console.log('\nbuilding H5 for the end-to-end tests…')
  // jest sets NODE_ENV=test; the build must be the production one (no react-refresh)
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', TARO_OUT: out }
  })
  if (r.status !== 0) {
    console.error(r.stdout?.slice(-4000), r.stderr?.slice(-4000))
    throw new Error('H5 build failed')
  }
}
