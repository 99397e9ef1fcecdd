/**
 * The last step of a production H5 build (`taro build --type h5`, run by config/index.ts's h5
 * section as a webpack plugin, so `npm start`, `npm run build:h5` and the e2e builds all get it):
 *
 * 1. the offline app shell: Workbox's generateSW writes `sw.js`, which precaches every file
 *    of the build (hashed names are taken as they are; index.html by its content revision) and
 *    answers every navigation with index.html from the network, or the precached one when the
 *    network gives nothing in 3 s. Nothing else is routed: `/api/…` calls and `/files/…` photos
 *    always go to the network and are never cached.
 *    Update flow: skipWaiting + clientsClaim. The H5 app is one script bundle (no chunk is
 *    loaded later), so a new worker taking over an open page cannot leave it without a file; the
 *    open page keeps running the build it started with and the next load is the new build. That
 *    needs the page from the network: answered from the precache (as it was at first), the load
 *    after a deploy ran the old build once more, and only the one after it the new
 *    (test/e2e/sw-update.e2e.test.ts). A 「新版本」 prompt would ask a guard mid-form to reload
 *    for nothing they can see.
 * 2. precompression: a `.br` (quality 11) and a `.gz` (level 9) beside each text file, which the
 *    local server (src/cloud/http/server.ts) sends by the request's Accept-Encoding.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Compiler } from 'webpack'

/** Files worth compressing (images and fonts are compressed already). */
export const COMPRESSIBLE = /\.(html|js|css|svg|json|txt|map)$/

function files(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...files(p))
    else out.push(p)
  }
  return out
}

/** Writes `<file>.br` and `<file>.gz` beside each compressible file of `dir`; the bytes written. */
export function precompress(dir: string): { files: number; raw: number; br: number; gz: number } {
  const sum = { files: 0, raw: 0, br: 0, gz: 0 }
  for (const f of files(dir)) {
    if (!COMPRESSIBLE.test(f) || f.endsWith('.LICENSE.txt') || f.endsWith('.map')) continue
    const raw = readFileSync(f)
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
      }
    })
    const gz = gzipSync(raw, { level: 9 })
    writeFileSync(`${f}.br`, br)
    writeFileSync(`${f}.gz`, gz)
    sum.files++
    sum.raw += raw.length
    sum.br += br.length
    sum.gz += gz.length
  }
  return sum
}

/** Writes `dir/sw.js`, the service worker of the offline app shell (see the top of this file). */
export async function writeServiceWorker(dir: string): Promise<{ count: number; size: number }> {
  const { generateSW } = await import('workbox-build')
  const r = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*.{html,js,css,png,jpg,jpeg,svg,ico,woff2,ttf,json}'],
    globIgnores: ['sw.js', '**/*.LICENSE.txt', '**/*.map', '**/*.br', '**/*.gz'],
    swDest: join(dir, 'sw.js'),
    // the worker in one file (no importScripts of a second file)
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // webpack's [contenthash:8] names: the name is the revision
    dontCacheBustURLsMatching: /\.[0-9a-f]{8}\./,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    // `/` is not answered from the precache (it would be the old build's page after a deploy):
    // navigations take the route below
    directoryIndex: null,
    runtimeCaching: [
      {
        // the app is one page with a hash router: every navigation is index.html. From the
        // network first, so the load after a deploy is the new build (a cached page would run
        // the old one once more); with no answer in 3 s, or none at all, the precached
        // index.html, the one page that always matches the precached scripts (nothing else is
        // kept: a page cached on its own could name scripts the precache has dropped)
        urlPattern: ({ request, url }) =>
          request.mode === 'navigate' &&
          !/^\/(api|files)\//.test(url.pathname) &&
          url.pathname !== '/healthz',
        handler: 'NetworkFirst',
        options: {
          cacheName: 'gwt-page',
          networkTimeoutSeconds: 3,
          // functions copied into sw.js as their source text: no async/await here (the build's
          // config is transpiled, and the copy would call babel helpers sw.js does not have)
          plugins: [
            {
              cacheWillUpdate: () => Promise.resolve(null),
              cachedResponseWillBeUsed: () => caches.match('/index.html', { ignoreSearch: true })
            }
          ]
        }
      }
    ],
    cleanupOutdatedCaches: true,
    skipWaiting: true,
    clientsClaim: true
  })
  for (const w of r.warnings) console.warn(`[sw] ${w}`)
  const helper =
    /\b(asyncGeneratorStep|_asyncToGenerator|regeneratorRuntime|_objectSpread\d?|_defineProperty)\b/.exec(
      readFileSync(join(dir, 'sw.js'), 'utf8')
    )
  if (helper) throw new Error(`[sw] sw.js calls ${helper[1]}, which it does not define (see runtimeCaching)`)
  return { count: r.count, size: r.size }
}

/** The webpack plugin: after the build is written, the service worker, then the compressed copies. */
export class H5ShellPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tapPromise('H5ShellPlugin', async (compilation) => {
      const dir = compilation.outputOptions.path
      if (!dir || statSync(dir, { throwIfNoEntry: false }) === undefined) return
      const sw = await writeServiceWorker(dir)
      const c = precompress(dir)
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
      console.log(
        `[h5] sw.js precaches ${sw.count} files (${kb(sw.size)}); ${c.files} files in ${relative(process.cwd(), dir) || '.'} ` +
          `precompressed: ${kb(c.raw)} → br ${kb(c.br)}, gz ${kb(c.gz)}`
      )
    })
  }
}
