// `npm start`: builds what is missing or stale, then runs the local server on 127.0.0.1.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join, resolve } from 'node:path'
import { buildServer } from './build-server.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const h5Index = join(root, 'dist/h5/index.html')
const srcTime = Math.max(newest(join(root, 'src')), newest(join(root, 'config')))
if (!existsSync(h5Index) || statSync(h5Index).mtimeMs < srcTime) {
  console.log('正在构建 H5 版本（约半分钟）…')
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
await buildServer()
const child = spawn(process.execPath, ['--enable-source-maps', join(root, 'dist/server/main.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: process.env
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
