// npm run bench: bundles each benchmark in config/bench with esbuild and runs it; prints figures.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
for (const name of (process.env.BENCH_ONLY ?? 'dispatcher,outbox,gate,patrol,work,cloud,rooms,guess,heavy,h5,report').split(',')) {
  const outfile = resolve(root, `dist/bench/${name}.js`)
  await build({
    entryPoints: [resolve(root, `config/bench/${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // the CloudBase bench runs the real wx-server-sdk (and the test engine's bson and mingo) from node_modules
    external: ['better-sqlite3', 'playwright-core', 'wx-server-sdk', 'bson', 'mingo'],
    logLevel: 'warning'
  })
  const r = spawnSync(process.execPath, [outfile], { stdio: 'inherit', env: process.env })
  if (r.status !== 0) process.exit(r.status ?? 1)
  console.log('')
}
