// npm run size: a production weapp build, then the weight of the main package and of each
// subpackage (raw and gzip), against WeChat's 2 MB per-package limit and our own budgets.
// Pass --no-build to measure dist/weapp as it is.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const out = join(root, 'dist/weapp')
const KB = 1024
// Budgets fail the script; targets are where we want to stay.
const BUDGET = { main: 600 * KB, sub: 500 * KB }
const TARGET = { main: 400 * KB, sub: 250 * KB }
const WECHAT_LIMIT = 2048 * KB

if (!process.argv.includes('--no-build')) {
  const t = Date.now()
  const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: 'production' }
  })
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr)
    process.exit(r.status ?? 1)
  }
  console.log(`production weapp build: ${((Date.now() - t) / 1000).toFixed(1)} s`)
}
if (!existsSync(join(out, 'app.json'))) {
  console.error('dist/weapp/app.json not found: run without --no-build')
  process.exit(1)
}

const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8'))
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))

function walk(dir) {
  const files = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) files.push(...walk(p))
    else if (!p.endsWith('.map')) files.push(p)
  }
  return files
}

const groups = new Map([['main', { raw: 0, gz: 0, files: [] }]])
for (const r of subRoots) groups.set(r, { raw: 0, gz: 0, files: [] })
for (const f of walk(out)) {
  const rel = relative(out, f).split('\\').join('/')
  const key = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? 'main'
  const buf = readFileSync(f)
  const g = groups.get(key)
  g.raw += buf.length
  g.gz += gzipSync(buf, { level: 9 }).length
  g.files.push([rel, buf.length])
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`
let failed = false
let total = 0
console.log(`${'package'.padEnd(20)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  budget / target`)
for (const [key, g] of groups) {
  const isMain = key === 'main'
  const budget = isMain ? BUDGET.main : BUDGET.sub
  const target = isMain ? TARGET.main : TARGET.sub
  total += g.raw
  const flag = g.raw > budget ? '  OVER BUDGET' : g.raw > target ? '  over target' : ''
  if (g.raw > budget || g.raw > WECHAT_LIMIT) failed = true
  console.log(`${key.padEnd(20)} ${kb(g.raw).padStart(10)} ${kb(g.gz).padStart(10)}  ${kb(budget)} / ${kb(target)}${flag}`)
}
console.log(`${'total'.padEnd(20)} ${kb(total).padStart(10)}  (WeChat: 2 MB per package, 20 MB in all)`)
const main = groups.get('main')
console.log('\nlargest files in the main package:')
for (const [rel, n] of main.files.sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${rel.padEnd(40)} ${kb(n).padStart(10)}`)
if (failed) {
  console.error('\nA package is over its budget.')
  process.exit(1)
}
