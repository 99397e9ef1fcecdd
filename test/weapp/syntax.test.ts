/**
 * Every .js of the built mini program parses at WeChat's compatibility target and uses no
 * runtime API that target lacks, unless the use is guarded.
 *
 * Target: base library 2.20.2+ runs on iOS 11 (JavaScriptCore of iOS 11.0) and Chrome 66
 * (WeChat's guidance). iOS 11.0 supports ES2017 syntax (async/await, classes, spread in calls
 * and arrays) but not ES2018's object rest/spread, async iteration or RegExp lookbehind, named
 * groups and the s flag (Safari 11.1 / 12 / 16.4), so the parser runs at ecmaVersion 2017:
 * `?.`, `??`, class fields, `||=`, BigInt literals, optional catch binding, `{...x}` all fail.
 *
 * Runtime APIs: WeChat's base library polyfills the standard library with core-js (its docs:
 * "小程序基础库…内置了一份 core-js Polyfill"), so ES2019+ methods such as Object.fromEntries are
 * left to it. What core-js cannot or may not supply there is forbidden unless guarded by a
 * `typeof` test just before the use:
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { parse } from 'acorn'

export const FORBIDDEN_APIS: { name: string; pattern: RegExp; why: string }[] = [
  {
    name: 'TextEncoder',
    pattern: /\bTextEncoder\b/g,
    why: 'WHATWG API: absent on phones (DevTools has it); use src/domain/utf8.ts'
  },
  { name: 'TextDecoder', pattern: /\bTextDecoder\b/g, why: 'WHATWG API: absent on phones' },
  {
    name: 'structuredClone',
    pattern: /\bstructuredClone\b/g,
    why: 'HTML API: absent in the mini program runtime'
  },
  {
    name: 'Object.hasOwn',
    pattern: /\bObject\.hasOwn\b/g,
    why: 'ES2022 (iOS 15.4, Chrome 93); core-js of the base library not guaranteed to have it'
  },
  { name: 'BigInt', pattern: /\bBigInt(64Array)?\b/g, why: 'iOS 14 / Chrome 67; cannot be polyfilled' },
  { name: 'WeakRef', pattern: /\bWeakRef\b/g, why: 'iOS 14.5 / Chrome 84; cannot be polyfilled' },
  {
    name: 'FinalizationRegistry',
    pattern: /\bFinalizationRegistry\b/g,
    why: 'iOS 14.5 / Chrome 84; cannot be polyfilled'
  },
  {
    name: 'globalThis',
    pattern: /\bglobalThis\b/g,
    why: 'iOS 12.2 / Chrome 71; provided by config/globalThis.js where modules read it'
  },
  {
    name: 'queueMicrotask',
    pattern: /\bqueueMicrotask\b/g,
    why: 'HTML API: absent in the mini program runtime'
  },
  { name: 'Intl.Segmenter', pattern: /\bIntl\.Segmenter\b/g, why: 'iOS 14.5 / Chrome 87' }
]

/** Uses of a forbidden API not preceded (within 300 characters) by `typeof <name>`. */
export function unguardedUses(code: string): { name: string; at: number; near: string }[] {
  const out: { name: string; at: number; near: string }[] = []
  for (const api of FORBIDDEN_APIS) {
    const guard = `typeof ${api.name}`
    for (const m of code.matchAll(api.pattern)) {
      const at = m.index ?? 0
      const before = code.slice(Math.max(0, at - 300), at + m[0].length)
      if (before.includes(guard)) continue
      out.push({ name: api.name, at, near: code.slice(Math.max(0, at - 60), at + 60) })
    }
  }
  return out
}

export function syntaxProblem(code: string): string | undefined {
  try {
    parse(code, { ecmaVersion: 2017, sourceType: 'script', allowHashBang: false })
    return undefined
  } catch (e) {
    const err = e as SyntaxError & { pos?: number }
    return `${err.message} near ${JSON.stringify(code.slice(Math.max(0, (err.pos ?? 0) - 40), (err.pos ?? 0) + 40))}`
  }
}

const root = resolve(__dirname, '../..')
const dir = resolve(root, process.env.WEAPP_DIR ?? 'dist/weapp-test')

function jsFiles(d: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name)
    if (e.isDirectory()) out.push(...jsFiles(p))
    else if (e.name.endsWith('.js')) out.push(p)
  }
  return out.sort()
}

describe('the checks themselves', () => {
  it('reject syntax newer than ES2017', () => {
    for (const code of [
      'a?.b',
      'a ?? b',
      'class A { x = 1 }',
      'a ||= 1',
      'const n = 1n',
      'const o = { ...a }',
      'const { a, ...rest } = o',
      'try {} catch {}',
      'async function f() { for await (const x of y) {} }',
      'const r = /(?<y>\\d{4})/',
      'const r = /(?<=a)b/',
      'const r = /a.b/s',
      'a ** b' // ES2016: allowed, as a control
    ])
      expect([code, !!syntaxProblem(code)]).toEqual([code, code !== 'a ** b'])
    expect(
      syntaxProblem('async function f() { const [a, ...b] = await g(); return class X extends Y {} }')
    ).toBeUndefined()
  })

  it('find unguarded runtime APIs and let typeof-guarded ones pass', () => {
    expect(unguardedUses('var e = new TextEncoder().encode(s)').map((u) => u.name)).toEqual(['TextEncoder'])
    expect(
      unguardedUses('Object.hasOwn(o, k) && BigInt(1)')
        .map((u) => u.name)
        .sort()
    ).toEqual(['BigInt', 'Object.hasOwn'])
    expect(unguardedUses('var g = globalThis.x')).toHaveLength(1)
    expect(
      unguardedUses(
        'var r = "undefined" !== typeof FinalizationRegistry ? new FinalizationRegistry(f) : void 0'
      )
    ).toEqual([])
    expect(unguardedUses('if ("object" === typeof globalThis) return globalThis')).toEqual([])
  })
})

describe('built mini program JavaScript', () => {
  const files = existsSync(dir) ? jsFiles(dir) : []

  it('exists', () => {
    expect(existsSync(join(dir, 'app.json'))).toBe(true)
    expect(files.length).toBeGreaterThan(20)
  })

  it('parses at ES2017 (iOS 11, Chrome 66), every file', () => {
    const bad = files
      .map((f) => [relative(dir, f), syntaxProblem(readFileSync(f, 'utf8'))])
      .filter(([, p]) => p)
    expect(bad).toEqual([])
  })

  it('uses no runtime API missing on iOS 11 / Chrome 66 without a guard', () => {
    const bad = files.flatMap((f) =>
      unguardedUses(readFileSync(f, 'utf8')).map((u) => `${relative(dir, f)}: ${u.name} … ${u.near}`)
    )
    expect(bad).toEqual([])
  })
})
