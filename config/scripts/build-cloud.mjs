// Bundles each cloud function into dist/cloudfunctions/<fn>/ for upload from WeChat DevTools:
// index.js (everything but wx-server-sdk, which the cloud installs), package.json, config.json.
import { build } from 'esbuild'
import { mkdirSync, writeFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const FUNCTIONS = {
  auth: { timeout: 5, triggers: [] },
  staff: { timeout: 5, triggers: [] },
  admin: { timeout: 10, triggers: [] },
  // cron: every hour at minute 7 (CloudBase cron has 7 fields: s m h d M w y)
  cron: { timeout: 60, triggers: [{ name: 'hourly', type: 'timer', config: '0 7 * * * * *' }] }
}

for (const [fn, spec] of Object.entries(FUNCTIONS)) {
  const out = resolve(root, 'dist/cloudfunctions', fn)
  mkdirSync(out, { recursive: true })
  await build({
    entryPoints: [resolve(root, 'src/cloud/functions', `${fn}.ts`)],
    outfile: resolve(out, 'index.js'),
    bundle: true,
    platform: 'node',
    // CloudBase offers Node 16 and up
    target: 'node16',
    format: 'cjs',
    minify: true,
    external: ['wx-server-sdk'],
    logLevel: 'warning'
  })
  writeFileSync(
    resolve(out, 'package.json'),
    JSON.stringify(
      { name: fn, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': '~3.0.1' } },
      null,
      2
    ) + '\n'
  )
  writeFileSync(
    resolve(out, 'config.json'),
    JSON.stringify({ permissions: { openapi: [] }, timeout: spec.timeout, triggers: spec.triggers }, null, 2) + '\n'
  )
  console.log(`dist/cloudfunctions/${fn}/index.js  ${(statSync(resolve(out, 'index.js')).size / 1024).toFixed(1)} KB`)
}
