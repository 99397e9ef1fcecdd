import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { seedDemo } from '../../src/cloud/seed'
import type { Staff } from '../../src/domain/entities'

/**
 * A file SQLite database in a fresh temporary folder (`gwt-bench-<name>-…`, the caller removes
 * `dir`), the demo estate seeded at `now` and every person bound to a WeChat (`oid-<staff id>`),
 * so the bench calls in by OPENID as the cloud functions are called.
 */
export async function seededEstate(name: string, now: number) {
  const dir = mkdtempSync(join(tmpdir(), `gwt-bench-${name}-`))
  const file = join(dir, `${name}.db`)
  const db = new SqliteAdapter({ file })
  await seedDemo(db, now)
  for (const s of (await db.find<Staff & { [k: string]: unknown }>('staff', { limit: 100 })).items)
    await db.update('staff', s._id, s._v, { openid: `oid-${s._id}` })
  return { dir, file, db }
}
