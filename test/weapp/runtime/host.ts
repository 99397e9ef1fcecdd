/* eslint-disable @typescript-eslint/no-explicit-any -- the host handles the untyped objects of the built mini program and of Taro's runtime */
/**
 * A WeChat mini-program host in Node for the built dist/weapp: the logic layer only.
 *
 * Each Phone is one WeChat client: its own vm context (no window, document or TextEncoder, as
 * on a phone), the mini program's files loaded by a CommonJS `require` with WeChat's package
 * rules (a subpackage cannot require another subpackage's files), `App`/`Page`/`Component`
 * registration, a page stack with WeChat's navigation semantics, and a `wx` whose every real
 * API name (from miniprogram-api-typings) exists but throws — and fails the test — unless the
 * host implements it. Taro's runtime and React run unmodified; a page is rendered when Taro
 * calls the page instance's `setData`, and the host reads that data tree through the
 * templates of base.wxml (which element each node is, which events it binds) and taps by
 * calling the page's `eh` as WeChat does, bubbling through every ancestor that binds `tap`.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync
} from 'node:fs'
import { randomUUID } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { join, posix, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'
import vm from 'node:vm'
import * as ts from 'typescript'

type Dict = Record<string, any>

// ---------------------------------------------------------------------------------------------
// The real wx API names, from the typings WeChat publishes.

let apiNames: Set<string> | undefined
export function wxApiNames(): Set<string> {
  if (apiNames) return apiNames
  const file = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts')
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false)
  const names = new Set<string>()
  const visit = (n: ts.Node) => {
    if (ts.isInterfaceDeclaration(n) && n.name.text === 'Wx')
      for (const m of n.members) if (m.name) names.add(m.name.getText(sf))
    ts.forEachChild(n, visit)
  }
  visit(sf)
  if (names.size < 300) throw new Error(`only ${names.size} wx API names found in the typings`)
  apiNames = names
  return names
}

// ---------------------------------------------------------------------------------------------
// base.wxml: what each data-tree node renders as.

export interface Template {
  tag: string
  /** attribute name -> data key of the node (`value` -> `p25`) */
  keys: Record<string, string>
  /** event name -> bound with bind or catch */
  events: Record<string, 'bind' | 'catch'>
  text: boolean
}

export function parseTemplates(baseWxml: string): Map<string, Template> {
  const out = new Map<string, Template>()
  const re = /<template name="tmpl_0_([^"]+)">([\s\S]*?)<\/template>/g
  let m: RegExpExecArray | null
  while ((m = re.exec(baseWxml))) {
    const [, name, body] = m
    if (/^\s*<block>\{\{i\.v\}\}<\/block>\s*$/.test(body)) {
      out.set(name, { tag: '#text', keys: {}, events: {}, text: true })
      continue
    }
    const el = /<([a-z-]+)((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/.exec(body)
    if (!el) continue
    const keys: Record<string, string> = {}
    const events: Record<string, 'bind' | 'catch'> = {}
    for (const a of el[2].matchAll(/([\w:-]+)="([^"]*)"/g)) {
      const ev = /^(bind|catch):?([a-z]+)$/.exec(a[1])
      if (ev && a[2] === 'eh') events[ev[2]] = ev[1] as 'bind' | 'catch'
      else {
        const k = /\bi\.(\w+)/.exec(a[2])
        if (k) keys[a[1]] = k[1]
      }
    }
    out.set(name, { tag: el[1], keys, events, text: false })
  }
  // An input is a template choosing its focus or blur variant.
  for (const [name, t] of out)
    if (t.tag === 'template' && out.has(`${name}_focus`)) out.set(name, out.get(`${name}_focus`)!)
  return out
}

/** One element of a rendered page, read from the page's data. */
export interface El {
  tag: string
  id: string
  sid: string
  attrs: Dict
  cls: string
  text: string
  /** has text of its own (not only in child elements) */
  own: boolean
  children: El[]
  parent?: El
  tpl: Template
}

export const norm = (s: string) => s.replace(/\s+/g, ' ').trim()

// ---------------------------------------------------------------------------------------------
// Files: a real small PNG for the camera.

function crc32(buf: Buffer): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}
export function smallPng(w = 8, h = 8): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(td))
    return Buffer.concat([len, td, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const rows = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) rows.set([40 * x, 30 * y, 200], y * (w * 3 + 1) + 1 + x * 3)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0))
  ])
}

// ---------------------------------------------------------------------------------------------
// Compiled files, shared by every phone of a run.

const scripts = new Map<string, vm.Script>()
function compiled(file: string): vm.Script {
  let s = scripts.get(file)
  if (!s) {
    const src = readFileSync(file, 'utf8')
    s = new vm.Script(
      `(function (require, module, exports, window, document, frames, self, location, navigator, localStorage, history, Caches, screen, alert, confirm, prompt, XMLHttpRequest, WebSocket) {${src}\n})`,
      { filename: file }
    )
    scripts.set(file, s)
  }
  return s
}

// ---------------------------------------------------------------------------------------------

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; text?: string }[] }
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc: string }>
}

/**
 * WeChat's cloud as a phone reaches it through wx.cloud (the cloud build): the environments that
 * exist, the functions deployed in each, run once per call with the caller's OPENID, and the
 * environment's storage. The cloud world (cloudWorld.ts) backs it with the built bundles, the
 * unmodified wx-server-sdk and the CloudBase test engine.
 */
export interface CloudBackend {
  readonly appId: string
  hasEnv(env: string): boolean
  hasFunction(env: string, name: string): boolean
  /** One invocation: resolves with what the function's main returned, rejects with what it threw. */
  invoke(env: string, name: string, event: Dict, openid: string): Promise<unknown>
  /** Stores an upload's bytes; answers the file id (`cloud://<env>.<bucket>/<cloudPath>`). */
  putFile(env: string, cloudPath: string, bytes: Buffer): string
}

export interface PhoneOptions {
  /** the built mini program */
  dir: string
  /** the HTTPS base the build talks to, and the local server standing in for it (HTTP builds) */
  apiBase?: string
  serverUrl?: string
  /** the cloud a cloud build calls through wx.cloud, and this WeChat user's OPENID in it */
  cloud?: { backend: CloudBackend; openid: string }
  /** a folder of its own for the phone's files */
  tmp: string
  platform?: 'android' | 'ios'
  name?: string
}

interface PageInst extends Dict {
  route: string
  __route__: string
  data: Dict
}

const PRIVACY_APIS = new Set([
  'scanCode',
  'chooseMedia',
  'chooseImage',
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'startWifi',
  'getConnectedWifi',
  'setClipboardData',
  'getClipboardData'
])

export class Phone {
  readonly name: string
  readonly failures: string[] = []
  readonly log: string[] = []
  readonly toasts: string[] = []
  readonly modals: { title: string; content: string }[] = []
  readonly shared: { fileName: string; text: string }[] = []
  /** pictures offered with wx.showShareImageMenu: the file and the canvas calls that drew it */
  readonly sharedImages: { path: string; width: number; height: number; calls: string[] }[] = []
  /** the Canvas 2D nodes handed out, by the canvas element's id */
  private canvases = new Map<string, CanvasNode>()
  private canvasFiles = new Map<string, { width: number; height: number; calls: string[] }>()
  readonly requests: { url: string; status: number }[] = []
  /** files put in cloud storage with wx.cloud.uploadFile */
  readonly uploads: { cloudPath: string; fileID: string }[] = []
  clipboard = ''
  /** answers the next scanCode calls, in order */
  readonly scanResults: string[] = []
  /** answers showModal: true = 确定 */
  readonly modalAnswers: boolean[] = []
  position = { latitude: 22.5431, longitude: 114.0579, accuracy: 12 }
  /** the Wi-Fi the phone is connected to (attendance sends its BSSID at 上岗/下岗); null: not connected */
  wifi: { SSID: string; BSSID: string } | null = { SSID: 'guard-post', BSSID: 'aa:bb:cc:dd:ee:01' }
  private wifiStarted = false
  online = true
  privacyAgreed = false
  readonly storage = new Map<string, string>()
  readonly app: AppJson
  readonly stack: PageInst[] = []

  private readonly ctx: vm.Context
  private readonly modules = new Map<string, { exports: any }>()
  private readonly pageConfigs = new Map<string, Dict>()
  private readonly tabPages = new Map<string, PageInst>()
  private readonly templates: Map<string, Template>
  private readonly names = wxApiNames()
  private appConfig: Dict | undefined
  private loadingRoute: string | undefined
  private timers = new Map<number, { t: NodeJS.Timeout; interval: boolean; due: number }>()
  private nextTimer = 1
  private inflight = 0
  private navigating = 0
  private readonly listeners: Record<string, ((...a: any[]) => void)[]> = {}
  private privacyListener: ((resolve: (r: Dict) => void) => void) | undefined
  private nfcListeners: ((r: Dict) => void)[] = []
  private nfcOn = false
  private fileSeq = 0
  private readonly JSONc: JSON
  private readonly PromiseC: PromiseConstructor
  private closed = false
  private readonly onRejection = (reason: unknown, promise: Promise<unknown>) => {
    if (promise instanceof this.PromiseC) this.fail(`unhandled rejection: ${errText(reason)}`)
  }
  private readonly realProcess: NodeJS.Process = vm.runInThisContext('process')

  constructor(private readonly opts: PhoneOptions) {
    this.name = opts.name ?? 'phone'
    this.app = JSON.parse(readFileSync(join(opts.dir, 'app.json'), 'utf8'))
    this.templates = parseTemplates(readFileSync(join(opts.dir, 'base.wxml'), 'utf8'))
    mkdirSync(join(opts.tmp, 'usr'), { recursive: true })
    mkdirSync(join(opts.tmp, 'tmp'), { recursive: true })
    const guard =
      <A extends unknown[]>(what: string, f: (...a: A) => unknown) =>
      (...a: A) =>
        this.guard(what, () => f(...a))
    const timer =
      (interval: boolean) =>
      (fn: (...a: unknown[]) => void, ms = 0, ...args: unknown[]) => {
        const id = this.nextTimer++
        if (typeof fn !== 'function') return id
        const run = () => {
          if (!interval) this.timers.delete(id)
          else this.timers.get(id)!.due = Date.now() + Number(ms)
          this.guard('timer', () => fn(...args))
        }
        const t = interval ? setInterval(run, ms) : setTimeout(run, ms)
        this.timers.set(id, { t, interval, due: Date.now() + Number(ms || 0) })
        return id
      }
    const clear = (id: number) => {
      const x = this.timers.get(id)
      if (x) (x.interval ? clearInterval : clearTimeout)(x.t)
      this.timers.delete(id)
    }
    const consoleFor = () => {
      const fmt = (a: unknown[]) => a.map((x) => (typeof x === 'string' ? x : errText(x))).join(' ')
      return {
        log: (...a: unknown[]) => this.log.push(`log ${fmt(a)}`),
        info: (...a: unknown[]) => this.log.push(`info ${fmt(a)}`),
        debug: (...a: unknown[]) => this.log.push(`debug ${fmt(a)}`),
        warn: (...a: unknown[]) => this.log.push(`warn ${fmt(a)}`),
        error: (...a: unknown[]) => this.fail(`console.error: ${fmt(a)}`),
        group() {},
        groupEnd() {},
        time() {},
        timeEnd() {},
        trace: (...a: unknown[]) => this.log.push(`trace ${fmt(a)}`)
      }
    }
    this.ctx = vm.createContext({
      console: consoleFor(),
      setTimeout: timer(false),
      setInterval: timer(true),
      clearTimeout: clear,
      clearInterval: clear,
      App: guard('App()', (c: Dict) => this.registerApp(c)),
      Page: guard('Page()', (c: Dict) => this.registerPage(c)),
      Component: guard('Component()', () => undefined),
      Behavior: (c: Dict) => c,
      getApp: () => this.appConfig,
      getCurrentPages: () => [...this.stack],
      requirePlugin: (n: string) => {
        this.fail(`requirePlugin(${n}): no plugin is declared`)
        throw new Error(`requirePlugin ${n}`)
      }
    })
    this.JSONc = vm.runInContext('JSON', this.ctx)
    this.PromiseC = vm.runInContext('Promise', this.ctx)
    this.ctx.wx = this.makeWx()
    this.realProcess.on('unhandledRejection', this.onRejection)
  }

  // ---- failures ---------------------------------------------------------------------------

  fail(msg: string): void {
    if (this.closed) return
    this.failures.push(msg)
  }
  private guard<T>(what: string, f: () => T): T | undefined {
    try {
      return f()
    } catch (e) {
      this.fail(`${what} threw: ${errText(e)}`)
      return undefined
    }
  }
  /** Throws when anything failed on this phone so far (with the log). */
  assertHealthy(): void {
    if (this.failures.length) {
      const f = this.failures.splice(0)
      throw new Error(
        `${this.name}: ${f.length} failure(s) in the mini program\n- ${f.join('\n- ')}\nlast log:\n${this.log.slice(-15).join('\n')}`
      )
    }
  }

  // ---- modules ----------------------------------------------------------------------------

  private packageOf(file: string): string {
    const rel = posix.normalize(file).replace(/^\//, '')
    const sub = (this.app.subPackages ?? []).find((s) => rel.startsWith(s.root.replace(/\/?$/, '/')))
    return sub ? sub.root : ''
  }

  /** WeChat's require: paths relative to the requiring file, '.js' optional, one instance each. */
  require(from: string, path: string): any {
    let p = path.startsWith('/') ? path : posix.join(posix.dirname(from), path)
    p = posix.normalize(p)
    if (!p.endsWith('.js')) p += '.js'
    const cached = this.modules.get(p)
    if (cached) return cached.exports
    const fromPkg = this.packageOf(from)
    const toPkg = this.packageOf(p)
    if (toPkg && toPkg !== fromPkg) {
      const msg = `module '${p.slice(1)}' is not defined, require args is '${path}' (required from ${from} in ${fromPkg ? 'subpackage ' + fromPkg : 'the main package'})`
      this.fail(msg)
      throw new Error(msg)
    }
    const file = join(this.opts.dir, p)
    if (!existsSync(file)) {
      const msg = `module '${p.slice(1)}' is not defined (required from ${from})`
      this.fail(msg)
      throw new Error(msg)
    }
    const module = { exports: {} as any }
    this.modules.set(p, module)
    const fn = compiled(file).runInContext(this.ctx)
    fn.call(module.exports, (x: string) => this.require(p, x), module, module.exports)
    return module.exports
  }

  // ---- app and pages ----------------------------------------------------------------------

  private registerApp(c: Dict) {
    if (this.appConfig) throw new Error('App() called twice')
    this.appConfig = c
  }
  private registerPage(c: Dict) {
    if (!this.loadingRoute) throw new Error('Page() called outside a page file')
    this.pageConfigs.set(this.loadingRoute, c)
  }

  private allPages(): string[] {
    return [
      ...this.app.pages,
      ...(this.app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))
    ]
  }
  isTab(route: string): boolean {
    return !!this.app.tabBar?.list.some((t) => t.pagePath === route)
  }

  /** Starts the mini program as WeChat does on a cold start, with the first page of app.json. */
  async launch(path = this.app.pages[0]): Promise<void> {
    this.guard('app.js', () => this.require('/', '/app.js'))
    if (!this.appConfig) throw new Error('app.js did not call App()')
    const opts = { path, query: {}, scene: 1001, referrerInfo: {} }
    this.guard('App.onLaunch', () => this.appConfig!.onLaunch?.call(this.appConfig, opts))
    this.guard('App.onShow', () => this.appConfig!.onShow?.call(this.appConfig, opts))
    this.emit('appShow', opts)
    await this.open(path, {})
    await this.settle()
  }

  private pageConfig(route: string): Dict {
    let c = this.pageConfigs.get(route)
    if (!c) {
      this.loadingRoute = route
      try {
        this.require(`/${route}.js`, `/${route}.js`)
      } finally {
        this.loadingRoute = undefined
      }
      c = this.pageConfigs.get(route)
      if (!c) throw new Error(`${route}.js did not call Page()`)
    }
    return c
  }

  private async open(route: string, query: Dict): Promise<PageInst> {
    const config = this.pageConfig(route)
    const inst: PageInst = { route, __route__: route, options: query, data: {} }
    for (const [k, v] of Object.entries(config))
      inst[k] = typeof v === 'function' ? v : k === 'data' ? this.JSONc.parse(JSON.stringify(v ?? {})) : v
    let first = true
    inst.setData = (data: Dict, cb?: () => void) =>
      this.setData(inst, data, () => {
        this.guard('setData callback', () => cb?.())
        if (first) {
          first = false
          this.guard(`${route} onReady`, () => inst.onReady?.call(inst))
        }
      })
    inst.selectComponent = () => null
    inst.selectAllComponents = () => []
    inst.createSelectorQuery = () => this.selectorQuery()
    inst.getOpenerEventChannel = () => ({ emit() {}, on() {}, once() {}, off() {} })
    this.stack.push(inst)
    if (this.isTab(route)) this.tabPages.set(route, inst)
    this.guard(`${route} onLoad`, () => inst.onLoad?.call(inst, query))
    this.guard(`${route} onShow`, () => inst.onShow?.call(inst))
    return inst
  }

  private setData(inst: PageInst, data: Dict, done: () => void) {
    let json: string
    try {
      json = JSON.stringify(data)
    } catch (e) {
      this.fail(`setData on ${inst.route} with data that is not JSON: ${errText(e)}`)
      return
    }
    if (json.length > 1024 * 1024)
      this.fail(`setData on ${inst.route}: ${json.length} bytes, over WeChat's 1 MB`)
    const copy = this.JSONc.parse(json)
    for (const [path, value] of Object.entries(copy)) setPath(inst.data, path, value)
    setTimeout(done, 0)
  }

  private hide(p: PageInst | undefined) {
    if (p) this.guard(`${p.route} onHide`, () => p.onHide?.call(p))
  }
  private unload(p: PageInst) {
    this.guard(`${p.route} onUnload`, () => p.onUnload?.call(p))
    if (this.tabPages.get(p.route) === p) this.tabPages.delete(p.route)
  }

  private resolveUrl(url: string): { route: string; query: Dict } {
    const [path, qs = ''] = url.split('?')
    const base = this.current ? posix.dirname(`/${this.current.route}`) : '/'
    const route = posix.normalize(path.startsWith('/') ? path : posix.join(base, path)).replace(/^\//, '')
    const query: Dict = {}
    for (const kv of qs.split('&').filter(Boolean)) {
      const i = kv.indexOf('=')
      query[i < 0 ? kv : kv.slice(0, i)] = i < 0 ? '' : kv.slice(i + 1)
    }
    return { route, query }
  }

  /** `typeof` each global name inside the phone. */
  globalTypes(names: string[]): Record<string, string> {
    return Object.fromEntries(names.map((n) => [n, vm.runInContext(`typeof ${n}`, this.ctx) as string]))
  }

  /** Runs a line of code inside the phone (for the host's own tests). */
  run(code: string): unknown {
    return this.guard('run', () => vm.runInContext(code, this.ctx))
  }

  /** The phone's wx, as the mini program sees it. */
  get wx(): Dict {
    return this.ctx.wx
  }

  get current(): PageInst | undefined {
    return this.stack[this.stack.length - 1]
  }

  private async navigate(kind: string, o: Dict): Promise<void> {
    const { route, query } = o.url !== undefined ? this.resolveUrl(String(o.url)) : { route: '', query: {} }
    if (kind !== 'navigateBack') {
      if (!this.allPages().includes(route)) throw new Error(`page "${route}" is not found`)
      const tab = this.isTab(route)
      if ((kind === 'navigateTo' || kind === 'redirectTo') && tab)
        throw new Error(`can not ${kind} a tabbar page`)
      if (kind === 'switchTab' && !tab) throw new Error('can not switch to no-tabBar page')
      if (kind === 'navigateTo' && this.stack.length >= 10) throw new Error('webview count limit exceed')
    }
    if (kind === 'navigateTo') {
      this.hide(this.current)
      await this.open(route, query)
    } else if (kind === 'redirectTo') {
      const top = this.stack.pop()
      if (top) this.unload(top)
      await this.open(route, query)
    } else if (kind === 'navigateBack') {
      const delta = Math.max(1, Number(o.delta ?? 1))
      if (this.stack.length <= 1) throw new Error('cannot navigate back at first page.')
      for (let i = 0; i < delta && this.stack.length > 1; i++) this.unload(this.stack.pop()!)
      const top = this.current!
      this.guard(`${top.route} onShow`, () => top.onShow?.call(top))
    } else if (kind === 'switchTab') {
      const top = this.current
      // every page above the tab pages closes; the tab pages stay alive
      while (this.stack.length && !this.isTab(this.current!.route)) this.unload(this.stack.pop()!)
      const kept = this.tabPages.get(route)
      if (top && this.isTab(top.route) && top.route !== route) this.hide(top)
      this.stack.length = 0
      if (kept) {
        this.stack.push(kept)
        if (top !== kept) this.guard(`${route} onShow`, () => kept.onShow?.call(kept))
      } else await this.open(route, {})
    } else if (kind === 'reLaunch') {
      while (this.stack.length) this.unload(this.stack.pop()!)
      for (const p of this.tabPages.values()) this.unload(p)
      this.tabPages.clear()
      await this.open(route, query)
    }
  }

  // ---- reading and acting -----------------------------------------------------------------

  /** The current page's element tree, as the data Taro gave setData describes it. */
  tree(page = this.current): El {
    const hidden = (it: Dict) => /display:\s*none/.test(String(it.st ?? ''))
    const textOf = (items: Dict[] | undefined): string =>
      (items ?? [])
        .map((it) => {
          const tpl = this.templates.get(String(it.nn))
          if (!tpl || hidden(it)) return ''
          return tpl.text ? String(it.v ?? '') : textOf(it.cn)
        })
        .join('')
    const root: El = {
      tag: 'page',
      id: '',
      sid: '',
      attrs: {},
      cls: '',
      text: textOf(page?.data.root?.cn),
      own: false,
      children: [],
      tpl: { tag: 'page', keys: {}, events: {}, text: false }
    }
    const build = (items: Dict[] | undefined, parent: El) => {
      for (const item of items ?? []) {
        const tpl = this.templates.get(String(item.nn))
        if (!tpl) {
          this.fail(`no template in base.wxml for node "${item.nn}"`)
          continue
        }
        if (tpl.text || hidden(item)) continue
        const attrs: Dict = {}
        for (const [a, k] of Object.entries(tpl.keys)) if (item[k] !== undefined) attrs[a] = item[k]
        if (attrs.hidden === true) continue
        const el: El = {
          tag: tpl.tag,
          id: String(item.uid || item.sid),
          sid: String(item.sid),
          attrs,
          cls: String(item.cl ?? ''),
          text: textOf(item.cn),
          own: (item.cn ?? []).some((c: Dict) => this.templates.get(String(c.nn))?.text),
          children: [],
          parent,
          tpl
        }
        parent.children.push(el)
        build(item.cn, el)
      }
    }
    build(page?.data.root?.cn, root)
    return root
  }

  elements(root = this.tree()): El[] {
    const out: El[] = []
    const walk = (e: El) => {
      out.push(e)
      e.children.forEach(walk)
    }
    root.children.forEach(walk)
    return out
  }

  /** Everything a person reads on the current page, a line per block of text (tab bar last). */
  visibleText(): string {
    const lines: string[] = []
    const walk = (e: El, inText: boolean) => {
      if (e.tag === 'input') lines.push(`[${e.attrs.value || e.attrs.placeholder || ''}]`)
      else if (e.own && !inText && norm(e.text)) lines.push(norm(e.text))
      e.children.forEach((c) => walk(c, inText || e.own))
    }
    this.tree().children.forEach((c) => walk(c, false))
    if (this.current && this.isTab(this.current.route))
      lines.push(`<tab bar: ${this.tabBarTexts().join(' | ')}>`)
    return lines.join('\n')
  }

  tabBarTexts(): string[] {
    return (this.app.tabBar?.list ?? []).map((t) => t.text ?? t.pagePath)
  }

  /** Taps an item of WeChat's own tab bar (shown on tab pages). */
  async tapTab(text: string): Promise<void> {
    if (!this.current || !this.isTab(this.current.route))
      throw new Error(`${this.name}: no tab bar on ${this.current?.route}`)
    const item = (this.app.tabBar?.list ?? []).find((t) => t.text === text)
    if (!item) throw new Error(`${this.name}: no tab "${text}"`)
    if (item.pagePath !== this.current.route) {
      this.navigating++
      try {
        await this.navigate('switchTab', { url: `/${item.pagePath}` })
      } finally {
        this.navigating--
      }
    }
    await this.settle()
  }

  /** The innermost elements whose text is exactly this (or matches the pattern), inside an element of class `cls`. */
  find(text: string | RegExp, cls?: string): El[] {
    const match = (s: string) => (typeof text === 'string' ? norm(s) === text : text.test(norm(s)))
    const inCls = (e: El) => !cls || ancestors(e).some((x) => x.cls.split(/\s+/).includes(cls))
    const all = this.elements().filter((e) => match(e.text) && inCls(e))
    return all.filter((e) => !e.children.some((c) => all.includes(c)))
  }
  has(text: string | RegExp, cls?: string): boolean {
    return this.find(text, cls).length > 0
  }

  private event(type: string, target: El, current: El, detail: Dict): Dict {
    const ds = (e: El) => ({ id: e.id, dataset: { sid: e.sid }, offsetLeft: 0, offsetTop: 0 })
    return {
      type,
      timeStamp: Date.now(),
      target: ds(target),
      currentTarget: ds(current),
      detail,
      mark: {},
      touches: [],
      changedTouches: [],
      mut: false
    }
  }

  private dispatch(el: El, type: string, detail: Dict, bubbles: boolean) {
    const page = this.current!
    if (typeof page.eh !== 'function') throw new Error(`${page.route} has no eh event handler`)
    for (let e: El | undefined = el; e && e.tag !== 'page'; e = bubbles ? e.parent : undefined) {
      const how = e.tpl.events[type]
      if (how) {
        const ev = this.event(type, el, e, detail)
        this.guard(`${type} handler on ${page.route}`, () => page.eh.call(page, ev))
        if (how === 'catch') break
      }
    }
  }

  /** Taps the element with exactly this text (the first, or the n-th), as a finger would. */
  async tap(text: string | RegExp | El, opts: { cls?: string; nth?: number } = {}): Promise<void> {
    let el: El | undefined
    if (typeof text === 'object' && !(text instanceof RegExp)) el = text
    else {
      const found = this.find(text, opts.cls)
      // what a finger would hit: an element that reacts to a tap, when there is one
      const live = found.filter((e) => ancestors(e).some((x) => x.tpl.events.tap))
      el = (live.length ? live : found)[opts.nth ?? 0]
    }
    if (!el)
      throw new Error(
        `${this.name}: nothing reads "${String(text)}" on ${this.current?.route}:\n${this.visibleText()}`
      )
    for (let e: El | undefined = el; e; e = e.parent)
      if (e.tag === 'button' && (e.attrs.disabled === true || e.attrs.loading === true))
        throw new Error(`${this.name}: "${String(text)}" is a disabled button`)
    const button = ancestors(el).find((e) => e.tag === 'button')
    this.log.push(`tap ${el.tag}#${el.id} "${norm(el.text)}" (button: ${button?.attrs['open-type'] ?? '-'})`)
    if (button?.attrs['open-type'] === 'agreePrivacyAuthorization') {
      this.privacyAgreed = true
      this.dispatch(button, 'agreeprivacyauthorization', {}, false)
    }
    this.dispatch(el, 'tap', { x: 10, y: 10 }, true)
    await this.settle()
  }

  /** Holds a finger on the element with this text for `ms` (touchstart, then touchend). */
  async press(text: string | RegExp, ms: number): Promise<void> {
    const found = this.find(text)
    const el = found.find((e) => ancestors(e).some((x) => x.tpl.events.touchstart)) ?? found[0]
    if (!el) throw new Error(`${this.name}: nothing reads "${String(text)}" on ${this.current?.route}`)
    this.log.push(`press ${el.tag}#${el.id} "${norm(el.text)}" ${ms} ms`)
    this.dispatch(el, 'touchstart', {}, true)
    await new Promise((r) => setTimeout(r, ms))
    this.dispatch(el, 'touchend', {}, true)
    await this.settle()
  }

  /** The input showing this hint (placeholder) or, failing that, this value. */
  input(hint: string): El {
    const el = this.elements().find(
      (e) => e.tag === 'input' && (e.attrs.placeholder === hint || e.attrs.value === hint)
    )
    if (!el)
      throw new Error(`${this.name}: no input "${hint}" on ${this.current?.route}:\n${this.visibleText()}`)
    return el
  }

  /** Types into an input, as the keyboard does: focus, input, blur. */
  async fill(hint: string | El, value: string): Promise<void> {
    const el = typeof hint === 'string' ? this.input(hint) : hint
    if (el.attrs.disabled === true) throw new Error(`${this.name}: input "${String(hint)}" is disabled`)
    const max = Number(el.attrs.maxlength ?? 140)
    const v = max > 0 ? value.slice(0, max) : value
    this.dispatch(el, 'focus', { value: el.attrs.value ?? '', height: 0 }, false)
    this.dispatch(el, 'input', { value: v, cursor: v.length, keyCode: 0 }, false)
    await this.settle()
    this.dispatch(el, 'blur', { value: v }, false)
    await this.settle()
  }

  /** Chooses in a picker (index for a selector, a string for a date). */
  async pick(el: El, value: unknown): Promise<void> {
    if (el.tag !== 'picker') throw new Error('not a picker')
    this.dispatch(el, 'change', { value }, false)
    await this.settle()
  }

  /** Waits until the page shows this text (or the check passes), failing after ms. */
  async waitFor(what: string | RegExp | (() => boolean), ms = 8000): Promise<void> {
    const end = Date.now() + ms
    const ok = () => (typeof what === 'function' ? what() : this.has(what))
    for (;;) {
      if (ok()) return
      if (Date.now() > end)
        throw new Error(
          `${this.name}: timed out waiting for ${String(what)} on ${this.current?.route}:\n${this.visibleText()}\nfailures: ${this.failures.join('; ')}\nlast log:\n${this.log.slice(-10).join('\n')}`
        )
      await new Promise((r) => setTimeout(r, 15))
    }
  }

  /** Lets the app run until no request, navigation or near timer is pending. */
  async settle(maxMs = 5000): Promise<void> {
    const end = Date.now() + maxMs
    let quiet = 0
    while (Date.now() < end) {
      await new Promise((r) => setImmediate(r))
      await new Promise((r) => setTimeout(r, 1))
      const soon = [...this.timers.values()].some((t) => !t.interval && t.due <= Date.now() + 50)
      if (!this.inflight && !this.navigating && !soon) {
        if (++quiet >= 3) return
      } else quiet = 0
    }
    if (process.env.HOST_DEBUG)
      console.info(
        'settle timed out',
        this.inflight,
        this.navigating,
        [...this.timers.values()].map((t) => [t.interval, t.due - Date.now()])
      )
  }

  /** Opens a page the way the app's own links do (wx.navigateTo, or switchTab for a tab page). */
  async go(url: string): Promise<void> {
    const route = this.resolveUrl(url).route
    let err = ''
    ;(this.isTab(route) ? this.ctx.wx.switchTab : this.ctx.wx.navigateTo)({
      url,
      fail: (r: Dict) => (err = String(r.errMsg))
    })
    await this.settle()
    if (err) throw new Error(`${this.name}: ${err}`)
  }

  /** Pulls the page down (onPullDownRefresh). */
  async pullDown(): Promise<void> {
    const p = this.current!
    this.guard(`${p.route} onPullDownRefresh`, () => p.onPullDownRefresh?.call(p))
    await this.settle()
  }

  /**
   * Holds an NFC tag to the phone. With `uri` the tag carries an NDEF message of one URI record
   * (NFC Forum RTD-URI: TNF 1 well-known, type "U", payload = prefix code then the rest of the
   * URI, e.g. a NTAG 424 DNA's SUN URL), handed over as Android WeChat's NFCAdapter.onDiscovered
   * does: `messages: [{ records: [{ tnf, type, id, payload }] }]` with ArrayBuffers; `flat` gives
   * the records themselves as the messages (`{ id, type, payload }`, the shape WeChat's API page
   * names). Without `uri`, a tag with no NDEF message (`messages: []`).
   */
  nfcTag(idHex: string, ndef?: { uri: string; flat?: boolean }): void {
    if (!this.nfcOn) throw new Error('NFC discovery is not running')
    const buf = (b: number[]) => new Uint8Array(b).buffer
    const id = buf(idHex.match(/../g)!.map((h) => parseInt(h, 16)))
    let messages: Dict[] = []
    if (ndef) {
      // RTD-URI identifier codes 1-4 (the longest that fits), else 0: the URI as it is
      const prefixes: [number, string][] = [
        [2, 'https://www.'],
        [1, 'http://www.'],
        [4, 'https://'],
        [3, 'http://']
      ]
      const [code, prefix] = prefixes.find(([, p]) => ndef.uri.startsWith(p)) ?? [0, '']
      const rest = [...Buffer.from(ndef.uri.slice(prefix.length), 'latin1')]
      const record = { tnf: 1, type: buf([0x55]), id: buf([]), payload: buf([code, ...rest]) }
      messages = ndef.flat ? [record] : [{ records: [record] }]
    }
    for (const l of [...this.nfcListeners])
      this.guard('NFC onDiscovered', () => l({ id, techs: ['NfcA', 'IsoDep', 'Ndef'], messages }))
  }

  setOnline(on: boolean): void {
    this.online = on
    this.emit('networkStatusChange', { isConnected: on, networkType: on ? 'wifi' : 'none' })
  }

  async close(): Promise<void> {
    for (const p of [...this.stack].reverse()) this.unload(p)
    this.stack.length = 0
    for (const t of this.timers.values()) (t.interval ? clearInterval : clearTimeout)(t.t)
    this.timers.clear()
    await new Promise((r) => setTimeout(r, 20))
    this.closed = true
    this.realProcess.off('unhandledRejection', this.onRejection)
  }

  // ---- wx ---------------------------------------------------------------------------------

  private on(name: string) {
    return (cb: (...a: any[]) => void) => {
      ;(this.listeners[name] ??= []).push(cb)
    }
  }
  private off(name: string) {
    return (cb?: (...a: any[]) => void) => {
      this.listeners[name] = cb ? (this.listeners[name] ?? []).filter((x) => x !== cb) : []
    }
  }
  private emit(name: string, arg: unknown) {
    for (const l of this.listeners[name] ?? []) this.guard(`wx.on ${name} listener`, () => l(arg))
  }

  /** An async wx API: success/fail/complete called later, as WeChat does. */
  private api(name: string, impl: (o: Dict) => Dict | Promise<Dict> | void, ret?: (o: Dict) => unknown) {
    return (o: Dict = {}) => {
      this.log.push(`wx.${name}`)
      this.inflight++
      // base library 2.10.2+: an async API called without callbacks returns a promise (not the task APIs)
      const promised = !ret && !o.success && !o.fail && !o.complete
      let settle: { ok: (r: unknown) => void; no: (r: unknown) => void } | undefined
      const p = promised ? new this.PromiseC((ok, no) => (settle = { ok, no })) : undefined
      const later = (f: () => void) =>
        setTimeout(() => {
          this.inflight--
          f()
        }, 0)
      Promise.resolve()
        .then(async () => {
          if (PRIVACY_APIS.has(name)) await this.privacyCheck(name)
          return impl(o)
        })
        .then(
          (r) =>
            later(() => {
              const res = this.plain({ errMsg: `${name}:ok`, ...(r ?? {}) })
              if (name !== 'request') this.log.push(`wx.${name} ok`)
              this.guard(`${name} success`, () => o.success?.(res))
              this.guard(`${name} complete`, () => o.complete?.(res))
              settle?.ok(res)
            }),
          (e) =>
            later(() => {
              const res = this.plain({ errMsg: `${name}:fail ${e?.message ?? e}`, errno: e?.errno })
              this.log.push(`wx.${name} failed: ${res.errMsg}`)
              this.guard(`${name} fail`, () => o.fail?.(res))
              this.guard(`${name} complete`, () => o.complete?.(res))
              settle?.no(res)
            })
        )
      return ret ? ret(o) : p
    }
  }
  /** Objects handed to the app are made in its own realm. */
  private plain(x: unknown): any {
    return x === undefined ? undefined : this.JSONc.parse(JSON.stringify(x))
  }

  private async privacyCheck(name: string) {
    if (this.privacyAgreed) return
    if (!this.privacyListener)
      throw Object.assign(
        new Error(
          `${name} needs the privacy guide agreed and the app does not handle onNeedPrivacyAuthorization`
        ),
        { errno: 104 }
      )
    this.log.push(`privacy asked for ${name}`)
    const answer = await new Promise<Dict>((res) =>
      this.guard('onNeedPrivacyAuthorization', () => this.privacyListener!((r: Dict) => res(r ?? {})))
    )
    this.log.push(`privacy answered ${JSON.stringify(answer)}`)
    if (answer.event === 'agree' && this.privacyAgreed) return
    if (answer.event === 'agree')
      this.fail(
        `${name}: the app answered agree without the person tapping an agreePrivacyAuthorization button`
      )
    throw Object.assign(new Error('privacy permission is not authorized'), { errno: 104 })
  }

  private file(path: string): string {
    const m = /^wxfile:\/\/(usr|tmp)(\/.*)?$/.exec(path) ?? /^http:\/\/(tmp)(\/.*)$/.exec(path)
    if (!m) throw new Error(`no such file or directory "${path}"`)
    const full = resolve(this.opts.tmp, m[1], `.${m[2] ?? '/'}`)
    if (!full.startsWith(resolve(this.opts.tmp))) throw new Error(`permission denied "${path}"`)
    return full
  }

  private fs(): Dict {
    const sync =
      (name: string, f: (...a: any[]) => unknown) =>
      (...a: any[]) => {
        try {
          return f(...a)
        } catch (e) {
          throw new Error(`${name}:fail ${(e as Error).message}`)
        }
      }
    const notFound = (p: string) => {
      if (!existsSync(this.file(p))) throw new Error(`no such file or directory "${p}"`)
    }
    const impl: Dict = {
      accessSync: sync('accessSync', (p: string) => notFound(p)),
      mkdirSync: sync('mkdirSync', (p: string, recursive?: boolean) =>
        mkdirSync(this.file(p), { recursive: !!recursive })
      ),
      copyFileSync: sync(
        'copyFileSync',
        (a: string, b: string) => (notFound(a), copyFileSync(this.file(a), this.file(b)))
      ),
      unlinkSync: sync('unlinkSync', (p: string) => (notFound(p), unlinkSync(this.file(p)))),
      writeFileSync: sync('writeFileSync', (p: string, d: string | ArrayBuffer, enc = 'utf8') =>
        writeFileSync(
          this.file(p),
          typeof d === 'string' ? Buffer.from(d, enc as BufferEncoding) : Buffer.from(d)
        )
      ),
      readFileSync: sync('readFileSync', (p: string, enc?: string) => {
        notFound(p)
        const b = readFileSync(this.file(p))
        return enc ? b.toString(enc as BufferEncoding) : new Uint8Array(b).buffer
      }),
      readdirSync: sync('readdirSync', (p: string) => readdirSync(this.file(p))),
      statSync: sync('statSync', (p: string) => {
        const s = statSync(this.file(p))
        return {
          size: s.size,
          isFile: () => s.isFile(),
          isDirectory: () => s.isDirectory(),
          lastModifiedTime: Math.floor(s.mtimeMs / 1000)
        }
      })
    }
    for (const n of ['access', 'mkdir', 'copyFile', 'unlink', 'writeFile', 'readFile', 'readdir', 'stat'])
      impl[n] = this.api(n, (o) => {
        const args: Record<string, unknown[]> = {
          access: [o.path],
          mkdir: [o.dirPath, o.recursive],
          copyFile: [o.srcPath, o.destPath],
          unlink: [o.filePath],
          writeFile: [o.filePath, o.data, o.encoding],
          readFile: [o.filePath, o.encoding],
          readdir: [o.dirPath],
          stat: [o.path]
        }
        const r = impl[`${n}Sync`](...args[n])
        return n === 'readFile'
          ? { data: r }
          : n === 'readdir'
            ? { files: r }
            : n === 'stat'
              ? { stats: r }
              : {}
      })
    impl.saveFile = this.api('saveFile', (o) => {
      const to = o.filePath ?? `wxfile://usr/saved-${++this.fileSeq}${posix.extname(o.tempFilePath)}`
      copyFileSync(this.file(o.tempFilePath), this.file(to))
      return { savedFilePath: to }
    })
    return this.strict('FileSystemManager', impl)
  }

  /** An object whose unknown methods fail loudly. */
  private strict(what: string, impl: Dict): Dict {
    return new Proxy(impl, {
      get: (t, k) => {
        if (typeof k === 'symbol' || k in t) return t[k as string]
        if (k === 'then' || k === 'toJSON') return undefined
        return (..._a: unknown[]) => {
          const msg = `${what}.${String(k)} is not implemented by the test host`
          this.fail(msg)
          throw new Error(msg)
        }
      }
    })
  }

  /** The Canvas 2D node of `<canvas type="2d" id=…>` on the current page, or undefined. */
  private canvasNode(sel: string | undefined): CanvasNode | undefined {
    const id = sel?.startsWith('#') ? sel.slice(1) : undefined
    if (!id) return undefined
    const el = this.elements().find((e) => e.tag === 'canvas' && e.attrs.id === id)
    if (!el) return undefined
    if (el.attrs.type !== '2d') throw new Error(`canvas #${id} is not type="2d": it has no node`)
    let n = this.canvases.get(id)
    if (!n) {
      n = new CanvasNode()
      this.canvases.set(id, n)
    }
    return n
  }

  private selectorQuery(): Dict {
    const rect = {
      left: 0,
      top: 0,
      right: 390,
      bottom: 40,
      width: 390,
      height: 40,
      scrollTop: 0,
      scrollLeft: 0
    }
    const results: unknown[] = []
    const cbs: (((r: unknown) => void) | undefined)[] = []
    // a Canvas 2D node cannot be copied into the app's realm: kept out of plain() and added after
    const nodes = new Map<number, CanvasNode>()
    const node = (q: Dict, sel?: string) => ({
      boundingClientRect: (cb?: (r: unknown) => void) => (results.push(rect), cbs.push(cb), q),
      scrollOffset: (cb?: (r: unknown) => void) => (
        results.push({ scrollTop: 0, scrollLeft: 0 }),
        cbs.push(cb),
        q
      ),
      fields: (f: Dict, cb?: (r: unknown) => void) => {
        const canvas = f?.node ? this.canvasNode(sel) : undefined
        if (canvas) nodes.set(results.length, canvas)
        results.push(rect)
        cbs.push(cb)
        return q
      },
      node: (cb?: (r: unknown) => void) => (results.push(null), cbs.push(cb), q)
    })
    const q: Dict = {
      in: () => q,
      select: (sel: string) => node(q, sel),
      selectAll: () => node(q),
      selectViewport: () => node(q),
      exec: (cb?: (r: unknown[]) => void) =>
        setTimeout(() => {
          const out = this.plain(results) as Dict[]
          for (const [i, n] of nodes) out[i] = { ...out[i], node: n }
          out.forEach((r, i) => this.guard('selectorQuery callback', () => cbs[i]?.(r)))
          this.guard('selectorQuery exec', () => cb?.(out))
        }, 0)
    }
    return q
  }

  private systemInfo(): Dict {
    const android = (this.opts.platform ?? 'android') === 'android'
    return {
      brand: android ? 'HUAWEI' : 'iPhone',
      model: android ? 'ALN-AL00' : 'iPhone 14',
      pixelRatio: 3,
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 844 - 88 - 50,
      statusBarHeight: 44,
      safeArea: { left: 0, right: 390, top: 44, bottom: 810, width: 390, height: 766 },
      screenTop: 88,
      language: 'zh_CN',
      version: '8.0.50',
      system: android ? 'Android 13' : 'iOS 17.4',
      platform: android ? 'android' : 'ios',
      SDKVersion: '3.4.10',
      enableDebug: false,
      theme: 'light',
      fontSizeSetting: 16,
      benchmarkLevel: 30,
      locationEnabled: true,
      wifiEnabled: true,
      bluetoothEnabled: false,
      deviceOrientation: 'portrait'
    }
  }

  private makeWx(): Dict {
    const sysInfo = () => this.plain(this.systemInfo())
    const storageGet = (k: string) => {
      const v = this.storage.get(String(k))
      return v === undefined ? '' : this.JSONc.parse(v)
    }
    const storageSet = (k: string, v: unknown) => {
      const s = JSON.stringify(v === undefined ? null : v)
      if (Buffer.byteLength(String(k)) + Buffer.byteLength(s) > 1024 * 1024)
        throw new Error(`setStorage:fail exceed storage item max length (key ${k})`)
      let total = Buffer.byteLength(s)
      for (const [kk, vv] of this.storage) if (kk !== k) total += Buffer.byteLength(vv)
      if (total > 10 * 1024 * 1024) throw new Error('setStorage:fail exceed storage max size 10Mb')
      this.storage.set(String(k), s)
    }
    const impl: Dict = {
      env: { USER_DATA_PATH: 'wxfile://usr' },
      canIUse: () => true,
      getSystemInfoSync: sysInfo,
      getSystemInfo: this.api('getSystemInfo', sysInfo),
      getSystemInfoAsync: this.api('getSystemInfoAsync', sysInfo),
      getWindowInfo: () => {
        const s = this.systemInfo()
        return this.plain({
          pixelRatio: s.pixelRatio,
          screenWidth: s.screenWidth,
          screenHeight: s.screenHeight,
          windowWidth: s.windowWidth,
          windowHeight: s.windowHeight,
          statusBarHeight: s.statusBarHeight,
          safeArea: s.safeArea,
          screenTop: s.screenTop
        })
      },
      getAppBaseInfo: () => {
        const s = this.systemInfo()
        return this.plain({
          SDKVersion: s.SDKVersion,
          enableDebug: false,
          language: s.language,
          version: s.version,
          theme: s.theme,
          fontSizeSetting: 16,
          host: { env: 'WeChat' }
        })
      },
      getDeviceInfo: () => {
        const s = this.systemInfo()
        return this.plain({
          brand: s.brand,
          model: s.model,
          system: s.system,
          platform: s.platform,
          benchmarkLevel: 30,
          abi: 'arm64',
          deviceAbi: 'arm64',
          cpuType: 'unknown',
          memorySize: '8192'
        })
      },
      getSystemSetting: () =>
        this.plain({
          bluetoothEnabled: false,
          locationEnabled: true,
          wifiEnabled: true,
          deviceOrientation: 'portrait'
        }),
      getAppAuthorizeSetting: () =>
        this.plain({
          cameraAuthorized: 'authorized',
          locationAuthorized: 'authorized',
          albumAuthorized: 'authorized',
          notificationAuthorized: 'authorized'
        }),
      getMenuButtonBoundingClientRect: () =>
        this.plain({ width: 87, height: 32, top: 48, right: 383, bottom: 80, left: 296 }),
      getLaunchOptionsSync: () =>
        this.plain({ path: this.app.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
      getEnterOptionsSync: () =>
        this.plain({ path: this.app.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
      getAccountInfoSync: () =>
        this.plain({ miniProgram: { appId: 'wxtesthost00000000', envVersion: 'develop', version: '' } }),
      nextTick: (fn: () => void) => setTimeout(() => this.guard('wx.nextTick', fn), 0),
      // storage
      setStorageSync: (k: string, v: unknown) => storageSet(k, v),
      getStorageSync: (k: string) => storageGet(k),
      removeStorageSync: (k: string) => void this.storage.delete(String(k)),
      clearStorageSync: () => this.storage.clear(),
      getStorageInfoSync: () =>
        this.plain({
          keys: [...this.storage.keys()],
          currentSize: Math.ceil([...this.storage.values()].reduce((a, v) => a + v.length, 0) / 1024),
          limitSize: 10240
        }),
      setStorage: this.api('setStorage', (o) => void storageSet(o.key, o.data)),
      getStorage: this.api('getStorage', (o) => {
        if (!this.storage.has(String(o.key))) throw new Error('data not found')
        return { data: storageGet(o.key) }
      }),
      removeStorage: this.api('removeStorage', (o) => void this.storage.delete(String(o.key))),
      clearStorage: this.api('clearStorage', () => void this.storage.clear()),
      getStorageInfo: this.api('getStorageInfo', () => ({
        keys: [...this.storage.keys()],
        currentSize: 0,
        limitSize: 10240
      })),
      // network
      request: this.api(
        'request',
        (o) => this.http(o),
        () => ({ abort() {}, onHeadersReceived() {}, offHeadersReceived() {} })
      ),
      uploadFile: this.api(
        'uploadFile',
        (o) => this.upload(o),
        () => ({
          abort() {},
          onProgressUpdate() {},
          offProgressUpdate() {},
          onHeadersReceived() {},
          offHeadersReceived() {}
        })
      ),
      getNetworkType: this.api('getNetworkType', () => ({
        networkType: this.online ? 'wifi' : 'none',
        signalStrength: 80,
        hasSystemProxy: false
      })),
      onNetworkStatusChange: this.on('networkStatusChange'),
      offNetworkStatusChange: this.off('networkStatusChange'),
      onNetworkWeakChange: this.on('networkWeakChange'),
      offNetworkWeakChange: this.off('networkWeakChange'),
      // app events
      onAppShow: this.on('appShow'),
      offAppShow: this.off('appShow'),
      onAppHide: this.on('appHide'),
      offAppHide: this.off('appHide'),
      onError: this.on('error'),
      offError: this.off('error'),
      onUnhandledRejection: this.on('unhandledRejection'),
      offUnhandledRejection: this.off('unhandledRejection'),
      onPageNotFound: this.on('pageNotFound'),
      offPageNotFound: this.off('pageNotFound'),
      onMemoryWarning: this.on('memoryWarning'),
      // ui
      showToast: this.api('showToast', (o) => void this.toasts.push(String(o.title))),
      hideToast: this.api('hideToast', () => undefined),
      showLoading: this.api('showLoading', () => undefined),
      hideLoading: this.api('hideLoading', () => undefined),
      showModal: this.api('showModal', (o) => {
        this.modals.push({ title: String(o.title ?? ''), content: String(o.content ?? '') })
        if (!this.modalAnswers.length) {
          this.fail(`showModal "${o.title}: ${o.content}" with no answer from the test`)
          return { confirm: false, cancel: true }
        }
        const yes = this.modalAnswers.shift()!
        return { confirm: yes, cancel: !yes }
      }),
      setNavigationBarTitle: this.api('setNavigationBarTitle', (o) => {
        if (this.current) this.current.__title = String(o.title)
      }),
      stopPullDownRefresh: this.api('stopPullDownRefresh', () => undefined),
      startPullDownRefresh: this.api('startPullDownRefresh', () => undefined),
      pageScrollTo: this.api('pageScrollTo', () => undefined),
      hideKeyboard: this.api('hideKeyboard', () => undefined),
      vibrateShort: this.api('vibrateShort', () => undefined),
      vibrateLong: this.api('vibrateLong', () => undefined),
      createSelectorQuery: () => this.selectorQuery(),
      setClipboardData: this.api('setClipboardData', (o) => {
        this.clipboard = String(o.data)
      }),
      getClipboardData: this.api('getClipboardData', () => ({ data: this.clipboard })),
      // navigation
      navigateTo: this.nav('navigateTo'),
      redirectTo: this.nav('redirectTo'),
      switchTab: this.nav('switchTab'),
      navigateBack: this.nav('navigateBack'),
      reLaunch: this.nav('reLaunch'),
      // device
      scanCode: this.api('scanCode', () => {
        const r = this.scanResults.shift()
        if (r === undefined) {
          this.fail('scanCode called with no scan result from the test')
          throw new Error('cancel')
        }
        return {
          result: r,
          scanType: 'QR_CODE',
          charSet: 'UTF-8',
          path: '',
          rawData: Buffer.from(r).toString('base64')
        }
      }),
      chooseMedia: this.api('chooseMedia', (o) => {
        const path = this.tempPhoto()
        return {
          type: 'image',
          tempFiles: [
            {
              tempFilePath: path,
              size: statSync(this.file(path)).size,
              fileType: 'image',
              width: 8,
              height: 8,
              duration: 0,
              thumbTempFilePath: ''
            }
          ],
          sizeType: o.sizeType
        }
      }),
      chooseImage: this.api('chooseImage', () => {
        const path = this.tempPhoto()
        return { tempFilePaths: [path], tempFiles: [{ path, size: statSync(this.file(path)).size }] }
      }),
      getLocation: this.api('getLocation', () => {
        if (!this.app.requiredPrivateInfos?.includes('getLocation'))
          throw new Error(
            'the api need to be declared in the requiredPrivateInfos field in app.json/ext.json'
          )
        if (!this.app.permission?.['scope.userLocation']?.desc) throw new Error('require permission desc')
        return {
          ...this.position,
          altitude: 0,
          speed: 0,
          verticalAccuracy: 0,
          horizontalAccuracy: this.position.accuracy
        }
      }),
      startWifi: this.api('startWifi', () => {
        this.wifiStarted = true
      }),
      getConnectedWifi: this.api('getConnectedWifi', () => {
        // WeChat answers 12000 (未先调用 startWifi) and 12005 (Wi-Fi off / not connected)
        if (!this.wifiStarted) throw new Error('getConnectedWifi:fail not init')
        if (!this.wifi) throw new Error('getConnectedWifi:fail wifi is disconnected')
        return { wifi: { ...this.wifi, secure: true, signalStrength: 90, frequency: 5180 } }
      }),
      canvasToTempFilePath: this.api('canvasToTempFilePath', (o) => {
        const c = o.canvas as CanvasNode | undefined
        if (!(c instanceof CanvasNode))
          throw new Error('canvasToTempFilePath: canvas is not a Canvas 2D node')
        if (!c.calls.length) throw new Error('canvasToTempFilePath: nothing was drawn')
        const path = `http://tmp/canvas-${++this.fileSeq}.png`
        // the host keeps what was drawn (a PNG of it needs a renderer): the calls, one per line
        writeFileSync(this.file(path), c.calls.join('\n'))
        this.canvasFiles.set(path, { width: c.width, height: c.height, calls: [...c.calls] })
        return { tempFilePath: path }
      }),
      showShareImageMenu: this.api('showShareImageMenu', (o) => {
        const f = this.canvasFiles.get(String(o.path))
        if (!f) throw new Error(`showShareImageMenu: no such image "${String(o.path)}"`)
        this.sharedImages.push({ path: String(o.path), ...f })
      }),
      getNFCAdapter: () => this.nfcAdapter(),
      ...(this.opts.cloud ? { cloud: this.makeCloud(this.opts.cloud) } : {}),
      login: this.api('login', () => ({ code: `host-code-${this.name}` })),
      getSetting: this.api('getSetting', () => ({
        authSetting: { 'scope.userLocation': true, 'scope.camera': true }
      })),
      authorize: this.api('authorize', () => undefined),
      // privacy
      getPrivacySetting: this.api('getPrivacySetting', () => ({
        needAuthorization: !this.privacyAgreed,
        privacyContractName: '《岗位通隐私保护指引》'
      })),
      onNeedPrivacyAuthorization: (cb: (resolve: (r: Dict) => void) => void) => {
        this.privacyListener = cb
      },
      requirePrivacyAuthorize: this.api('requirePrivacyAuthorize', async () => {
        await this.privacyCheck('requirePrivacyAuthorize')
      }),
      openPrivacyContract: this.api('openPrivacyContract', () => undefined),
      // files
      getFileSystemManager: () => this.fs(),
      saveFile: this.api('saveFile', (o) => {
        const to = `wxfile://usr/saved-${++this.fileSeq}${posix.extname(o.tempFilePath)}`
        copyFileSync(this.file(o.tempFilePath), this.file(to))
        return { savedFilePath: to }
      }),
      shareFileMessage: this.api('shareFileMessage', (o) => {
        this.shared.push({
          fileName: String(o.fileName ?? posix.basename(o.filePath)),
          text: readFileSync(this.file(o.filePath), 'utf8')
        })
      })
    }
    const names = this.names
    return new Proxy(impl, {
      get: (t, k) => {
        if (typeof k === 'symbol' || k in t) return t[k as string]
        if (!names.has(k)) return undefined
        return (..._a: unknown[]) => {
          const msg = `wx.${k} is not implemented by the test host`
          this.fail(msg)
          throw new Error(msg)
        }
      },
      has: (t, k) => k in t || (typeof k === 'string' && names.has(k)),
      ownKeys: (t) => [...new Set([...Reflect.ownKeys(t), ...names])],
      getOwnPropertyDescriptor: (t, k) =>
        k in t
          ? Reflect.getOwnPropertyDescriptor(t, k)
          : typeof k === 'string' && names.has(k)
            ? { value: undefined, enumerable: true, configurable: true, writable: true }
            : undefined
    })
  }

  private nav(kind: string) {
    return (o: Dict = {}) => {
      this.navigating++
      setTimeout(async () => {
        let err: unknown
        try {
          await this.navigate(kind, o)
        } catch (e) {
          err = e
        }
        this.navigating--
        const res = this.plain({ errMsg: err ? `${kind}:fail ${(err as Error).message}` : `${kind}:ok` })
        if (err) this.log.push(`wx.${kind}(${o.url ?? ''}) failed: ${res.errMsg}`)
        this.guard(`${kind} ${err ? 'fail' : 'success'}`, () => (err ? o.fail : o.success)?.(res))
        this.guard(`${kind} complete`, () => o.complete?.(res))
      }, 0)
    }
  }

  private tempPhoto(): string {
    const path = `http://tmp/photo-${++this.fileSeq}.png`
    writeFileSync(this.file(path), smallPng())
    return path
  }

  private nfcAdapter(): Dict {
    return this.strict('NFCAdapter', {
      startDiscovery: this.api('startDiscovery', () => {
        this.nfcOn = true
      }),
      stopDiscovery: this.api('stopDiscovery', () => {
        this.nfcOn = false
      }),
      onDiscovered: (cb: (r: Dict) => void) => void this.nfcListeners.push(cb),
      offDiscovered: (cb?: (r: Dict) => void) => {
        this.nfcListeners = cb ? this.nfcListeners.filter((x) => x !== cb) : []
      }
    })
  }

  /**
   * wx.cloud of a cloud build (Taro.cloud is wx.cloud on weapp). Shapes as WeChat documents them:
   * - `init({ env })`: env a string or `{ functions, storage, … }`; every other call needs it first
   *   (`请先调用 wx.cloud.init() 完成初始化后再调用其他云 API…`).
   * - `callFunction({ name, data, config? })` → `{ result, errMsg: 'cloud.callFunction:ok', requestID }`
   *   (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/functions/Cloud.callFunction.md).
   *   The function gets `data` (sent as JSON) with `userInfo: { appId, openId }` injected, the caller's
   *   OPENID from getWXContext(). Failures reject (or call fail) with an Error carrying `errCode` and
   *   `errMsg` (`apiName:fail msg`): a function that throws, or is not deployed, is
   *   `errCode: -404011 cloud function execution error | errMsg: cloud.callFunction:fail requestID …,
   *   cloud function service error code -504002, error message …` (`Function not found: [name]` when
   *   not deployed), an unknown env `… error code -501000, error message [100004] env not exists;` —
   *   the texts WeChat users report (developers.weixin.qq.com community; the error-code table of
   *   云开发: -404011 云函数执行失败). Offline the call fails with errCode -1 (通用错误) and the
   *   network text; that text is the host's, not observed.
   * - `uploadFile({ cloudPath, filePath, config? })` → `{ fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }`,
   *   the bytes put in the env's storage; a missing local file fails.
   * Anything else of wx.cloud fails the test (the app uses nothing else).
   */
  private makeCloud(c: { backend: CloudBackend; openid: string }): Dict {
    let inited: { functions?: string; storage?: string } | undefined
    const realmError = vm.runInContext('Error', this.ctx) as ErrorConstructor
    const cloudError = (errCode: number, errMsg: string, text: string) =>
      Object.assign(new realmError(`errCode: ${errCode} ${text} | errMsg: ${errMsg}`), { errCode, errMsg })
    const envOf = (api: string, o: Dict, kind: 'functions' | 'storage'): string => {
      const env = (o.config?.env as string | undefined) ?? inited?.[kind]
      if (!inited || !env)
        throw cloudError(
          -1,
          `cloud.${api}:fail 请先调用 wx.cloud.init() 完成初始化后再调用其他云 API。init 方法可传入一个对象用于设置默认配置，详见文档。`,
          'SDK universal error'
        )
      return env
    }
    const run = (api: string, o: Dict, f: () => Promise<Dict>) => {
      this.log.push(`wx.cloud.${api}`)
      this.inflight++
      const promised = !o.success && !o.fail && !o.complete
      const p = Promise.resolve()
        .then(f)
        .then((r) => this.plain({ errMsg: `cloud.${api}:ok`, ...r }) as Dict)
      const done = new this.PromiseC<Dict>((ok, no) => {
        p.then(
          (res) =>
            setTimeout(() => {
              this.inflight--
              this.log.push(`wx.cloud.${api} ok`)
              this.guard(`cloud.${api} success`, () => o.success?.(res))
              this.guard(`cloud.${api} complete`, () => o.complete?.(res))
              ok(res)
            }, 0),
          (e: Dict) =>
            setTimeout(() => {
              this.inflight--
              const err =
                e instanceof realmError
                  ? e
                  : cloudError(-1, `cloud.${api}:fail ${String(e?.message ?? e)}`, 'SDK universal error')
              this.log.push(`wx.cloud.${api} failed: ${String((err as Dict).errMsg)}`)
              this.guard(`cloud.${api} fail`, () => o.fail?.(err))
              this.guard(`cloud.${api} complete`, () => o.complete?.(err))
              no(err)
            }, 0)
        )
      })
      if (!promised) {
        done.catch(() => undefined)
        return undefined
      }
      return done
    }
    return this.strict('wx.cloud', {
      init: (o: Dict = {}) => {
        const env = o.env
        inited =
          typeof env === 'string'
            ? { functions: env, storage: env }
            : { functions: env?.functions, storage: env?.storage }
        this.log.push(`wx.cloud.init ${JSON.stringify(env)}`)
      },
      callFunction: (o: Dict = {}) =>
        run('callFunction', o, async () => {
          const env = envOf('callFunction', o, 'functions')
          const requestID = randomUUID()
          const failed = (code: number, message: string) =>
            cloudError(
              -404011,
              `cloud.callFunction:fail requestID ${requestID}, cloud function service error code ${code}, error message ${message}; at cloud.callFunction api;`,
              'cloud function execution error'
            )
          if (!this.online)
            throw cloudError(
              -1,
              'cloud.callFunction:fail request:fail net::ERR_INTERNET_DISCONNECTED',
              'SDK universal error'
            )
          if (!c.backend.hasEnv(env)) throw failed(-501000, '[100004] env not exists')
          const name = String(o.name)
          if (!c.backend.hasFunction(env, name)) throw failed(-504002, `Function not found: [${name}]`)
          const data = JSON.parse(JSON.stringify(o.data ?? {})) as Dict
          const event = { ...data, userInfo: { appId: c.backend.appId, openId: c.openid } }
          let result: unknown
          try {
            result = await c.backend.invoke(env, name, event, c.openid)
          } catch (e) {
            throw failed(-504002, errText(e))
          }
          return { result, requestID }
        }),
      uploadFile: (o: Dict = {}) =>
        run('uploadFile', o, async () => {
          const env = envOf('uploadFile', o, 'storage')
          if (!this.online)
            throw cloudError(
              -1,
              'cloud.uploadFile:fail request:fail net::ERR_INTERNET_DISCONNECTED',
              'SDK universal error'
            )
          const cloudPath = String(o.cloudPath ?? '')
          if (!cloudPath || cloudPath.startsWith('/'))
            throw cloudError(-401002, 'cloud.uploadFile:fail cloudPath is invalid', 'API parameter error')
          const file = this.file(String(o.filePath))
          if (!existsSync(file))
            throw cloudError(
              -1,
              `cloud.uploadFile:fail no such file or directory "${String(o.filePath)}"`,
              'SDK universal error'
            )
          if (!c.backend.hasEnv(env))
            throw cloudError(-501000, `cloud.uploadFile:fail [100004] env not exists`, 'cloud system error')
          const fileID = c.backend.putFile(env, cloudPath, readFileSync(file))
          this.uploads.push({ cloudPath, fileID })
          return { fileID, statusCode: 200 }
        })
    })
  }

  private target(url: string, what: string): URL {
    if (!this.opts.apiBase || !this.opts.serverUrl) {
      this.fail(`${what} to ${url}: this build has no request domain (a cloud build calls wx.cloud)`)
      throw new Error(`url not in domain list`)
    }
    if (!url.startsWith(this.opts.apiBase + '/')) {
      this.fail(`${what} to ${url}: not the request domain the build was made for (${this.opts.apiBase})`)
      throw new Error(`url not in domain list`)
    }
    if (!this.online) throw new Error('request:fail net::ERR_INTERNET_DISCONNECTED')
    return new URL(url.slice(this.opts.apiBase.length), this.opts.serverUrl)
  }

  private send(
    u: URL,
    method: string,
    headers: Dict,
    body: Buffer | undefined,
    timeout: number
  ): Promise<{ status: number; headers: Dict; body: Buffer }> {
    return new Promise((res, rej) => {
      const req = httpRequest(
        u,
        { method, headers: { ...headers, ...(body ? { 'content-length': body.length } : {}) }, timeout },
        (r) => {
          const chunks: Buffer[] = []
          r.on('data', (c: Buffer) => chunks.push(c))
          r.on('end', () =>
            res({ status: r.statusCode ?? 0, headers: r.headers, body: Buffer.concat(chunks) })
          )
          r.on('error', rej)
        }
      )
      req.on('timeout', () => req.destroy(new Error('timeout')))
      req.on('error', rej)
      req.end(body)
    })
  }

  private async http(o: Dict): Promise<Dict> {
    const method = String(o.method ?? 'GET').toUpperCase()
    const u = this.target(String(o.url), 'wx.request')
    const headers: Dict = {}
    for (const [k, v] of Object.entries((o.header ?? {}) as Dict)) headers[k.toLowerCase()] = String(v)
    let body: Buffer | undefined
    if (o.data !== undefined && method !== 'GET') {
      if (typeof o.data === 'string') body = Buffer.from(o.data)
      else if (
        o.data instanceof ArrayBuffer ||
        Object.prototype.toString.call(o.data) === '[object ArrayBuffer]'
      )
        body = Buffer.from(o.data)
      else if (/json/.test(headers['content-type'] ?? 'application/json')) {
        headers['content-type'] ??= 'application/json'
        body = Buffer.from(JSON.stringify(o.data))
      } else body = Buffer.from(new URLSearchParams(o.data).toString())
    } else if (o.data && typeof o.data === 'object')
      for (const [k, v] of Object.entries(o.data)) u.searchParams.set(k, String(v))
    const r = await this.send(u, method, headers, body, Number(o.timeout ?? 60000))
    this.requests.push({ url: u.pathname, status: r.status })
    const text = r.body.toString('utf8')
    let data: unknown = text
    if ((o.dataType ?? 'json') === 'json')
      try {
        data = this.JSONc.parse(text)
      } catch {
        data = text
      }
    return { data, statusCode: r.status, header: r.headers, cookies: [] }
  }

  private async upload(o: Dict): Promise<Dict> {
    const u = this.target(String(o.url), 'wx.uploadFile')
    const bytes = readFileSync(this.file(String(o.filePath)))
    const boundary = `----WeChatHost${Date.now().toString(16)}`
    const parts: Buffer[] = []
    for (const [k, v] of Object.entries((o.formData ?? {}) as Dict))
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${String(v)}\r\n`)
      )
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${o.name}"; filename="${posix.basename(String(o.filePath))}"\r\nContent-Type: image/png\r\n\r\n`
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`)
    )
    const headers: Dict = { 'content-type': `multipart/form-data; boundary=${boundary}` }
    for (const [k, v] of Object.entries((o.header ?? {}) as Dict)) headers[k.toLowerCase()] = String(v)
    const r = await this.send(u, 'POST', headers, Buffer.concat(parts), Number(o.timeout ?? 60000))
    this.requests.push({ url: u.pathname, status: r.status })
    return { data: r.body.toString('utf8'), statusCode: r.status }
  }
}

function ancestors(e: El): El[] {
  const out: El[] = []
  for (let x: El | undefined = e; x; x = x.parent) out.push(x)
  return out
}

function errText(e: unknown): string {
  if (e && typeof e === 'object' && 'stack' in e && typeof (e as Error).stack === 'string')
    return (e as Error).stack!.split('\n').slice(0, 4).join(' | ')
  if (e && typeof e === 'object' && 'errMsg' in e) return String((e as Dict).errMsg)
  try {
    return typeof e === 'string' ? e : (JSON.stringify(e) ?? String(e))
  } catch {
    return String(e)
  }
}

/** WeChat's setData path: `root.cn.[0].cn.[2].v`, `a.b[1].c`. */
export function setPath(obj: Dict, path: string, value: unknown): void {
  const keys: (string | number)[] = []
  for (const m of path.matchAll(/\[(\d+)\]|[^.[\]]+/g)) keys.push(m[1] !== undefined ? Number(m[1]) : m[0])
  let o: any = obj
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i]
    if (o[k] === undefined || o[k] === null || typeof o[k] !== 'object')
      o[k] = typeof keys[i + 1] === 'number' ? [] : {}
    o = o[k]
  }
  o[keys[keys.length - 1]] = value
}

export function cleanDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/**
 * A Canvas 2D node as WeChat hands it out (width, height, getContext('2d')): the context records
 * every drawing call (fillText with its text) so a test can read what the picture says.
 */
class CanvasNode {
  width = 300
  height = 150
  readonly calls: string[] = []
  private ctx?: Dict
  getContext(kind: string): Dict | null {
    if (kind !== '2d') return null
    if (this.ctx) return this.ctx
    const calls = this.calls
    const state: Dict = {
      font: '10px sans-serif',
      fillStyle: '#000',
      strokeStyle: '#000',
      textAlign: 'start'
    }
    const methods = [
      'fillRect',
      'strokeRect',
      'clearRect',
      'beginPath',
      'closePath',
      'moveTo',
      'lineTo',
      'arc',
      'arcTo',
      'rect',
      'roundRect',
      'fill',
      'stroke',
      'save',
      'restore',
      'translate',
      'scale',
      'rotate',
      'clip',
      'setLineDash',
      'drawImage',
      'quadraticCurveTo',
      'bezierCurveTo',
      'strokeText'
    ]
    const ctx: Dict = {
      fillText: (text: unknown, x: number, y: number) => {
        calls.push(`fillText ${String(text)} @${Math.round(x)},${Math.round(y)} ${String(state.font)}`)
      },
      // widths as a CJK font gives them: a full em for wide characters, half for the rest
      measureText: (text: unknown) => {
        const px = Number(/(\d+(?:\.\d+)?)px/.exec(String(state.font))?.[1] ?? 10)
        let w = 0
        for (const ch of String(text)) w += ch.charCodeAt(0) > 0x2e80 ? px : px * 0.55
        return { width: w }
      }
    }
    for (const m of methods) ctx[m] = (...a: unknown[]) => void calls.push(`${m} ${a.map(String).join(',')}`)
    this.ctx = new Proxy(ctx, {
      get: (t, k) => (typeof k === 'string' && !(k in t) ? state[k] : t[k as string]),
      set: (_t, k, v) => {
        if (typeof k === 'string') state[k] = v
        return true
      }
    })
    return this.ctx
  }
}
