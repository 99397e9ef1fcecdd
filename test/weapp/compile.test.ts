/**
 * WeChat's own compilers over the built mini program (dist/weapp-test, built by the global
 * setup): wcc for WXML, wcsc for WXSS, from the npm package miniprogram-compiler (Linux builds
 * of the compilers in WeChat DevTools). Like DevTools, each package's WXML is compiled in one
 * run (a subpackage together with the main package files it imports), with the custom
 * components each page uses; every WXSS is compiled with the files it imports. Any error fails.
 * The check is shown to be real on a copy of the build with a `*` selector / a broken tag.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  appendFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const dir = resolve(root, process.env.WEAPP_DIR ?? 'dist/weapp-test')
const BIN = join(root, 'node_modules/miniprogram-compiler/bin/linux')
const WCC = join(BIN, 'wcc')
const WCSC = join(BIN, 'wcsc')

for (const b of [WCC, WCSC]) {
  // npm does not keep the package's exec bits; the package's own wrapper does the same chmod
  if (existsSync(b) && !(statSync(b).mode & 0o111)) chmodSync(b, 0o755)
}

function files(base: string, ext: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith(ext)) out.push(relative(base, p).split('\\').join('/'))
    }
  }
  walk(base)
  return out.sort()
}

function packages(base: string): { name: string; roots: string[] }[] {
  const app = JSON.parse(readFileSync(join(base, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const subs = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, '') + '/')
  return [{ name: 'main', roots: [] as string[] }, ...subs.map((r) => ({ name: r, roots: [r] }))].map(
    (p) => ({
      ...p,
      roots: p.roots.length ? p.roots : subs.map((s) => '!' + s)
    })
  )
}

function inPackage(file: string, roots: string[]): boolean {
  if (roots[0]?.startsWith('!')) return !roots.some((r) => file.startsWith(r.slice(1)))
  return roots.some((r) => file.startsWith(r))
}

interface Result {
  what: string
  status: number | null
  stderr: string
  out: number
}

/** wcc over one package's WXML (plus the main package files it can import), like DevTools. */
function compileWxml(base: string): Result[] {
  const all = files(base, '.wxml')
  const wxs = files(base, '.wxs')
  const pk = packages(base)
  const mainFiles = all.filter((f) => inPackage(f, pk[0].roots))
  return pk.map((p) => {
    const list = p.name === 'main' ? mainFiles : [...mainFiles, ...all.filter((f) => inPackage(f, p.roots))]
    // custom components used per page: "<count> <page.wxml> <n> <name...> ..."
    const comp: (string | number)[] = []
    let count = 0
    for (const f of list) {
      const json = join(base, f.replace(/\.wxml$/, '.json'))
      if (!existsSync(json)) continue
      const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> })
        .usingComponents
      if (!using || !Object.keys(using).length) continue
      comp.push(f, Object.keys(using).length, ...Object.keys(using))
      count++
    }
    const r = spawnSync(WCC, ['-d', '-cc', [count, ...comp].join(' '), ...list, ...wxs, '-gn', '$gwx'], {
      cwd: base,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024
    })
    if (r.error) throw r.error
    return {
      what: `wxml ${p.name} (${list.length} files)`,
      status: r.status,
      stderr: r.stderr.trim(),
      out: r.stdout.length
    }
  })
}

/** wcsc over every WXSS (each with its @imports resolvable), as page stylesheets. */
function compileWxss(base: string): Result[] {
  const list = files(base, '.wxss')
  const r = spawnSync(WCSC, ['-db', '-pc', String(list.length), ...list], {
    cwd: base,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024
  })
  if (r.error) throw r.error
  return [
    { what: `wxss (${list.length} files)`, status: r.status, stderr: r.stderr.trim(), out: r.stdout.length }
  ]
}

const failed = (rs: Result[]) => rs.filter((r) => r.status !== 0 || /ERR|error/i.test(r.stderr))

describe("WeChat's compilers accept the built mini program", () => {
  beforeAll(() => {
    expect(existsSync(join(dir, 'app.json'))).toBe(true)
  })

  it('wcc compiles the WXML of the main package and of every subpackage', () => {
    const rs = compileWxml(dir)
    expect(rs.length).toBe(packages(dir).length)
    expect(failed(rs)).toEqual([])
    // something was really compiled: every package yields generated code
    for (const r of rs) expect([r.what, r.out > 10_000]).toEqual([r.what, true])
    // every page of app.json has its WXML in the build
    const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as {
      pages: string[]
      subPackages: { root: string; pages: string[] }[]
    }
    const pages = [
      ...app.pages,
      ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))
    ]
    const wxml = new Set(files(dir, '.wxml'))
    expect(pages.filter((p) => !wxml.has(`${p}.wxml`))).toEqual([])
  })

  it('wcsc compiles every WXSS', () => {
    const rs = compileWxss(dir)
    expect(failed(rs)).toEqual([])
    // one compiled stylesheet function per file
    const n = files(dir, '.wxss').length
    const out = spawnSync(WCSC, ['-db', '-pc', String(n), ...files(dir, '.wxss')], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024
    }).stdout
    const parts = out.split('=')
    const keys = parts.filter((_, i) => i % 2 === 0 && i + 1 < parts.length)
    expect(new Set(keys.filter((k) => k.endsWith('.wxss')).map((k) => k.replace(/^\.\//, '')))).toEqual(
      new Set(files(dir, '.wxss'))
    )
  })

  it('the privacy dialog is in the build: agree button binding, __usePrivacyCheck__', () => {
    const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { __usePrivacyCheck__?: boolean }
    expect(app.__usePrivacyCheck__).toBe(true)
    expect(readFileSync(join(dir, 'base.wxml'), 'utf8')).toContain('bindagreeprivacyauthorization="eh"')
  })

  describe('the check is real (on a copy of the build)', () => {
    let copy = ''
    beforeEach(() => {
      copy = mkdtempSync(join(tmpdir(), 'weapp-compile-'))
      cpSync(dir, copy, { recursive: true })
    })
    afterEach(() => rmSync(copy, { recursive: true, force: true }))

    it('a `*` selector, which WeChat rejects, fails the WXSS check', () => {
      const target = files(copy, '.wxss').find((f) => f.startsWith('pages/home/'))!
      appendFileSync(join(copy, target), '\n* { margin: 0 }\n')
      const bad = failed(compileWxss(copy))
      expect(bad.length).toBe(1)
      expect(bad[0].stderr).toContain(target)
      expect(bad[0].stderr).toContain('`*`')
    })

    it('a broken tag fails the WXML check of its package only', () => {
      const target = files(copy, '.wxml').find((f) => f.startsWith('pages/gate/'))!
      appendFileSync(join(copy, target), '\n<view><text>未闭合</view>\n')
      const bad = failed(compileWxml(copy))
      expect(bad.map((b) => b.what)).toEqual([expect.stringMatching(/^wxml pages\/gate\//)])
      expect(bad[0].stderr).toContain(target)
    })
  })
})
