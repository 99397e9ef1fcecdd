import {
  backoffMs,
  nextBatch,
  nextDue,
  verdictOf,
  entryBytes,
  type OutboxEntry
} from '../../../src/domain/outbox'

let n = 0
function entry(p: Partial<OutboxEntry>): OutboxEntry {
  const id = p.id ?? `id${String(++n).padStart(4, '0')}`
  return {
    id,
    order: p.order ?? id,
    action: 'shift.start',
    fn: 'staff',
    input: {},
    staffId: 'a',
    deviceTime: 0,
    record: 'r',
    summary: 's',
    status: 'pending',
    attempts: 0,
    nextAt: 0,
    ...p
  }
}

describe('which operations go next', () => {
  it('keeps order within a record (one per record per request) and lets other records pass a waiting one', () => {
    const a1 = entry({ record: 'A', nextAt: 100 })
    const a2 = entry({ record: 'A' })
    const b1 = entry({ record: 'B' })
    expect(nextBatch([b1, a2, a1], { staffId: 'a', now: 0, max: 10 }).map((e) => e.id)).toEqual([b1.id])
    expect(nextBatch([b1, a2, a1], { staffId: 'a', now: 100, max: 10 }).map((e) => e.id)).toEqual([
      a1.id,
      b1.id
    ])
  })
  it('a refused operation blocks the rest of its record', () => {
    const a1 = entry({ record: 'A', status: 'refused' })
    const a2 = entry({ record: 'A' })
    expect(nextBatch([a1, a2], { staffId: 'a', now: 0, max: 10 })).toEqual([])
  })
  it('an edited operation keeps its place through its order key', () => {
    const later = entry({ record: 'A' })
    const edited = entry({ record: 'A', id: 'zzzz', order: 'id0000' })
    expect(nextBatch([later, edited], { staffId: 'a', now: 0, max: 10 }).map((e) => e.id)).toEqual(['zzzz'])
  })
  it('sends only the signed-in person’s, one function per request, at most max', () => {
    const list = [
      entry({ staffId: 'b' }),
      entry({ record: 'x' }),
      entry({ record: 'y', fn: 'admin' }),
      entry({ record: 'z' }),
      entry({ record: 'w' })
    ]
    const out = nextBatch(list, { staffId: 'a', now: 0, max: 2 })
    expect(out.map((e) => e.record)).toEqual(['x', 'z'])
  })
  it('reports when the next one is due', () => {
    expect(
      nextDue([entry({ nextAt: 50 }), entry({ nextAt: 20 }), entry({ nextAt: 5, status: 'refused' })], 'a')
    ).toBe(20)
    expect(nextDue([], 'a')).toBeUndefined()
  })
})

describe('backoff and verdicts', () => {
  it('doubles from 2 s to a 5 min cap, with jitter between half and all', () => {
    expect(backoffMs(1, () => 0)).toBe(1000)
    expect(backoffMs(1, () => 1)).toBe(2000)
    expect(backoffMs(3, () => 1)).toBe(8000)
    expect(backoffMs(30, () => 1)).toBe(300000)
    expect(backoffMs(30, () => 0)).toBe(150000)
  })
  it('network and server trouble retry, session trouble waits for sign-in, the rest is refused', () => {
    expect(verdictOf(undefined)).toBe('applied')
    expect(verdictOf('NETWORK')).toBe('retry')
    expect(verdictOf('INTERNAL')).toBe('retry')
    expect(verdictOf('SESSION_EXPIRED')).toBe('auth')
    expect(verdictOf('CONFLICT')).toBe('refused')
    expect(verdictOf('INVALID_INPUT')).toBe('refused')
  })
  it('measures storage in UTF-8 bytes', () => {
    const e = entry({ summary: '上岗' })
    expect(entryBytes(e)).toBe(JSON.stringify(e).length + 4)
  })
})
