/**
 * What the mini program's main package carries of our own code: every module reachable from the
 * app and the main pages (home, login, me) lands there; everything else goes to the subpackages
 * that use it (Taro's optimizeMainPackage). This follows the same imports with esbuild (type-only
 * imports vanish, as in the real build) and checks that the gate, patrol and task schemas, the
 * whole contract, the script library and the subpackage-only stores stay out of it.
 */
import { build, type Plugin } from 'esbuild'
import { join, relative } from 'node:path'

const root = join(__dirname, '../..')
const MAIN_ENTRIES = [
  'src/app.ts',
  'src/pages/home/index.tsx',
  'src/pages/login/index.tsx',
  'src/pages/me/index.tsx'
]

/** Packages and styles are not ours: leave them out of the graph. */
const external: Plugin = {
  name: 'ours-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => ({ path: a.path, external: true }))
    b.onResolve({ filter: /\.s?css$/ }, (a) => ({ path: a.path, external: true }))
  }
}

async function reachable(entries: string[]): Promise<string[]> {
  const r = await build({
    entryPoints: entries.map((e) => join(root, e)),
    bundle: true,
    write: false,
    metafile: true,
    outdir: '/tmp/main-package-test',
    format: 'esm',
    splitting: true,
    platform: 'neutral',
    logLevel: 'silent',
    plugins: [external]
  })
  return Object.keys(r.metafile.inputs).map((p) => relative(root, join(root, p)).split('\\').join('/'))
}

const NOT_IN_MAIN = [
  'src/domain/contract/index.ts',
  'src/domain/contract/gate.ts',
  'src/domain/contract/patrol.ts',
  'src/domain/contract/work.ts',
  'src/domain/contract/staff.ts',
  'src/domain/contract/scripts.ts',
  'src/pages/scripts/model/index.ts',
  'src/components/ScriptRunner/model.ts',
  'src/pages/supervisor/model/staff.ts'
]

describe('the main package', () => {
  it('carries the core of the contract and none of the areas', async () => {
    const inMain = await reachable(MAIN_ENTRIES)
    expect(inMain).toContain('src/domain/contract/core.ts')
    expect(inMain).toContain('src/stores/outbox.ts')
    expect(inMain.filter((p) => NOT_IN_MAIN.includes(p))).toEqual([])
    expect(inMain.filter((p) => p.startsWith('src/domain/scripts/'))).toEqual([])
  })

  it('the check sees an area when something imports it', async () => {
    // The gate store (a subpackage module) does pull the gate schemas: the graph is real.
    const gate = await reachable(['src/pages/gate/model/gate.ts'])
    expect(gate).toContain('src/domain/contract/gate.ts')
    const sup = await reachable(['src/pages/supervisor/index.tsx'])
    expect(sup).toContain('src/pages/scripts/model/overview.ts')
  })

  it('the scripts read receipts could join it: their store pulls in no script library and no scripts schemas', async () => {
    const acks = await reachable(['src/stores/scriptAcks.ts'])
    expect(acks).toContain('src/stores/scriptAcks.ts')
    expect(acks.filter((p) => p.startsWith('src/domain/scripts/') || p.startsWith('src/pages/'))).toEqual([])
    expect(acks).not.toContain('src/domain/contract/scripts.ts')
    expect(acks).not.toContain('src/domain/contract/index.ts')
  })

  it('the supervisor’s overview of scripts does not carry the script library', async () => {
    const sup = await reachable(['src/pages/supervisor/index.tsx'])
    expect(sup.filter((p) => p.startsWith('src/domain/scripts/library/'))).toEqual([])
  })
})
