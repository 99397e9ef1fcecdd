// Bundles each cloud function into dist/cloudfunctions/<fn>/ for upload from WeChat DevTools:
// index.js (everything but wx-server-sdk, which the cloud installs), package.json, config.json
// (timeout, timer trigger, subscribe-message permission), and dist/cloudfunctions/indexes.json,
// the index manifest from src/cloud/data/schema.ts that `npm run cloud:indexes` applies.
import { build } from 'esbuild'
import { mkdirSync, writeFileSync, statSync, rmSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, resolve } from 'node:path'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const outRoot = resolve(root, process.env.CLOUD_OUT ?? 'dist/cloudfunctions')

/** The function specs and the schema, read from the TypeScript sources the bundles use. */
async function loadSources() {
  const tmp = resolve(root, '.jest-cache', `build-cloud-${process.pid}.mjs`)
  mkdirSync(dirname(tmp), { recursive: true })
  await build({
    stdin: {
      contents:
        "export { FUNCTION_SPECS } from './src/cloud/functions/spec'\nexport { COLLECTIONS } from './src/cloud/data/schema'\nexport { indexManifest } from './src/cloud/functions/indexes'\n",
      resolveDir: root,
      loader: 'ts'
    },
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  })
  try {
    return await import(pathToFileURL(tmp).href)
  } finally {
    rmSync(tmp, { force: true })
  }
}

const { FUNCTION_SPECS, indexManifest } = await loadSources()

for (const [fn, spec] of Object.entries(FUNCTION_SPECS)) {
  const out = resolve(outRoot, fn)
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
      {
        name: fn,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        dependencies: { 'wx-server-sdk': '~3.0.1' }
      },
      null,
      2
    ) + '\n'
  )
  writeFileSync(
    resolve(out, 'config.json'),
    JSON.stringify(
      { permissions: { openapi: [...spec.openapi] }, timeout: spec.timeout, triggers: [...spec.triggers] },
      null,
      2
    ) + '\n'
  )
  const env = spec.requiredEnv.length ? `  needs ${spec.requiredEnv.join(', ')}` : ''
  console.log(
    `dist/cloudfunctions/${fn}/index.js  ${(statSync(resolve(out, 'index.js')).size / 1024).toFixed(1)} KB  timeout ${spec.timeout} s${env}`
  )
}

const manifest = indexManifest()
writeFileSync(resolve(outRoot, 'indexes.json'), JSON.stringify(manifest, null, 2) + '\n')
const n = manifest.collections.reduce((s, c) => s + c.create_indexes.length, 0)
console.log(
  `dist/cloudfunctions/indexes.json  ${manifest.collections.length} collections, ${n} indexes (apply: npm run cloud:indexes)`
)
