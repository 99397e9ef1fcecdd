import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ServerConfig } from '../../src/cloud/context'
import type { DataPort } from '../../src/cloud/data/port'
import { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { seedDemo } from '../../src/cloud/seed'
import type { Staff } from '../../src/domain/entities'
import { DEFAULT_ENV, startEngine, useEngineForSdk as pointSdkAt, type Engine } from '../../test/cloudbase/engine'

/**
 * The demo estate seeded at `now` into `db` and every person bound to a WeChat (`oid-<staff id>`),
 * so the bench calls in by OPENID as the cloud functions are called.
 */
export async function seedBound(db: DataPort, now: number): Promise<void> {
  await seedDemo(db, now)
  for (const s of (await db.find<Staff & { [k: string]: unknown }>('staff', { limit: 100 })).items)
    await db.update('staff', s._id, s._v, { openid: `oid-${s._id}` })
}

/**
 * A file SQLite database in a fresh temporary folder (`gwt-bench-<name>-…`, the caller removes
 * `dir`) with the demo estate seeded and bound (seedBound).
 */
export async function seededEstate(name: string, now: number) {
  const dir = mkdtempSync(join(tmpdir(), `gwt-bench-${name}-`))
  const file = join(dir, `${name}.db`)
  const db = new SqliteAdapter({ file })
  await seedBound(db, now)
  return { dir, file, db }
}

/** The server's settings for a bench: demo on, the clock it is given, errors printed, a long timeout. */
export function benchConfig(now: () => number, extra: Partial<ServerConfig> = {}): ServerConfig {
  return {
    demo: true,
    sessionSecret: 'bench-secret',
    idSalt: 'bench-salt',
    now,
    random: Math.random,
    log: (m, e) => console.error(m, e),
    timeoutMs: 120_000,
    ...extra
  }
}

/**
 * Runs `fn` with the CloudBase test engine started (answering each request after `latencyMs`)
 * and the real wx-server-sdk pointed at it and initialised; both are put back afterwards.
 */
export async function onCloudbaseEngine<T>(
  latencyMs: number,
  fn: (engine: Engine) => Promise<T>
): Promise<T> {
  const engine = await startEngine({ latencyMs })
  const restore = pointSdkAt(engine, DEFAULT_ENV)
  require('wx-server-sdk').init({ env: DEFAULT_ENV })
  try {
    return await fn(engine)
  } finally {
    restore()
    await engine.close()
  }
}
