// npm run bench: bundles config/bench/dispatcher.ts with esbuild and runs it; prints figures.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const outfile = resolve(root, 'dist/bench/dispatcher.js')
await build({
  entryPoints: [resolve(root, 'config/bench/dispatcher.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3'],
  logLevel: 'warning'
})
const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env: process.env })
process.exit(r.status ?? 1)
