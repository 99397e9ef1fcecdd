// Bundles the local server (src/cloud/http/main.ts) into dist/server/main.js.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { dirname, resolve } from 'node:path'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export async function buildServer() {
  await build({
    entryPoints: [resolve(root, 'src/cloud/http/main.ts')],
    outfile: resolve(root, 'dist/server/main.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    external: ['better-sqlite3'],
    logLevel: 'warning'
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer()
