import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startServer, type Running } from '../../../src/cloud/http/server'
import { Phone } from './host'
import { until as waitUntil } from '../../kit/until'

/** The built mini program the weapp project's global setup made, and the base it was built for. */
export const WEAPP_DIR = resolve(__dirname, '../../..', process.env.WEAPP_DIR ?? 'dist/weapp-test')
export const API_BASE = process.env.WEAPP_API_BASE ?? 'https://api.gangweitong.test'

export interface World {
  server: Running
  /** A new phone with the mini program installed (not started). */
  phone(name: string, platform?: 'android' | 'ios'): Phone
  close(): Promise<void>
}

/** The real local server (demo estate, throw-away database) and phones that talk to it. */
export async function startWorld(): Promise<World> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gwt-weapp-'))
  const server = await startServer({ port: 0, dataDir, demo: true, quiet: true })
  const phones: Phone[] = []
  return {
    server,
    phone(name, platform = 'android') {
      const p = new Phone({
        dir: WEAPP_DIR,
        apiBase: API_BASE,
        serverUrl: server.url,
        tmp: mkdtempSync(join(dataDir, 'phone-')),
        platform,
        name
      })
      phones.push(p)
      return p
    },
    async close() {
      for (const p of phones) await p.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

/** Starts the mini program and signs in through the demo list by the person's name (e.g. 张卫国). */
export async function signIn(phone: Phone, name: string): Promise<void> {
  await phone.launch()
  const label = new RegExp(`^${name} · `)
  await phone.waitFor(label)
  await phone.tap(label)
  await phone.waitFor('一键报事')
  phone.assertHealthy()
}

/** Opens a work area from the home page by its title. */
export async function openArea(phone: Phone, title: string, expect: string | RegExp): Promise<void> {
  await phone.tap(title, { cls: 'area-title' })
  await phone.waitFor(expect)
}

/** The demo staff of the README, by name, with the areas each sees on the home page. */
export const STAFF = ['张卫国', '李巡', '王管家', '赵洁', '钱工', '孙客服', '周主管', '吴经理'] as const

/** Waits until `fn` gives something: the kit's `until`, polling the quicker Node host every 50 ms. */
export function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false>,
  ms = 10_000
): Promise<T> {
  return waitUntil(what, fn, ms, 50)
}
