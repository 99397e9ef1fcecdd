/**
 * Hostile client, heavy reads (issue 16, point 5): a batch of 25 day-log CSVs ran them all, one
 * after another, while everyone else waited. Now one heavy read per batch; the rest are refused.
 */
import { makeHarness, DEMO_ESTATE_ID } from '../harness'
import { HEAVY_ACTIONS, MAX_BATCH } from '../../../src/cloud/dispatch/batch'
import type { Envelope } from '../../../src/domain/errors'

describe('at most one heavy read per batch', () => {
  it('a batch of 25 day-log CSVs runs the first and answers HEAVY_BUSY for the other 24', async () => {
    const h = await makeHarness()
    expect(HEAVY_ACTIONS.has('gate.dayLogCsv')).toBe(true)
    const csv = { action: 'gate.dayLogCsv', estateId: DEMO_ESTATE_ID, input: { date: '2026-11-23' } }
    const env = await h.raw(
      'admin',
      { batch: [...Array(MAX_BATCH)].map(() => csv) },
      { kind: 'openid', openid: 'oid-demo-supervisor' }
    )
    expect(env.ok).toBe(true)
    const items = (env as { data: Envelope<unknown>[] }).data
    expect(items[0]).toMatchObject({ ok: true })
    const codes = items.slice(1).map((e) => (e.ok ? 'OK' : e.code))
    expect(codes).toEqual(Array(MAX_BATCH - 1).fill('HEAVY_BUSY'))
    // a light read after the heavy one in the same batch still runs
    const mixed = await h.raw(
      'admin',
      { batch: [csv, { action: 'gate.dayLog', estateId: DEMO_ESTATE_ID, input: { date: '2026-11-23' } }] },
      { kind: 'openid', openid: 'oid-demo-supervisor' }
    )
    expect((mixed as { data: Envelope<unknown>[] }).data.map((e) => e.ok)).toEqual([true, true])
  })
})
