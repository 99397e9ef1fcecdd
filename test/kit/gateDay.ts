/**
 * A full day at the gate stored straight through the SQLite port: as many gate events as one
 * day-log CSV holds (CSV_MAX_ROWS), spread from midnight to now. The heavy-read test and the
 * heavy-read benchmark (config/bench/heavy.ts) export it.
 */
import type { SqliteAdapter } from '../../src/cloud/data/sqlite'
import { CSV_MAX_ROWS } from '../../src/cloud/gate/log'
import { DEMO_ESTATE_ID } from '../../src/cloud/seed'
import { dayStart, localDate } from '../../src/domain/time'

export async function storeGateDay(db: SqliteAdapter, now: number): Promise<void> {
  const start = dayStart(now)
  await db.transaction(async (tx) => {
    for (let i = 0; i < CSV_MAX_ROWS; i++)
      await tx.insert('gateevents', {
        _id: `ev-${String(i).padStart(6, '0')}`,
        createdAt: now,
        updatedAt: now,
        estateId: DEMO_ESTATE_ID,
        at: start + Math.floor((i * (now - start)) / CSV_MAX_ROWS),
        day: localDate(now),
        type: 'visitor',
        event: 'visitorIn',
        gate: '东门',
        by: 'demo-guard',
        byName: '张卫国',
        refId: `v-${i}`,
        subject: `访客${i}`,
        detail: `1栋${i % 30}单元 · 138****${String(i % 10000).padStart(4, '0')}`
      })
  })
}
